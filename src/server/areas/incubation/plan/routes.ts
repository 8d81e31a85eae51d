/**
 * Diagnosis and the incubation plan under /api/incubations/:id: the needs (4Z-tagged), the plan
 * (read, save the draft, propose, withdraw, agree, revise) and the actions' progress. Every route
 * names the incubation; its loader decides who may see it.
 */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { PlanEvent } from "../../../../domain/incubation/plan";
import { ZIdParams } from "../../../../schemas/common";
import {
  ZActionParams,
  ZActionProgress,
  ZActionSaved,
  ZNeed,
  ZNeedCreate,
  ZNeedList,
  ZNeedParams,
  ZNeedUpdate,
  ZPlanSave,
  ZPlanSaved,
  ZPlanStep,
  ZPlanView,
} from "../../../../schemas/incubation/plan";
import { signedIn } from "../../../context";
import { errors } from "../../../route-docs";
import type { AreaDeps } from "../../deps";
import { changePlanStatus } from "./lifecycle";
import { listNeeds, recordNeed, updateNeed } from "./needs";
import { reportAction } from "./progress";
import { savePlanDraft } from "./save";
import { planView } from "./view";

const tags = ["plans"];

const STEPS: { event: PlanEvent; operationId: string; summary: string }[] = [
  {
    event: "propose",
    operationId: "proposePlan",
    summary: "Put the draft plan to the organization (staff); its members are told",
  },
  {
    event: "withdraw",
    operationId: "withdrawPlan",
    summary: "Take a proposed plan back to the draft to change it (staff)",
  },
  {
    event: "agree",
    operationId: "agreePlan",
    summary:
      "Agree the proposed plan: a member for its organization, or staff recording the organization's agreement (the note says who agreed and how)",
  },
  {
    event: "revise",
    operationId: "revisePlan",
    summary: "Reopen an agreed plan as a draft (staff): the next revision, to be proposed and agreed again",
  },
];

export const planRoutes: FastifyPluginAsyncZod<AreaDeps> = async (app, { db }) => {
  app.get(
    "/:id/needs",
    {
      schema: {
        tags,
        operationId: "listNeeds",
        summary: "The incubation's problems and needs (问题与需求), each with its 4Z category",
        params: ZIdParams,
        response: { 200: ZNeedList, ...errors(401, 403, 404) },
      },
    },
    async (request) => listNeeds(db, signedIn(request), request.params.id),
  );

  app.post(
    "/:id/needs",
    {
      schema: {
        tags,
        operationId: "recordNeed",
        summary: "Record a need found at the baseline or in the needs interview (staff)",
        params: ZIdParams,
        body: ZNeedCreate,
        response: { 201: ZNeed, ...errors(400, 401, 403, 404) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await recordNeed(db, signedIn(request), request.params.id, request.body)),
  );

  app.patch(
    "/:id/needs/:needId",
    {
      schema: {
        tags,
        operationId: "updateNeed",
        summary: "Edit a need or change its status (staff), at the version read",
        params: ZNeedParams,
        body: ZNeedUpdate,
        response: { 200: ZNeed, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      updateNeed(db, signedIn(request), request.params.id, request.params.needId, request.body),
  );

  app.get(
    "/:id/plan",
    {
      schema: {
        tags,
        operationId: "getPlan",
        summary:
          "The incubation plan (孵化计划) with its goals, actions and progress, the dimensions its goals may work on, and what the reader may do",
        params: ZIdParams,
        response: { 200: ZPlanView, ...errors(401, 403, 404) },
      },
    },
    async (request) => planView(db, signedIn(request), request.params.id),
  );

  app.put(
    "/:id/plan",
    {
      schema: {
        tags,
        operationId: "savePlanDraft",
        summary:
          "Save the draft plan as one document (staff): goals with their actions; version 0 starts it; ids kept, left-out items removed",
        params: ZIdParams,
        body: ZPlanSave,
        response: { 200: ZPlanSaved, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => savePlanDraft(db, signedIn(request), request.params.id, request.body),
  );

  for (const step of STEPS) {
    app.post(
      `/:id/plan/${step.event}`,
      {
        schema: {
          tags,
          operationId: step.operationId,
          summary: step.summary,
          params: ZIdParams,
          body: ZPlanStep,
          response: { 200: ZPlanSaved, ...errors(400, 401, 403, 404, 409) },
        },
      },
      async (request) => changePlanStatus(db, signedIn(request), request.params.id, step.event, request.body),
    );
  }

  app.patch(
    "/:id/plan/actions/:actionId",
    {
      schema: {
        tags,
        operationId: "reportPlanAction",
        summary:
          "Mark an action of the agreed plan done or dropped (with a note), or open again: staff any, a member the organization's own",
        params: ZActionParams,
        body: ZActionProgress,
        response: { 200: ZActionSaved, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      reportAction(db, signedIn(request), request.params.id, request.params.actionId, request.body),
  );
};
