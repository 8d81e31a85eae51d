import { sql } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ZHealth } from "../../../../schemas/platform/reference";
import { API_VERSION } from "../../../version";
import type { AreaDeps } from "../../deps";

export const healthRoutes: FastifyPluginAsyncZod<AreaDeps> = async (app, { db, database }) => {
  app.get(
    "/health",
    {
      config: { public: true },
      schema: {
        tags: ["system"],
        operationId: "health",
        summary: "Liveness: answers when the database answers, naming the engine in use",
        security: [],
        response: { 200: ZHealth },
      },
    },
    async () => {
      await db.execute(sql`select 1`);
      return { status: "ok" as const, engine: database.engine, version: API_VERSION };
    },
  );

  // A route that touches no database: the benchmark's yardstick for every other route.
  app.get("/ping", { config: { public: true }, schema: { hide: true } }, async () => ({ pong: true }));
};
