/** What the maintenance endpoint and the backup and restore scripts (scripts/) agree on. */
/** Under DATA_DIR: the token a local operator presents to the running server. */
export const MAINTENANCE_TOKEN_FILE = "maintenance-token";
export const MAINTENANCE_HEADER = "x-maintenance-token";
export const VERSION_HEADER = "x-hatchery-version";
export const MIGRATIONS_HEADER = "x-hatchery-migrations";

/** How many migrations the database has applied (Drizzle's journal table; 0 before the first). */
export async function appliedMigrations(client: Queryable): Promise<number> {
  const exists = await client.query(
    "SELECT to_regclass('drizzle.__drizzle_migrations') IS NOT NULL AS found",
  );
  if (!(exists.rows[0] as { found: boolean } | undefined)?.found) return 0;
  const result = await client.query("SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations");
  return (result.rows[0] as { n: number } | undefined)?.n ?? 0;
}

/** A PGlite instance or a `pg` client. */
interface Queryable {
  query(text: string): Promise<{ rows: unknown[] }>;
}
