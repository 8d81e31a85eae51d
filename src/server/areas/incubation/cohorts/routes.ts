/** Cohorts (孵化批次) under /api/cohorts: the list with counts per status, and a new one. */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ZCohort, ZCohortCreate, ZCohortList } from "../../../../schemas/incubation/incubations";
import { signedIn } from "../../../context";
import { errors } from "../../../route-docs";
import type { AreaDeps } from "../../deps";
import { createCohort, listCohorts } from "./service";

const tags = ["incubations"];

export const cohortRoutes: FastifyPluginAsyncZod<AreaDeps> = async (app, { db }) => {
  app.get(
    "/",
    {
      schema: {
        tags,
        operationId: "listCohorts",
        summary: "The base's cohorts, latest start first, with their incubations counted per status",
        response: { 200: ZCohortList, ...errors(401, 403) },
      },
    },
    async (request) => listCohorts(db, signedIn(request)),
  );
  app.post(
    "/",
    {
      schema: {
        tags,
        operationId: "createCohort",
        summary: "A new cohort (name unique in the base: 409 otherwise)",
        body: ZCohortCreate,
        response: { 201: ZCohort, ...errors(400, 401, 403, 409) },
      },
    },
    async (request, reply) => reply.code(201).send(await createCohort(db, signedIn(request), request.body)),
  );
};
