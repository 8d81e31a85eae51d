/**
 * A fresh, migrated and demo-seeded database for one test file, on the engine the project runs
 * (TEST_ENGINE): PGlite cloned from a per-worker template, or a PostgreSQL copy of the run's
 * template database.
 */
import { randomBytes } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import { inject } from "vitest";
import { type Database, migrateDatabase, openDatabase, PGLITE_EXTENSIONS } from "../../src/db/client";
import { seedDemoIfEmpty } from "../../src/db/seed/demo";
import { hashPassword } from "../../src/server/passwords";
import { adminQuery, withDatabase } from "./postgres-setup";

const cache = globalThis as { hatcheryTemplate?: Promise<PGlite> };

export async function testDatabase(): Promise<Database> {
  if (process.env.TEST_ENGINE === "postgres") return postgresCopy();
  cache.hatcheryTemplate ??= pgliteTemplate();
  const template = await cache.hatcheryTemplate;
  return openDatabase({ databaseUrl: null, pglite: (await template.clone()) as PGlite });
}

async function pgliteTemplate(): Promise<PGlite> {
  const pglite = new PGlite({ extensions: PGLITE_EXTENSIONS });
  const database = await openDatabase({ databaseUrl: null, pglite });
  await migrateDatabase(database);
  await seedDemoIfEmpty(database.db, hashPassword);
  return pglite;
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
