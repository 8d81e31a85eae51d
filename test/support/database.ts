/**
 * A fresh, migrated and demo-seeded database for one test file, on the engine the project runs
 * (TEST_ENGINE): PGlite loaded from the run's template dump (pglite-setup.ts), or a PostgreSQL
 * copy of the run's template database (postgres-setup.ts).
 */
import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import { inject } from "vitest";
import { type Database, openDatabase, PGLITE_EXTENSIONS } from "../../src/db/client";
import { adminQuery, withDatabase } from "./postgres-setup";

let template: Promise<Blob> | undefined;

export async function testDatabase(): Promise<Database> {
  if (process.env.TEST_ENGINE === "postgres") return postgresCopy();
  template ??= readFile(inject("pgliteTemplate")).then((bytes) => new Blob([bytes]));
  const pglite = new PGlite({ extensions: PGLITE_EXTENSIONS, loadDataDir: await template });
  return openDatabase({ databaseUrl: null, pglite });
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
