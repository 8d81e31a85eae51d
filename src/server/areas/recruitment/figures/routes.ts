import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ZRecruitmentFigures } from "../../../../schemas/recruitment/figures";
import { signedIn } from "../../../context";
import { errors } from "../../../route-docs";
import type { AreaDeps } from "../../deps";
import { recruitmentFigures } from "./service";

export const figureRoutes: FastifyPluginAsyncZod<AreaDeps> = async (app, { readDb, shared }) => {
  app.get(
    "/recruitment",
    {
      schema: {
        tags: ["figures"],
        operationId: "recruitmentFigures",
        summary:
          "Counts of calls, applications (funnel, status, track, town) and organizations: per base, or a liaison's town",
        response: { 200: ZRecruitmentFigures, ...errors(401, 403) },
      },
    },
    async (request) => recruitmentFigures(readDb, signedIn(request), shared),
  );
};
