/** The base's flagship programmes (十大工程) under /api/funding/programmes: staff keep the list. */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ZIdParams } from "../../../../schemas/common";
import {
  ZProgramme,
  ZProgrammeInput,
  ZProgrammeList,
  ZProgrammeQuery,
} from "../../../../schemas/funding/settings";
import { signedIn } from "../../../context";
import { errors } from "../../../route-docs";
import type { AreaDeps } from "../../deps";
import { createProgramme, listProgrammes, retireProgramme, updateProgramme } from "./service";

const tags = ["funding"];

export const programmeRoutes: FastifyPluginAsyncZod<AreaDeps> = async (app, { db }) => {
  app.get(
    "/",
    {
      schema: {
        tags,
        operationId: "listFlagshipProgrammes",
        summary:
          "The base's flagship programmes (staff), in their order with the number of projects in each; retired ones only with all=true",
        querystring: ZProgrammeQuery,
        response: { 200: ZProgrammeList, ...errors(400, 401, 403) },
      },
    },
    async (request) => listProgrammes(db, signedIn(request), request.query.all === "true"),
  );
  app.post(
    "/",
    {
      schema: {
        tags,
        operationId: "createFlagshipProgramme",
        summary: "Add a flagship programme (staff; its name unique in the base, 400 otherwise)",
        body: ZProgrammeInput,
        response: { 201: ZProgramme, ...errors(400, 401, 403) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createProgramme(db, signedIn(request), request.body)),
  );
  app.put(
    "/:id",
    {
      schema: {
        tags,
        operationId: "updateFlagshipProgramme",
        summary: "Rename a flagship programme or change its description (staff)",
        params: ZIdParams,
        body: ZProgrammeInput,
        response: { 200: ZProgramme, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => updateProgramme(db, signedIn(request), request.params.id, request.body),
  );
  app.post(
    "/:id/retire",
    {
      schema: {
        tags,
        operationId: "retireFlagshipProgramme",
        summary: "Retire a flagship programme (staff): no longer offered; its projects keep it",
        params: ZIdParams,
        response: { 200: ZProgramme, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => retireProgramme(db, signedIn(request), request.params.id),
  );
};
