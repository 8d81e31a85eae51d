import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applicationMessages } from "../../../src/db/schema";
import type { Waiting } from "../../../src/schemas/recruitment/intake";
import { defaultCallRules, FACTORY_PASSWORD, make } from "../../factories";
import { type Client, startTestApp, type TestApp } from "../../support/app";
import { applicationIn } from "./intake-support";

let t: TestApp;
let staff: Client;
const DAY = 24 * 3600 * 1000;

beforeAll(async () => {
  t = await startTestApp();
  staff = await t.signIn("staff");
});
afterAll(() => t.close());

async function waiting(): Promise<Waiting> {
  const res = await staff.get("/api/applications/waiting");
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describe("GET /api/applications/waiting", () => {
  it("lists what waits: oldest to check first, unanswered messages, calls closing soon, overdue returns", async () => {
    const start = await waiting();
    const soon = await make(t).call({
      rules: { ...defaultCallRules(), closesAt: new Date(Date.now() + 3 * DAY).toISOString() },
    });
    const later = await make(t).call();
    const closed = await make(t).call({
      rules: {
        ...defaultCallRules(),
        opensAt: new Date(Date.now() - 20 * DAY).toISOString(),
        closesAt: new Date(Date.now() - DAY).toISOString(),
      },
    });
    const oldest = await applicationIn(t, "submitted", {
      callId: soon.id,
      lastSubmittedAt: new Date(Date.now() - 9 * DAY),
    });
    await applicationIn(t, "resubmitted", { callId: later.id });
    await applicationIn(t, "draft", { callId: soon.id });
    const asking = await applicationIn(t, "returned", { callId: soon.id });
    const overdue = await applicationIn(t, "returned", { callId: closed.id });
    await applicationIn(t, "returned", {
      callId: closed.id,
      extendedUntil: new Date(Date.now() + DAY),
    });
    const ago = (hours: number) => new Date(Date.now() - hours * 3_600_000);
    const said = (side: "applicant" | "staff", body: string, createdAt: Date) => ({
      baseId: t.baseId,
      applicationId: asking.id,
      side,
      authorName: side === "staff" ? "工作人员" : "申请人",
      body,
      createdAt,
    });
    await t.db
      .insert(applicationMessages)
      .values([
        said("applicant", "最早的问题", ago(3)),
        said("staff", "答复", ago(2)),
        said("applicant", "第一条：退回原因看不懂", ago(1)),
        said("applicant", "第二条", ago(0.5)),
      ]);
    const w = await waiting();
    expect(w.toCheck.count).toBe(start.toCheck.count + 2);
    expect(w.toCheck.items[0]?.applicationId).toBe(oldest.id);
    expect(w.unansweredMessages.count).toBe(start.unansweredMessages.count + 1);
    expect(w.unansweredMessages.items.find((i) => i.applicationId === asking.id)).toMatchObject({
      unread: 2,
      preview: "第一条：退回原因看不懂",
      status: "returned",
    });
    // Staff opened the thread (its messages are read): still unanswered.
    await t.db
      .update(applicationMessages)
      .set({ readAt: new Date() })
      .where(eq(applicationMessages.applicationId, asking.id));
    expect((await waiting()).unansweredMessages.items.some((i) => i.applicationId === asking.id)).toBe(true);
    const card = w.closingSoon.find((c) => c.id === soon.id);
    expect(card).toMatchObject({ drafts: 1, toCheck: 1, returned: 1, accepted: 0 });
    expect(w.closingSoon.some((c) => c.id === later.id)).toBe(false);
    expect(w.returnedOverdue.count).toBe(start.returnedOverdue.count + 1);
    expect(w.returnedOverdue.items.map((i) => i.applicationId)).toContain(overdue.id);
  });

  it("is for staff and admins", async () => {
    expect((await (await t.signIn("member")).get("/api/applications/waiting")).statusCode).toBe(403);
    expect((await (await t.signIn("admin")).get("/api/applications/waiting")).statusCode).toBe(200);
  });
});

describe("unanswered messages", () => {
  it("leave the card when staff reply", async () => {
    const call = await make(t).call();
    const asking = await applicationIn(t, "submitted", { callId: call.id });
    const member = await make(t).user({ roles: ["org_member"], organizationId: asking.organizationId });
    const applicant = await t.signIn(member.username, FACTORY_PASSWORD);
    const thread = `/api/applications/${asking.id}/messages`;
    expect((await applicant.post(thread, { body: "请问还需要补充什么？" })).statusCode).toBe(201);
    const listed = async () =>
      (await waiting()).unansweredMessages.items.some((i) => i.applicationId === asking.id);
    expect(await listed()).toBe(true);
    expect((await staff.get(thread)).statusCode).toBe(200);
    expect(await listed()).toBe(true);
    expect((await staff.post(thread, { body: "材料已齐，请等待初筛。" })).statusCode).toBe(201);
    expect(await listed()).toBe(false);
  });
});
