/**
 * Trainings and capacity building (能力建设) under /api/trainings, the series and certificates
 * under /api/training-series and /api/training-certificates, and the public portal's trainings
 * under /api/portal/trainings. Routes are thin: each parses and calls one service.
 */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { ZIdParams, ZOk } from "../../../../schemas/common";
import {
  ZAttendanceSet,
  ZCertificateView,
  ZCheckInCodeEntry,
  ZCheckInEntry,
  ZCheckInRequest,
  ZEnrolmentCandidates,
  ZEnrolmentCandidatesQuery,
  ZEnrolmentCreate,
  ZEnrolmentEntry,
  ZEnrolmentParams,
  ZFeedbackInput,
  ZMyTrainings,
  ZPortalTraining,
  ZPortalTrainingList,
  ZSeriesEntry,
  ZSeriesInput,
  ZSeriesList,
  ZSeriesView,
  ZTopicSuggestions,
  ZTrainingInput,
  ZTrainingList,
  ZTrainingListFilter,
  ZTrainingStep,
  ZTrainingUpdate,
  ZTrainingView,
} from "../../../../schemas/services/trainings";
import { signedIn } from "../../../context";
import { AppError } from "../../../errors";
import { errors } from "../../../route-docs";
import type { AreaDeps } from "../../deps";
import { attachment, XLSX_TYPE } from "../../platform/organizations/spreadsheet";
import { checkIn, currentCheckInCode, setAttendance } from "./attendance";
import { enrolmentCandidates } from "./candidates";
import { cancelEnrolment, enrol } from "./enrolments";
import { exportAttendance } from "./export";
import { giveFeedback } from "./feedback";
import { certificateView, createSeries, issueCertificate, listSeries, seriesView } from "./series";
import { listTrainings, myTrainings, portalTraining, portalTrainings, trainingDetail } from "./view";
import { topicSuggestions } from "./weakness";
import { changeTrainingStatus, createTraining, updateTraining } from "./write";

const tags = ["trainings"];

const STEPS = [
  {
    event: "publish",
    operationId: "publishTraining",
    summary: "Publish a draft training: it opens for enrolment (staff)",
  },
  { event: "cancel", operationId: "cancelTraining", summary: "Cancel a draft or published training (staff)" },
  { event: "finish", operationId: "finishTraining", summary: "Mark a published training done (staff)" },
] as const;

export const trainingRoutes: FastifyPluginAsyncZod<AreaDeps> = async (app, { db, config }) => {
  app.get(
    "",
    {
      schema: {
        tags,
        operationId: "listTrainings",
        summary:
          "Trainings: staff every one of the base with seat counts; others the published ones open to their audience",
        querystring: ZTrainingListFilter,
        response: { 200: ZTrainingList, ...errors(400, 401) },
      },
    },
    async (request) => listTrainings(db, signedIn(request), request.query.when),
  );

  app.post(
    "",
    {
      schema: {
        tags,
        operationId: "createTraining",
        summary: "Create a training as a draft (staff)",
        body: ZTrainingInput,
        response: { 201: ZTrainingView, ...errors(400, 401, 403) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createTraining(db, signedIn(request), request.body)),
  );

  app.get(
    "/mine",
    {
      schema: {
        tags,
        operationId: "myTrainings",
        summary: "The signed-in person's trainings (enrolled or waiting) and certificates",
        response: { 200: ZMyTrainings, ...errors(401, 403) },
      },
    },
    async (request) => myTrainings(db, signedIn(request)),
  );

  app.get(
    "/topic-suggestions",
    {
      schema: {
        tags,
        operationId: "trainingTopicSuggestions",
        summary: "The base's weakest baseline capacity dimensions, as topics for new trainings (staff)",
        response: { 200: ZTopicSuggestions, ...errors(401, 403) },
      },
    },
    async (request) => topicSuggestions(db, signedIn(request)),
  );

  app.get(
    "/:id",
    {
      schema: {
        tags,
        operationId: "getTraining",
        summary:
          "One training: staff see the enrolments, waitlist, attendance, feedback and whom it was meant for; others their own enrolment",
        params: ZIdParams,
        response: { 200: ZTrainingView, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => trainingDetail(db, signedIn(request), request.params.id),
  );

  app.patch(
    "/:id",
    {
      schema: {
        tags,
        operationId: "updateTraining",
        summary: "Edit a training at the version read (staff); a larger capacity moves the first waiting up",
        params: ZIdParams,
        body: ZTrainingUpdate,
        response: { 200: ZTrainingView, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => updateTraining(db, signedIn(request), request.params.id, request.body),
  );

  for (const step of STEPS) {
    app.post(
      `/:id/${step.event}`,
      {
        schema: {
          tags,
          operationId: step.operationId,
          summary: step.summary,
          params: ZIdParams,
          body: ZTrainingStep,
          response: { 200: ZTrainingView, ...errors(400, 401, 403, 404, 409) },
        },
      },
      async (request) =>
        changeTrainingStatus(db, signedIn(request), request.params.id, step.event, request.body.version),
    );
  }

  app.post(
    "/:id/enrolments",
    {
      schema: {
        tags,
        operationId: "enrolInTraining",
        summary:
          "Enrol (报名): oneself for one's organization or on one's own; staff anyone. Full: the enrolment waits in order",
        params: ZIdParams,
        body: ZEnrolmentCreate,
        response: { 201: ZEnrolmentEntry, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await enrol(db, signedIn(request), request.params.id, request.body)),
  );

  app.get(
    "/:id/enrolment-candidates",
    {
      schema: {
        tags,
        operationId: "listEnrolmentCandidates",
        summary:
          "Whom staff may enrol: an organization's members, or members and individuals by name (names only, at most 20)",
        params: ZIdParams,
        querystring: ZEnrolmentCandidatesQuery,
        response: { 200: ZEnrolmentCandidates, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => enrolmentCandidates(db, signedIn(request), request.params.id, request.query),
  );

  app.delete(
    "/:id/enrolments/:enrolmentId",
    {
      schema: {
        tags,
        operationId: "cancelEnrolment",
        summary: "Cancel an enrolment (one's own; staff any); the first waiting moves up and is told",
        params: ZEnrolmentParams,
        response: { 200: ZOk, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      await cancelEnrolment(db, signedIn(request), request.params.id, request.params.enrolmentId);
      return { ok: true as const };
    },
  );

  app.put(
    "/:id/enrolments/:enrolmentId/attendance",
    {
      schema: {
        tags,
        operationId: "setAttendance",
        summary:
          "Tick or un-tick one person's attendance (staff); writes or withdraws the service ledger row",
        params: ZEnrolmentParams,
        body: ZAttendanceSet,
        response: { 200: ZOk, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      await setAttendance(db, signedIn(request), request.params.id, request.params.enrolmentId, request.body);
      return { ok: true as const };
    },
  );

  app.get(
    "/:id/check-in-code",
    {
      schema: {
        tags,
        operationId: "getCheckInCode",
        summary: "The current check-in code (rotates every 30 s) and the path the QR code opens (staff)",
        params: ZIdParams,
        response: { 200: ZCheckInCodeEntry, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      reply.header("cache-control", "no-store");
      return currentCheckInCode(db, signedIn(request), config.sessionSecret, request.params.id);
    },
  );

  app.post(
    "/:id/check-in",
    {
      schema: {
        tags,
        operationId: "checkIn",
        summary:
          "Check in with the scanned code: refused when expired, not this training's, already checked in or not enrolled",
        params: ZIdParams,
        body: ZCheckInRequest,
        response: { 200: ZCheckInEntry, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      checkIn(db, signedIn(request), config.sessionSecret, request.params.id, request.body.code),
  );

  app.post(
    "/:id/feedback",
    {
      schema: {
        tags,
        operationId: "giveTrainingFeedback",
        summary: "Feedback after the session (rating 1-5, what was useful, suggestions), one per participant",
        params: ZIdParams,
        body: ZFeedbackInput,
        response: { 200: ZOk, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => giveFeedback(db, signedIn(request), request.params.id, request.body),
  );

  app.get(
    "/:id/attendance.xlsx",
    {
      schema: {
        tags,
        operationId: "exportAttendance",
        summary: "The attendance sheet as .xlsx: enrolments, check-ins and feedback (staff)",
        params: ZIdParams,
        response: {
          200: {
            description: "签到表 .xlsx",
            content: { [XLSX_TYPE]: { schema: z.any().meta({ type: "string", format: "binary" }) } },
          },
          ...errors(400, 401, 403, 404),
        },
      },
    },
    async (request, reply) => {
      const file = await exportAttendance(db, signedIn(request), request.params.id);
      return reply
        .type(XLSX_TYPE)
        .header("content-disposition", attachment(file.filename, `attendance-${request.params.id}.xlsx`))
        .send(file.buffer);
    },
  );
};

export const trainingSeriesRoutes: FastifyPluginAsyncZod<AreaDeps> = async (app, { db }) => {
  const seriesTags = ["trainings"];
  app.get(
    "",
    {
      schema: {
        tags: seriesTags,
        operationId: "listTrainingSeries",
        summary: "The base's series and talent-programme classes",
        response: { 200: ZSeriesList, ...errors(401) },
      },
    },
    async (request) => listSeries(db, signedIn(request)),
  );
  app.post(
    "",
    {
      schema: {
        tags: seriesTags,
        operationId: "createTrainingSeries",
        summary: "Create a series or a talent-programme class (staff)",
        body: ZSeriesInput,
        response: { 201: ZSeriesEntry, ...errors(400, 401, 403) },
      },
    },
    async (request, reply) => reply.status(201).send(await createSeries(db, signedIn(request), request.body)),
  );
  app.get(
    "/:id",
    {
      schema: {
        tags: seriesTags,
        operationId: "getTrainingSeries",
        summary: "A series: its modules and each person's progress (staff everyone; others their own)",
        params: ZIdParams,
        response: { 200: ZSeriesView, ...errors(400, 401, 404) },
      },
    },
    async (request) => seriesView(db, signedIn(request), request.params.id),
  );
  app.post(
    "/:id/certificates",
    {
      schema: {
        tags: seriesTags,
        operationId: "issueCertificate",
        summary: "Issue the certificate (结业证书) to a person who attended every required module (staff)",
        params: ZIdParams,
        body: z.object({ personId: ZEnrolmentCreate.shape.personId.unwrap().unwrap() }),
        response: { 201: ZCertificateView, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await issueCertificate(db, signedIn(request), request.params.id, request.body.personId)),
  );
};

export const trainingCertificateRoutes: FastifyPluginAsyncZod<AreaDeps> = async (app, { db }) => {
  app.get(
    "/:id",
    {
      schema: {
        tags,
        operationId: "getCertificate",
        summary: "A certificate as it prints (the person's own, or staff)",
        params: ZIdParams,
        response: { 200: ZCertificateView, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => certificateView(db, signedIn(request), request.params.id),
  );
};

/** The public portal (no sign-in): published trainings open to the public that have not ended. */
export const portalTrainingRoutes: FastifyPluginAsyncZod<AreaDeps> = async (app, { db }) => {
  app.get(
    "",
    {
      config: { public: true },
      schema: {
        tags: ["portal"],
        operationId: "listPublicTrainings",
        summary: "Published public trainings not yet ended: what, when, where and the seats left",
        security: [],
        response: { 200: ZPortalTrainingList },
      },
    },
    async () => portalTrainings(db),
  );
  app.get(
    "/:id",
    {
      config: { public: true },
      schema: {
        tags: ["portal"],
        operationId: "getPublicTraining",
        summary: "One published public training (no participants; the online link is for the enrolled)",
        security: [],
        params: ZIdParams,
        response: { 200: ZPortalTraining, ...errors(400, 404) },
      },
    },
    async (request) => {
      const t = await portalTraining(db, request.params.id);
      if (!t) throw new AppError("not_found");
      return t;
    },
  );
};
