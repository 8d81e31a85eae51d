/**
 * A fresh, migrated and demo-seeded database for one test file, on the engine the project runs
 * (TEST_ENGINE): PGlite loaded from the run's template dump (pglite-setup.ts), or a PostgreSQL
 * copy of the run's template database (postgres-setup.ts). PGlite runs in its worker thread, as in
 * the server (src/db/pglite-remote.ts), so the API suite goes through the same path.
 */
import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { inject } from "vitest";
import { type Database, openDatabase } from "../../src/db/client";
import { adminQuery, withDatabase } from "./postgres-setup";

let template: Promise<Buffer> | undefined;

export async function testDatabase(): Promise<Database> {
  if (process.env.TEST_ENGINE === "postgres") return postgresCopy();
  template ??= readFile(inject("pgliteTemplate"));
  // A copy: the bytes move to the worker thread (transferred, not copied again).
  const loadDataDir = new Uint8Array(await template);
  return openDatabase({ databaseUrl: null, embedded: { memory: true, loadDataDir } });
}

async function postgresCopy(): Promise<Database> {
  const url = process.env.DATABASE_URL as string;
  const name = `hatchery_${inject("pgRun")}_${randomBytes(4).toString("hex")}`;
  await adminQuery(url, `CREATE DATABASE ${name} TEMPLATE ${inject("pgTemplate")}`);
  const database = await openDatabase({ databaseUrl: withDatabase(url, name) });
  const close = database.close;
  return {
    ...database,
    close: async () => {
      await close();
      await adminQuery(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}
