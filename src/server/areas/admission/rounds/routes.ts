/**
 * Staff's routes under /api/rounds: review rounds (评审轮次) with their settings, subjects,
 * experts and assignment, and the round's moves (open, close, reopen).
 */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  ZAssignmentView,
  ZAutoAssignResult,
  ZDropOutResult,
  ZExpertsBody,
  ZPairBody,
  ZRound,
  ZRoundAct,
  ZRoundCandidates,
  ZRoundCreate,
  ZRoundDetail,
  ZRoundEdit,
  ZRoundExpertParams,
  ZRoundPage,
  ZRoundQuery,
  ZRoundSubjectParams,
  ZSubjectsBody,
} from "../../../../schemas/admission/rounds";
import { ZIdParams } from "../../../../schemas/common";
import { signedIn } from "../../../context";
import { errors } from "../../../route-docs";
import type { AreaDeps } from "../../deps";
import { addPair, autoAssign, getAssignment, removePair } from "./assignment";
import { roundCandidates } from "./candidates";
import { addExperts, dropOut, removeExpert } from "./experts";
import { addSubjects, removeSubject } from "./subjects";
import { createRound, editRound, getRound, listRounds, moveRound } from "./write";

const tags = ["rounds"];
const ZConfirmQuery = z.object({ confirm: z.enum(["true", "false"]).optional() });

export const roundRoutes: FastifyPluginAsyncZod<AreaDeps> = async (app, { db }) => {
  app.get(
    "",
    {
      schema: {
        tags,
        operationId: "listRounds",
        summary: "The base's review rounds, newest first, with their counts",
        querystring: ZRoundQuery,
        response: { 200: ZRoundPage, ...errors(400, 401, 403) },
      },
    },
    async (request) => listRounds(db, signedIn(request), request.query),
  );

  app.post(
    "",
    {
      schema: {
        tags,
        operationId: "createRound",
        summary:
          "Create a review round for a call: k, deadline, method, thresholds, quotas (the call's by default); each track's current rubric",
        body: ZRoundCreate,
        response: { 201: ZRound, ...errors(400, 401, 403, 404) },
      },
    },
    async (request, reply) => reply.status(201).send(await createRound(db, signedIn(request), request.body)),
  );

  app.get(
    "/:id",
    {
      schema: {
        tags,
        operationId: "getRound",
        summary: "One round with its subjects and experts (load, submitted, drafts per expert)",
        params: ZIdParams,
        response: { 200: ZRoundDetail, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => getRound(db, signedIn(request), request.params.id),
  );

  app.patch(
    "/:id",
    {
      schema: {
        tags,
        operationId: "editRound",
        summary: "Edit a round's settings (version or 409; k only before it opens)",
        params: ZIdParams,
        body: ZRoundEdit,
        response: { 200: ZRound, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => editRound(db, signedIn(request), request.params.id, request.body),
  );

  for (const event of ["open", "close", "reopen"] as const) {
    app.post(
      `/:id/${event}`,
      {
        schema: {
          tags,
          operationId: `${event}Round`,
          summary: {
            open: "Open the round: its rubrics are frozen and each expert is told their assignments and the deadline",
            close: "Close the round: scoring ends, the panel decides",
            reopen: "Reopen a closed round for scoring",
          }[event],
          params: ZIdParams,
          body: ZRoundAct,
          response: { 200: ZRound, ...errors(400, 401, 403, 404, 409) },
        },
      },
      async (request) => moveRound(db, signedIn(request), request.params.id, event, request.body),
    );
  }

  app.get(
    "/:id/candidates",
    {
      schema: {
        tags,
        operationId: "roundCandidates",
        summary:
          "What may join: the call's applications (inspected ones can) and the base's experts not in the round",
        params: ZIdParams,
        response: { 200: ZRoundCandidates, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => roundCandidates(db, signedIn(request), request.params.id),
  );

  app.post(
    "/:id/subjects",
    {
      schema: {
        tags,
        operationId: "addRoundSubjects",
        summary:
          "Add inspected applications of the round's call; each enters the review (else 409 with its status)",
        params: ZIdParams,
        body: ZSubjectsBody,
        response: { 200: ZRoundDetail, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => addSubjects(db, signedIn(request), request.params.id, request.body.applicationIds),
  );

  app.delete(
    "/:id/subjects/:subjectId",
    {
      schema: {
        tags,
        operationId: "removeRoundSubject",
        summary:
          "Take an application out of the round (it leaves the review); typed scores need confirm=true",
        params: ZRoundSubjectParams,
        querystring: ZConfirmQuery,
        response: { 200: ZRoundDetail, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      removeSubject(
        db,
        signedIn(request),
        request.params.id,
        request.params.subjectId,
        request.query.confirm === "true",
      ),
  );

  app.post(
    "/:id/experts",
    {
      schema: {
        tags,
        operationId: "addRoundExperts",
        summary: "Add experts of the base (users with the expert role), with an optional max load",
        params: ZIdParams,
        body: ZExpertsBody,
        response: { 200: ZRoundDetail, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => addExperts(db, signedIn(request), request.params.id, request.body),
  );

  app.delete(
    "/:id/experts/:expertId",
    {
      schema: {
        tags,
        operationId: "removeRoundExpert",
        summary: "Remove an expert who has begun no review in the round (else 409: record a drop-out)",
        params: ZRoundExpertParams,
        response: { 200: ZRoundDetail, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => removeExpert(db, signedIn(request), request.params.id, request.params.expertId),
  );

  app.post(
    "/:id/experts/:expertId/drop-out",
    {
      schema: {
        tags,
        operationId: "dropOutRoundExpert",
        summary:
          "An expert drops out: their unsubmitted reviews go to others, one new reviewer each, nobody else's pairs move",
        params: ZRoundExpertParams,
        response: { 200: ZDropOutResult, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => dropOut(db, signedIn(request), request.params.id, request.params.expertId),
  );

  app.get(
    "/:id/assignment",
    {
      schema: {
        tags,
        operationId: "getRoundAssignment",
        summary:
          "Who reviews what: pairs, loads, match, components, smallest overlap, applications short of k, conflicts",
        params: ZIdParams,
        response: { 200: ZAssignmentView, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => getAssignment(db, signedIn(request), request.params.id),
  );

  app.post(
    "/:id/assignment/auto",
    {
      schema: {
        tags,
        operationId: "autoAssignRound",
        summary:
          "Assign reviewers automatically (k each, no conflict, loads within one, best field match); begun reviews and hand-set pairs stay",
        params: ZIdParams,
        response: { 200: ZAutoAssignResult, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => autoAssign(db, signedIn(request), request.params.id),
  );

  app.post(
    "/:id/assignment/pairs",
    {
      schema: {
        tags,
        operationId: "addRoundPair",
        summary: "Assign one expert to one application by hand (a conflict is 409 naming the reason)",
        params: ZIdParams,
        body: ZPairBody,
        response: { 200: ZAssignmentView, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => addPair(db, signedIn(request), request.params.id, request.body),
  );

  app.post(
    "/:id/assignment/pairs/remove",
    {
      schema: {
        tags,
        operationId: "removeRoundPair",
        summary: "Remove one assignment (one with typed scores needs confirm: true)",
        params: ZIdParams,
        body: ZPairBody,
        response: { 200: ZAssignmentView, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => removePair(db, signedIn(request), request.params.id, request.body),
  );
};
