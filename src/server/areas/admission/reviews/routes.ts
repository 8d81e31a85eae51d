/**
 * Routes under /api/reviews: the expert's assignments, one application to score, the draft, the
 * submit; and staff reopening a submitted review.
 */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  ZMyReviews,
  ZMyReviewsQuery,
  ZReviewDetail,
  ZReviewDraft,
  ZReviewSaved,
  ZReviewSubmit,
} from "../../../../schemas/admission/reviews";
import { ZReviewReopenBody } from "../../../../schemas/admission/rounds";
import { ZIdParams } from "../../../../schemas/common";
import { signedIn } from "../../../context";
import { errors } from "../../../route-docs";
import type { AreaDeps } from "../../deps";
import { getReview, listMyReviews, reopenReview, saveDraft, submitReview } from "./service";

const tags = ["reviews"];

export const reviewRoutes: FastifyPluginAsyncZod<AreaDeps> = async (app, { db }) => {
  app.get(
    "",
    {
      schema: {
        tags,
        operationId: "listMyReviews",
        summary:
          "The expert's rounds: x of n submitted, the deadline; the assignments of the open rounds, and of `roundId` when asked",
        querystring: ZMyReviewsQuery,
        response: { 200: ZMyReviews, ...errors(400, 401, 403) },
      },
    },
    async (request) => listMyReviews(db, signedIn(request), request.query),
  );

  app.get(
    "/:id",
    {
      schema: {
        tags,
        operationId: "getReview",
        summary:
          "One assigned application to score: dossier, documents, signed-off inspection, rubric, the draft; others' scores only after one's own submit and if the round reveals them",
        params: ZIdParams,
        response: { 200: ZReviewDetail, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => getReview(db, signedIn(request), request.params.id),
  );

  app.patch(
    "/:id",
    {
      schema: {
        tags,
        operationId: "saveReviewDraft",
        summary:
          "Save draft scores and comments as typed (version; round open and before the deadline, else 409)",
        params: ZIdParams,
        body: ZReviewDraft,
        response: { 200: ZReviewSaved, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => saveDraft(db, signedIn(request), request.params.id, request.body),
  );

  app.post(
    "/:id/submit",
    {
      schema: {
        tags,
        operationId: "submitReview",
        summary:
          "Submit the review: every criterion scored within its scale, a comment for a score at either end; then frozen",
        params: ZIdParams,
        body: ZReviewSubmit,
        response: { 200: ZReviewSaved, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => submitReview(db, signedIn(request), request.params.id, request.body.version),
  );

  app.post(
    "/:id/reopen",
    {
      schema: {
        tags,
        operationId: "reopenReview",
        summary: "Staff reopen a submitted review with a reason (audited; the expert is told)",
        params: ZIdParams,
        body: ZReviewReopenBody,
        response: { 200: ZReviewSaved, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => reopenReview(db, signedIn(request), request.params.id, request.body),
  );
};
