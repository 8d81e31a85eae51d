/**
 * Local maintenance for the embedded database. PGlite lives inside this process (in its worker
 * thread) and nothing else may open its data directory while the server runs, so `npm run backup`
 * asks the server for the dump instead. The caller proves file access to DATA_DIR by presenting the maintenance token the
 * server writes there when it starts listening (mode 600). Hidden from the OpenAPI document: it is
 * an operator's tool, described in docs/OPERATIONS.md, not part of the application's contract.
 */
import { randomBytes, timingSafeEqual } from "node:crypto";
import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { AppError } from "../../../errors";
import { API_VERSION } from "../../../version";
import type { AreaDeps } from "../../deps";
import {
  appliedMigrations,
  MAINTENANCE_HEADER,
  MAINTENANCE_TOKEN_FILE,
  MIGRATIONS_HEADER,
  VERSION_HEADER,
} from "./maintenance";

export const systemRoutes: FastifyPluginAsyncZod<AreaDeps> = async (app, { database, config }) => {
  const pglite = database.pglite;
  // On PostgreSQL the backup is pg_dump's job, from any machine that reaches the database.
  if (!pglite) return;

  const token = randomBytes(32).toString("base64url");
  const tokenFile = path.join(config.dataDir, MAINTENANCE_TOKEN_FILE);

  // Written only when the server really listens (tests that `inject` leave DATA_DIR alone); its
  // presence also tells the scripts that a server holds this data directory.
  app.addHook("onListen", async () => {
    mkdirSync(config.dataDir, { recursive: true });
    writeFileSync(tokenFile, `${token}\n`, { mode: 0o600 });
    chmodSync(tokenFile, 0o600);
  });
  app.addHook("onClose", async () => {
    try {
      if (readFileSync(tokenFile, "utf8").trim() === token) rmSync(tokenFile);
    } catch {
      // Already gone: nothing to clean up.
    }
  });

  app.post("/system/backup", { config: { public: true }, schema: { hide: true } }, async (request, reply) => {
    const given = request.headers[MAINTENANCE_HEADER];
    const presented = Buffer.from(Array.isArray(given) ? (given[0] ?? "") : (given ?? ""));
    const expected = Buffer.from(token);
    if (presented.length !== expected.length || !timingSafeEqual(presented, expected)) {
      throw new AppError("forbidden");
    }
    const migrations = await appliedMigrations(pglite);
    // The worker checkpoints and dumps holding the database's mutex (pglite-remote.ts), so no
    // request's transaction is half-way through when the files are read.
    const dump = await pglite.dumpDataDir("gzip");
    request.log.info({ bytes: dump.size }, "database dump sent for backup");
    return reply
      .header("content-type", "application/gzip")
      .header("content-length", dump.size)
      .header(VERSION_HEADER, API_VERSION)
      .header(MIGRATIONS_HEADER, String(migrations))
      .send(Readable.fromWeb(dump.stream() as never));
  });
};
