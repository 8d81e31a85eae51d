import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ZHomeStats, ZHubList, ZTownList } from "../../../../schemas/platform/reference";
import { signedIn } from "../../../context";
import { errors } from "../../../route-docs";
import type { AreaDeps } from "../../deps";
import { homeStats, listHubOrganizations, listTowns } from "./service";

export const referenceRoutes: FastifyPluginAsyncZod<AreaDeps> = async (app, { db, readDb, shared }) => {
  app.get(
    "/towns",
    {
      schema: {
        tags: ["reference"],
        operationId: "listTowns",
        summary: "Towns and communities the base serves",
        response: { 200: ZTownList, ...errors(401) },
      },
    },
    async (request) => ({ items: await listTowns(db, signedIn(request)) }),
  );
  app.get(
    "/hub-organizations",
    {
      schema: {
        tags: ["reference"],
        operationId: "listHubOrganizations",
        summary: "Hub organizations to belong to",
        response: { 200: ZHubList, ...errors(401) },
      },
    },
    async (request) => ({ items: await listHubOrganizations(db, signedIn(request)) }),
  );
  app.get(
    "/stats/home",
    {
      schema: {
        tags: ["reference"],
        operationId: "homeStats",
        summary: "Live counts for the home page",
        response: { 200: ZHomeStats, ...errors(401) },
      },
    },
    async (request) => homeStats(readDb, signedIn(request), shared),
  );
};
