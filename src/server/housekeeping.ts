/**
 * Rows that only grow unless someone removes them: rate-limit windows long past, phone codes
 * expired long ago, sessions past their limit (absolute, or idle). Every instance sweeps on start
 * and then hourly (main.ts, through startPeriodic); the deletes are idempotent, so two instances
 * sweeping at once do no harm. A day's grace keeps what is still useful: a session that ran out
 * yesterday still answers "session expired".
 */
import { type SQL, sql } from "drizzle-orm";
import { type Db, rowsOf } from "../db/client";

export interface SweepResult {
  rateLimits: number;
  phoneCodes: number;
  sessions: number;
}

export async function sweep(db: Db, session: { idleMinutes: number }): Promise<SweepResult> {
  // Counted in the database: a first sweep after months may remove many rows.
  const removed = async (deletion: SQL) => {
    const result = await db.execute(
      sql`WITH gone AS (${deletion} RETURNING 1) SELECT count(*)::int AS n FROM gone`,
    );
    return Number(rowsOf<{ n: number }>(result)[0]?.n ?? 0);
  };
  const grace = sql`now() - interval '1 day'`;
  return {
    // Every window is an hour at most (the callers of src/server/rate-limit.ts).
    rateLimits: await removed(sql`DELETE FROM rate_limits WHERE window_start < ${grace}`),
    phoneCodes: await removed(sql`DELETE FROM phone_codes WHERE expires_at < ${grace}`),
    sessions: await removed(sql`DELETE FROM sessions WHERE expires_at < ${grace}
      OR last_seen_at < ${grace} - make_interval(mins => ${session.idleMinutes})`),
  };
}
