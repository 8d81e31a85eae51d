/**
 * The public notice (公示): staff's routes under /api/notices (publish, objections, close, the
 * stage-3 to-do) and the portal's under /api/portal/notices (no sign-in).
 */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { NOTICE_STATUSES } from "../../../../domain/review/round";
import {
  ZAdmissionWaiting,
  ZAnswerInput,
  ZCloseInput,
  ZCloseResult,
  ZNoticeInput,
  ZObjectionInput,
  ZObjectionParams,
  ZPublicNotice,
  ZPublicNotices,
  ZStaffNotice,
  ZStaffNotices,
} from "../../../../schemas/admission/notices";
import { ZIdParams } from "../../../../schemas/common";
import { anonymousContext, signedIn } from "../../../context";
import { errors } from "../../../route-docs";
import type { AreaDeps } from "../../deps";
import {
  admissionWaiting,
  answerObjection,
  closeNotice,
  getPublicNotice,
  getStaffNotice,
  listPublicNotices,
  listStaffNotices,
  publishNotice,
  recordObjection,
} from "./service";

const tags = ["notices"];

export const noticeRoutes: FastifyPluginAsyncZod<AreaDeps> = async (app, { db }) => {
  app.get(
    "",
    {
      schema: {
        tags,
        operationId: "listNotices",
        summary: "The base's public notices with their objections (staff)",
        response: { 200: ZStaffNotices, ...errors(401, 403) },
      },
    },
    async (request) => listStaffNotices(db, signedIn(request)),
  );

  app.post(
    "",
    {
      schema: {
        tags,
        operationId: "publishNotice",
        summary:
          "Publish the public notice of a round's admitted applications: start, and a period in working days (Mon-Fri, Asia/Shanghai; holidays unknown) or an end set by hand",
        body: ZNoticeInput,
        response: { 201: ZStaffNotice, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => reply.code(201).send(await publishNotice(db, signedIn(request), request.body)),
  );

  app.get(
    "/waiting",
    {
      schema: {
        tags,
        operationId: "admissionWaiting",
        summary: "Staff home to-do of stage 3: closed rounds with undecided applications, notices to close",
        response: { 200: ZAdmissionWaiting, ...errors(401, 403) },
      },
    },
    async (request) => admissionWaiting(db, signedIn(request)),
  );

  app.get(
    "/:id",
    {
      schema: {
        tags,
        operationId: "getNotice",
        summary: "One public notice with its objections (staff)",
        params: ZIdParams,
        response: { 200: ZStaffNotice, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => getStaffNotice(db, signedIn(request), request.params.id),
  );

  app.post(
    "/:id/objections",
    {
      schema: {
        tags,
        operationId: "recordObjection",
        summary:
          "Record an objection received during the notice (objector, contact, body, date, application)",
        params: ZIdParams,
        body: ZObjectionInput,
        response: { 201: ZStaffNotice, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await recordObjection(db, signedIn(request), request.params.id, request.body)),
  );

  app.post(
    "/:id/objections/:objectionId/answer",
    {
      schema: {
        tags,
        operationId: "answerObjection",
        summary: "Answer an objection",
        params: ZObjectionParams,
        body: ZAnswerInput,
        response: { 200: ZStaffNotice, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      answerObjection(db, signedIn(request), request.params.id, request.params.objectionId, request.body),
  );

  app.post(
    "/:id/close",
    {
      schema: {
        tags,
        operationId: "closeNotice",
        summary:
          "Close the notice after its end (refused while an objection is unanswered): decisions final, confirm-by date set, letters sent",
        params: ZIdParams,
        body: ZCloseInput,
        response: { 200: ZCloseResult, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => closeNotice(db, signedIn(request), request.params.id, request.body),
  );
};

export const portalNoticeRoutes: FastifyPluginAsyncZod<AreaDeps> = async (app, { db }) => {
  app.get(
    "",
    {
      config: { public: true },
      schema: {
        tags: ["portal"],
        operationId: "listPublicNotices",
        summary: "Public notices (公示) that have started, newest first; optionally only open or closed ones",
        security: [],
        querystring: z.object({ status: z.enum(NOTICE_STATUSES).optional() }),
        response: { 200: ZPublicNotices, ...errors(400) },
      },
    },
    async (request) => listPublicNotices(db, anonymousContext(request), request.query.status),
  );

  app.get(
    "/:id",
    {
      config: { public: true },
      schema: {
        tags: ["portal"],
        operationId: "getPublicNotice",
        summary: "One public notice: the organizations to be admitted and their tracks (no scores)",
        security: [],
        params: ZIdParams,
        response: { 200: ZPublicNotice, ...errors(400, 404) },
      },
    },
    async (request) => getPublicNotice(db, anonymousContext(request), request.params.id),
  );
};
