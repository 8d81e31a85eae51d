import { eq, inArray, sql } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../../../scripts/lib/processes";
import { emailOutbox } from "../../../src/db/schema";
import { type Mailer, mailerFor } from "../../../src/server/areas/platform/notifications/mailer";
import {
  claimDueEmails,
  MAX_ATTEMPTS,
  processDueEmails,
  RETRY_MINUTES,
  startEmailWorker,
} from "../../../src/server/areas/platform/notifications/outbox";
import { notify } from "../../../src/server/notify";
import { make } from "../../factories";
import { startTestApp, type TestApp } from "../../support/app";

interface Received {
  to: string[];
  subject: string;
  text: string;
}

let t: TestApp;
let server: SMTPServer;
let mailer: Mailer;
const received: Received[] = [];
const logged: { details: object; message: string }[] = [];
const logger = {
  info: (details: object, message: string) => logged.push({ details, message }),
  warn: (details: object, message: string) => logged.push({ details, message }),
  error: (details: object, message: string) => logged.push({ details, message }),
};

beforeAll(async () => {
  t = await startTestApp();
  const port = await freePort();
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address.startsWith("refuse")) {
        return callback(Object.assign(new Error("mailbox unavailable"), { responseCode: 550 }));
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          ...parseMessage(Buffer.concat(chunks).toString("utf8")),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  mailer = mailerFor(
    { smtpUrl: `smtp://127.0.0.1:${port}`, smtpFrom: "孵化基地 <noreply@example.cn>" },
    logger,
  );
});
afterAll(async () => {
  mailer.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await t.close();
});

/** A notice to a new user with this email address, queued like any application change queues it. */
async function noticeFor(email: string, preview = "请补充登记证书") {
  const user = await make(t).user({ roles: ["org_member"], email, displayName: "刘芳" });
  await t.db.transaction((tx) =>
    notify(tx, {
      baseId: t.baseId,
      recipients: { kind: "users", userIds: [user.id] },
      kind: "application_message",
      params: {
        applicationId: "00000000-0000-4000-8000-000000000000",
        preview,
        callTitle: "2026年度孵化招募",
      },
      link: null,
    }),
  );
  const [row] = await t.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, email));
  if (!row) throw new Error("no outbox row");
  return row;
}

const rowOf = async (id: string) => (await t.db.select().from(emailOutbox).where(eq(emailOutbox.id, id)))[0];
const makeDue = (id: string) =>
  t.db
    .update(emailOutbox)
    .set({ nextAttemptAt: sql`now() - interval '1 second'` })
    .where(eq(emailOutbox.id, id));

describe("the email outbox", () => {
  it("sends a queued notice through SMTP with its Chinese subject and body, and marks it sent", async () => {
    const row = await noticeFor("liufang@example.cn");
    const result = await processDueEmails(t.db, mailer, logger);
    expect(result).toEqual({ sent: 1, retried: 0, failed: 0 });
    const mail = received.find((m) => m.to.includes("liufang@example.cn"));
    expect(mail?.subject).toBe("【社会组织孵化基地】申请有新消息");
    expect(mail?.text).toContain("刘芳，您好：");
    expect(mail?.text).toContain("关于“2026年度孵化招募”申请的新消息：请补充登记证书");
    expect(mail?.text).toContain("New message on an application");
    expect(await rowOf(row.id)).toMatchObject({ status: "sent", attempts: 1, lastError: null });
    expect((await rowOf(row.id))?.sentAt).toBeInstanceOf(Date);
    // Nothing is due any more.
    expect(await processDueEmails(t.db, mailer, logger)).toEqual({ sent: 0, retried: 0, failed: 0 });
  });

  it("retries a refused email with growing waits, then marks it failed keeping the error", async () => {
    const row = await noticeFor("refuse-me@example.cn");
    const waits: number[] = [];
    for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
      const before = Date.now();
      expect(await processDueEmails(t.db, mailer, logger)).toEqual({ sent: 0, retried: 1, failed: 0 });
      const after = await rowOf(row.id);
      expect(after).toMatchObject({ status: "pending", attempts: attempt });
      expect(after?.lastError).toContain("mailbox unavailable");
      waits.push(Math.round(((after?.nextAttemptAt.getTime() ?? 0) - before) / 60_000));
      // Not due before its time.
      expect(await processDueEmails(t.db, mailer, logger)).toEqual({ sent: 0, retried: 0, failed: 0 });
      await makeDue(row.id);
    }
    expect(waits).toEqual([...RETRY_MINUTES]);
    expect(await processDueEmails(t.db, mailer, logger)).toEqual({ sent: 0, retried: 0, failed: 1 });
    const failed = await rowOf(row.id);
    expect(failed).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS });
    expect(failed?.lastError).toContain("mailbox unavailable");
    expect(received.some((m) => m.to.includes("refuse-me@example.cn"))).toBe(false);
  });

  it("never lets two claimers take one row, and a claimed row is not due for anyone else", async () => {
    const values = Array.from({ length: 30 }, (_, i) => ({
      baseId: t.baseId,
      toAddress: `bulk${i}@example.cn`,
      subject: `批量 ${i}`,
      body: "正文",
    }));
    const ids = (await t.db.insert(emailOutbox).values(values).returning({ id: emailOutbox.id })).map(
      (r) => r.id,
    );
    const [a, b] = await Promise.all([claimDueEmails(t.db, 20), claimDueEmails(t.db, 20)]);
    const claimed = [...(a ?? []), ...(b ?? [])].map((r) => r.id);
    expect(new Set(claimed).size).toBe(claimed.length);
    expect(claimed.sort()).toEqual([...ids].sort());
    expect(await claimDueEmails(t.db, 20)).toEqual([]);

    // Two workers at once send each email exactly once.
    await t.db
      .update(emailOutbox)
      .set({ nextAttemptAt: sql`now()`, attempts: 0 })
      .where(inArray(emailOutbox.id, ids));
    const [r1, r2] = await Promise.all([
      processDueEmails(t.db, mailer, logger, 7),
      processDueEmails(t.db, mailer, logger, 7),
    ]);
    await Promise.all([processDueEmails(t.db, mailer, logger), processDueEmails(t.db, mailer, logger)]);
    expect((r1?.sent ?? 0) + (r2?.sent ?? 0)).toBe(14);
    const bulk = received.filter((m) => m.to.some((to) => to.startsWith("bulk")));
    expect(bulk).toHaveLength(30);
    expect(new Set(bulk.map((m) => m.subject)).size).toBe(30);
    const rows = await t.db.select().from(emailOutbox).where(inArray(emailOutbox.id, ids));
    expect(rows.every((r) => r.status === "sent" && r.attempts === 1)).toBe(true);
  });

  it("runs as a polling worker that stops cleanly", async () => {
    const worker = startEmailWorker({ db: t.db, mailer, logger, intervalMs: 50 });
    const row = await noticeFor("polled@example.cn");
    for (let i = 0; i < 100 && (await rowOf(row.id))?.status !== "sent"; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await worker.stop();
    expect((await rowOf(row.id))?.status).toBe("sent");
    expect(received.some((m) => m.to.includes("polled@example.cn"))).toBe(true);
  });

  it("logs the email and marks it sent when no SMTP server is configured", async () => {
    const row = await noticeFor("nosmtp@example.cn");
    const logMailer = mailerFor({ smtpUrl: null, smtpFrom: "x@example.cn" }, logger);
    expect(await processDueEmails(t.db, logMailer, logger)).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect((await rowOf(row.id))?.status).toBe("sent");
    const entry = logged.find((l) => JSON.stringify(l.details).includes("nosmtp@example.cn"));
    expect(entry?.message).toContain("no SMTP_URL");
    expect(JSON.stringify(entry?.details)).toContain("申请有新消息");
  });
});

/** Just enough MIME for nodemailer's single-part text messages: encoded-word subject, QP/base64 body. */
function parseMessage(raw: string): { subject: string; text: string } {
  const split = raw.indexOf("\r\n\r\n");
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, " ");
  const body = raw.slice(split + 4);
  const header = (name: string) =>
    head
      .split("\r\n")
      .find((line) => line.toLowerCase().startsWith(`${name.toLowerCase()}:`))
      ?.slice(name.length + 1)
      .trim() ?? "";
  const subject = header("Subject")
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_, enc: string, data: string) =>
      enc.toLowerCase() === "b"
        ? Buffer.from(data, "base64").toString("utf8")
        : decodeQuotedPrintable(data.replace(/_/g, " ")),
    );
  const encoding = header("Content-Transfer-Encoding").toLowerCase();
  const text =
    encoding === "base64"
      ? Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8")
      : encoding === "quoted-printable"
        ? decodeQuotedPrintable(body.replace(/=\r\n/g, ""))
        : body;
  return { subject, text };
}

function decodeQuotedPrintable(text: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const hex = text.slice(i + 1, i + 3);
    if (text[i] === "=" && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(text[i] as string, "utf8"));
    }
  }
  return Buffer.from(bytes).toString("utf8");
}
