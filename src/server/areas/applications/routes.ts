import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AreaDeps } from "../deps";

export const applicationRoutes: FastifyPluginAsyncZod<AreaDeps> = async (_app, _deps) => {};
