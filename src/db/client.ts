/**
 * One Drizzle database over either engine: embedded PGlite (default, data under DATA_DIR/db) or
 * PostgreSQL through `pg` when DATABASE_URL is set. Both speak the same SQL and migrations.
 * PGlite runs in a worker thread (pglite-remote.ts), off the HTTP server's event loop.
 */
import path from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import { PgliteRemote } from "./pglite-remote";
import * as schema from "./schema";
import { countedPglite, countStatementsOnPool } from "./statement-count";

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Engine = "pglite" | "postgres";

export interface Database {
  db: Db;
  engine: Engine;
  /** The embedded database (PGlite in its worker thread), for backups and LISTEN; null on PostgreSQL. */
  pglite: PgliteRemote | null;
  pool: pg.Pool | null;
  /** For read-only figures and reports: a replica's pool when DATABASE_READ_URL is set, else `db`. */
  readDb: Db;
  /**
   * Where what needs a session-level connection connects (LISTEN, the migration lock):
   * DATABASE_DIRECT_URL, else DATABASE_URL, so a transaction-mode PgBouncer can serve the pool
   * while these reach PostgreSQL itself. null on PGlite.
   */
  directUrl: string | null;
  close(): Promise<void>;
}

/** Migrations live in the source tree so that the bundled server and tsx find the same files. */
export const MIGRATIONS_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../src/db/migrations",
);

export { PGLITE_EXTENSIONS } from "./pglite-extensions";

export async function openDatabase(options: {
  databaseUrl: string | null;
  /** Defaults to databaseUrl. */
  directUrl?: string | null;
  /** Defaults to databaseUrl (one pool for everything). */
  readUrl?: string | null;
  /** PGlite's data lives in dataDir/db ("./data" by default) unless `embedded` says otherwise. */
  dataDir?: string;
  /** PGlite in memory (no dataDir), optionally started from a dump: the tests' databases. */
  embedded?: { memory: true; loadDataDir?: Uint8Array<ArrayBuffer> };
  /** The embedded database's worker died: every query fails from now on (the server exits). */
  onEmbeddedExit?: (error: Error) => void;
}): Promise<Database> {
  if (options.databaseUrl) {
    const { databaseUrl } = options;
    const primary = openPool(databaseUrl);
    const replica = options.readUrl && options.readUrl !== databaseUrl ? openPool(options.readUrl) : null;
    return {
      db: primary.db,
      engine: "postgres",
      pglite: null,
      pool: primary.pool,
      readDb: replica?.db ?? primary.db,
      directUrl: options.directUrl || databaseUrl,
      close: async () => {
        await Promise.all([primary.close(), replica?.close()]);
      },
    };
  }
  const client = await PgliteRemote.open(
    options.embedded
      ? { loadDataDir: options.embedded.loadDataDir }
      : { dataDir: path.join(options.dataDir ?? "./data", "db") },
    { onExit: options.onEmbeddedExit },
  );
  // Drizzle's pglite driver needs only query and transaction: the remote offers both.
  const db = drizzlePglite(countedPglite(client) as never, { schema }) as unknown as Db;
  return {
    db,
    engine: "pglite",
    pglite: client,
    pool: null,
    readDb: db,
    directUrl: null,
    close: () => client.close(),
  };
}

/**
 * A pool and its Drizzle database. Drizzle sends unnamed statements (a name only with
 * `.prepare(name)`, which the code never uses), so the pool may sit behind PgBouncer in
 * transaction mode.
 */
function openPool(connectionString: string): { db: Db; pool: pg.Pool; close(): Promise<void> } {
  const pool = new pg.Pool({
    connectionString,
    max: Number(process.env.DB_POOL_SIZE ?? 10),
  });
  // An idle client whose server went away (a restart, an administrator) must not crash the
  // process: the pool drops it and the next query opens a new connection.
  pool.on("error", (error) => process.emitWarning(`PostgreSQL idle client: ${error.message}`));
  // pool.end() resolves once its clients are told to end, not once they have: wait for every
  // socket to close, so whoever closes the database (a shutdown, a test dropping its copy)
  // never catches a connection mid-goodbye.
  const closed = new Set<Promise<void>>();
  pool.on("connect", (client) => {
    const ended = new Promise<void>((resolve) => client.once("end", () => resolve()));
    closed.add(ended);
    void ended.then(() => closed.delete(ended));
  });
  countStatementsOnPool(pool); // per request, for the Server-Timing header
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  const close = async () => {
    await pool.end();
    await Promise.race([Promise.all(closed), delay(5000, undefined, { ref: false })]);
  };
  return { db, pool, close };
}

export async function migrateDatabase(database: Database): Promise<void> {
  const config = { migrationsFolder: MIGRATIONS_DIR };
  if (database.directUrl) {
    // Several instances may start at once on one PostgreSQL: one migrates, the others wait. A
    // session-level lock, so on the direct connection: through a transaction-mode pooler the
    // lock and the migration could land on different server connections.
    const client = new pg.Client({ connectionString: database.directUrl });
    await client.connect();
    try {
      await client.query("SELECT pg_advisory_lock(727001)");
      await migratePg(drizzlePg(client, { schema }), config);
    } finally {
      await client.query("SELECT pg_advisory_unlock(727001)").catch(() => {});
      await client.end();
    }
  } else {
    await migratePglite(database.db as never, config);
  }
}

/** Rows of a raw `db.execute(sql...)`: both drivers answer with `{ rows }`. */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

/** PGlite has no autovacuum: gather planner statistics ourselves at start (cheap at this scale). */
export async function refreshStatistics(database: Database): Promise<void> {
  if (database.pglite) await database.pglite.exec("ANALYZE");
}
