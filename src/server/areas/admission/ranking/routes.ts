/** The review meeting's routes under /api/rounds: the ranking, its .xlsx, the meeting notes. */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  ZNote,
  ZNoteInput,
  ZNotes,
  ZRankingPage,
  ZRankingQuery,
} from "../../../../schemas/admission/ranking";
import { ZIdParams } from "../../../../schemas/common";
import { signedIn } from "../../../context";
import { errors } from "../../../route-docs";
import type { AreaDeps } from "../../deps";
import { attachment, XLSX_TYPE } from "../../platform/organizations/spreadsheet";
import { exportRanking } from "./export";
import { addNote, listNotes } from "./notes";
import { getRankingPage } from "./page";

const tags = ["meeting"];

export const rankingRoutes: FastifyPluginAsyncZod<AreaDeps> = async (app, { db, shared }) => {
  app.get(
    "/:id/ranking",
    {
      schema: {
        tags,
        operationId: "getRoundRanking",
        summary:
          "One page of one track of the round's ranking, computed in the database: every method side by side, flags, decisions, each review's scores; each track's totals, the track's experts and the quota line",
        params: ZIdParams,
        querystring: ZRankingQuery,
        response: { 200: ZRankingPage, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => getRankingPage(db, signedIn(request), request.params.id, request.query, shared),
  );

  app.get(
    "/:id/ranking.xlsx",
    {
      schema: {
        tags,
        operationId: "exportRoundRanking",
        summary: "The ranking as .xlsx: per track the ranking and every score",
        params: ZIdParams,
        response: {
          200: {
            description: "评审排名 .xlsx",
            content: { [XLSX_TYPE]: { schema: z.any().meta({ type: "string", format: "binary" }) } },
          },
          ...errors(400, 401, 403, 404),
        },
      },
    },
    async (request, reply) => {
      const file = await exportRanking(db, signedIn(request), request.params.id);
      return reply
        .type(XLSX_TYPE)
        .header("content-disposition", attachment(file.filename, "ranking.xlsx"))
        .send(file.buffer);
    },
  );

  app.get(
    "/:id/notes",
    {
      schema: {
        tags,
        operationId: "listRoundNotes",
        summary: "The meeting's notes on the round and its applications, oldest first",
        params: ZIdParams,
        response: { 200: ZNotes, ...errors(401, 403, 404) },
      },
    },
    async (request) => listNotes(db, signedIn(request), request.params.id),
  );

  app.post(
    "/:id/notes",
    {
      schema: {
        tags,
        operationId: "addRoundNote",
        summary: "Add a meeting note on the round, or on one of its applications",
        params: ZIdParams,
        body: ZNoteInput,
        response: { 201: ZNote, ...errors(400, 401, 403, 404) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await addNote(db, signedIn(request), request.params.id, request.body)),
  );
};
