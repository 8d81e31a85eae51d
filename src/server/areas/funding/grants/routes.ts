/**
 * Grants (资助) under /api/grants: the list, proposing and editing a proposed grant, the grant
 * page's view, the set-up page's facts, the lifecycle events, the tranches' prepare / withdraw /
 * pay and marking milestones. Thin: each route parses with the contract and calls one service.
 */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ZIdParams } from "../../../../schemas/common";
import {
  type GrantEventName,
  ZGrantCreate,
  ZGrantDone,
  ZGrantPage,
  ZGrantQuery,
  ZGrantSetup,
  ZGrantSetupQuery,
  ZGrantStep,
  ZGrantUpdate,
  ZGrantView,
  ZMilestoneMark,
  ZMilestoneParams,
  ZTrancheParams,
  ZTrancheStep,
} from "../../../../schemas/funding/grants";
import { signedIn } from "../../../context";
import { errors } from "../../../route-docs";
import type { AreaDeps } from "../../deps";
import { changeGrantStatus } from "./lifecycle";
import { listGrants } from "./list";
import { markMilestone } from "./milestones";
import { proposeGrant, updateGrant } from "./propose";
import { stepTranche } from "./tranches";
import { grantSetup, grantView } from "./view";

const tags = ["grants"];

const EVENTS: { event: GrantEventName; operationId: string; summary: string }[] = [
  {
    event: "approve",
    operationId: "approveGrant",
    summary:
      "Approve a proposed grant (staff other than its preparer: the two-person rule); commits the fund, re-checks the project's cap",
  },
  {
    event: "sign",
    operationId: "signGrant",
    summary: "Record the signed agreement (签订协议), with its day",
  },
  { event: "suspend", operationId: "suspendGrant", summary: "Suspend an active grant, with a reason" },
  { event: "resume", operationId: "resumeGrant", summary: "Resume a suspended grant" },
  {
    event: "close",
    operationId: "closeGrant",
    summary: "Close a grant (结项), with a reason; tranches not paid are stopped",
  },
  {
    event: "cancel",
    operationId: "cancelGrant",
    summary: "Cancel a grant before it runs, with a reason; it no longer counts against the fund or the cap",
  },
];

const TRANCHE_STEPS = [
  {
    event: "prepare",
    operationId: "prepareGrantTranche",
    summary: "Prepare a tranche's payment (staff), once its condition holds",
  },
  {
    event: "withdraw",
    operationId: "withdrawGrantTranche",
    summary: "Withdraw a prepared tranche back to pending (staff)",
  },
  {
    event: "pay",
    operationId: "payGrantTranche",
    summary:
      "Pay a prepared tranche (staff other than its preparer: the two-person rule), with the payment's reference; the first makes the grant active",
  },
] as const;

export const grantRoutes: FastifyPluginAsyncZod<AreaDeps> = async (app, { db }) => {
  app.get(
    "",
    {
      schema: {
        tags,
        operationId: "listGrants",
        summary:
          "Grants: the base's (staff), the organization's (a member), those from the partner's funds (a partner user); newest first",
        querystring: ZGrantQuery,
        response: { 200: ZGrantPage, ...errors(400, 401, 403) },
      },
    },
    async (request) => listGrants(db, signedIn(request), request.query),
  );

  app.post(
    "",
    {
      schema: {
        tags,
        operationId: "proposeGrant",
        summary:
          "Propose a grant to a project (staff): fund, amount, budget lines and tranches that each add up to it, milestones; the project's cap and the fund's room are checked",
        body: ZGrantCreate,
        response: { 201: ZGrantDone, ...errors(400, 401, 403, 409) },
      },
    },
    async (request, reply) => reply.status(201).send(await proposeGrant(db, signedIn(request), request.body)),
  );

  app.get(
    "/setup",
    {
      schema: {
        tags,
        operationId: "grantSetup",
        summary:
          "What setting up a grant for a project needs (staff): the active funds with what is still free, the cap and the project's room",
        querystring: ZGrantSetupQuery,
        response: { 200: ZGrantSetup, ...errors(400, 401, 403) },
      },
    },
    async (request) => grantSetup(db, signedIn(request), request.query),
  );

  app.get(
    "/:id",
    {
      schema: {
        tags,
        operationId: "getGrant",
        summary:
          "A grant: terms, budget lines, milestones, tranches, history and what the reader may do (staff; the organization's members; the fund's partner; the incubation's mentor)",
        params: ZIdParams,
        response: { 200: ZGrantView, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => grantView(db, signedIn(request), request.params.id),
  );

  app.put(
    "/:id",
    {
      schema: {
        tags,
        operationId: "updateGrant",
        summary: "Edit a proposed grant's terms at the version read (staff); the editor becomes its preparer",
        params: ZIdParams,
        body: ZGrantUpdate,
        response: { 200: ZGrantDone, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => updateGrant(db, signedIn(request), request.params.id, request.body),
  );

  for (const { event, operationId, summary } of EVENTS) {
    app.post(
      `/:id/${event}`,
      {
        schema: {
          tags,
          operationId,
          summary,
          params: ZIdParams,
          body: ZGrantStep,
          response: { 200: ZGrantDone, ...errors(400, 401, 403, 404, 409) },
        },
      },
      async (request) => changeGrantStatus(db, signedIn(request), request.params.id, event, request.body),
    );
  }

  for (const { event, operationId, summary } of TRANCHE_STEPS) {
    app.post(
      `/:id/tranches/:trancheId/${event}`,
      {
        schema: {
          tags,
          operationId,
          summary,
          params: ZTrancheParams,
          body: ZTrancheStep,
          response: { 200: ZGrantDone, ...errors(400, 401, 403, 404, 409) },
        },
      },
      async (request) =>
        stepTranche(db, signedIn(request), request.params.id, request.params.trancheId, event, request.body),
    );
  }

  app.post(
    "/:id/milestones/:milestoneId",
    {
      schema: {
        tags,
        operationId: "markGrantMilestone",
        summary: "Mark a milestone met (with its day and a note) or missed (staff), at its version",
        params: ZMilestoneParams,
        body: ZMilestoneMark,
        response: { 200: ZGrantDone, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      markMilestone(db, signedIn(request), request.params.id, request.params.milestoneId, request.body),
  );
};
