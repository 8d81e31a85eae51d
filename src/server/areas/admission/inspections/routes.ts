/**
 * Stage 2's inspections (考察筛选) under /api/inspections: plan, list, read, record, sign off,
 * correct, cancel; and, under /api/applications, an application's inspection and the
 * screen-out decision.
 */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { INSPECTION_STATUSES } from "../../../../domain/inspection";
import {
  ZApplicationInspection,
  ZCorrection,
  ZFindingSave,
  ZInspectionCancel,
  ZInspectionCreate,
  ZInspectionDetail,
  ZInspectionPage,
  ZInspectionPlanEdit,
  ZInspectionQuery,
  ZInspectorCandidates,
  ZScreenOutBody,
  ZSignOff,
} from "../../../../schemas/admission/inspections";
import { ZIdParams } from "../../../../schemas/common";
import { uploadForm, ZUploadedFile } from "../../../../schemas/platform/files";
import { ZDecisionResult } from "../../../../schemas/recruitment/intake";
import { signedIn } from "../../../context";
import { errors } from "../../../route-docs";
import { localFileStorage } from "../../../storage";
import type { AreaDeps } from "../../deps";
import { receiveUpload } from "../../platform/files/receive";
import { checkInspectionFileRole, checkInspectionOpen, uploadInspectionFile } from "./files";
import { listInspections } from "./list";
import { cancelInspection, editPlan, planInspection } from "./plan";
import { correctInspection, saveFinding, signOff } from "./record";
import { screenOut } from "./screen-out";
import { applicationInspection, inspectionDetail, inspectorCandidates } from "./view";

const tags = ["inspections"];
const ZCreated = z.object({ id: z.string() });
const ZVersioned = z.object({ version: z.number().int() });
const ZSaved = z.object({
  version: z.number().int(),
  status: z.enum(INSPECTION_STATUSES),
  updatedAt: z.string(),
});

export const inspectionRoutes: FastifyPluginAsyncZod<AreaDeps> = async (app, { db, config }) => {
  const storage = localFileStorage(config.dataDir);

  app.post(
    "/:id/files",
    {
      schema: {
        tags,
        operationId: "uploadInspectionFile",
        summary:
          "Attach a photo or scan to an open inspection record (multipart: `file`); the finding then names it by id",
        consumes: ["multipart/form-data"],
        params: ZIdParams,
        body: uploadForm({}),
        response: { 201: ZUploadedFile, ...errors(400, 401, 403, 404, 409, 413, 429) },
      },
    },
    async (request, reply) => {
      const ctx = signedIn(request);
      checkInspectionFileRole(ctx);
      const id = request.params.id;
      const upload = await receiveUpload(request, storage, () => checkInspectionOpen(db, ctx, id));
      return reply.status(201).send(await uploadInspectionFile(db, ctx, storage, id, upload));
    },
  );

  app.get(
    "",
    {
      schema: {
        tags,
        operationId: "listInspections",
        summary: "Inspections: the base's (staff) or those the expert is named on; latest revisions",
        querystring: ZInspectionQuery,
        response: { 200: ZInspectionPage, ...errors(400, 401, 403) },
      },
    },
    async (request) => listInspections(db, signedIn(request), request.query),
  );

  app.post(
    "",
    {
      schema: {
        tags,
        operationId: "planInspection",
        summary:
          "Plan an inspection of an accepted application (安排考察): the application goes to in_inspection, the organization is told when, how and where",
        body: ZInspectionCreate,
        response: { 200: ZCreated, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => planInspection(db, signedIn(request), request.body),
  );

  app.get(
    "/inspectors",
    {
      schema: {
        tags,
        operationId: "listInspectorCandidates",
        summary: "The base's active staff, administrators and experts, who may be named inspectors",
        response: { 200: ZInspectorCandidates, ...errors(401, 403) },
      },
    },
    async (request) => inspectorCandidates(db, signedIn(request)),
  );

  app.get(
    "/:id",
    {
      schema: {
        tags,
        operationId: "getInspection",
        summary: "One inspection: application, organization, inspectors, finding, gaps, earlier revisions",
        params: ZIdParams,
        response: { 200: ZInspectionDetail, ...errors(401, 403, 404) },
      },
    },
    async (request) => inspectionDetail(db, signedIn(request), request.params.id),
  );

  app.patch(
    "/:id/plan",
    {
      schema: {
        tags,
        operationId: "editInspectionPlan",
        summary: "Reschedule, change mode, place or inspectors (staff; with the version)",
        params: ZIdParams,
        body: ZInspectionPlanEdit,
        response: { 200: ZVersioned, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => editPlan(db, signedIn(request), request.params.id, request.body),
  );

  app.post(
    "/:id/cancel",
    {
      schema: {
        tags,
        operationId: "cancelInspection",
        summary:
          "Cancel a planned or recording inspection with a reason: the application goes back to accepted",
        params: ZIdParams,
        body: ZInspectionCancel,
        response: { 200: ZVersioned, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => cancelInspection(db, signedIn(request), request.params.id, request.body),
  );

  app.patch(
    "/:id/finding",
    {
      schema: {
        tags,
        operationId: "saveInspectionFinding",
        summary:
          "Save the record as a draft (the whole finding so far, with the version; 409 on a stale one)",
        params: ZIdParams,
        body: ZFindingSave,
        response: { 200: ZSaved, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => saveFinding(db, signedIn(request), request.params.id, request.body),
  );

  app.post(
    "/:id/sign-off",
    {
      schema: {
        tags,
        operationId: "signOffInspection",
        summary:
          "Sign the record off (409 `inspection_incomplete` with the gaps); the application becomes inspected",
        params: ZIdParams,
        body: ZSignOff,
        response: { 200: ZVersioned, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => signOff(db, signedIn(request), request.params.id, request.body),
  );

  app.post(
    "/:id/corrections",
    {
      schema: {
        tags,
        operationId: "correctInspection",
        summary:
          "Correct a signed-off record (更正): a new revision with the finding copied; an inspected application is reopened",
        params: ZIdParams,
        body: ZCorrection,
        response: { 200: ZCreated, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => correctInspection(db, signedIn(request), request.params.id, request.body),
  );
};

/** The inspection's routes under /api/applications/:id (staff). */
export const applicationInspectionRoutes: FastifyPluginAsyncZod<AreaDeps> = async (app, { db }) => {
  app.get(
    "/:id/inspection",
    {
      schema: {
        tags,
        operationId: "getApplicationInspection",
        summary: "The application's latest inspection (or null), for the staff application page",
        params: ZIdParams,
        response: { 200: ZApplicationInspection, ...errors(401, 403, 404) },
      },
    },
    async (request) => applicationInspection(db, signedIn(request), request.params.id),
  );

  app.post(
    "/:id/screen-out",
    {
      schema: {
        tags,
        operationId: "screenOutApplication",
        summary:
          "Screen out at stage 2 (考察未通过) with a reason: from accepted, in_inspection or inspected",
        params: ZIdParams,
        body: ZScreenOutBody,
        response: { 200: ZDecisionResult, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => screenOut(db, signedIn(request), request.params.id, request.body),
  );
};
