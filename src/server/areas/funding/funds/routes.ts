/**
 * Funds (资金) under /api/funds: staff list, create, edit and close the base's funds; a partner
 * user reads its own partner's. Amounts are integer fen; committed, disbursed and available come
 * from the grants.
 */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ZIdParams } from "../../../../schemas/common";
import { ZFund, ZFundInput, ZFundList, ZFundQuery, ZFundUpdate } from "../../../../schemas/funding/funds";
import { ZVersionBody } from "../../../../schemas/platform/users";
import { signedIn } from "../../../context";
import { errors } from "../../../route-docs";
import type { AreaDeps } from "../../deps";
import { closeFund, createFund, getFund, listFunds, updateFund } from "./service";

const tags = ["funding"];

export const fundRoutes: FastifyPluginAsyncZod<AreaDeps> = async (app, { db }) => {
  app.get(
    "/",
    {
      schema: {
        tags,
        operationId: "listFunds",
        summary:
          "The base's funds (staff) or the partner's own (a partner user), each with capacity, committed, disbursed and available in fen",
        querystring: ZFundQuery,
        response: { 200: ZFundList, ...errors(400, 401, 403) },
      },
    },
    async (request) => listFunds(db, signedIn(request), request.query),
  );
  app.post(
    "/",
    {
      schema: {
        tags,
        operationId: "createFund",
        summary:
          "A new fund (staff): kind, name unique in the base, capacity in fen; a partner's fund names an active partner of the base",
        body: ZFundInput,
        response: { 201: ZFund, ...errors(400, 401, 403) },
      },
    },
    async (request, reply) => reply.code(201).send(await createFund(db, signedIn(request), request.body)),
  );
  app.get(
    "/:id",
    {
      schema: {
        tags,
        operationId: "getFund",
        summary: "One fund with its figures (staff; a partner user its own partner's, another's is 404)",
        params: ZIdParams,
        response: { 200: ZFund, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => getFund(db, signedIn(request), request.params.id),
  );
  app.put(
    "/:id",
    {
      schema: {
        tags,
        operationId: "updateFund",
        summary:
          "Edit a fund with its version (staff): name, capacity (never below what is committed: 400), year, description; 409 when stale or closed",
        params: ZIdParams,
        body: ZFundUpdate,
        response: { 200: ZFund, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => updateFund(db, signedIn(request), request.params.id, request.body),
  );
  app.post(
    "/:id/close",
    {
      schema: {
        tags,
        operationId: "closeFund",
        summary:
          "Close a fund with its version (staff): no new grants from it; 409 when stale or already closed",
        params: ZIdParams,
        body: ZVersionBody,
        response: { 200: ZFund, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => closeFund(db, signedIn(request), request.params.id, request.body.version),
  );
};
