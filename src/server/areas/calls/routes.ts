import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AreaDeps } from "../deps";

export const callRoutes: FastifyPluginAsyncZod<AreaDeps> = async (_app, _deps) => {};
