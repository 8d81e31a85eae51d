/** GET /api/funding/figures and its .xlsx: the base's money figures (staff, admin, government viewers). */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { ZFundingFigures, ZFundingFiguresQuery } from "../../../../schemas/funding/figures";
import { signedIn } from "../../../context";
import { errors } from "../../../route-docs";
import type { AreaDeps } from "../../deps";
import { attachment, XLSX_TYPE } from "../../platform/organizations/spreadsheet";
import { exportFundingFigures } from "./export";
import { fundingFigures } from "./service";

const tags = ["funding figures"];

/** Registered under /funding. */
export const fundingFigureRoutes: FastifyPluginAsyncZod<AreaDeps> = async (app, { db, readDb }) => {
  app.get(
    "/figures",
    {
      schema: {
        tags,
        operationId: "fundingFigures",
        summary:
          "The base's money figures: committed, disbursed and spent (fen) by fund, fund kind, track and year; owed; indicator achievement by track; projects by status",
        querystring: ZFundingFiguresQuery,
        response: { 200: ZFundingFigures, ...errors(400, 401, 403) },
      },
    },
    async (request) => fundingFigures(readDb, signedIn(request), request.query),
  );

  app.get(
    "/figures.xlsx",
    {
      schema: {
        tags,
        operationId: "exportFundingFigures",
        summary:
          "The money figures as .xlsx: one sheet per grouping, yuan with two decimals, totals that add up",
        querystring: ZFundingFiguresQuery,
        response: {
          200: {
            description: "资金数据 .xlsx",
            content: { [XLSX_TYPE]: { schema: z.any().meta({ type: "string", format: "binary" }) } },
          },
          ...errors(400, 401, 403),
        },
      },
    },
    async (request, reply) => {
      const file = await exportFundingFigures(db, signedIn(request), request.query);
      return reply
        .type(XLSX_TYPE)
        .header("content-disposition", attachment(file.filename, "funding-figures.xlsx"))
        .send(file.buffer);
    },
  );
};
