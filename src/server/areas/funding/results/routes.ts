/** GET /api/projects/:id/results: what one project's money bought (项目成效). */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ZIdParams } from "../../../../schemas/common";
import { ZProjectResults } from "../../../../schemas/funding/results";
import { signedIn } from "../../../context";
import { errors } from "../../../route-docs";
import type { AreaDeps } from "../../deps";
import { projectResults } from "./service";

/** Registered under /projects. */
export const projectResultsRoutes: FastifyPluginAsyncZod<AreaDeps> = async (app, { readDb }) => {
  app.get(
    "/:id/results",
    {
      schema: {
        tags: ["funding results"],
        operationId: "projectResults",
        summary:
          "One project's results: each indicator's accepted values over time against its target and achievement rate, spending against budget, paid tranches and money owed, people reached and cost per person, replication sites",
        params: ZIdParams,
        response: { 200: ZProjectResults, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => projectResults(readDb, signedIn(request), request.params.id),
  );
};
