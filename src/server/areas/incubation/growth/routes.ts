/**
 * The growth file (组织成长档案) of an organization: on screen by page, and as .xlsx. Registered
 * under /organizations, as the file is the organization's, whatever incubation it is in.
 */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { ZIdParams } from "../../../../schemas/common";
import { ZGrowthExportQuery, ZGrowthFile, ZGrowthQuery } from "../../../../schemas/incubation/growth";
import { signedIn } from "../../../context";
import { errors } from "../../../route-docs";
import type { AreaDeps } from "../../deps";
import { attachment, XLSX_TYPE } from "../../platform/organizations/spreadsheet";
import { exportGrowthFile } from "./export";
import { growthFile } from "./timeline";

const tags = ["growth file"];

export const growthRoutes: FastifyPluginAsyncZod<AreaDeps> = async (app, { db }) => {
  app.get(
    "/:id/growth",
    {
      schema: {
        tags,
        operationId: "getGrowthFile",
        summary: "An organization's growth file, newest first, by area and period (members: their own)",
        params: ZIdParams,
        querystring: ZGrowthQuery,
        response: { 200: ZGrowthFile, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => growthFile(db, signedIn(request), request.params.id, request.query),
  );

  app.get(
    "/:id/growth/export.xlsx",
    {
      schema: {
        tags,
        operationId: "exportGrowthFile",
        summary: "The filtered growth file as .xlsx (all pages, up to 20,000 events)",
        params: ZIdParams,
        querystring: ZGrowthExportQuery,
        response: {
          200: {
            description: "成长档案 .xlsx",
            content: { [XLSX_TYPE]: { schema: z.any().meta({ type: "string", format: "binary" }) } },
          },
          ...errors(400, 401, 403, 404),
        },
      },
    },
    async (request, reply) => {
      const file = await exportGrowthFile(db, signedIn(request), request.params.id, {
        ...request.query,
        page: 1,
        pageSize: 500,
      });
      return reply
        .type(XLSX_TYPE)
        .header("content-disposition", attachment(file.filename, `growth-file-${request.params.id}.xlsx`))
        .send(file.buffer);
    },
  );
};
