/**
 * The service figures (服务数据) from the service ledger: a base's (staff, government viewers,
 * a liaison's town) under /stats, one organization's (its base's staff, its own members) under
 * /organizations; each with its .xlsx.
 */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { ZIdParams } from "../../../../schemas/common";
import {
  ZOrganizationServiceFigures,
  ZServiceFigures,
  ZServiceFiguresQuery,
} from "../../../../schemas/services/figures";
import { signedIn } from "../../../context";
import { errors } from "../../../route-docs";
import type { AreaDeps } from "../../deps";
import { attachment, XLSX_TYPE } from "../../platform/organizations/spreadsheet";
import { exportOrganizationServiceFigures, exportServiceFigures } from "./export";
import { organizationServiceFigures, serviceFigures } from "./service";

const tags = ["service figures"];
const xlsx = (description: string) => ({
  description,
  content: { [XLSX_TYPE]: { schema: z.any().meta({ type: "string", format: "binary" }) } },
});

/** Registered under /stats, beside the recruitment and incubation figures. */
export const serviceFigureRoutes: FastifyPluginAsyncZod<AreaDeps> = async (app, { db, readDb, shared }) => {
  app.get(
    "/services",
    {
      schema: {
        tags,
        operationId: "serviceFigures",
        summary:
          "The service ledger counted per base (a liaison: its town): by 4Z category and month, by kind, hours, satisfaction, organizations (share virtual) and persons served",
        querystring: ZServiceFiguresQuery,
        response: { 200: ZServiceFigures, ...errors(400, 401, 403) },
      },
    },
    async (request) => serviceFigures(readDb, signedIn(request), request.query, shared),
  );

  app.get(
    "/services/export.xlsx",
    {
      schema: {
        tags,
        operationId: "exportServiceFigures",
        summary: "The service figures as .xlsx: totals, then deliveries per month and 4Z category",
        querystring: ZServiceFiguresQuery,
        response: { 200: xlsx("服务数据 .xlsx"), ...errors(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const file = await exportServiceFigures(db, signedIn(request), request.query);
      return reply
        .type(XLSX_TYPE)
        .header("content-disposition", attachment(file.filename, "service-figures.xlsx"))
        .send(file.buffer);
    },
  );
};

/** Registered under /organizations: one organization's figures, as its growth file is read. */
export const organizationServiceFigureRoutes: FastifyPluginAsyncZod<AreaDeps> = async (app, { db }) => {
  app.get(
    "/:id/services/figures",
    {
      schema: {
        tags,
        operationId: "organizationServiceFigures",
        summary: "One organization's service figures (its base's staff, its own members)",
        params: ZIdParams,
        querystring: ZServiceFiguresQuery,
        response: { 200: ZOrganizationServiceFigures, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => organizationServiceFigures(db, signedIn(request), request.params.id, request.query),
  );

  app.get(
    "/:id/services/figures/export.xlsx",
    {
      schema: {
        tags,
        operationId: "exportOrganizationServiceFigures",
        summary: "One organization's service figures as .xlsx",
        params: ZIdParams,
        querystring: ZServiceFiguresQuery,
        response: { 200: xlsx("组织服务数据 .xlsx"), ...errors(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const file = await exportOrganizationServiceFigures(
        db,
        signedIn(request),
        request.params.id,
        request.query,
      );
      return reply
        .type(XLSX_TYPE)
        .header("content-disposition", attachment(file.filename, `service-figures-${request.params.id}.xlsx`))
        .send(file.buffer);
    },
  );
};
