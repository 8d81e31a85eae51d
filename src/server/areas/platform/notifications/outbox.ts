/**
 * The email channel of the outbox worker (outbox-worker.ts): due rows of `email_outbox` go out
 * over SMTP (mailer.ts), with the shared claiming, retries and lease.
 */
import { sql } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import type { Mailer, MailLogger } from "./mailer";
import {
  claimDue,
  type OutboxChannel,
  type OutboxWorker,
  processDue,
  startOutboxWorker,
} from "./outbox-worker";

export { MAX_ATTEMPTS, RETRY_MINUTES } from "./outbox-worker";

export interface ClaimedEmail {
  id: string;
  toAddress: string;
  subject: string;
  body: string;
  attempts: number;
}

function emailChannel(mailer: Mailer): OutboxChannel<ClaimedEmail> {
  return {
    name: "email",
    table: "email_outbox",
    columns: sql`to_address AS "toAddress", subject, body`,
    async deliver(email) {
      await mailer.send({ to: email.toAddress, subject: email.subject, text: email.body });
      return undefined;
    },
  };
}

/** Rows the claim query needs nothing of the mailer for. */
const CLAIM_ONLY = emailChannel({ send: async () => {}, close: () => {} });

/** Takes up to `limit` due emails for this instance (their attempt is counted now). */
export function claimDueEmails(db: Db, limit: number): Promise<ClaimedEmail[]> {
  return claimDue(db, CLAIM_ONLY, limit);
}

/** One pass: claim a batch, send each, record the outcome. Email is never deferred. */
export async function processDueEmails(db: Db, mailer: Mailer, logger: MailLogger, batchSize = 20) {
  const { sent, retried, failed } = await processDue(db, emailChannel(mailer), logger, batchSize);
  return { sent, retried, failed };
}

export function startEmailWorker(options: {
  db: Db;
  mailer: Mailer;
  logger: MailLogger & { error(details: object, message: string): void };
  intervalMs: number;
  batchSize?: number;
}): OutboxWorker {
  const { mailer, ...rest } = options;
  return startOutboxWorker({ ...rest, channel: emailChannel(mailer), onStop: () => mailer.close() });
}
