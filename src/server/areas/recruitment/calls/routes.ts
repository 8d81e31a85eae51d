import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ZIdParams } from "../../../../schemas/common";
import {
  ZCall,
  ZCallAction,
  ZCallInput,
  ZCallPage,
  ZCallQuery,
  ZCallUpdate,
} from "../../../../schemas/recruitment/calls";
import { signedIn } from "../../../context";
import { errors } from "../../../route-docs";
import type { AreaDeps } from "../../deps";
import { listCalls } from "./list";
import { closeCall, getCall, publishCall } from "./state";
import { createCall, updateCall } from "./write";

const tags = ["calls"];

/** Staff management of recruitment calls (招募管理). */
export const callRoutes: FastifyPluginAsyncZod<AreaDeps> = async (app, { db }) => {
  app.get(
    "",
    {
      schema: {
        tags,
        operationId: "listCalls",
        summary: "The base's calls, filtered by status and title, with application counts per status",
        querystring: ZCallQuery,
        response: { 200: ZCallPage, ...errors(400, 401, 403) },
      },
    },
    async (request) => listCalls(db, signedIn(request), request.query),
  );

  app.post(
    "",
    {
      schema: {
        tags,
        operationId: "createCall",
        summary: "Create a call as a draft",
        body: ZCallInput,
        response: { 201: ZCall, ...errors(400, 401, 403) },
      },
    },
    async (request, reply) => reply.status(201).send(await createCall(db, signedIn(request), request.body)),
  );

  app.get(
    "/:id",
    {
      schema: {
        tags,
        operationId: "getCall",
        summary: "One call: rules, application counts per track and status, revision history",
        params: ZIdParams,
        response: { 200: ZCall, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => getCall(db, signedIn(request), request.params.id),
  );

  app.patch(
    "/:id",
    {
      schema: {
        tags,
        operationId: "updateCall",
        summary:
          "Edit a call at the version the editor saw (409 when stale); after publishing a `note` is required and the change becomes a new revision",
        params: ZIdParams,
        body: ZCallUpdate,
        response: { 200: ZCall, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => updateCall(db, signedIn(request), request.params.id, request.body),
  );

  app.post(
    "/:id/publish",
    {
      schema: {
        tags,
        operationId: "publishCall",
        summary: "Publish a draft (the rules are checked in full; revision 1 is written)",
        params: ZIdParams,
        body: ZCallAction,
        response: { 200: ZCall, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => publishCall(db, signedIn(request), request.params.id, request.body.version),
  );

  app.post(
    "/:id/close",
    {
      schema: {
        tags,
        operationId: "closeCall",
        summary: "Close a published call: no more applications",
        params: ZIdParams,
        body: ZCallAction,
        response: { 200: ZCall, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => closeCall(db, signedIn(request), request.params.id, request.body.version),
  );
};
