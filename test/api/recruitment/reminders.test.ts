/**
 * Deadline reminders: applicants with something left to submit hear three days and one day
 * before their deadline, once each, in the bell and by email; nobody else hears anything.
 */
import { asc, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  applicationReminders,
  applications,
  calls,
  emailOutbox,
  notifications,
} from "../../../src/db/schema";
import { sendDeadlineReminders } from "../../../src/server/areas/recruitment/applications/reminders";
import { defaultCallRules, make } from "../../factories";
import { startTestApp, type TestApp } from "../../support/app";
import { applicationIn } from "./intake-support";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const HOUR = 3_600_000;
const now = new Date();
const at = (hours: number) => new Date(now.getTime() + hours * HOUR);

/** A call open now that closes `hours` from now, and an organization with one member (with email). */
async function setting(closesInHours: number) {
  const call = await make(t).call({
    rules: {
      ...defaultCallRules(),
      opensAt: at(-240).toISOString(),
      closesAt: at(closesInHours).toISOString(),
    },
  });
  const organization = await make(t).organization();
  const member = await make(t).user({
    roles: ["org_member"],
    organizationId: organization.id,
    email: `m${Math.random().toString(36).slice(2)}@example.org`,
  });
  return { call, organization, member };
}

async function remindersOf(ids: string[]) {
  return t.db.select().from(applicationReminders).where(inArray(applicationReminders.applicationId, ids));
}

async function bellOf(userId: string) {
  return t.db
    .select()
    .from(notifications)
    .where(eq(notifications.userId, userId))
    .orderBy(asc(notifications.createdAt));
}

describe("deadline reminders", () => {
  it("remind a draft three days and one day ahead, once each, by bell and email", async () => {
    const { call, organization, member } = await setting(48);
    const draft = await applicationIn(t, "draft", { callId: call.id, organizationId: organization.id });

    expect(await sendDeadlineReminders(t.db, now)).toBeGreaterThanOrEqual(1);
    const [notice] = await bellOf(member.id);
    expect(notice).toMatchObject({
      kind: "application_deadline",
      link: `/my-applications/${draft.id}`,
      params: { applicationId: draft.id, lead: "3d", status: "draft", deadline: at(48).toISOString() },
    });
    const [email] = await t.db
      .select()
      .from(emailOutbox)
      .where(eq(emailOutbox.toAddress, member.email as string));
    expect(email?.subject).toContain("申请即将截止");
    expect(email?.body).toContain(call.title);

    // Again at once: nothing new. A day later the one-day reminder, then nothing more.
    await sendDeadlineReminders(t.db, now);
    expect(await bellOf(member.id)).toHaveLength(1);
    await sendDeadlineReminders(t.db, at(30));
    await sendDeadlineReminders(t.db, at(40));
    expect((await bellOf(member.id)).map((n) => n.params.lead)).toEqual(["3d", "1d"]);
    expect((await remindersOf([draft.id])).map((r) => r.lead).sort()).toEqual(["1d", "3d"]);
  });

  it("follow an extension past a closed call, and leave alone what is submitted or far off", async () => {
    const { call, organization, member } = await setting(-2);
    await t.db.update(calls).set({ status: "closed", closedAt: sql`now()` }).where(eq(calls.id, call.id));
    const returned = await applicationIn(t, "returned", {
      callId: call.id,
      organizationId: organization.id,
      extendedUntil: at(20),
    });
    const other = await setting(48);
    const submitted = await applicationIn(t, "submitted", {
      callId: other.call.id,
      organizationId: other.organization.id,
    });
    const far = await setting(200);
    const farDraft = await applicationIn(t, "draft", {
      callId: far.call.id,
      organizationId: far.organization.id,
    });

    await sendDeadlineReminders(t.db, now);
    const [notice] = await bellOf(member.id);
    expect(notice?.params).toMatchObject({ lead: "1d", status: "returned", deadline: at(20).toISOString() });
    expect(await remindersOf([submitted.id, farDraft.id])).toEqual([]);
    expect(await bellOf(other.member.id)).toEqual([]);
    expect(await bellOf(far.member.id)).toEqual([]);

    // A new extension is a new deadline: it earns its own reminder.
    await t.db
      .update(applications)
      .set({ extendedUntil: at(60) })
      .where(eq(applications.id, returned.id));
    await sendDeadlineReminders(t.db, now);
    expect((await bellOf(member.id)).map((n) => n.params.lead)).toEqual(["1d", "3d"]);
  });

  it("go out once when two servers send at the same moment", async () => {
    const { call, organization, member } = await setting(10);
    const draft = await applicationIn(t, "draft", { callId: call.id, organizationId: organization.id });
    await Promise.all([sendDeadlineReminders(t.db, now), sendDeadlineReminders(t.db, now)]);
    expect(await bellOf(member.id)).toHaveLength(1);
    expect(await remindersOf([draft.id])).toHaveLength(1);
  });

  it("are written in both languages", async () => {
    const { NOTIFICATION_TEXTS } = await import("../../../src/schemas/platform/notifications");
    const params = {
      callTitle: "2027年度招募",
      lead: "1d",
      status: "returned",
      deadline: "2026-12-01T10:00:00.000Z",
    };
    expect(NOTIFICATION_TEXTS["zh-CN"].application_deadline(params)).toEqual({
      title: "申请即将截止（剩不到 1 天）",
      body: "“2027年度招募”申请退回补充的材料尚未重新提交，将于 2026-12-01 18:00（北京时间）截止。请尽快完成并提交，逾期将无法提交。",
    });
    expect(NOTIFICATION_TEXTS.en.application_deadline(params).title).toBe(
      "Application deadline in less than a day",
    );
  });
});
