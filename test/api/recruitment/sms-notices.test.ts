/**
 * Which notices of an application go by SMS: the staff's return, acceptance, ineligibility and
 * messages, and the deadline reminders, to the applicant's members who have SMS on, in their
 * language, queued in the decision's own transaction. Nothing else, and nothing to staff.
 */
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notifications, smsOutbox, users } from "../../../src/db/schema";
import { sendDeadlineReminders } from "../../../src/server/areas/recruitment/applications/reminders";
import { defaultCallRules, FACTORY_PASSWORD, make } from "../../factories";
import { type Client, startTestApp, type TestApp } from "../../support/app";
import { applicationIn } from "./intake-support";
import { freshMobile } from "./registration-support";

let t: TestApp;
let staff: Client;
let callId: string;
const SETTINGS = "/api/users/me/notification-settings";

beforeAll(async () => {
  t = await startTestApp();
  staff = await t.signIn("staff");
  callId = (await make(t).call({ title: "2026年度社区营造项目孵化招募" })).id;
});
afterAll(() => t.close());

/** A new organization with one registered applicant (proven mobile: SMS on by default). */
async function applicant() {
  const organization = await make(t).organization();
  const mobile = freshMobile();
  const user = await make(t).user({
    roles: ["org_member"],
    organizationId: organization.id,
    mobile,
    mobileConfirmedAt: new Date(),
  });
  const client = await t.signIn(user.username, FACTORY_PASSWORD);
  return { organization, user, mobile, client };
}

const textsTo = async (mobile: string) =>
  (await t.db.select().from(smsOutbox).where(eq(smsOutbox.mobile, mobile)).orderBy(smsOutbox.createdAt)).map(
    (r) => r.body,
  );

/**
 * Accept as staff who saw the items nobody checked yet (these applications have none checked):
 * the confirmation names exactly the items the server lists.
 */
async function acceptOverUnchecked(id: string) {
  const first = await staff.post(`/api/applications/${id}/accept`, { version: 1 });
  if (first.statusCode !== 409) return first;
  const gaps = first.json().details.applications[0].items as { key: string; state: string }[];
  return staff.post(`/api/applications/${id}/accept`, {
    version: 1,
    confirmUnchecked: gaps.map(({ key, state }) => ({ key, state })),
  });
}

describe("notices by SMS", () => {
  it("text the staff's decisions to the applicant with the link to the application", async () => {
    const { organization, mobile } = await applicant();
    // One application per organization and call: three calls of the same title.
    const inCall = async () => {
      const call = await make(t).call({ title: "2026年度社区营造项目孵化招募" });
      return applicationIn(t, "submitted", { callId: call.id, organizationId: organization.id });
    };
    const returned = await inCall();
    const accepted = await inCall();
    const refused = await inCall();
    const decide = async (id: string, action: string, body: object) => {
      const res = await staff.post(`/api/applications/${id}/${action}`, { version: 1, ...body });
      expect(res.statusCode, res.body).toBe(200);
    };
    await decide(returned.id, "return", { reason: "请补充登记证书扫描件" });
    const acceptance = await acceptOverUnchecked(accepted.id);
    expect(acceptance.statusCode, acceptance.body).toBe(200);
    await decide(refused.id, "ineligible", { reason: "成立时间不足一年" });
    expect(await textsTo(mobile)).toEqual([
      `【社会组织孵化基地】您的“2026年度社区营造项…”申请已退回补充，请查看原因，修改后重新提交：/my-applications/${returned.id}`,
      `【社会组织孵化基地】您的“2026年度社区营造项…”申请已受理，进入初筛。详情：/my-applications/${accepted.id}`,
      `【社会组织孵化基地】很遗憾，您的“2026年度社区营造项…”申请经审核不符合条件。详情：/my-applications/${refused.id}`,
    ]);
  });

  it("text a staff message, but not an extension, and never the applicant's messages to staff", async () => {
    const { organization, mobile, client } = await applicant();
    const app = await applicationIn(t, "returned", { callId, organizationId: organization.id });
    // Staff who turn SMS on still get no texts: they work in the app.
    const staffSettings = (await staff.get(SETTINGS)).json();
    const on = await staff.put(SETTINGS, {
      email: false,
      sms: true,
      language: "zh-CN",
      version: staffSettings.version,
    });
    expect(on.statusCode, on.body).toBe(200);
    const before = await t.db.select().from(smsOutbox);

    const fromStaff = await staff.post(`/api/applications/${app.id}/messages`, {
      body: "请补充财务报表",
      fileIds: [],
    });
    expect(fromStaff.statusCode, fromStaff.body).toBe(201);
    const fromApplicant = await client.post(`/api/applications/${app.id}/messages`, {
      body: "已补充",
      fileIds: [],
    });
    expect(fromApplicant.statusCode, fromApplicant.body).toBe(201);
    const extended = await staff.post(`/api/applications/${app.id}/extend`, {
      version: 1,
      until: new Date(Date.now() + 10 * 86_400_000).toISOString(),
      reason: "材料需要盖章",
    });
    expect(extended.statusCode, extended.body).toBe(200);

    expect(await textsTo(mobile)).toEqual([
      `【社会组织孵化基地】基地工作人员就您的“2026年度社区营造项…”申请发来新消息，请查看：/my-applications/${app.id}`,
    ]);
    expect(await t.db.select().from(smsOutbox)).toHaveLength(before.length + 1);
  });

  it("send nothing to a user who turned SMS off; the bell still rings", async () => {
    const { organization, user, mobile, client } = await applicant();
    const off = await client.put(SETTINGS, { email: false, sms: false, language: "zh-CN", version: 0 });
    expect(off.statusCode, off.body).toBe(200);
    const app = await applicationIn(t, "submitted", { callId, organizationId: organization.id });
    expect((await acceptOverUnchecked(app.id)).statusCode).toBe(200);
    expect(await textsTo(mobile)).toEqual([]);
    expect(await t.db.select().from(notifications).where(eq(notifications.userId, user.id))).toHaveLength(1);
  });

  it("write in English for a user who chose it, and leave an unproven number alone", async () => {
    const { organization, mobile, client } = await applicant();
    await client.put(SETTINGS, { email: false, sms: true, language: "en", version: 0 });
    // A second member whose number an administrator typed in: no SMS unless they turn it on.
    const typedIn = freshMobile();
    await make(t).user({ roles: ["org_member"], organizationId: organization.id, mobile: typedIn });
    const app = await applicationIn(t, "submitted", { callId, organizationId: organization.id });
    await staff.post(`/api/applications/${app.id}/return`, { version: 1, reason: "缺少章程" });
    expect(await textsTo(mobile)).toEqual([
      `[Incubation Base] Your application to "2026年度社区营造项…" was returned for completion. See why, fix and resubmit: /my-applications/${app.id}`,
    ]);
    expect(await textsTo(typedIn)).toEqual([]);
  });

  it("text the deadline reminders three days and one day ahead", async () => {
    const { organization, mobile } = await applicant();
    const now = new Date("2026-12-08T02:00:00Z"); // 10:00 in Shanghai
    const call = await make(t).call({
      title: "短标题招募",
      rules: {
        ...defaultCallRules(),
        opensAt: new Date(now.getTime() - 10 * 86_400_000).toISOString(),
        closesAt: new Date("2026-12-10T09:00:00Z").toISOString(), // 12月10日17:00
      },
    });
    const app = await applicationIn(t, "draft", { callId: call.id, organizationId: organization.id });
    expect(await sendDeadlineReminders(t.db, now)).toBeGreaterThanOrEqual(1);
    await sendDeadlineReminders(t.db, new Date("2026-12-09T10:00:00Z"));
    expect(await textsTo(mobile)).toEqual([
      `【社会组织孵化基地】您的“短标题招募”申请将于12月10日17:00截止（剩不到3天），尚未提交，请尽快提交：/my-applications/${app.id}`,
      `【社会组织孵化基地】您的“短标题招募”申请将于12月10日17:00截止（剩不到1天），尚未提交，请尽快提交：/my-applications/${app.id}`,
    ]);
    const members = await t.db
      .select()
      .from(users)
      .where(inArray(users.organizationId, [organization.id]));
    expect(members).toHaveLength(1);
  });
});
