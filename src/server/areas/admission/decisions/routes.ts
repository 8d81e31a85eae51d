/**
 * Stage 3's routes on one application (under /api/applications): the decision, reconsidering it,
 * a lapse, an offer from the waitlist, the applicant's answer to a place, the complete file as
 * .zip; and an organization's confirmed places (under /api/organizations).
 */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  ZDecisionBody,
  ZDecisionView,
  ZLapseBody,
  ZOfferBody,
  ZPlaceBody,
  ZPlacements,
  ZReconsiderBody,
} from "../../../../schemas/admission/decisions";
import { ZIdParams } from "../../../../schemas/common";
import { signedIn } from "../../../context";
import { errors } from "../../../route-docs";
import { localFileStorage } from "../../../storage";
import type { AreaDeps } from "../../deps";
import { attachment } from "../../platform/organizations/spreadsheet";
import { decideAdmission, offerPlace, reconsider, recordLapse } from "./decide";
import { applicationFileZip } from "./file-zip";
import { answerPlace, placementsOf } from "./places";
import { decisionView } from "./view";

const tags = ["decisions"];
const answer = { params: ZIdParams, response: { 200: ZDecisionView, ...errors(400, 401, 403, 404, 409) } };

export const decisionRoutes: FastifyPluginAsyncZod<AreaDeps> = async (app, { db, config }) => {
  const storage = localFileStorage(config.dataDir);

  app.get(
    "/:id/decision",
    {
      schema: {
        tags,
        operationId: "getAdmissionDecision",
        summary:
          "The admission decision: staff see it as it stands; the organization once final (outcome, reason, released summary; no expert comments)",
        params: ZIdParams,
        response: { 200: ZDecisionView, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => decisionView(db, signedIn(request), request.params.id),
  );

  app.post(
    "/:id/decision",
    {
      schema: {
        tags,
        operationId: "decideAdmission",
        summary:
          "Admit, waitlist or reject with a reason (from in_review, or waitlisted → admitted/rejected); beyond the track's quota only with overQuotaReason",
        body: ZDecisionBody,
        ...answer,
      },
    },
    async (request) => decideAdmission(db, signedIn(request), request.params.id, request.body),
  );

  app.post(
    "/:id/reconsider",
    {
      schema: {
        tags,
        operationId: "reconsiderAdmission",
        summary: "Take a provisional decision back to the panel (→ in_review) before the notice closes",
        body: ZReconsiderBody,
        ...answer,
      },
    },
    async (request) => reconsider(db, signedIn(request), request.params.id, request.body),
  );

  app.post(
    "/:id/lapse",
    {
      schema: {
        tags,
        operationId: "recordLapse",
        summary: "Record that the organization let the confirmation date pass (admitted → declined)",
        body: ZLapseBody,
        ...answer,
      },
    },
    async (request) => recordLapse(db, signedIn(request), request.params.id, request.body.version),
  );

  app.post(
    "/:id/offer",
    {
      schema: {
        tags,
        operationId: "offerPlace",
        summary: "Offer a freed place to a waitlisted application (admitted, final at once, letter sent)",
        body: ZOfferBody,
        ...answer,
      },
    },
    async (request) => offerPlace(db, signedIn(request), request.params.id, request.body),
  );

  app.post(
    "/:id/place",
    {
      schema: {
        tags,
        operationId: "answerPlace",
        summary: "The organization confirms or declines its place by the confirmation date",
        body: ZPlaceBody,
        ...answer,
      },
    },
    async (request) => answerPlace(db, signedIn(request), request.params.id, request.body),
  );

  app.get(
    "/:id/file.zip",
    {
      schema: {
        tags,
        operationId: "exportApplicationFile",
        summary: "One application's complete file as .zip: summary.html, application.json, the documents",
        params: ZIdParams,
        response: {
          200: {
            description: "申请档案 .zip",
            content: { "application/zip": { schema: z.any().meta({ type: "string", format: "binary" }) } },
          },
          ...errors(400, 401, 403, 404),
        },
      },
    },
    async (request, reply) => {
      const file = await applicationFileZip(db, signedIn(request), storage, request.params.id);
      return reply
        .type("application/zip")
        .header("content-disposition", attachment(file.filename, "application.zip"))
        .send(file.buffer);
    },
  );
};

export const placementRoutes: FastifyPluginAsyncZod<AreaDeps> = async (app, { db }) => {
  app.get(
    "/:id/placements",
    {
      schema: {
        tags,
        operationId: "listPlacements",
        summary: "The organization's confirmed places (confirmed for incubation: track, round, decision)",
        params: ZIdParams,
        response: { 200: ZPlacements, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => placementsOf(db, signedIn(request), request.params.id),
  );
};
