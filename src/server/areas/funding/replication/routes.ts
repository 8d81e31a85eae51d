/** Replication sites (产品孵化) of a project, under /api/projects/:id/replication-sites. */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ZIdParams, ZOk } from "../../../../schemas/common";
import {
  ZReplicationSite,
  ZReplicationSiteInput,
  ZReplicationSiteList,
  ZSiteParams,
} from "../../../../schemas/funding/projects";
import { signedIn } from "../../../context";
import { errors } from "../../../route-docs";
import type { AreaDeps } from "../../deps";
import { addSite, listSites, removeSite } from "./service";

const tags = ["funding"];

export const replicationRoutes: FastifyPluginAsyncZod<AreaDeps> = async (app, { db }) => {
  app.get(
    "/:id/replication-sites",
    {
      schema: {
        tags,
        operationId: "listReplicationSites",
        summary:
          "The places that took up the project's model, newest year first (whoever may read the project)",
        params: ZIdParams,
        response: { 200: ZReplicationSiteList, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => listSites(db, signedIn(request), request.params.id),
  );
  app.post(
    "/:id/replication-sites",
    {
      schema: {
        tags,
        operationId: "addReplicationSite",
        summary:
          "Record a replication site: town, community, year, who funded it (staff, or the organization's member); the same town, community and year twice is 409",
        params: ZIdParams,
        body: ZReplicationSiteInput,
        response: { 201: ZReplicationSite, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await addSite(db, signedIn(request), request.params.id, request.body)),
  );
  app.delete(
    "/:id/replication-sites/:siteId",
    {
      schema: {
        tags,
        operationId: "removeReplicationSite",
        summary: "Remove a wrongly recorded replication site (staff)",
        params: ZSiteParams,
        response: { 200: ZOk, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => removeSite(db, signedIn(request), request.params.id, request.params.siteId),
  );
};
