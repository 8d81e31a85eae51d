/**
 * The SMS outbox: queued with the change, sent through the webhook (a real local HTTP server)
 * with the row id as the message id, within the daily cap per number and outside quiet hours
 * (Asia/Shanghai), retried after a gateway failure with the same id. Phone codes are exempt.
 * Passes run at chosen moments (tomorrow and the day after in Shanghai), so rows queued now are
 * due and the wall clock of the machine does not matter.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notificationSettings, rateLimits, smsOutbox, users } from "../../../src/db/schema";
import { shanghaiDate } from "../../../src/domain/shanghai-time";
import { parseQuietHours, type SmsLimits, shanghaiDayStart } from "../../../src/domain/sms-schedule";
import { processDueSms } from "../../../src/server/areas/platform/notifications/sms-outbox";
import { notify } from "../../../src/server/notify";
import { type SmsProvider, smsProviderFor } from "../../../src/server/sms";
import { make } from "../../factories";
import { startTestApp, type TestApp } from "../../support/app";
import { type FakeGateway, startGateway } from "../../support/sms-gateway";
import { freshAddress, freshMobile, post } from "../recruitment/registration-support";

let t: TestApp;
let gateway: FakeGateway;
let provider: SmsProvider;
const limits: SmsLimits = { dailyCap: 5, quiet: parseQuietHours("21:00-08:00").quiet };
const logger = { info() {}, warn() {}, error() {} };

beforeAll(async () => {
  gateway = await startGateway();
  // The app's own limits make every hour quiet: phone codes must still go at once.
  t = await startTestApp({
    smsWebhookUrl: gateway.url,
    smsLimits: { dailyCap: 1, quiet: parseQuietHours("00:00-23:59").quiet },
  });
  provider = smsProviderFor({ smsWebhookUrl: gateway.url }, logger);
});
afterAll(async () => {
  await t.close();
  await gateway.close();
});

/** A moment in Shanghai `days` after today, e.g. day(1, "10:00") is tomorrow at ten. */
function day(days: number, time: string): Date {
  const [h, m] = time.split(":").map(Number) as [number, number];
  return new Date(shanghaiDayStart(new Date()).getTime() + ((days * 24 + h) * 60 + m) * 60_000);
}

/** An applicant with a proven mobile (SMS on by default) and `count` texted notices queued. */
async function applicantWithNotices(count: number) {
  const mobile = freshMobile();
  const user = await make(t).user({ roles: ["org_member"], mobile, mobileConfirmedAt: new Date() });
  for (let i = 0; i < count; i++) {
    await t.db.transaction((tx) =>
      notify(tx, {
        baseId: t.baseId,
        recipients: { kind: "users", userIds: [user.id] },
        kind: "application_message",
        params: { applicationId: "00000000-0000-4000-8000-000000000000", callTitle: `招募${i + 1}` },
        link: "/my-applications/00000000-0000-4000-8000-000000000000",
      }),
    );
  }
  return { user, mobile };
}

const rowsTo = (mobile: string) =>
  t.db.select().from(smsOutbox).where(eq(smsOutbox.mobile, mobile)).orderBy(smsOutbox.createdAt);
const pass = (now: Date) => processDueSms(t.db, provider, limits, logger, { now });

describe("the SMS outbox", () => {
  it("is written with the change and rolled back with it", async () => {
    const { user, mobile } = await applicantWithNotices(1);
    expect(await rowsTo(mobile)).toHaveLength(1);
    await expect(
      t.db.transaction(async (tx) => {
        await notify(tx, {
          baseId: t.baseId,
          recipients: { kind: "users", userIds: [user.id] },
          kind: "application_deadline",
          params: { callTitle: "回滚", lead: "1d", deadline: new Date().toISOString() },
          link: null,
        });
        expect(await tx.select().from(smsOutbox).where(eq(smsOutbox.mobile, mobile))).toHaveLength(2);
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await rowsTo(mobile)).toHaveLength(1);
  });

  it("posts {id, mobile, text} with the row id as the message id, and marks it sent", async () => {
    const { mobile } = await applicantWithNotices(1);
    await pass(day(1, "10:00"));
    const [row] = await rowsTo(mobile);
    expect(row).toMatchObject({ status: "sent", attempts: 1, lastError: null });
    expect(gateway.to(mobile)).toEqual([
      {
        id: row?.id,
        mobile,
        text: "【社会组织孵化基地】基地工作人员就您的“招募1”申请发来新消息，请查看：/my-applications/00000000-0000-4000-8000-000000000000",
      },
    ]);
  });

  it("sends five a day to one number and the sixth the next morning", async () => {
    const { mobile } = await applicantWithNotices(6);
    await pass(day(1, "10:00"));
    expect(gateway.to(mobile)).toHaveLength(5);
    const waiting = (await rowsTo(mobile)).filter((r) => r.status === "pending");
    expect(waiting).toHaveLength(1);
    // Waiting is not an attempt; it waits for 08:00 the next day (quiet hours end).
    expect(waiting[0]).toMatchObject({ attempts: 0, nextAttemptAt: day(2, "08:00") });
    await pass(day(1, "18:00"));
    expect(gateway.to(mobile)).toHaveLength(5);
    await pass(day(2, "08:00"));
    expect(gateway.to(mobile)).toHaveLength(6);
    expect((await rowsTo(mobile)).every((r) => r.status === "sent")).toBe(true);
  });

  it("holds the cap when two instances send to one number at once", async () => {
    const { mobile } = await applicantWithNotices(8);
    await Promise.all([
      processDueSms(t.db, provider, limits, logger, { now: day(3, "09:00"), batchSize: 3 }),
      processDueSms(t.db, provider, limits, logger, { now: day(3, "09:00"), batchSize: 3 }),
      processDueSms(t.db, provider, limits, logger, { now: day(3, "09:00"), batchSize: 3 }),
    ]);
    await pass(day(3, "09:00"));
    expect(gateway.to(mobile)).toHaveLength(5);
    expect((await rowsTo(mobile)).filter((r) => r.status === "pending")).toHaveLength(3);
  });

  it("keeps notices queued at night for 08:00 Shanghai", async () => {
    const { mobile } = await applicantWithNotices(1);
    await pass(day(1, "22:30"));
    expect(gateway.to(mobile)).toHaveLength(0);
    expect((await rowsTo(mobile))[0]).toMatchObject({
      status: "pending",
      attempts: 0,
      nextAttemptAt: day(2, "08:00"),
    });
    await pass(day(2, "07:59"));
    expect(gateway.to(mobile)).toHaveLength(0);
    await pass(day(2, "08:00"));
    expect(gateway.to(mobile)).toHaveLength(1);
  });

  it("drops a waiting text when its recipient turns SMS off or changes number before the morning", async () => {
    const { user, mobile } = await applicantWithNotices(1);
    const other = await applicantWithNotices(1);
    await pass(day(1, "23:00"));
    await t.db
      .insert(notificationSettings)
      .values({ userId: user.id, baseId: t.baseId, email: false, sms: false });
    await t.db.update(users).set({ mobile: freshMobile() }).where(eq(users.id, other.user.id));
    await pass(day(2, "08:00"));
    expect(gateway.to(mobile)).toEqual([]);
    expect(gateway.to(other.mobile)).toEqual([]);
    expect((await rowsTo(mobile))[0]).toMatchObject({
      status: "cancelled",
      lastError: "the user turned SMS off",
    });
    expect((await rowsTo(other.mobile))[0]).toMatchObject({
      status: "cancelled",
      lastError: "the account's mobile number changed",
    });
  });

  it("retries after the gateway refused, with the same message id, and gives the day's place back", async () => {
    const { mobile } = await applicantWithNotices(1);
    gateway.answer(mobile, 502);
    await pass(day(1, "10:00"));
    const [failed] = await rowsTo(mobile);
    expect(failed).toMatchObject({ status: "pending", attempts: 1 });
    expect(failed?.lastError).toContain("502");
    expect(failed?.nextAttemptAt).toEqual(new Date(day(1, "10:01").getTime()));
    expect(await sentToday(mobile, day(1, "10:00"))).toBe(0);

    gateway.answer(mobile, 200);
    await pass(day(1, "10:00"));
    expect(gateway.to(mobile)).toHaveLength(1); // not due again before its wait
    await pass(day(1, "10:01"));
    const attempts = gateway.to(mobile);
    expect(attempts).toHaveLength(2);
    expect(attempts[1]?.id).toBe(failed?.id);
    expect(attempts[0]?.id).toBe(failed?.id);
    expect((await rowsTo(mobile))[0]).toMatchObject({ status: "sent", attempts: 2 });
    expect(await sentToday(mobile, day(1, "10:00"))).toBe(1);
  });

  it("counts an uncertain failure (connection dropped) against the cap: it may have arrived", async () => {
    const { mobile } = await applicantWithNotices(1);
    gateway.answer(mobile, "drop");
    await pass(day(1, "10:00"));
    expect((await rowsTo(mobile))[0]).toMatchObject({ status: "pending", attempts: 1 });
    expect(await sentToday(mobile, day(1, "10:00"))).toBe(1);
    gateway.answer(mobile, 200);
    await pass(day(1, "10:01"));
    const ids = gateway.to(mobile).map((m) => m.id);
    expect(ids).toHaveLength(2);
    expect(new Set(ids).size).toBe(1);
    expect(await sentToday(mobile, day(1, "10:00"))).toBe(2);
  });

  it("lets phone codes through at once, whatever the cap and the hour", async () => {
    const mobile = freshMobile();
    await t.db.insert(rateLimits).values({
      key: `sms-daily:${mobile}:${shanghaiDate(new Date())}`,
      windowStart: new Date(),
      count: 99,
    });
    const res = await post(t, "/api/registration/codes", { mobile }, freshAddress());
    expect(res.statusCode, res.body).toBe(200);
    expect(gateway.to(mobile)).toEqual([{ mobile, text: expect.stringContaining("验证码") }]);
  });
});

async function sentToday(mobile: string, now: Date): Promise<number> {
  const [row] = await t.db
    .select({ count: rateLimits.count })
    .from(rateLimits)
    .where(eq(rateLimits.key, `sms-daily:${mobile}:${shanghaiDate(now)}`));
  return row?.count ?? 0;
}
