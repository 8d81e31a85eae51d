import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ZIdParams } from "../../../../schemas/common";
import { ZPublicCall, ZPublicCallList } from "../../../../schemas/recruitment/calls";
import { errors } from "../../../route-docs";
import type { AreaDeps } from "../../deps";
import { getPublicCall, listPublicCalls } from "./service";

const tags = ["portal"];

/** The public portal (no sign-in): published calls only; a draft is 404 here. */
export const portalRoutes: FastifyPluginAsyncZod<AreaDeps> = async (app, { db }) => {
  app.get(
    "/calls",
    {
      config: { public: true },
      schema: {
        tags,
        operationId: "listPublicCalls",
        summary: "Published calls: open and upcoming first, then recently closed; with the server's clock",
        security: [],
        response: { 200: ZPublicCallList },
      },
    },
    async () => listPublicCalls(db),
  );

  app.get(
    "/calls/:id",
    {
      config: { public: true },
      schema: {
        tags,
        operationId: "getPublicCall",
        summary: "One published call: tracks, eligibility, documents, questions, revisions",
        security: [],
        params: ZIdParams,
        response: { 200: ZPublicCall, ...errors(400, 404) },
      },
    },
    async (request) => getPublicCall(db, request.params.id),
  );
};
