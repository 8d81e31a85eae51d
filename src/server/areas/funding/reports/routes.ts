/**
 * Progress reports (进展报告) under /api: a grant's reports and their schedule, the report the
 * grantee writes and submits with its photos, the staff's review (accept, return, fail), ending a
 * grant after a failed mid-term evaluation, and the funding to-do of the homes. Thin: each route
 * parses with the contract and calls one service.
 */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { ZIdParams, ZOk, ZVersion } from "../../../../schemas/common";
import {
  ZFundingWaiting,
  ZGrantReportsView,
  ZReportAdd,
  ZReportContent,
  ZReportEndGrant,
  ZReportEntry,
  ZReportFail,
  ZReportReview,
  ZReportScheduled,
  ZReportScheduleInput,
  ZReportStepDone,
  ZReportView,
} from "../../../../schemas/funding/reports";
import { uploadForm, ZUploadedFile } from "../../../../schemas/platform/files";
import { signedIn } from "../../../context";
import { errors } from "../../../route-docs";
import { localFileStorage } from "../../../storage";
import type { AreaDeps } from "../../deps";
import { receiveUpload } from "../../platform/files/receive";
import { fundingWaiting } from "../waiting/service";
import { checkReportFileRole, checkReportOpenForFiles, uploadReportFile } from "./attachments";
import { endGrantAfterMidterm, reviewReport } from "./review";
import { addReport, grantReports, removeReport, scheduleReports } from "./schedule";
import { reportView, writeReport } from "./write";

const tags = ["funding"];

export const fundingReportRoutes: FastifyPluginAsyncZod<AreaDeps> = async (app, { db, config }) => {
  const storage = localFileStorage(config.dataDir);

  app.get(
    "/grants/:id/reports",
    {
      schema: {
        tags,
        operationId: "listGrantReports",
        summary:
          "A grant's progress reports, mid-term evaluation and final report, with due days and lateness (whoever reads the grant)",
        params: ZIdParams,
        response: { 200: ZGrantReportsView, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => grantReports(db, signedIn(request), request.params.id),
  );

  app.post(
    "/grants/:id/reports/schedule",
    {
      schema: {
        tags,
        operationId: "scheduleGrantReports",
        summary:
          "Schedule the grant's reports at a frequency (staff, once the agreement is signed); periods already covered are skipped, so running it again adds none",
        params: ZIdParams,
        body: ZReportScheduleInput,
        response: { 200: ZReportScheduled, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => scheduleReports(db, signedIn(request), request.params.id, request.body),
  );

  app.post(
    "/grants/:id/reports",
    {
      schema: {
        tags,
        operationId: "addGrantReport",
        summary: "Add one report to the grant's schedule (staff); a periodic one may not overlap another",
        params: ZIdParams,
        body: ZReportAdd,
        response: { 201: ZReportEntry, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addReport(db, signedIn(request), request.params.id, request.body)),
  );

  app.get(
    "/reports/:id",
    {
      schema: {
        tags,
        operationId: "getReport",
        summary:
          "A progress report with the project's indicators (baseline, target, the value given), people reached, photos and review",
        params: ZIdParams,
        response: { 200: ZReportView, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => reportView(db, signedIn(request), request.params.id),
  );

  app.put(
    "/reports/:id",
    {
      schema: {
        tags,
        operationId: "saveReport",
        summary:
          "Save the report as a draft (the grantee's members, while due or returned), at the version read",
        params: ZIdParams,
        body: ZReportContent,
        response: { 200: ZReportStepDone, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => writeReport(db, signedIn(request), request.params.id, request.body, false),
  );

  app.delete(
    "/reports/:id",
    {
      schema: {
        tags,
        operationId: "removeReport",
        summary: "Remove a scheduled report still due (staff), at the version read",
        params: ZIdParams,
        querystring: z.object({ version: z.coerce.number().pipe(ZVersion) }),
        response: { 200: ZOk, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      await removeReport(db, signedIn(request), request.params.id, request.query.version);
      return { ok: true as const };
    },
  );

  app.post(
    "/reports/:id/submit",
    {
      schema: {
        tags,
        operationId: "submitReport",
        summary:
          "Submit the report (the grantee's members): every indicator's value and the narrative are required; the staff are told. A retried submit answers as the first did",
        params: ZIdParams,
        body: ZReportContent,
        response: { 200: ZReportStepDone, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => writeReport(db, signedIn(request), request.params.id, request.body, true),
  );

  app.post(
    "/reports/:id/files",
    {
      schema: {
        tags,
        operationId: "uploadReportFile",
        summary:
          "Attach a photo or evidence to a report the grantee is writing (multipart: `file`); the report then names it by id",
        consumes: ["multipart/form-data"],
        params: ZIdParams,
        body: uploadForm({}),
        response: { 201: ZUploadedFile, ...errors(400, 401, 403, 404, 409, 413, 429) },
      },
    },
    async (request, reply) => {
      const ctx = signedIn(request);
      checkReportFileRole(ctx);
      const id = request.params.id;
      const upload = await receiveUpload(request, storage, () => checkReportOpenForFiles(db, ctx, id));
      return reply.status(201).send(await uploadReportFile(db, ctx, storage, id, upload));
    },
  );

  for (const event of ["accept", "return"] as const)
    app.post(
      `/reports/:id/${event}`,
      {
        schema: {
          tags,
          operationId: event === "accept" ? "acceptReport" : "returnReport",
          summary:
            event === "accept"
              ? "Accept a submitted report (staff); the growth file records it and the grantee is told"
              : "Return a submitted report for changes, with a note saying what (staff)",
          params: ZIdParams,
          body: ZReportReview,
          response: { 200: ZReportStepDone, ...errors(400, 401, 403, 404, 409) },
        },
      },
      async (request) =>
        reviewReport(db, signedIn(request), request.params.id, { event, input: request.body }),
    );

  app.post(
    "/reports/:id/fail",
    {
      schema: {
        tags,
        operationId: "failReport",
        summary:
          "Judge a submitted mid-term evaluation or final report failed (staff). A failed mid-term stops the remaining tranches; `endGrant` also ends the grant and records the money owed",
        params: ZIdParams,
        body: ZReportFail,
        response: { 200: ZReportStepDone, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      reviewReport(db, signedIn(request), request.params.id, { event: "fail", input: request.body }),
  );

  app.post(
    "/reports/:id/end-grant",
    {
      schema: {
        tags,
        operationId: "endGrantAfterMidterm",
        summary:
          "End the grant of a failed mid-term evaluation (staff), with the reason and the money to be recovered (at most what was paid out)",
        params: ZIdParams,
        body: ZReportEndGrant,
        response: { 200: ZReportStepDone, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => endGrantAfterMidterm(db, signedIn(request), request.params.id, request.body),
  );

  app.get(
    "/funding/waiting",
    {
      schema: {
        tags,
        operationId: "fundingWaiting",
        summary:
          "What the money asks of the reader on the home page: staff approvals, payments, reviews and overdue items; a member its reports due and queried spending; a partner its fund's grants",
        response: { 200: ZFundingWaiting, ...errors(401, 403) },
      },
    },
    async (request) => fundingWaiting(db, signedIn(request)),
  );
};
