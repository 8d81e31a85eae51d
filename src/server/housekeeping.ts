/**
 * Rows that only grow unless someone removes them: rate-limit windows long past, phone codes
 * expired long ago, sessions past their limit. Every instance sweeps on start and then hourly;
 * the deletes are idempotent, so two instances sweeping at once do no harm. A day's grace keeps
 * what is still useful: a session that ran out yesterday still answers "session expired".
 * main.ts runs it through startPeriodic.
 */
import { lt, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { phoneCodes, rateLimits, sessions } from "../db/schema";

const GRACE = sql`now() - interval '1 day'`;

export interface SweepResult {
  rateLimits: number;
  phoneCodes: number;
  sessions: number;
}

export async function sweep(db: Db): Promise<SweepResult> {
  // Every window is an hour at most (src/server/rate-limit.ts callers), so a day-old one is dead.
  const limits = await db
    .delete(rateLimits)
    .where(lt(rateLimits.windowStart, GRACE))
    .returning({ key: rateLimits.key });
  const codes = await db
    .delete(phoneCodes)
    .where(lt(phoneCodes.expiresAt, GRACE))
    .returning({ id: phoneCodes.id });
  const gone = await db.delete(sessions).where(lt(sessions.expiresAt, GRACE)).returning({ id: sessions.id });
  return { rateLimits: limits.length, phoneCodes: codes.length, sessions: gone.length };
}
