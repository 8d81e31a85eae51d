/**
 * Once per run on PGlite: a database migrated and demo-seeded once, dumped to a file that every
 * test file loads (`loadDataDir`), so no file pays for the migrations and the seed again (about
 * seven of the nine seconds a file spent before its first test). Removed at the end.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { migrateDatabase, openDatabase } from "../../src/db/client";
import { seedDemoIfEmpty } from "../../src/db/seed/demo";
import { hashPassword } from "../../src/server/passwords";

export default async function setup({
  provide,
}: {
  provide: (key: "pgliteTemplate", value: string) => void;
}) {
  const directory = await mkdtemp(path.join(tmpdir(), "hatchery-pglite-template-"));
  const database = await openDatabase({ databaseUrl: null, embedded: { memory: true } });
  await migrateDatabase(database);
  await seedDemoIfEmpty(database.db, hashPassword);
  const file = path.join(directory, "template.tar.gz");
  const dump = await database.pglite?.dumpDataDir("gzip");
  if (!dump) throw new Error("pglite-setup: no embedded database");
  await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  await database.close();
  provide("pgliteTemplate", file);
  return () => rm(directory, { recursive: true, force: true });
}

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplate: string;
  }
}
