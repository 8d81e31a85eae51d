/**
 * Once per run on PostgreSQL: a template database, migrated and seeded, that every test file
 * copies (CREATE DATABASE ... TEMPLATE), so files never see each other's data. Dropped at the end.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { migrateDatabase, openDatabase } from "../../src/db/client";
import { seedDemoIfEmpty } from "../../src/db/seed/demo";
import { hashPassword } from "../../src/server/passwords";

export default async function setup({
  provide,
}: {
  provide: (key: "pgTemplate" | "pgRun", value: string) => void;
}) {
  const url = process.env.DATABASE_URL as string;
  const run = `t${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;
  const template = `hatchery_${run}_tpl`;
  await adminQuery(url, `CREATE DATABASE ${template}`);
  const database = await openDatabase({ databaseUrl: withDatabase(url, template) });
  await migrateDatabase(database);
  await seedDemoIfEmpty(database.db, hashPassword);
  await database.close();
  provide("pgTemplate", template);
  provide("pgRun", run);
  return async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE datname LIKE $1",
      [`hatchery_${run}_%`],
    );
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    await client.end();
  };
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function adminQuery(url: string, query: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(query);
  } finally {
    await client.end();
  }
}

declare module "vitest" {
  export interface ProvidedContext {
    pgTemplate: string;
    pgRun: string;
  }
}
