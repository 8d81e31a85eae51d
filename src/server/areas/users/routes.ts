import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AreaDeps } from "../deps";

export const userRoutes: FastifyPluginAsyncZod<AreaDeps> = async () => {};
