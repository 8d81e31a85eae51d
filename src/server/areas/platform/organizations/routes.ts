import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { ZIdParams } from "../../../../schemas/common";
import { uploadForm } from "../../../../schemas/platform/files";
import {
  ZContactResponse,
  ZImportResult,
  ZOrganization,
  ZOrganizationInput,
  ZOrganizationPage,
  ZOrganizationQuery,
  ZOrganizationUpdate,
} from "../../../../schemas/platform/organizations";
import { signedIn } from "../../../context";
import { AppError } from "../../../errors";
import { errors } from "../../../route-docs";
import type { AreaDeps } from "../../deps";
import { getOrganization, revealContact } from "./detail";
import { exportOrganizations } from "./export";
import { importOrganizations } from "./import";
import { listOrganizations } from "./list";
import { attachment, XLSX_TYPE } from "./spreadsheet";
import { importTemplate } from "./template";
import { createOrganization, updateOrganization } from "./write";

const tags = ["organizations"];
const ZFilter = ZOrganizationQuery.omit({ page: true, pageSize: true });
const xlsx = (description: string) => ({
  description,
  content: { [XLSX_TYPE]: { schema: z.any().meta({ type: "string", format: "binary" }) } },
});

export const organizationRoutes: FastifyPluginAsyncZod<AreaDeps> = async (app, { db }) => {
  app.get(
    "",
    {
      schema: {
        tags,
        operationId: "listOrganizations",
        summary: "Search, filter, sort and page the registry (contact phones masked)",
        querystring: ZOrganizationQuery,
        response: { 200: ZOrganizationPage, ...errors(400, 401, 403) },
      },
    },
    async (request) => listOrganizations(db, signedIn(request), request.query),
  );

  app.post(
    "",
    {
      schema: {
        tags,
        operationId: "createOrganization",
        summary: "Register an organization",
        body: ZOrganizationInput,
        response: { 201: ZOrganization, ...errors(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const organization = await createOrganization(db, signedIn(request), request.body);
      return reply.status(201).send(organization);
    },
  );

  app.get(
    "/export.xlsx",
    {
      schema: {
        tags,
        operationId: "exportOrganizations",
        summary: "The filtered registry as .xlsx (all pages, up to 50,000 rows; phones masked)",
        querystring: ZFilter,
        response: { 200: xlsx("社会组织名录 .xlsx"), ...errors(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const file = await exportOrganizations(db, signedIn(request), request.query);
      const fallback = `organizations-${file.filename.replace(/\D/g, "")}.xlsx`;
      return reply
        .type(XLSX_TYPE)
        .header("content-disposition", attachment(file.filename, fallback))
        .send(file.buffer);
    },
  );

  app.get(
    "/import-template.xlsx",
    {
      schema: {
        tags,
        operationId: "organizationImportTemplate",
        summary: "The .xlsx template for importing organizations",
        response: { 200: xlsx("Import template"), ...errors(401, 403) },
      },
    },
    async (request, reply) => {
      const buffer = await importTemplate(db, signedIn(request));
      return reply
        .type(XLSX_TYPE)
        .header(
          "content-disposition",
          attachment("社会组织导入模板.xlsx", "organization-import-template.xlsx"),
        )
        .send(buffer);
    },
  );

  app.post(
    "/import",
    {
      schema: {
        tags,
        operationId: "importOrganizations",
        summary: "Import organizations from the .xlsx template (multipart field `file`); all rows or none",
        consumes: ["multipart/form-data"],
        body: uploadForm({}),
        response: { 200: ZImportResult, ...errors(400, 401, 403, 409, 413) },
      },
    },
    async (request) => importOrganizations(db, signedIn(request), () => uploadedFile(request)),
  );

  app.get(
    "/:id",
    {
      schema: {
        tags,
        operationId: "getOrganization",
        summary: "One organization (contact phone masked unless it is the member's own)",
        params: ZIdParams,
        response: { 200: ZOrganization, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => getOrganization(db, signedIn(request), request.params.id),
  );

  app.patch(
    "/:id",
    {
      schema: {
        tags,
        operationId: "updateOrganization",
        summary: "Edit an organization at the version the editor saw (409 when stale)",
        params: ZIdParams,
        body: ZOrganizationUpdate,
        response: { 200: ZOrganization, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => updateOrganization(db, signedIn(request), request.params.id, request.body),
  );

  app.get(
    "/:id/contact",
    {
      schema: {
        tags,
        operationId: "revealOrganizationContact",
        summary: "The whole contact phone (audited)",
        params: ZIdParams,
        response: { 200: ZContactResponse, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => revealContact(db, signedIn(request), request.params.id),
  );
};

/** The uploaded file's bytes; a body that is not multipart or cannot be parsed is not a file. */
async function uploadedFile(request: FastifyRequest): Promise<Buffer | null> {
  if (!request.isMultipart()) throw new AppError("file_invalid", { field: "file" });
  try {
    const part = await request.file();
    return part ? await part.toBuffer() : null;
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode === 413) throw error;
    throw new AppError("file_invalid", { field: "file" });
  }
}
