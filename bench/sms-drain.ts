/**
 * The SMS outbox's throughput, measured on the bench database instead of over HTTP: password-reset
 * codes are rate-limited by design, so loading their route would measure the limiter. What sends
 * the texts is the outbox worker. This step queues `notices` texts with the platform's own writer
 * (`enqueueNotificationSms`, as `notify()` does) to applicants with a confirmed mobile, five each
 * (the default daily cap, so none waits for tomorrow), then times one drain: passes of the worker's
 * batch size back to back, as the worker runs them after a full batch, through the log adapter (the
 * provider without SMS_WEBHOOK_URL), writing each text as a JSON line to a file as the server's log
 * would. Quiet hours are off, so the hour the bench runs at does not turn sends into deferrals.
 */

import { once } from "node:events";
import { createWriteStream } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { Database } from "../src/db/client";
import { users } from "../src/db/schema";
import type { SmsLimits } from "../src/domain/sms-schedule";
import type { NotificationKind, NotificationParams } from "../src/schemas/platform/notifications";
import { enqueueNotificationSms, processDueSms } from "../src/server/areas/platform/notifications/sms-outbox";
import { smsProviderFor } from "../src/server/sms";

/** Texts per applicant: the default `SMS_DAILY_CAP_PER_NUMBER`. */
const PER_APPLICANT = 5;
/** The worker's batch (startOutboxWorker's default). */
const BATCH = 20;
const LIMITS: SmsLimits = { dailyCap: PER_APPLICANT, quiet: null };
/** Mobiles no demo or generated record uses (the demo's start 138). */
const MOBILE_PREFIX = "1470";

export interface SmsDrain {
  notices: number;
  enqueueSeconds: number;
  drainSeconds: number;
  /** Texts the drain sent; anything else (deferred, failed) fails the bench. */
  sent: number;
  passes: number;
  perSecond: number;
}

/** The five notices an applicant gets texts for (sms-text.ts), one of each per applicant. */
function noticeOf(index: number, callTitle: string): { kind: NotificationKind; params: NotificationParams } {
  const applicationId = "00000000-0000-4000-8000-000000000000";
  const deadline = new Date(Date.now() + 3 * 86_400_000).toISOString();
  const notices: { kind: NotificationKind; params: NotificationParams }[] = [
    { kind: "application_status", params: { applicationId, callTitle, status: "returned", event: "return" } },
    { kind: "application_message", params: { applicationId, callTitle } },
    { kind: "application_deadline", params: { applicationId, callTitle, lead: "3d", deadline } },
    { kind: "application_deadline", params: { applicationId, callTitle, lead: "1d", deadline } },
    { kind: "application_status", params: { applicationId, callTitle, status: "accepted", event: "accept" } },
  ];
  return notices[index % notices.length] as { kind: NotificationKind; params: NotificationParams };
}

export async function measureSmsDrain(
  database: Database,
  baseId: string,
  options: { notices: number; passwordHash: string; logDir: string },
): Promise<SmsDrain> {
  const { db } = database;
  const applicants = Math.ceil(options.notices / PER_APPLICANT);
  const recipients: { id: string; mobile: string; language: "zh-CN" }[] = [];
  for (let start = 0; start < applicants; start += 1000) {
    const rows = Array.from({ length: Math.min(1000, applicants - start) }, (_, i) => {
      const n = String(start + i).padStart(7, "0");
      return {
        baseId,
        username: `bench-sms-${n}`,
        displayName: `短信测试${n}`,
        mobile: `${MOBILE_PREFIX}${n}`,
        // A proven mobile: SMS is on by default for them (notification-channels.ts).
        mobileConfirmedAt: new Date(),
        passwordHash: options.passwordHash,
        roles: ["org_member" as const],
      };
    });
    const inserted = await db.insert(users).values(rows).returning({ id: users.id, mobile: users.mobile });
    for (const r of inserted) recipients.push({ id: r.id, mobile: r.mobile ?? "", language: "zh-CN" });
  }

  // One notice to every applicant in a transaction per notice, until `notices` texts wait.
  const enqueueStarted = performance.now();
  let queued = 0;
  for (let round = 0; queued < options.notices; round++) {
    const to = recipients.slice(0, Math.min(recipients.length, options.notices - queued));
    const { kind, params } = noticeOf(round, "2026年度社会组织孵化招募");
    await db.transaction((tx) =>
      enqueueNotificationSms(tx, { baseId, kind, params, link: "/my-applications" }, to),
    );
    queued += to.length;
  }
  const enqueueSeconds = (performance.now() - enqueueStarted) / 1000;
  await db.execute(sql`ANALYZE sms_outbox`);

  const log = createWriteStream(path.join(options.logDir, "sms-drain.log"));
  const provider = smsProviderFor(
    { smsWebhookUrl: null },
    {
      info: (details, message) => {
        log.write(`${JSON.stringify({ level: 30, time: Date.now(), ...details, msg: message })}\n`);
      },
    },
  );
  const quiet = { warn() {}, error() {} };
  const drainStarted = performance.now();
  let sent = 0;
  let passes = 0;
  for (;;) {
    const pass = await processDueSms(db, provider, LIMITS, quiet, { batchSize: BATCH });
    passes++;
    sent += pass.sent;
    const handled = pass.sent + pass.retried + pass.failed + pass.deferred + pass.cancelled;
    if (handled < BATCH) break;
  }
  const drainSeconds = (performance.now() - drainStarted) / 1000;
  log.end();
  await once(log, "close");
  return { notices: queued, enqueueSeconds, drainSeconds, sent, passes, perSecond: sent / drainSeconds };
}
