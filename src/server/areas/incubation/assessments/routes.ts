/**
 * Stage 4's capacity assessments (能力评估): under /api/incubations/:id an incubation's list and
 * the start of one; under /api/assessments one assessment (read, save scores, evidence, submit,
 * correct) and the comparison of two; under /api/cohorts/:id a cohort's baseline distribution.
 */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { ZId, ZIdParams, ZOk } from "../../../../schemas/common";
import {
  ZAssessmentComparison,
  ZAssessmentCorrection,
  ZAssessmentDetail,
  ZAssessmentSave,
  ZAssessmentSaved,
  ZAssessmentStart,
  ZAssessmentStarted,
  ZAssessmentSubmit,
  ZAssessmentSubmitted,
  ZCohortDistribution,
  ZComparisonQuery,
  ZIncubationAssessments,
} from "../../../../schemas/incubation/assessments";
import { uploadForm, ZUploadedFile } from "../../../../schemas/platform/files";
import { signedIn } from "../../../context";
import { errors } from "../../../route-docs";
import { localFileStorage } from "../../../storage";
import type { AreaDeps } from "../../deps";
import { receiveUpload } from "../../platform/files/receive";
import { checkEvidenceFields, checkEvidenceRole, removeEvidence, uploadEvidence } from "./evidence";
import { correctAssessment, saveScores, submitAssessment } from "./record";
import { startAssessment } from "./start";
import { assessmentDetail, cohortBaselineDistribution, compare, incubationAssessments } from "./view";

const tags = ["assessments"];

/** Under /api/incubations: an incubation's assessments. */
export const incubationAssessmentRoutes: FastifyPluginAsyncZod<AreaDeps> = async (app, { db }) => {
  app.get(
    "/:id/assessments",
    {
      schema: {
        tags,
        operationId: "listIncubationAssessments",
        summary:
          "An incubation's assessments the reader sees (a member: its self-assessments and the assessor's once submitted; an expert: those naming them), with the baseline's due day and whether each side is done",
        params: ZIdParams,
        response: { 200: ZIncubationAssessments, ...errors(401, 403, 404) },
      },
    },
    async (request) => incubationAssessments(db, signedIn(request), request.params.id),
  );

  app.post(
    "/:id/assessments",
    {
      schema: {
        tags,
        operationId: "startAssessment",
        summary:
          "Start an assessment (phase, side): the self-assessment by the organization's members, the assessor's by staff (who may name an expert of the base as `assessorId`). A baseline uses the track's active instrument version (409 `assessment_no_instrument` when none), later phases the baseline's. When the phase and side already have one, that one is answered (`created: false`)",
        params: ZIdParams,
        body: ZAssessmentStart,
        response: { 200: ZAssessmentStarted, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => startAssessment(db, signedIn(request), request.params.id, request.body),
  );
};

/** Under /api/assessments. */
export const assessmentRoutes: FastifyPluginAsyncZod<AreaDeps> = async (app, { db, config }) => {
  const storage = localFileStorage(config.dataDir);

  app.get(
    "/compare",
    {
      schema: {
        tags,
        operationId: "compareAssessments",
        summary:
          "Compare two assessments of one organization on one instrument version (second − first, per dimension and overall; the largest gaps; the weakest dimensions of the second). 409 `assessment_version_mismatch` across versions; a member compares only submitted ones",
        querystring: ZComparisonQuery,
        response: { 200: ZAssessmentComparison, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => compare(db, signedIn(request), request.query.first, request.query.second),
  );

  app.get(
    "/:id",
    {
      schema: {
        tags,
        operationId: "getAssessment",
        summary:
          "One assessment: its instrument version's content, its scores and evidence, and its result (live while a draft)",
        params: ZIdParams,
        response: { 200: ZAssessmentDetail, ...errors(401, 403, 404) },
      },
    },
    async (request) => assessmentDetail(db, signedIn(request), request.params.id),
  );

  app.patch(
    "/:id",
    {
      schema: {
        tags,
        operationId: "saveAssessmentScores",
        summary:
          "Save scores of a draft (only those given; a whole number within the version's scale, or null) and the overall comment, with the version (409 when stale, 409 `assessment_submitted` once submitted); answers the live result",
        params: ZIdParams,
        body: ZAssessmentSave,
        response: { 200: ZAssessmentSaved, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => saveScores(db, signedIn(request), request.params.id, request.body),
  );

  app.post(
    "/:id/submit",
    {
      schema: {
        tags,
        operationId: "submitAssessment",
        summary:
          "Submit when every indicator is scored (400 `assessment_incomplete` listing the missing ones): the result is computed and kept; read-only afterwards",
        params: ZIdParams,
        body: ZAssessmentSubmit,
        response: { 200: ZAssessmentSubmitted, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => submitAssessment(db, signedIn(request), request.params.id, request.body),
  );

  app.post(
    "/:id/corrections",
    {
      schema: {
        tags,
        operationId: "correctAssessment",
        summary:
          "Correct a submitted assessment (更正) with a reason: a new draft revision copied from it; submitting that supersedes this one",
        params: ZIdParams,
        body: ZAssessmentCorrection,
        response: { 200: z.object({ id: z.string() }), ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => correctAssessment(db, signedIn(request), request.params.id, request.body),
  );

  app.post(
    "/:id/evidence",
    {
      schema: {
        tags,
        operationId: "uploadAssessmentEvidence",
        summary:
          "Attach an evidence file to one indicator of a draft (multipart: `indicatorKey`, then `file`)",
        consumes: ["multipart/form-data"],
        params: ZIdParams,
        body: uploadForm({ indicatorKey: "The key of the indicator the file supports" }),
        response: {
          201: ZUploadedFile.extend({ indicatorKey: z.string() }),
          ...errors(400, 401, 403, 404, 409, 413, 429),
        },
      },
    },
    async (request, reply) => {
      const ctx = signedIn(request);
      checkEvidenceRole(ctx);
      const id = request.params.id;
      const upload = await receiveUpload(request, storage, async (fields) => {
        await checkEvidenceFields(db, ctx, id, fields);
      });
      return reply.status(201).send(await uploadEvidence(db, ctx, storage, id, upload));
    },
  );

  app.delete(
    "/:id/evidence/:fileId",
    {
      schema: {
        tags,
        operationId: "removeAssessmentEvidence",
        summary: "Take an evidence file off a draft",
        params: z.object({ id: ZId, fileId: ZId }),
        response: { 200: ZOk, ...errors(401, 403, 404, 409) },
      },
    },
    async (request) => removeEvidence(db, signedIn(request), request.params.id, request.params.fileId),
  );
};

/** Under /api/cohorts: a cohort's baseline distribution (staff). */
export const cohortAssessmentRoutes: FastifyPluginAsyncZod<AreaDeps> = async (app, { db }) => {
  app.get(
    "/:id/baseline-distribution",
    {
      schema: {
        tags,
        operationId: "getCohortBaselineDistribution",
        summary:
          "A cohort's baseline as the base scored it: per dimension the submitted assessor-side baseline scores (min, quartiles, median, max, the values, n) and the incubations without one",
        params: ZIdParams,
        response: { 200: ZCohortDistribution, ...errors(401, 403, 404) },
      },
    },
    async (request) => cohortBaselineDistribution(db, signedIn(request), request.params.id),
  );
};
