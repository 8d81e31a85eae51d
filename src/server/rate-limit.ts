import { sql } from "drizzle-orm";
import { type Db, rowsOf } from "../db/client";

/**
 * A fixed-window counter in the database, so that every app instance sees the same count.
 * Returns the count in the current window after this hit.
 */
export async function hit(db: Db, key: string, windowSeconds: number): Promise<number> {
  const result = await db.execute(sql`
    INSERT INTO rate_limits (key, window_start, count) VALUES (${key}, now(), 1)
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN rate_limits.window_start < now() - make_interval(secs => ${windowSeconds}) THEN 1 ELSE rate_limits.count + 1 END,
      window_start = CASE WHEN rate_limits.window_start < now() - make_interval(secs => ${windowSeconds}) THEN now() ELSE rate_limits.window_start END
    RETURNING count`);
  return Number(rowsOf<{ count: number }>(result)[0]?.count ?? 1);
}

/** Takes back one hit of the current window (a request that failed on the server's side). */
export async function refund(db: Db, key: string): Promise<void> {
  await db.execute(sql`UPDATE rate_limits SET count = greatest(count - 1, 0) WHERE key = ${key}`);
}

/** The current count without adding a hit (0 when the window has passed). */
export async function peek(db: Db, key: string, windowSeconds: number): Promise<number> {
  const result = await db.execute(sql`
    SELECT count FROM rate_limits WHERE key = ${key} AND window_start >= now() - make_interval(secs => ${windowSeconds})`);
  return Number(rowsOf<{ count: number }>(result)[0]?.count ?? 0);
}
