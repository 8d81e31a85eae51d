import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PublicCall, PublicCallList } from "../../../src/schemas/recruitment/calls";
import { defaultCallRules, make } from "../../factories";
import { startTestApp, type TestApp } from "../../support/app";

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const DAY = 24 * 3600 * 1000;
const iso = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY).toISOString();

describe("portal: calls without signing in", () => {
  it("lists published calls: open (closing soonest first), upcoming, then recently closed; no drafts", async () => {
    const laterOpen = await make(t).call({
      title: "稍后截止",
      rules: { ...defaultCallRules(), closesAt: iso(9) },
    });
    const soonOpen = await make(t).call({
      title: "即将截止",
      rules: { ...defaultCallRules(), closesAt: iso(2) },
    });
    const upcoming = await make(t).call({
      title: "即将开始",
      rules: { ...defaultCallRules(), opensAt: iso(5), closesAt: iso(30) },
    });
    const closed = await make(t).call({
      title: "已结束",
      status: "closed",
      closedAt: new Date(),
      rules: { ...defaultCallRules(), opensAt: iso(-30), closesAt: iso(-1) },
    });
    const old = await make(t).call({
      title: "很久以前",
      rules: { ...defaultCallRules(), opensAt: iso(-400), closesAt: iso(-300) },
    });
    const draft = await make(t).call({ title: "草稿", status: "draft", revision: 0 });

    const response = await t.anonymous().get("/api/portal/calls");
    expect(response.statusCode).toBe(200);
    const list: PublicCallList = response.json();
    expect(Math.abs(Date.parse(list.serverNow) - Date.now())).toBeLessThan(60_000);
    const ids = list.items.map((c) => c.id);
    expect(ids).not.toContain(draft.id);
    expect(ids).not.toContain(old.id);
    const position = (id: string) => ids.indexOf(id);
    expect(position(soonOpen.id)).toBeLessThan(position(laterOpen.id));
    expect(position(laterOpen.id)).toBeLessThan(position(upcoming.id));
    expect(position(upcoming.id)).toBeLessThan(position(closed.id));
    const item = list.items.find((c) => c.id === upcoming.id);
    expect(item).toMatchObject({ window: "not_open", baseName: "昌平区社会组织孵化基地" });
    expect(item?.tracks).toEqual([
      { track: "org", quota: 10 },
      { track: "project", quota: 10 },
      { track: "combined", quota: 10 },
      { track: "space", quota: 10 },
    ]);
    expect(list.items.find((c) => c.id === closed.id)?.window).toBe("closed");
  });

  it("shows one published call with everything an applicant needs", async () => {
    const rules = defaultCallRules();
    rules.tracks[3] = { ...(rules.tracks[3] as (typeof rules.tracks)[number]), maxApplications: 1, quota: 1 };
    const call = await make(t).call({ rules });
    const org = await make(t).organization();
    await make(t).application({
      callId: call.id,
      organizationId: org.id,
      track: "space",
      status: "submitted",
    });

    const response = await t.anonymous().get(`/api/portal/calls/${call.id}`);
    expect(response.statusCode, response.body).toBe(200);
    const detail: PublicCall = response.json();
    expect(detail).toMatchObject({ id: call.id, window: "open", description: call.description });
    expect(detail.tracks.find((x) => x.track === "project")).toMatchObject({
      quota: 10,
      full: false,
      eligibility: { minMonthsFounded: 12, allowUnregistered: false },
      documents: [
        { key: "certificate", label: "登记证书", required: true },
        { key: "plan", label: "项目计划书", required: true },
      ],
    });
    expect(detail.tracks.find((x) => x.track === "space")?.full).toBe(true);
    expect(detail.questions.map((q) => [q.key, q.type, q.required])).toEqual([
      ["motivation", "long_text", true],
      ["beneficiaries", "number", false],
    ]);
    expect(typeof detail.serverNow).toBe("string");
  });

  it("answers 404 for a draft and for an unknown id, 400 for a malformed one", async () => {
    const draft = await make(t).call({ status: "draft", revision: 0 });
    expect((await t.anonymous().get(`/api/portal/calls/${draft.id}`)).statusCode).toBe(404);
    expect((await t.anonymous().get(`/api/portal/calls/${randomUUID()}`)).statusCode).toBe(404);
    expect((await t.anonymous().get("/api/portal/calls/not-an-id")).statusCode).toBe(400);
  });

  it("works the same for a signed-in member", async () => {
    const member = await t.signIn("member");
    const response = await member.get("/api/portal/calls");
    expect(response.statusCode).toBe(200);
    expect(
      response.json().items.some((c: { title: string }) => c.title === "2026年度社会组织孵化招募（第二批）"),
    ).toBe(true);
  });

  it("shows the seeded open call with its two revisions", async () => {
    const list: PublicCallList = (await t.anonymous().get("/api/portal/calls")).json();
    const seeded = list.items.find((c) => c.title === "2026年度社会组织孵化招募（第二批）");
    expect(seeded?.window).toBe("open");
    const detail: PublicCall = (await t.anonymous().get(`/api/portal/calls/${seeded?.id}`)).json();
    expect(detail.revisions.map((r) => r.revision)).toEqual([1, 2]);
    expect(detail.revisions[1]?.note).toContain("项目预算表");
    expect(detail.tracks.map((x) => x.track)).toEqual(["org", "project", "combined", "space"]);
  });
});
