import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applicationMessages } from "../../src/db/schema";
import type { Waiting } from "../../src/schemas/review";
import { defaultCallRules, make } from "../factories";
import { type Client, startTestApp, type TestApp } from "../support/app";
import { applicationIn } from "./review-support";

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
    await t.db.insert(applicationMessages).values([
      {
        baseId: t.baseId,
        applicationId: asking.id,
        side: "applicant",
        authorName: "申请人",
        body: "第一条：退回原因看不懂",
      },
      { baseId: t.baseId, applicationId: asking.id, side: "applicant", authorName: "申请人", body: "第二条" },
      { baseId: t.baseId, applicationId: asking.id, side: "staff", authorName: "工作人员", body: "答复" },
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
