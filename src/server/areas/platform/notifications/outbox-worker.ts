/**
 * One outbox worker for every channel (email_outbox, sms_outbox: the same bookkeeping columns,
 * each table with the columns of its own kind of message). Each pass claims due rows with one
 * UPDATE over a `SELECT … FOR UPDATE SKIP LOCKED` subquery that also pushes their next attempt
 * out by a lease: two instances claiming at once take disjoint rows, and a row being sent is not
 * due for anyone else. The conversation with the provider runs outside any transaction (no lock
 * held across the network); then the row is marked sent, or retried with backoff, or failed after
 * the last attempt, or deferred (a channel may say "not yet": SMS at night or over the day's cap;
 * a deferral is not an attempt), or cancelled (a channel may say "no longer": the recipient turned
 * SMS off while the text waited). An instance dying mid-send leaves the row to be retried when its
 * lease runs out, so a message is delivered at least once.
 */
import { type SQL, sql } from "drizzle-orm";
import { type Db, rowsOf } from "../../../../db/client";

/** Minutes to wait after the 1st, 2nd, … failed attempt; after one more failure the row is failed. */
export const RETRY_MINUTES = [1, 5, 30, 120, 360] as const;
export const MAX_ATTEMPTS = RETRY_MINUTES.length + 1;
/** How long a claimed row stays with the instance that claimed it. */
const LEASE_MINUTES = 10;

export interface ClaimedRow {
  id: string;
  attempts: number;
}

export interface OutboxChannel<Row extends ClaimedRow> {
  /** For logs: "email", "sms". */
  name: string;
  table: "email_outbox" | "sms_outbox";
  /** The message's own columns, as a RETURNING list with camelCase aliases. */
  columns: SQL;
  /**
   * Hands one message to the provider. Resolves with nothing once it was accepted, with a later
   * moment when it may not go yet, or with `{ cancelled: why }` when it must not go at all;
   * rejects when this attempt failed.
   */
  deliver(row: Row, now: Date): Promise<Date | { cancelled: string } | undefined>;
}

export interface OutboxLogger {
  warn(details: object, message: string): void;
}

export interface PassResult {
  sent: number;
  retried: number;
  failed: number;
  deferred: number;
  cancelled: number;
}

const at = (moment: Date) => sql`${moment.toISOString()}::timestamptz`;

/** Takes up to `limit` rows due at `now` for this instance (their attempt is counted now). */
export async function claimDue<Row extends ClaimedRow>(
  db: Db,
  channel: OutboxChannel<Row>,
  limit: number,
  now = new Date(),
): Promise<Row[]> {
  const table = sql.identifier(channel.table);
  const result = await db.execute(sql`
    UPDATE ${table}
       SET attempts = attempts + 1,
           next_attempt_at = ${at(now)} + make_interval(mins => ${LEASE_MINUTES})
     WHERE id IN (
       SELECT id FROM ${table}
        WHERE status = 'pending' AND next_attempt_at <= ${at(now)}
        ORDER BY next_attempt_at
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED)
    RETURNING id, attempts, ${channel.columns}`);
  return rowsOf<Row>(result).map((r) => ({ ...r, attempts: Number(r.attempts) }));
}

/** One pass: claim a batch, deliver each, record the outcome. */
export async function processDue<Row extends ClaimedRow>(
  db: Db,
  channel: OutboxChannel<Row>,
  logger: OutboxLogger,
  batchSize = 20,
  now = new Date(),
): Promise<PassResult> {
  const result: PassResult = { sent: 0, retried: 0, failed: 0, deferred: 0, cancelled: 0 };
  const table = sql.identifier(channel.table);
  const set = (id: string, changes: SQL) => db.execute(sql`UPDATE ${table} SET ${changes} WHERE id = ${id}`);
  for (const row of await claimDue(db, channel, batchSize, now)) {
    try {
      const outcome = await channel.deliver(row, now);
      if (outcome instanceof Date) {
        await set(row.id, sql`attempts = attempts - 1, next_attempt_at = ${at(outcome)}`);
        result.deferred++;
      } else if (outcome) {
        await set(
          row.id,
          sql`status = 'cancelled', attempts = attempts - 1, last_error = ${outcome.cancelled}`,
        );
        result.cancelled++;
      } else {
        await set(row.id, sql`status = 'sent', sent_at = ${at(now)}, last_error = NULL`);
        result.sent++;
      }
    } catch (error) {
      const lastError = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
      const retryIn = RETRY_MINUTES[row.attempts - 1];
      const details = { [`${channel.name}Id`]: row.id, attempts: row.attempts, lastError };
      if (retryIn === undefined) {
        await set(row.id, sql`status = 'failed', last_error = ${lastError}`);
        result.failed++;
        logger.warn(details, `${channel.name} failed for good`);
      } else {
        await set(
          row.id,
          sql`last_error = ${lastError}, next_attempt_at = ${at(now)} + make_interval(mins => ${retryIn})`,
        );
        result.retried++;
        logger.warn({ ...details, retryIn }, `${channel.name} will be retried`);
      }
    }
  }
  return result;
}

export interface OutboxWorker {
  /** Runs one pass now (tests), after any pass in progress. */
  runOnce(): Promise<PassResult>;
  /** Stops polling and waits for a pass in progress. */
  stop(): Promise<void>;
}

/** Polls every `intervalMs`; a full batch is followed at once by the next pass. */
export function startOutboxWorker<Row extends ClaimedRow>(options: {
  db: Db;
  channel: OutboxChannel<Row>;
  logger: OutboxLogger & { error(details: object, message: string): void };
  intervalMs: number;
  batchSize?: number;
  /** Releases the provider (an SMTP pool) after the last pass. */
  onStop?: () => void;
}): OutboxWorker {
  const { db, channel, logger, intervalMs, batchSize = 20, onStop } = options;
  const empty: PassResult = { sent: 0, retried: 0, failed: 0, deferred: 0, cancelled: 0 };
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<PassResult> = Promise.resolve(empty);

  const pass = (): Promise<PassResult> => {
    running = running.catch(() => empty).then(() => processDue(db, channel, logger, batchSize));
    return running;
  };
  const schedule = (delay: number) => {
    if (stopped) return;
    timer = setTimeout(() => {
      pass()
        .then((r) => {
          const handled = r.sent + r.retried + r.failed + r.deferred + r.cancelled;
          schedule(handled >= batchSize ? 0 : intervalMs);
        })
        .catch((error: unknown) => {
          logger.error({ err: error }, `${channel.name} outbox pass failed`);
          schedule(intervalMs);
        });
    }, delay);
    timer.unref();
  };
  schedule(intervalMs);

  return {
    runOnce: pass,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running.catch(() => {});
      onStop?.();
    },
  };
}
