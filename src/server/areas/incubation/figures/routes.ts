import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ZIncubationFigures } from "../../../../schemas/incubation/figures";
import { signedIn } from "../../../context";
import { errors } from "../../../route-docs";
import type { AreaDeps } from "../../deps";
import { incubationFigures } from "./service";

/** The incubation figures (孵化数据) of the viewers', liaisons' and staff's homes, beside the recruitment's. */
export const incubationFigureRoutes: FastifyPluginAsyncZod<AreaDeps> = async (app, { readDb, shared }) => {
  app.get(
    "/incubation",
    {
      schema: {
        tags: ["figures"],
        operationId: "incubationFigures",
        summary:
          "Counts of incubations (status, track, residency) and per cohort: in the base, graduated, baselines done and overdue, the mean baseline",
        response: { 200: ZIncubationFigures, ...errors(401, 403) },
      },
    },
    async (request) => incubationFigures(readDb, signedIn(request), shared),
  );
};
