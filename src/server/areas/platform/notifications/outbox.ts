/**
 * The email outbox worker. Each pass claims due rows with one UPDATE over a
 * `SELECT … FOR UPDATE SKIP LOCKED` subquery that also pushes their next attempt out by a lease:
 * two instances claiming at once take disjoint rows, and a row being sent is not due for anyone
 * else. The SMTP conversation runs outside any transaction (no lock held across the network);
 * then the row is marked sent, or retried with backoff, or failed after the last attempt. An
 * instance dying mid-send leaves the row to be retried when its lease runs out (at least once).
 */
import { eq, sql } from "drizzle-orm";
import { type Db, rowsOf } from "../../../../db/client";
import { emailOutbox } from "../../../../db/schema";
import type { Mailer, MailLogger } from "./mailer";

/** Minutes to wait after the 1st, 2nd, … failed attempt; after one more failure the email is failed. */
export const RETRY_MINUTES = [1, 5, 30, 120, 360] as const;
export const MAX_ATTEMPTS = RETRY_MINUTES.length + 1;
/** How long a claimed row stays with the instance that claimed it. */
const LEASE_MINUTES = 10;

export interface ClaimedEmail {
  id: string;
  toAddress: string;
  subject: string;
  body: string;
  attempts: number;
}

/** Takes up to `limit` due emails for this instance (their attempt is counted now). */
export async function claimDueEmails(db: Db, limit: number): Promise<ClaimedEmail[]> {
  const result = await db.execute(sql`
    UPDATE email_outbox
       SET attempts = attempts + 1,
           next_attempt_at = now() + make_interval(mins => ${LEASE_MINUTES})
     WHERE id IN (
       SELECT id FROM email_outbox
        WHERE status = 'pending' AND next_attempt_at <= now()
        ORDER BY next_attempt_at
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED)
    RETURNING id, to_address AS "toAddress", subject, body, attempts`);
  return rowsOf<ClaimedEmail>(result).map((r) => ({ ...r, attempts: Number(r.attempts) }));
}

export interface PassResult {
  sent: number;
  retried: number;
  failed: number;
}

/** One pass: claim a batch, send each, record the outcome. */
export async function processDueEmails(
  db: Db,
  mailer: Mailer,
  logger: MailLogger,
  batchSize = 20,
): Promise<PassResult> {
  const result: PassResult = { sent: 0, retried: 0, failed: 0 };
  for (const email of await claimDueEmails(db, batchSize)) {
    try {
      await mailer.send({ to: email.toAddress, subject: email.subject, text: email.body });
      await db
        .update(emailOutbox)
        .set({ status: "sent", sentAt: sql`now()`, lastError: null })
        .where(eq(emailOutbox.id, email.id));
      result.sent++;
    } catch (error) {
      const lastError = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
      const retryIn = RETRY_MINUTES[email.attempts - 1];
      if (retryIn === undefined) {
        await db.update(emailOutbox).set({ status: "failed", lastError }).where(eq(emailOutbox.id, email.id));
        result.failed++;
        logger.warn({ emailId: email.id, attempts: email.attempts, lastError }, "email failed for good");
      } else {
        await db
          .update(emailOutbox)
          .set({ lastError, nextAttemptAt: sql`now() + make_interval(mins => ${retryIn})` })
          .where(eq(emailOutbox.id, email.id));
        result.retried++;
        logger.warn(
          { emailId: email.id, attempts: email.attempts, retryIn, lastError },
          "email will be retried",
        );
      }
    }
  }
  return result;
}

export interface EmailWorker {
  /** Runs one pass now (tests), after any pass in progress. */
  runOnce(): Promise<PassResult>;
  /** Stops polling and waits for a pass in progress. */
  stop(): Promise<void>;
}

/** Polls every `intervalMs`; a full batch is followed at once by the next pass. */
export function startEmailWorker(options: {
  db: Db;
  mailer: Mailer;
  logger: MailLogger & { error(details: object, message: string): void };
  intervalMs: number;
  batchSize?: number;
}): EmailWorker {
  const { db, mailer, logger, intervalMs, batchSize = 20 } = options;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<PassResult> = Promise.resolve({ sent: 0, retried: 0, failed: 0 });

  const pass = (): Promise<PassResult> => {
    const empty = { sent: 0, retried: 0, failed: 0 };
    running = running.catch(() => empty).then(() => processDueEmails(db, mailer, logger, batchSize));
    return running;
  };
  const schedule = (delay: number) => {
    if (stopped) return;
    timer = setTimeout(() => {
      pass()
        .then((r) => schedule(r.sent + r.retried + r.failed >= batchSize ? 0 : intervalMs))
        .catch((error: unknown) => {
          logger.error({ err: error }, "email outbox pass failed");
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
      mailer.close();
    },
  };
}
