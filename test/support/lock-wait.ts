/**
 * For PostgreSQL lock tests: starts a request and resolves once it waits on a lock held by the
 * test's own open transaction, or once it has finished without waiting (then `blocked` is false,
 * and the test should fail: the lock it meant to prove was not taken).
 */
import type pg from "pg";

export async function whenBlocked<T>(
  pool: pg.Pool,
  request: Promise<T>,
): Promise<{ blocked: boolean; result: Promise<T> }> {
  let settled = false;
  const result = request.finally(() => {
    settled = true;
  });
  for (let waiting = 0; waiting === 0 && !settled; ) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    const { rows } = await pool.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
    );
    waiting = rows[0]?.n ?? 0;
  }
  return { blocked: !settled, result };
}
