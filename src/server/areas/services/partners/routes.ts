/**
 * Partners (合作伙伴) under /api/partners: staff list, create, edit, archive and restore them; a
 * partner's page lists its users. A partner user reads its own partner (another is 404).
 */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ZIdParams } from "../../../../schemas/common";
import { ZVersionBody } from "../../../../schemas/platform/users";
import {
  ZPartnerContactView,
  ZPartnerInput,
  ZPartnerListQuery,
  ZPartnerPage,
  ZPartnerUpdate,
  ZPartnerView,
} from "../../../../schemas/services/partners";
import { signedIn } from "../../../context";
import { errors } from "../../../route-docs";
import type { AreaDeps } from "../../deps";
import {
  createPartner,
  getPartner,
  listPartners,
  revealPartnerContact,
  setPartnerStatus,
  updatePartner,
} from "./service";

const tags = ["partners"];

export const partnerRoutes: FastifyPluginAsyncZod<AreaDeps> = async (app, { db }) => {
  app.get(
    "/",
    {
      schema: {
        tags,
        operationId: "listPartners",
        summary: "The base's partners (staff), active first, by name; search by name or contact",
        querystring: ZPartnerListQuery,
        response: { 200: ZPartnerPage, ...errors(400, 401, 403) },
      },
    },
    async (request) => listPartners(db, signedIn(request), request.query),
  );
  app.post(
    "/",
    {
      schema: {
        tags,
        operationId: "createPartner",
        summary: "A new partner (staff; its name unique in the base)",
        body: ZPartnerInput,
        response: { 201: ZPartnerView, ...errors(400, 401, 403) },
      },
    },
    async (request, reply) => reply.code(201).send(await createPartner(db, signedIn(request), request.body)),
  );
  app.get(
    "/:id",
    {
      schema: {
        tags,
        operationId: "getPartner",
        summary: "A partner with its users (staff; a partner user: its own, another is 404)",
        params: ZIdParams,
        response: { 200: ZPartnerView, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => getPartner(db, signedIn(request), request.params.id),
  );
  app.get(
    "/:id/contact",
    {
      schema: {
        tags,
        operationId: "revealPartnerContact",
        summary: "The partner's unmasked contact phone (staff)",
        params: ZIdParams,
        response: { 200: ZPartnerContactView, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => revealPartnerContact(db, signedIn(request), request.params.id),
  );
  app.patch(
    "/:id",
    {
      schema: {
        tags,
        operationId: "updatePartner",
        summary: "Edit a partner (staff; a stale version is 409; the masked phone sent back keeps it)",
        params: ZIdParams,
        body: ZPartnerUpdate,
        response: { 200: ZPartnerView, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => updatePartner(db, signedIn(request), request.params.id, request.body),
  );
  app.post(
    "/:id/archive",
    {
      schema: {
        tags,
        operationId: "archivePartner",
        summary: "Archive a partner: it keeps its history, takes no new accounts (staff; versioned)",
        params: ZIdParams,
        body: ZVersionBody,
        response: { 200: ZPartnerView, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      setPartnerStatus(db, signedIn(request), request.params.id, "archived", request.body.version),
  );
  app.post(
    "/:id/restore",
    {
      schema: {
        tags,
        operationId: "restorePartner",
        summary: "Restore an archived partner (staff; versioned)",
        params: ZIdParams,
        body: ZVersionBody,
        response: { 200: ZPartnerView, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      setPartnerStatus(db, signedIn(request), request.params.id, "active", request.body.version),
  );
};
