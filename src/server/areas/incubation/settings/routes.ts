/** The base's incubation settings (under /api/incubation-settings). */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ZIncubationSettings, ZIncubationSettingsBody } from "../../../../schemas/incubation/incubations";
import { signedIn } from "../../../context";
import { errors } from "../../../route-docs";
import type { AreaDeps } from "../../deps";
import { getSettings, putSettings } from "./service";

const tags = ["incubations"];

export const incubationSettingsRoutes: FastifyPluginAsyncZod<AreaDeps> = async (app, { db }) => {
  app.get(
    "/",
    {
      schema: {
        tags,
        operationId: "getIncubationSettings",
        summary:
          "The base's incubation settings (term months, baseline and exit due days); the defaults until saved",
        response: { 200: ZIncubationSettings, ...errors(401, 403) },
      },
    },
    async (request) => getSettings(db, signedIn(request)),
  );
  app.put(
    "/",
    {
      schema: {
        tags,
        operationId: "putIncubationSettings",
        summary: "Save the base's incubation settings with the version (409 when stale)",
        body: ZIncubationSettingsBody,
        response: { 200: ZIncubationSettings, ...errors(400, 401, 403, 409) },
      },
    },
    async (request) => putSettings(db, signedIn(request), request.body),
  );
};
