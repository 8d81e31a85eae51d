/** The base's funding settings (under /api/funding/settings). */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ZFundingSettings, ZFundingSettingsBody } from "../../../../schemas/funding/settings";
import { signedIn } from "../../../context";
import { errors } from "../../../route-docs";
import type { AreaDeps } from "../../deps";
import { getFundingSettings, putFundingSettings } from "./service";

const tags = ["funding"];

export const fundingSettingsRoutes: FastifyPluginAsyncZod<AreaDeps> = async (app, { db }) => {
  app.get(
    "/",
    {
      schema: {
        tags,
        operationId: "getFundingSettings",
        summary:
          "The base's funding settings (staff): the project grant cap in fen, report grace days, variance threshold in basis points; the defaults until saved",
        response: { 200: ZFundingSettings, ...errors(401, 403) },
      },
    },
    async (request) => getFundingSettings(db, signedIn(request)),
  );
  app.put(
    "/",
    {
      schema: {
        tags,
        operationId: "putFundingSettings",
        summary: "Save the base's funding settings with the version (staff; 409 when stale), audited",
        body: ZFundingSettingsBody,
        response: { 200: ZFundingSettings, ...errors(400, 401, 403, 409) },
      },
    },
    async (request) => putFundingSettings(db, signedIn(request), request.body),
  );
};
