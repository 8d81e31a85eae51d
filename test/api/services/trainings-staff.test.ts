/**
 * What staff do for others on a training, and what the public reads: finding whom to enrol
 * (names only, an organization's members), enrolling a named person or an organization (its first
 * member), with bad input refused and nothing written; the series' progress of everyone enrolled
 * against the required hours; the portal's training with no one's enrolment in it; and "meant
 * for" naming the weak dimensions.
 */
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  assessments,
  bases,
  incubations,
  instrumentVersions,
  trainingEnrolments,
  users,
} from "../../../src/db/schema";
import type { TrainingInput } from "../../../src/schemas/services/trainings";
import { FACTORY_PASSWORD, make } from "../../factories";
import { type Client, startTestApp, type TestApp } from "../../support/app";

let t: TestApp;
let staff: Client;
let member: Client;
let foreignStaff: Client;
let org: { id: string; name: string };
let first: { id: string; displayName: string };
let second: { id: string; displayName: string };
let loner: { id: string; displayName: string };
let foreignPerson: { id: string };

beforeAll(async () => {
  t = await startTestApp();
  staff = await t.signIn("staff");
  member = await t.signIn("member");
  org = await make(t).organization({ name: "培训报名测试协会", residency: "resident" });
  first = await make(t).user({ roles: ["org_member"], organizationId: org.id, displayName: "陈报名甲" });
  second = await make(t).user({ roles: ["org_member"], organizationId: org.id, displayName: "陈报名乙" });
  loner = await make(t).user({ roles: ["individual"], organizationId: null, displayName: "陈个人丙" });
  const [elsewhere] = await t.db
    .insert(bases)
    .values({ code: "training-staff-elsewhere", name: "另一基地", district: "别处" })
    .returning();
  const elsewhereMake = make({ db: t.db, baseId: elsewhere?.id as string });
  const foreign = await elsewhereMake.user({ roles: ["staff"] });
  foreignStaff = await t.signIn(foreign.username, FACTORY_PASSWORD);
  foreignPerson = await elsewhereMake.user({ roles: ["individual"], organizationId: null });
});
afterAll(() => t.close());

const inMinutes = (m: number) => new Date(Date.now() + m * 60_000).toISOString();

async function published(overrides: Partial<TrainingInput> = {}) {
  const created = await staff.post("/api/trainings", {
    topic: "项目申报书写作",
    trainerName: "李老师",
    startsAt: inMinutes(60),
    endsAt: inMinutes(180),
    place: "孵化基地一楼路演厅",
    capacity: 1,
    audiences: ["resident", "virtual", "graduated", "public"],
    ...overrides,
  });
  expect(created.statusCode, created.body).toBe(201);
  const res = await staff.post(`/api/trainings/${created.json().id}/publish`, { version: 1 });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { id: string; version: number };
}

const rowsOf = (id: string) =>
  t.db.select().from(trainingEnrolments).where(eq(trainingEnrolments.trainingId, id));

describe("finding whom to enrol", () => {
  it("lists an organization's members by name, marks who is in, and says nothing else", async () => {
    const tr = await published();
    const res = await staff.get(`/api/trainings/${tr.id}/enrolment-candidates?organizationId=${org.id}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(
      res
        .json()
        .items.map((c: { name: string }) => c.name)
        .sort(),
    ).toEqual(["陈报名乙", "陈报名甲"]);
    expect(Object.keys(res.json().items[0]).sort()).toEqual(
      ["enrolled", "name", "organizationId", "organizationName", "personId"].sort(),
    );
    await staff.post(`/api/trainings/${tr.id}/enrolments`, { personId: second.id, organizationId: org.id });
    const after = (await staff.get(`/api/trainings/${tr.id}/enrolment-candidates?q=陈`)).json();
    const byName = new Map(after.items.map((c: { name: string }) => [c.name, c]));
    expect(byName.get("陈报名乙")).toMatchObject({ enrolled: true, organizationName: "培训报名测试协会" });
    expect(byName.get("陈个人丙")).toMatchObject({ enrolled: false, organizationId: null });
    // Staff accounts are not people to enrol.
    expect(after.items.every((c: { personId: string }) => c.personId !== foreignPerson.id)).toBe(true);
  });

  it("is the staff's: 403 for a member, 404 from another base, 400 for a bad id", async () => {
    const tr = await published();
    expect((await member.get(`/api/trainings/${tr.id}/enrolment-candidates`)).statusCode).toBe(403);
    expect((await foreignStaff.get(`/api/trainings/${tr.id}/enrolment-candidates`)).statusCode).toBe(404);
    const bad = await staff.get(`/api/trainings/${tr.id}/enrolment-candidates?organizationId=nope`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().field).toBe("organizationId");
    expect(bad.json().message).toMatch(/[\u4e00-\u9fa5]/);
  });
});

describe("staff enrol a named person or an organization", () => {
  it("enrols an organization's first member, then a named person onto the waitlist", async () => {
    const tr = await published({ capacity: 1 });
    const forOrg = await staff.post(`/api/trainings/${tr.id}/enrolments`, { organizationId: org.id });
    expect(forOrg.statusCode, forOrg.body).toBe(201);
    expect(forOrg.json()).toMatchObject({ personId: first.id, organizationId: org.id, status: "enrolled" });
    const named = await staff.post(`/api/trainings/${tr.id}/enrolments`, { personId: loner.id });
    expect(named.statusCode, named.body).toBe(201);
    expect(named.json()).toMatchObject({ personId: loner.id, status: "waiting", waitPosition: 1 });
    // The organization again: its first member is in already.
    const again = await staff.post(`/api/trainings/${tr.id}/enrolments`, { organizationId: org.id });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe("already_enrolled");
  });

  it("refuses a person who is not the organization's, not of the base, or not a participant", async () => {
    const tr = await published();
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ personId: loner.id, organizationId: org.id }, "personId", /不是所选机构的成员/],
      [{ personId: foreignPerson.id }, "personId", /本基地没有这位人员/],
      [{ personId: "not-a-uuid" }, "personId", /编号/],
      [{ organizationId: "00000000-0000-4000-8000-000000000000" }, "organizationId", /本基地没有这家机构/],
    ];
    for (const [b, field, message] of cases) {
      const res = await staff.post(`/api/trainings/${tr.id}/enrolments`, b);
      expect(res.statusCode, JSON.stringify(b)).toBe(400);
      expect(res.json().field).toBe(field);
      expect(res.json().message).toMatch(message);
    }
    const empty = await make(t).organization({ name: "无成员账号的机构", residency: "resident" });
    const none = await staff.post(`/api/trainings/${tr.id}/enrolments`, { organizationId: empty.id });
    expect(none.statusCode).toBe(400);
    expect(none.json().message).toMatch(/还没有成员账号/);
    expect(await rowsOf(tr.id)).toHaveLength(0);
  });
});

describe("the talent programme's progress", () => {
  it("lists everyone enrolled with modules and hours against the required hours", async () => {
    const series = (await staff.post("/api/training-series", { kind: "talent", title: "进度测试班" })).json();
    const m1 = await published({ seriesId: series.id, required: true, capacity: 5, topic: "必修一" });
    const m2 = await published({ seriesId: series.id, required: true, capacity: 5, topic: "必修二" });
    const e1 = (await staff.post(`/api/trainings/${m1.id}/enrolments`, { personId: loner.id })).json();
    await staff.post(`/api/trainings/${m2.id}/enrolments`, { personId: loner.id });
    await staff.post(`/api/trainings/${m2.id}/enrolments`, { personId: first.id, organizationId: org.id });
    const marked = await staff.put(`/api/trainings/${m1.id}/enrolments/${e1.id}/attendance`, {
      attended: true,
      version: e1.version,
    });
    expect(marked.statusCode, marked.body).toBe(200);
    const view = (await staff.get(`/api/training-series/${series.id}`)).json();
    expect(view.requiredMinutes).toBe(240);
    expect(view.progress).toHaveLength(2);
    const byId = new Map(view.progress.map((p: { personId: string }) => [p.personId, p]));
    expect(byId.get(loner.id)).toMatchObject({ attendedModules: 1, requiredDone: 1, minutes: 120 });
    expect(byId.get(first.id)).toMatchObject({ attendedModules: 0, requiredDone: 0, minutes: 0 });
    const early = await staff.post(`/api/training-series/${series.id}/certificates`, { personId: first.id });
    expect(early.statusCode).toBe(409);
    expect(early.json().message).toMatch(/0\/2/);
    const bad = await staff.post(`/api/training-series/${series.id}/certificates`, { personId: "x" });
    expect(bad.statusCode).toBe(400);
    expect((await foreignStaff.get(`/api/training-series/${series.id}`)).statusCode).toBe(404);
  });
});

describe("meant for", () => {
  it("names the enrolled organizations weak in the training's dimensions, by the dimensions' names", async () => {
    // A demo organization with a member whose assessor-side baseline is below 60 somewhere.
    const rows = await t.db
      .select({
        organizationId: incubations.organizationId,
        result: assessments.result,
        content: instrumentVersions.content,
        personId: users.id,
      })
      .from(assessments)
      .innerJoin(incubations, eq(incubations.id, assessments.incubationId))
      .innerJoin(instrumentVersions, eq(instrumentVersions.id, assessments.instrumentVersionId))
      .innerJoin(
        users,
        and(eq(users.organizationId, incubations.organizationId), sql`'org_member' = ANY(${users.roles})`),
      )
      .where(
        and(
          eq(assessments.phase, "baseline"),
          eq(assessments.side, "assessor"),
          eq(assessments.status, "submitted"),
          sql`${incubations.status} <> 'terminated'`,
        ),
      );
    const weak = rows
      .flatMap((r) =>
        Object.entries(r.result ?? {}).flatMap(([key, d]) =>
          typeof d.score === "number" && d.score < 60 ? [{ ...r, key, score: d.score }] : [],
        ),
      )
      .at(0);
    if (!weak) throw new Error(`no weak baseline: ${JSON.stringify(rows.map((r) => r.result))}`);
    // Beside it, an organization with no baseline: nothing says the training was meant for it.
    const strong = { personId: first.id, organizationId: org.id };
    const label = weak.content.dimensions.find((d) => d.key === weak.key)?.name.zhCN;
    const tr = await published({ dimensionKeys: [weak.key], capacity: 5 });
    for (const p of [weak, strong]) {
      const res = await staff.post(`/api/trainings/${tr.id}/enrolments`, {
        personId: p.personId,
        organizationId: p.organizationId,
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    const view = (await staff.get(`/api/trainings/${tr.id}`)).json();
    expect(view.meantFor).toEqual([
      { organizationId: weak.organizationId, name: expect.any(String), dimensions: [label] },
    ]);
    // Not for the participant: whom a training was meant for is the staff's reading.
    expect((await member.get(`/api/trainings/${tr.id}`)).json().meantFor).toEqual([]);
  });
});

describe("the portal's training", () => {
  it("shows what, when, where and the seats left, and no one's enrolment", async () => {
    const tr = await published({ capacity: 3, onlineLink: "https://meeting.example/abc" });
    await staff.post(`/api/trainings/${tr.id}/enrolments`, { personId: loner.id });
    const res = await t.anonymous().get(`/api/portal/trainings/${tr.id}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      topic: "项目申报书写作",
      capacity: 3,
      seatsLeft: 2,
      open: true,
      online: true,
    });
    expect(res.body).not.toContain("陈个人丙");
    expect(res.body).not.toContain(loner.id);
    expect(res.body).not.toContain("meeting.example");
    for (const key of ["enrolments", "enrolled", "waiting", "attended", "mine", "meantFor", "onlineLink"])
      expect(res.json()).not.toHaveProperty(key);
    const list = (await t.anonymous().get("/api/portal/trainings")).json();
    const item = list.items.find((i: { id: string }) => i.id === tr.id);
    expect(item).toMatchObject({ seatsLeft: 2 });
    expect(item).not.toHaveProperty("enrolled");
  });

  it("is 404 for a members-only or cancelled training, 400 for a bad id", async () => {
    const resident = await published({ audiences: ["resident"] });
    expect((await t.anonymous().get(`/api/portal/trainings/${resident.id}`)).statusCode).toBe(404);
    const cancelled = await published();
    await staff.post(`/api/trainings/${cancelled.id}/cancel`, { version: cancelled.version });
    expect((await t.anonymous().get(`/api/portal/trainings/${cancelled.id}`)).statusCode).toBe(404);
    expect((await t.anonymous().get("/api/portal/trainings/abc")).statusCode).toBe(400);
  });

  it("declares every status it answers", () => {
    expect(t.undeclaredResponses()).toEqual([]);
  });
});
