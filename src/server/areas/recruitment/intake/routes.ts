/**
 * Base staff's routes under /api/applications (the applicant's routes share the prefix in
 * areas/applications): the queue, its export, the staff home's to-do list, decisions, the
 * completeness check, bulk decisions, and the message thread both sides use.
 */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { ZIdParams } from "../../../../schemas/common";
import {
  ZMarkReadResult,
  ZMessageInput,
  ZThread,
  ZThreadMessage,
} from "../../../../schemas/recruitment/application-thread";
import {
  ZAcceptBody,
  ZBulkBody,
  ZBulkResult,
  ZDecisionResult,
  ZExtendBody,
  ZIneligibleBody,
  ZIntakeVerdict,
  ZIntakeVerdicts,
  ZQueuePage,
  ZQueueQuery,
  ZReturnBody,
  ZScreeningExportQuery,
  ZVerdictBody,
  ZVerdictParams,
  ZVerdictsBody,
  ZWaiting,
} from "../../../../schemas/recruitment/intake";
import { signedIn } from "../../../context";
import { errors } from "../../../route-docs";
import type { AreaDeps } from "../../deps";
import { attachment, XLSX_TYPE } from "../../platform/organizations/spreadsheet";
import { bulkDecide } from "./bulk";
import { decide, extendDeadline } from "./decisions";
import { listQueue } from "./queue";
import { exportScreeningFile } from "./screening-export";
import { getThread, markRead, postMessage } from "./thread";
import { checkRequirement, checkRequirements } from "./verdicts";
import { waitingForStaff } from "./waiting";

const tags = ["intake"];
const decision = {
  params: ZIdParams,
  response: { 200: ZDecisionResult, ...errors(400, 401, 403, 404, 409) },
};

export const intakeRoutes: FastifyPluginAsyncZod<AreaDeps> = async (app, { db, shared }) => {
  app.get(
    "",
    {
      schema: {
        tags,
        operationId: "listApplicationQueue",
        summary: "The work queue: the base's applications (drafts only when asked for by status)",
        querystring: ZQueueQuery,
        response: { 200: ZQueuePage, ...errors(400, 401, 403) },
      },
    },
    async (request) => listQueue(db, signedIn(request), request.query),
  );

  app.get(
    "/export.xlsx",
    {
      schema: {
        tags,
        operationId: "exportScreeningFile",
        summary:
          "The screening base file (初筛基础文件) of one call as .xlsx: the queue's filter, by default only applications that reached screening (phones masked)",
        querystring: ZScreeningExportQuery,
        response: {
          200: {
            description: "初筛基础文件 .xlsx",
            content: { [XLSX_TYPE]: { schema: z.any().meta({ type: "string", format: "binary" }) } },
          },
          ...errors(400, 401, 403, 404),
        },
      },
    },
    async (request, reply) => {
      // request.protocol and request.host follow X-Forwarded-* only when TRUST_PROXY trusts the hop.
      const origin = `${request.protocol}://${request.host}`;
      const file = await exportScreeningFile(db, signedIn(request), request.query, origin);
      const fallback = `screening-${file.filename.replace(/\D/g, "").slice(-8)}.xlsx`;
      return reply
        .type(XLSX_TYPE)
        .header("content-disposition", attachment(file.filename, fallback))
        .send(file.buffer);
    },
  );

  app.get(
    "/waiting",
    {
      schema: {
        tags,
        operationId: "staffWaiting",
        summary: "What waits for base staff: applications to check, unanswered messages, calls closing soon",
        response: { 200: ZWaiting, ...errors(401, 403) },
      },
    },
    async (request) => waitingForStaff(db, signedIn(request), shared),
  );

  app.post(
    "/:id/return",
    {
      schema: {
        tags,
        operationId: "returnApplication",
        summary: "Return for completion (退回补充) with a reason, also posted to the thread",
        body: ZReturnBody,
        ...decision,
      },
    },
    async (request) => decide(db, signedIn(request), request.params.id, "return", request.body),
  );

  app.post(
    "/:id/accept",
    {
      schema: {
        tags,
        operationId: "acceptApplication",
        summary:
          "Accept for screening (受理进入初筛); items not checked, checked before their newest file, or found missing / needing correction answer 409 intake_items_unchecked until sent back in confirmUnchecked",
        body: ZAcceptBody,
        ...decision,
      },
    },
    async (request) =>
      decide(db, signedIn(request), request.params.id, "accept", {
        version: request.body.version,
        reason: request.body.note,
        confirmUnchecked: request.body.confirmUnchecked,
      }),
  );

  app.post(
    "/:id/ineligible",
    {
      schema: {
        tags,
        operationId: "markApplicationIneligible",
        summary: "Mark ineligible (不符合条件) with a reason",
        body: ZIneligibleBody,
        ...decision,
      },
    },
    async (request) => decide(db, signedIn(request), request.params.id, "ineligible", request.body),
  );

  app.post(
    "/:id/extend",
    {
      schema: {
        tags,
        operationId: "extendApplicationDeadline",
        summary: "Let this applicant submit until a later time (draft or returned applications)",
        body: ZExtendBody,
        ...decision,
      },
    },
    async (request) => extendDeadline(db, signedIn(request), request.params.id, request.body),
  );

  app.put(
    "/:id/intake/:requirementKey",
    {
      schema: {
        tags,
        operationId: "recordIntakeVerdict",
        summary:
          "Completeness check of one required item: ok / missing / needs correction (reason) / pending",
        params: ZVerdictParams,
        body: ZVerdictBody,
        response: { 200: ZIntakeVerdict, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      checkRequirement(db, signedIn(request), request.params.id, request.params.requirementKey, request.body),
  );

  app.put(
    "/:id/intake",
    {
      schema: {
        tags,
        operationId: "recordIntakeVerdicts",
        summary:
          "Completeness check of several items at once (全部合格), in one transaction: all or none; answers their verdicts",
        params: ZIdParams,
        body: ZVerdictsBody,
        response: { 200: ZIntakeVerdicts, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => ({
      verdicts: await checkRequirements(db, signedIn(request), request.params.id, request.body.items),
    }),
  );

  app.post(
    "/bulk",
    {
      schema: {
        tags,
        operationId: "bulkDecideApplications",
        summary:
          "One decision for up to 200 applications, each in its own transaction; answers per id. An accept that would go over unconfirmed items answers 409 intake_items_unchecked (per application in details) and decides none",
        body: ZBulkBody,
        response: { 200: ZBulkResult, ...errors(400, 401, 403, 409) },
      },
    },
    async (request) => bulkDecide(db, signedIn(request), request.body),
  );

  app.get(
    "/:id/messages",
    {
      schema: {
        tags,
        operationId: "listApplicationMessages",
        summary: "The thread between staff and the applicant (reading marks nothing)",
        params: ZIdParams,
        response: { 200: ZThread, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => getThread(db, signedIn(request), request.params.id),
  );

  app.post(
    "/:id/messages",
    {
      schema: {
        tags,
        operationId: "postApplicationMessage",
        summary: "Write to the other side, with up to 5 files uploaded for this application",
        params: ZIdParams,
        body: ZMessageInput,
        response: { 201: ZThreadMessage, ...errors(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const message = await postMessage(db, signedIn(request), request.params.id, request.body);
      return reply.status(201).send(message);
    },
  );

  app.post(
    "/:id/messages/read",
    {
      schema: {
        tags,
        operationId: "markApplicationMessagesRead",
        summary: "Mark the other side's messages read (the thread was shown)",
        params: ZIdParams,
        response: { 200: ZMarkReadResult, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => markRead(db, signedIn(request), request.params.id),
  );
};
