import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { ZIdParams } from "../../../../schemas/common";
import { uploadForm } from "../../../../schemas/platform/files";
import {
  ZApplicationCreate,
  ZApplicationDetail,
  ZApplicationDocument,
  ZApplicationDraft,
  ZApplicationSubmit,
  ZApplicationWithdraw,
  ZCompareQuery,
  ZDocumentParams,
  ZMyApplications,
  ZSubmission,
  ZSubmissionCompare,
  ZSubmissionParams,
  ZSubmitResult,
} from "../../../../schemas/recruitment/applications";
import { signedIn } from "../../../context";
import { AppError } from "../../../errors";
import { errors } from "../../../route-docs";
import { localFileStorage } from "../../../storage";
import type { AreaDeps } from "../../deps";
import { receiveUpload } from "../../platform/files/receive";
import { checkApplicant, checkUploadable, removeDocument, uploadDocument } from "./documents";
import { checkReplaceable, replaceDocument } from "./replace";
import { createApplication, getApplication, listMine, saveDraft, withdrawApplication } from "./service";
import { compareSubmissions, getSubmission } from "./submissions";
import { submitApplication } from "./submit";

const tags = ["applications"];

/** A client-chosen token, e.g. a UUID: printable, 8 to 100 characters. */
const ZIdempotencyKey = z.string().regex(/^[\x21-\x7e]{8,100}$/);

/**
 * The header as the OpenAPI document shows it: required. It is checked in the handler, after the
 * policy, so that a caller who may not submit learns 403 rather than what the header lacks.
 */
const ZSubmitHeaders = z
  .looseObject({
    "idempotency-key": z
      .string()
      .optional()
      .describe(
        "8 to 100 printable ASCII characters, new per submit; a retry with the same key gets the first answer",
      ),
  })
  .meta({ required: ["idempotency-key"] });

export const applicationRoutes: FastifyPluginAsyncZod<AreaDeps> = async (app, { db, config }) => {
  const storage = localFileStorage(config.dataDir);

  app.get(
    "/mine",
    {
      schema: {
        tags,
        operationId: "listMyApplications",
        summary: "The member organization's applications (call, track, status, deadline)",
        response: { 200: ZMyApplications, ...errors(401, 403) },
      },
    },
    async (request) => listMine(db, signedIn(request)),
  );

  app.post(
    "",
    {
      schema: {
        tags,
        operationId: "createApplication",
        summary: "Start a draft for the member's organization (one per call; 409 already_applied)",
        body: ZApplicationCreate,
        response: { 201: ZApplicationDetail, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const detail = await createApplication(db, signedIn(request), request.body);
      return reply.status(201).send(detail);
    },
  );

  app.get(
    "/:id",
    {
      schema: {
        tags,
        operationId: "getApplication",
        summary: "One application with requirements, documents, verdicts, history and submit problems",
        params: ZIdParams,
        response: { 200: ZApplicationDetail, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => getApplication(db, signedIn(request), request.params.id),
  );

  app.patch(
    "/:id",
    {
      schema: {
        tags,
        operationId: "saveApplicationDraft",
        summary: "Autosave the form (answers merged by key) at the version the editor saw",
        params: ZIdParams,
        body: ZApplicationDraft,
        response: { 200: ZApplicationDetail, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => saveDraft(db, signedIn(request), request.params.id, request.body),
  );

  app.post(
    "/:id/submit",
    {
      schema: {
        tags,
        operationId: "submitApplication",
        summary: "Submit or resubmit (header Idempotency-Key: a retry answers the first result)",
        params: ZIdParams,
        headers: ZSubmitHeaders,
        body: ZApplicationSubmit,
        response: { 200: ZSubmitResult, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const ctx = signedIn(request);
      await checkApplicant(db, ctx, request.params.id);
      const header = request.headers["idempotency-key"];
      const key = ZIdempotencyKey.safeParse(Array.isArray(header) ? header[0] : header);
      if (!key.success) {
        throw new AppError("validation_failed", {
          field: "Idempotency-Key",
          fieldMessage: header ? "invalid" : "required",
        });
      }
      return submitApplication(db, ctx, request.params.id, {
        version: request.body.version,
        idempotencyKey: key.data,
      });
    },
  );

  app.post(
    "/:id/withdraw",
    {
      schema: {
        tags,
        operationId: "withdrawApplication",
        summary: "Withdraw the application (with an optional reason)",
        params: ZIdParams,
        body: ZApplicationWithdraw,
        response: { 200: ZApplicationDetail, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => withdrawApplication(db, signedIn(request), request.params.id, request.body),
  );

  app.post(
    "/:id/documents",
    {
      schema: {
        tags,
        operationId: "uploadApplicationDocument",
        summary: "Attach a document (multipart: field `requirementKey`, then `file`); type from content",
        params: ZIdParams,
        consumes: ["multipart/form-data"],
        body: uploadForm({ requirementKey: "The required document this file is for" }),
        response: { 201: ZApplicationDocument, ...errors(400, 401, 403, 404, 409, 413, 429) },
      },
    },
    async (request, reply) => {
      const ctx = signedIn(request);
      // Refused before a byte is stored: another organization's, or no longer the applicant's to change.
      await checkUploadable(db, ctx, request.params.id);
      const upload = await receiveUpload(request, storage);
      const document = await uploadDocument(db, ctx, storage, request.params.id, upload);
      return reply.status(201).send(document);
    },
  );

  app.post(
    "/:id/documents/:documentId/replacement",
    {
      schema: {
        tags,
        operationId: "replaceApplicationDocument",
        summary:
          "Replace a current document with a corrected file (multipart `file`); the old one stays in the item's history. 409 when it is no longer current",
        params: ZDocumentParams,
        consumes: ["multipart/form-data"],
        response: { 201: ZApplicationDocument, ...errors(400, 401, 403, 404, 409, 413) },
      },
    },
    async (request, reply) => {
      const ctx = signedIn(request);
      const { id, documentId } = request.params;
      // Refused before a byte is stored, like an upload; a stale document too.
      await checkReplaceable(db, ctx, id, documentId);
      const upload = await receiveUpload(request, storage);
      return reply.status(201).send(await replaceDocument(db, ctx, storage, id, documentId, upload));
    },
  );

  app.delete(
    "/:id/documents/:documentId",
    {
      schema: {
        tags,
        operationId: "removeApplicationDocument",
        summary: "Remove a document while the form is editable (submitted versions keep it)",
        params: ZDocumentParams,
        response: { 204: z.null().describe("Removed"), ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      await removeDocument(db, signedIn(request), request.params.id, request.params.documentId);
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/:id/submissions/:number",
    {
      schema: {
        tags,
        operationId: "getApplicationSubmission",
        summary: "One submitted version as it was frozen",
        params: ZSubmissionParams,
        response: { 200: ZSubmission, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => getSubmission(db, signedIn(request), request.params.id, request.params.number),
  );

  app.get(
    "/:id/compare",
    {
      schema: {
        tags,
        operationId: "compareApplicationSubmissions",
        summary: "What changed between two submitted versions (answers, profile, documents, track)",
        params: ZIdParams,
        querystring: ZCompareQuery,
        response: { 200: ZSubmissionCompare, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) =>
      compareSubmissions(db, signedIn(request), request.params.id, request.query.from, request.query.to),
  );
};
