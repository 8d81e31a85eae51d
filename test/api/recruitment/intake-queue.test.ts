import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applicationMessages, bases } from "../../../src/db/schema";
import type { QueuePage } from "../../../src/schemas/recruitment/intake";
import { make } from "../../factories";
import { type Client, startTestApp, type TestApp } from "../../support/app";
import { applicationIn } from "./intake-support";

let t: TestApp;
let staff: Client;
let callId: string;

beforeAll(async () => {
  t = await startTestApp();
  staff = await t.signIn("staff");
  callId = (await make(t).call()).id;
});
afterAll(() => t.close());

async function queue(query: string, client = staff): Promise<QueuePage> {
  const res = await client.get(`/api/applications?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describe("GET /api/applications (the work queue)", () => {
  it("shows the base's applications of the call, hides drafts unless asked, and hides other bases", async () => {
    const submitted = await applicationIn(t, "submitted", { callId });
    const draft = await applicationIn(t, "draft", { callId });
    const [other] = await t.db
      .insert(bases)
      .values({ code: `o-${randomUUID().slice(0, 8)}`, name: "其他基地", district: "其他区" })
      .returning();
    const otherT = { ...t, baseId: other?.id as string };
    const otherCall = await make(otherT).call();
    const otherOrg = await make(otherT).organization();
    const foreign = await make(otherT).application({
      callId: otherCall.id,
      organizationId: otherOrg.id,
      status: "submitted",
    });

    const page = await queue(`callId=${callId}`);
    const ids = page.items.map((i) => i.id);
    expect(ids).toContain(submitted.id);
    expect(ids).not.toContain(draft.id);
    expect((await queue("pageSize=200")).items.map((i) => i.id)).not.toContain(foreign.id);
    expect((await queue(`callId=${otherCall.id}`)).total).toBe(0);
    const drafts = await queue(`callId=${callId}&status=draft`);
    expect(drafts.items.map((i) => i.id)).toEqual([draft.id]);

    const row = page.items.find((i) => i.id === submitted.id);
    expect(row).toMatchObject({
      status: "submitted",
      track: "org",
      submissionCount: 1,
      unreadMessages: 0,
      version: 1,
      call: { id: callId },
    });
    expect(row?.organization.name).toMatch(/^测试社会组织/);
  });

  it("filters by track, several statuses, town, field, completeness, name and unread messages", async () => {
    const call = await make(t).call();
    const town = (await t.db.query.towns.findFirst())?.id as string;
    const a = await applicationIn(t, "submitted", {
      callId: call.id,
      organizationId: (
        await make(t).organization({ name: "向日葵亲子读书会", townId: town, fields: ["culture"] })
      ).id,
      track: "project",
      missingItems: 0,
    });
    const b = await applicationIn(t, "resubmitted", { callId: call.id, missingItems: 2 });
    const c = await applicationIn(t, "accepted", { callId: call.id });
    await t.db.insert(applicationMessages).values({
      baseId: t.baseId,
      applicationId: b.id,
      side: "applicant",
      authorName: "申请人",
      body: "请问材料还缺什么？",
    });
    const ids = async (q: string) => (await queue(`callId=${call.id}&${q}`)).items.map((i) => i.id).sort();
    expect(await ids("track=project")).toEqual([a.id]);
    expect(await ids("status=submitted,resubmitted")).toEqual([a.id, b.id].sort());
    expect(await ids("status=accepted")).toEqual([c.id]);
    expect(await ids(`townId=${town}`)).toEqual([a.id]);
    expect(await ids("field=culture")).toEqual([a.id]);
    expect(await ids("completeness=incomplete")).toEqual([b.id]);
    expect((await ids("completeness=complete")).includes(b.id)).toBe(false);
    expect(await ids(`q=${encodeURIComponent("亲子")}`)).toEqual([a.id]);
    expect(await ids("unread=true")).toEqual([b.id]);
    const withUnread = (await queue(`callId=${call.id}&unread=true`)).items[0];
    expect(withUnread?.unreadMessages).toBe(1);
    // Read but not answered: still awaiting a reply. Answered: no longer.
    await t.db
      .update(applicationMessages)
      .set({ readAt: new Date() })
      .where(eq(applicationMessages.applicationId, b.id));
    expect(await ids("unread=true")).toEqual([b.id]);
    await t.db.insert(applicationMessages).values({
      baseId: t.baseId,
      applicationId: b.id,
      side: "staff",
      authorName: "工作人员",
      body: "还缺财务报表。",
      createdAt: new Date(Date.now() + 1000),
    });
    expect(await ids("unread=true")).toEqual([]);

    const byName = await queue(`callId=${call.id}&sort=missingItems&order=desc`);
    expect(byName.items[0]?.id).toBe(b.id);
    const res = await staff.get("/api/applications?status=nonsense");
    expect(res.statusCode).toBe(400);
    expect(res.json().field).toMatch(/^status/);
  });

  it("pages", async () => {
    const call = await make(t).call();
    for (let i = 0; i < 3; i++) await applicationIn(t, "submitted", { callId: call.id });
    const first = await queue(`callId=${call.id}&pageSize=2`);
    const second = await queue(`callId=${call.id}&pageSize=2&page=2`);
    expect(first.total).toBe(3);
    expect(first.items).toHaveLength(2);
    expect(second.items).toHaveLength(1);
    expect(new Set([...first.items, ...second.items].map((i) => i.id)).size).toBe(3);
  });

  it("is for staff and admins only", async () => {
    expect((await (await t.signIn("member")).get("/api/applications")).statusCode).toBe(403);
    expect((await (await t.signIn("expert")).get("/api/applications")).statusCode).toBe(403);
    expect((await t.anonymous().get("/api/applications")).statusCode).toBe(401);
    expect((await (await t.signIn("admin")).get("/api/applications")).statusCode).toBe(200);
  });
});
