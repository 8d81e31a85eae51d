/**
 * Notices by SMS. Queued in the notice's own transaction (notify.ts), sent by the SMS channel of
 * the outbox worker (outbox-worker.ts) within the gateway's limits: at most `dailyCap` messages
 * per number per Shanghai calendar day, none in quiet hours (src/domain/sms-schedule.ts decides
 * when). The day's count is a row of `rate_limits` keyed by number and date, taken with one
 * conditional upsert before sending, so instances sending at once cannot pass the cap together.
 * A message the gateway refused for certain gives its place back; an uncertain failure (a
 * timeout) keeps it, since it may have been delivered. Phone codes do not pass through here.
 */
import { sql } from "drizzle-orm";
import { type Db, rowsOf } from "../../../../db/client";
import { smsOutbox } from "../../../../db/schema";
import { shanghaiDate } from "../../../../domain/shanghai-time";
import { type SmsLimits, smsSendTime } from "../../../../domain/sms-schedule";
import type { Lang } from "../../../../schemas/messages";
import type { NotificationKind, NotificationParams } from "../../../../schemas/platform/notifications";
import { refund } from "../../../rate-limit";
import { type SmsProvider, SmsRefusedError } from "../../../sms";
import { type OutboxChannel, type OutboxLogger, processDue, startOutboxWorker } from "./outbox-worker";
import { renderNoticeSms } from "./sms-text";

interface NoticeForSms {
  baseId: string;
  kind: NotificationKind;
  params: NotificationParams;
  link: string | null;
}

/** Queues the notice's text for each recipient (who chose SMS and has a mobile), if it has one. */
export async function enqueueNotificationSms(
  tx: Db,
  notice: NoticeForSms,
  recipients: { id: string; mobile: string; language: Lang }[],
): Promise<void> {
  const rows = recipients.flatMap((r) => {
    const body = renderNoticeSms(r.language, notice.kind, notice.params, notice.link);
    return body ? [{ baseId: notice.baseId, userId: r.id, mobile: r.mobile, body }] : [];
  });
  await enqueueSms(tx, rows);
}

/**
 * Queues texts that are no notice (an account opened for someone, people/welcome-sms.ts): sent by
 * the same worker, within the same daily cap and quiet hours, dropped if the account is disabled
 * or its number changes before they go.
 */
export async function enqueueSms(
  tx: Db,
  rows: { baseId: string; userId: string; mobile: string; body: string }[],
): Promise<void> {
  if (rows.length > 0) await tx.insert(smsOutbox).values(rows);
}

export interface ClaimedSms {
  id: string;
  userId: string | null;
  mobile: string;
  body: string;
  attempts: number;
}

/**
 * Why a waiting text must not go any more, or null: its recipient turned SMS off, or the number is
 * no longer theirs (a text queued at night must not reach someone who said "no texts" at 23:00).
 */
async function noLongerWanted(db: Db, sms: ClaimedSms): Promise<string | null> {
  if (!sms.userId) return null;
  const result = await db.execute(sql`
    SELECT u.mobile, u.status, s.sms FROM users u
      LEFT JOIN notification_settings s ON s.user_id = u.id
     WHERE u.id = ${sms.userId}`);
  const [user] = rowsOf<{ mobile: string | null; status: string; sms: boolean | null }>(result);
  if (user?.status !== "active") return "the account is gone or disabled";
  if (user.mobile !== sms.mobile) return "the account's mobile number changed";
  if (user.sms === false) return "the user turned SMS off";
  return null;
}

const dayKey = (mobile: string, now: Date) => `sms-daily:${mobile}:${shanghaiDate(now)}`;

async function sentToday(db: Db, key: string): Promise<number> {
  const result = await db.execute(sql`SELECT count FROM rate_limits WHERE key = ${key}`);
  return Number(rowsOf<{ count: number }>(result)[0]?.count ?? 0);
}

/** Takes one of the day's places for the number; false when the cap is reached. */
async function takePlace(db: Db, key: string, cap: number, now: Date): Promise<boolean> {
  const result = await db.execute(sql`
    INSERT INTO rate_limits (key, window_start, count) VALUES (${key}, ${now.toISOString()}::timestamptz, 1)
    ON CONFLICT (key) DO UPDATE SET count = rate_limits.count + 1 WHERE rate_limits.count < ${cap}
    RETURNING count`);
  return rowsOf(result).length > 0;
}

function smsChannel(db: Db, provider: SmsProvider, limits: SmsLimits): OutboxChannel<ClaimedSms> {
  return {
    name: "sms",
    table: "sms_outbox",
    columns: sql`user_id AS "userId", mobile, body`,
    async deliver(sms, now) {
      const unwanted = await noLongerWanted(db, sms);
      if (unwanted) return { cancelled: unwanted };
      const key = dayKey(sms.mobile, now);
      const when = smsSendTime(now, await sentToday(db, key), limits);
      if (when > now) return when;
      // Another instance may have taken the last place since the count was read.
      if (!(await takePlace(db, key, limits.dailyCap, now))) return smsSendTime(now, limits.dailyCap, limits);
      try {
        await provider.send(sms.mobile, sms.body, sms.id);
      } catch (error) {
        if (error instanceof SmsRefusedError) await refund(db, key);
        throw error;
      }
      return undefined;
    },
  };
}

/** One pass of the SMS outbox at `now` (tests pass a moment; the worker the clock). */
export function processDueSms(
  db: Db,
  provider: SmsProvider,
  limits: SmsLimits,
  logger: OutboxLogger,
  options: { now?: Date; batchSize?: number } = {},
) {
  return processDue(db, smsChannel(db, provider, limits), logger, options.batchSize, options.now);
}

export function startSmsWorker(options: {
  db: Db;
  provider: SmsProvider;
  limits: SmsLimits;
  logger: OutboxLogger & { error(details: object, message: string): void };
  intervalMs: number;
}) {
  const { db, provider, limits, logger, intervalMs } = options;
  return startOutboxWorker({ db, channel: smsChannel(db, provider, limits), logger, intervalMs });
}
