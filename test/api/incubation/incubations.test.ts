/**
 * Stage 4's incubations on the real app and database: an incubation starts when an organization
 * confirms its place (same transaction), or by a direct enrolment; every lifecycle transition,
 * the 409s, bad input, who sees which incubation, the cohorts, the settings, the list with its
 * due filters, bulk actions and the export read back.
 */
import { and, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  assessments,
  auditLog,
  bases,
  growthEvents,
  incubationEvents,
  incubations,
  instruments,
  instrumentVersions,
  notifications,
} from "../../../src/db/schema";
import { addDays, plannedEndOn } from "../../../src/domain/incubation/lifecycle";
import { FACTORY_PASSWORD, make } from "../../factories";
import { type Client, startTestApp, type TestApp } from "../../support/app";
import { otherMember } from "../recruitment/applications-support";
import { admittedPlace, enrol, newCohort, staffId, today } from "./incubations-support";

let t: TestApp;
let staff: Client;
let cohortId: string;

beforeAll(async () => {
  t = await startTestApp();
  staff = await t.signIn("staff");
  cohortId = (await newCohort(staff, "测试批次A", "2026-01-01")).id;
});
afterAll(() => t.close());

const get = (client: Client, id: string) => client.get(`/api/incubations/${id}`);
const act = (client: Client, id: string, body: Record<string, unknown>) =>
  client.post(`/api/incubations/${id}/transition`, body);

describe("an incubation starts from a confirmed place", () => {
  it("creates it in the confirmation: latest cohort, today, term from the settings, resident, the decider responsible; history, audit, growth file, notice", async () => {
    // A later cohort exists: the confirmed place joins the one with the latest start.
    const later = await newCohort(staff, "测试批次B", addDays(today(), 20));
    const place = await admittedPlace(t, "space");
    const other = await make(t).user({ roles: ["org_member"], organizationId: place.organizationId });
    const confirmed = await place.member.post(`/api/applications/${place.applicationId}/place`, {
      answer: "confirm",
      version: 3,
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const incubationId = confirmed.json().incubationId;
    expect(incubationId).toEqual(expect.any(String));

    const seen = await get(staff, incubationId);
    expect(seen.statusCode, seen.body).toBe(200);
    const start = addDays(today(), 20); // the cohort starts later than today
    expect(seen.json()).toMatchObject({
      applicationId: place.applicationId,
      cohort: { id: later.id, name: "测试批次B" },
      track: "space",
      residency: "resident",
      needsDesk: true,
      origin: "admission",
      status: "active",
      startOn: start,
      plannedEndOn: plannedEndOn(start, 12),
      responsible: { id: place.decidedBy },
      actions: expect.arrayContaining(["suspend", "extend", "terminate"]),
    });
    expect(seen.json().history).toEqual([expect.objectContaining({ event: "enrol", toStatus: "active" })]);
    const audit = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, incubationId), eq(auditLog.action, "incubation.enrol")));
    expect(audit).toHaveLength(1);
    const growth = await t.db
      .select()
      .from(growthEvents)
      .where(and(eq(growthEvents.incubationId, incubationId), eq(growthEvents.kind, "incubation.enrolled")));
    expect(growth[0]?.params).toMatchObject({ cohortName: "测试批次B", track: "space", origin: "admission" });
    // The other member of the organization is told; the one who confirmed needs no notice.
    const bell = await t.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, other.id), eq(notifications.kind, "incubation_status")));
    expect(bell).toHaveLength(1);
    expect(bell[0]?.link).toBe(`/incubations/${incubationId}`);

    // The member reads its own, without actions; its organization's list has it.
    const mine = await get(place.member, incubationId);
    expect(mine.statusCode).toBe(200);
    expect(mine.json()).toMatchObject({ actions: [], canEdit: false, status: "active" });
    const ofOrg = await place.member.get(`/api/organizations/${place.organizationId}/incubations`);
    expect(ofOrg.json().items).toEqual([
      expect.objectContaining({ id: incubationId, cohortName: "测试批次B" }),
    ]);
    const list = await place.member.get("/api/incubations");
    expect(list.json().items.map((i: { id: string }) => i.id)).toEqual([incubationId]);
  });

  it("a decline starts nothing", async () => {
    const place = await admittedPlace(t);
    const declined = await place.member.post(`/api/applications/${place.applicationId}/place`, {
      answer: "decline",
      version: 3,
    });
    expect(declined.statusCode, declined.body).toBe(200);
    expect(declined.json().incubationId).toBeNull();
    const rows = await t.db
      .select()
      .from(incubations)
      .where(eq(incubations.organizationId, place.organizationId));
    expect(rows).toHaveLength(0);
  });
});

describe("direct enrolment", () => {
  it("enrols with a reason (virtual by default); a second open one is 409 with a clear message, nothing written", async () => {
    const organization = await make(t).organization();
    const responsibleId = await staffId(t);
    const res = await enrol(staff, { organizationId: organization.id, cohortId, responsibleId });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      origin: "direct",
      residency: "virtual",
      needsDesk: false,
      enrolReason: "区民政局推荐",
      responsible: { id: responsibleId },
      startOn: today(),
      plannedEndOn: plannedEndOn(today(), 12),
    });
    const again = await enrol(staff, { organizationId: organization.id, cohortId });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: "incubation_open_exists" });
    expect(again.json().message).toContain("测试批次A");
    const rows = await t.db.select().from(incubations).where(eq(incubations.organizationId, organization.id));
    expect(rows).toHaveLength(1);
  });

  it("refuses bad input with 400 naming the field, nothing written", async () => {
    const organization = await make(t).organization();
    const expert = await make(t).user({ roles: ["expert"] });
    const cases: [Record<string, unknown>, string][] = [
      [{ reason: "" }, "reason"],
      [{ reason: "原因\u0000" }, "reason"],
      [{ reason: "x".repeat(5000) }, "reason"],
      [{ startOn: "2026-02-30" }, "startOn"],
      [{ startOn: "99999-01-01" }, "startOn"],
      [{ track: "nope" }, "track"],
      [{ cohortId: "not-an-id" }, "cohortId"],
      [{ cohortId: "00000000-0000-4000-8000-000000000000" }, "cohortId"],
      [{ responsibleId: expert.id }, "responsibleId"],
      [{ organizationId: "00000000-0000-4000-8000-000000000000" }, "organizationId"],
    ];
    for (const [patch, field] of cases) {
      const res = await enrol(staff, { organizationId: organization.id, cohortId, ...patch });
      expect(res.statusCode, `${JSON.stringify(patch)} ${res.body}`).toBe(400);
      expect(res.json().field).toBe(field);
      expect(res.json().message).not.toBe("");
    }
    const rows = await t.db.select().from(incubations).where(eq(incubations.organizationId, organization.id));
    expect(rows).toHaveLength(0);
  });
});

async function directIncubation(values: { startOn?: string } = {}) {
  const organization = await make(t).organization();
  const res = await enrol(staff, { organizationId: organization.id, cohortId, ...values });
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json() as { id: string; version: number; plannedEndOn: string; organization: { id: string } };
}

describe("the lifecycle", () => {
  it("suspends, resumes, extends, reviews and graduates; each step in the history, audit, growth file", async () => {
    const i = await directIncubation();
    let version = i.version;
    const step = async (body: Record<string, unknown>, status: string) => {
      const res = await act(staff, i.id, { ...body, version });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().status).toBe(status);
      version = res.json().version;
      return res.json();
    };
    await step({ event: "suspend", reason: "负责人变动，暂停三个月" }, "suspended");
    await step({ event: "resume" }, "active");
    const newEnd = addDays(i.plannedEndOn, 90);
    const extended = await step(
      { event: "extend", reason: "项目周期延长", plannedEndOn: newEnd },
      "extended",
    );
    expect(extended.plannedEndOn).toBe(newEnd);
    await step({ event: "start_exit_review" }, "in_exit_review");
    const graduated = await step({ event: "graduate" }, "graduated");
    expect(graduated.endedOn).toBe(today());
    expect(graduated.actions).toEqual([]);
    expect(graduated.history.map((h: { event: string }) => h.event)).toEqual([
      "enrol",
      "suspend",
      "resume",
      "extend",
      "start_exit_review",
      "graduate",
    ]);
    expect(graduated.history[3]).toMatchObject({
      reason: "项目周期延长",
      details: { from: i.plannedEndOn, to: newEnd },
    });
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.entityId, i.id));
    expect(audit.map((a) => a.action).sort()).toEqual(
      [
        "incubation.enrol",
        "incubation.suspend",
        "incubation.resume",
        "incubation.extend",
        "incubation.start_exit_review",
        "incubation.graduate",
      ].sort(),
    );
    const growth = await t.db.select().from(growthEvents).where(eq(growthEvents.incubationId, i.id));
    expect(growth).toHaveLength(6);
    // Closed: no further event, no edit; a new incubation of the organization is allowed again.
    const after = await act(staff, i.id, { event: "terminate", reason: "x", version });
    expect(after.statusCode).toBe(409);
    expect(after.json()).toMatchObject({
      code: "incubation_status_invalid",
      details: { currentStatus: "graduated" },
    });
    expect(after.json().message).toContain("已出壳");
    const edit = await staff.patch(`/api/incubations/${i.id}`, { residency: "resident", version });
    expect(edit.statusCode).toBe(409);
    const again = await enrol(staff, { organizationId: i.organization.id, cohortId });
    expect(again.statusCode, again.body).toBe(201);
  });

  it("terminates with a reason and an end day; illegal events are 409 with the current status", async () => {
    const i = await directIncubation();
    const resume = await act(staff, i.id, { event: "resume", version: i.version });
    expect(resume.statusCode).toBe(409);
    expect(resume.json()).toMatchObject({
      code: "incubation_status_invalid",
      details: { currentStatus: "active" },
    });
    const graduate = await act(staff, i.id, { event: "graduate", version: i.version });
    expect(graduate.statusCode).toBe(409);
    const done = await act(staff, i.id, { event: "terminate", reason: "机构注销", version: i.version });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: "terminated", endedOn: today() });
  });

  it("needs the reasons and a later end; a stale version is 409; nothing changes", async () => {
    const i = await directIncubation();
    for (const event of ["suspend", "extend", "terminate"]) {
      const res = await act(staff, i.id, {
        event,
        version: i.version,
        plannedEndOn: addDays(i.plannedEndOn, 30),
      });
      expect(res.statusCode, event).toBe(400);
      expect(res.json().field).toBe("reason");
    }
    const noEnd = await act(staff, i.id, { event: "extend", reason: "延期", version: i.version });
    expect(noEnd.statusCode).toBe(400);
    expect(noEnd.json().field).toBe("plannedEndOn");
    const earlier = await act(staff, i.id, {
      event: "extend",
      reason: "延期",
      plannedEndOn: i.plannedEndOn,
      version: i.version,
    });
    expect(earlier.statusCode).toBe(400);
    expect(earlier.json()).toMatchObject({ field: "plannedEndOn" });
    expect(earlier.json().message).toContain(i.plannedEndOn);
    const absurd = await act(staff, i.id, {
      event: "extend",
      reason: "延期",
      plannedEndOn: "3026-13-01",
      version: i.version,
    });
    expect(absurd.statusCode).toBe(400);
    const control = await act(staff, i.id, { event: "suspend", reason: "a\u202Eb", version: i.version });
    expect(control.statusCode).toBe(400);
    const stale = await act(staff, i.id, { event: "suspend", reason: "暂停", version: i.version + 5 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: "version_conflict", details: { currentVersion: i.version } });
    const [row] = await t.db.select().from(incubations).where(eq(incubations.id, i.id));
    expect(row).toMatchObject({ status: "active", version: i.version, plannedEndOn: i.plannedEndOn });
    const history = await t.db.select().from(incubationEvents).where(eq(incubationEvents.incubationId, i.id));
    expect(history).toHaveLength(1);
  });

  it("edits cohort, start (the planned end follows, not after an extension), responsible, residency, desk", async () => {
    const i = await directIncubation();
    const other = await newCohort(staff, "测试批次C", "2026-03-01");
    const edited = await staff.patch(`/api/incubations/${i.id}`, {
      cohortId: other.id,
      startOn: "2026-03-01",
      responsibleId: null,
      residency: "resident",
      needsDesk: true,
      version: i.version,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({
      cohort: { id: other.id },
      startOn: "2026-03-01",
      plannedEndOn: "2027-02-28",
      residency: "resident",
      needsDesk: true,
      responsible: null,
    });
    const stale = await staff.patch(`/api/incubations/${i.id}`, { residency: "virtual", version: i.version });
    expect(stale.statusCode).toBe(409);
    let version = edited.json().version;
    const ext = await act(staff, i.id, {
      event: "extend",
      reason: "延期",
      plannedEndOn: "2027-06-30",
      version,
    });
    version = ext.json().version;
    const moved = await staff.patch(`/api/incubations/${i.id}`, { startOn: "2026-04-01", version });
    expect(moved.json()).toMatchObject({ startOn: "2026-04-01", plannedEndOn: "2027-06-30" });
  });
});

describe("who sees which incubation", () => {
  it("a member its own only; another organization's, another base's and an unrelated expert's is 404; staff of another base 404", async () => {
    const mine = await otherMember(t);
    const theirs = await directIncubation();
    const own = await enrol(staff, { organizationId: mine.organizationId, cohortId });
    const ownId = own.json().id;
    expect((await get(mine.client, ownId)).statusCode).toBe(200);
    expect((await get(mine.client, theirs.id)).statusCode).toBe(404);
    expect(
      (await mine.client.get(`/api/organizations/${theirs.organization.id}/incubations`)).statusCode,
    ).toBe(404);
    // The member acts on nothing.
    expect((await act(mine.client, ownId, { event: "suspend", reason: "x", version: 1 })).statusCode).toBe(
      403,
    );
    const expert = await make(t).user({ roles: ["expert"] });
    const expertClient = await t.signIn(expert.username, FACTORY_PASSWORD);
    expect((await get(expertClient, ownId)).statusCode).toBe(404);
    expect((await expertClient.get("/api/incubations")).json().items).toEqual([]);
    const [other] = await t.db
      .insert(bases)
      .values({ code: "inc-elsewhere", name: "另一基地", district: "别处" })
      .returning();
    const foreign = await make({ db: t.db, baseId: other?.id as string }).user({ roles: ["staff"] });
    const foreignStaff = await t.signIn(foreign.username, FACTORY_PASSWORD);
    expect((await get(foreignStaff, ownId)).statusCode).toBe(404);
    expect((await act(foreignStaff, ownId, { event: "suspend", reason: "x", version: 1 })).statusCode).toBe(
      404,
    );
    expect((await foreignStaff.get("/api/incubations")).json().items).toEqual([]);
  });

  it("an expert named on an assessment of it reads it", async () => {
    const i = await directIncubation();
    const expert = await make(t).user({ roles: ["expert"] });
    const [instrument] = await t.db
      .insert(instruments)
      .values({ baseId: t.baseId, name: `体系${Date.now()}` })
      .returning();
    const [version] = await t.db
      .insert(instrumentVersions)
      .values({
        baseId: t.baseId,
        instrumentId: instrument?.id as string,
        number: 1,
        status: "published",
        content: { dimensions: [] } as never,
      })
      .returning();
    await t.db.insert(assessments).values({
      baseId: t.baseId,
      incubationId: i.id,
      organizationId: i.organization.id,
      instrumentVersionId: version?.id as string,
      phase: "baseline",
      side: "assessor",
      assessorId: expert.id,
    });
    const client = await t.signIn(expert.username, FACTORY_PASSWORD);
    expect((await get(client, i.id)).statusCode).toBe(200);
    expect((await client.get("/api/incubations")).json().items.map((r: { id: string }) => r.id)).toEqual([
      i.id,
    ]);
  });
});

describe("cohorts and settings", () => {
  it("lists cohorts with counts per status; a taken name is 409, an empty one 400", async () => {
    const c = await newCohort(staff, "计数批次", "2026-05-01");
    const organization = await make(t).organization();
    const res = await enrol(staff, { organizationId: organization.id, cohortId: c.id });
    await act(staff, res.json().id, { event: "suspend", reason: "暂停", version: 1 });
    const list = (await staff.get("/api/cohorts")).json();
    expect(list.items.find((x: { id: string }) => x.id === c.id)).toMatchObject({
      total: 1,
      counts: { suspended: 1, active: 0 },
    });
    const taken = await staff.post("/api/cohorts", { name: "计数批次", startsOn: "2026-06-01" });
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ code: "cohort_name_taken" });
    expect(taken.json().message).toContain("计数批次");
    expect((await staff.post("/api/cohorts", { name: "  ", startsOn: "2026-06-01" })).statusCode).toBe(400);
    expect((await staff.post("/api/cohorts", { name: "x\u0007", startsOn: "2026-06-01" })).statusCode).toBe(
      400,
    );
    expect((await staff.post("/api/cohorts", { name: "y", startsOn: "2026-06-31" })).statusCode).toBe(400);
    const member = await t.signIn("member");
    expect((await member.get("/api/cohorts")).statusCode).toBe(403);
  });

  it("reads the defaults, saves within the bounds with the version (409 when stale); the term drives new incubations", async () => {
    const first = (await staff.get("/api/incubation-settings")).json();
    expect(first).toMatchObject({
      termMonths: 12,
      baselineDueDays: 30,
      exitDueDays: 30,
      version: 1,
      saved: false,
    });
    const tooBig = await staff.put("/api/incubation-settings", {
      termMonths: 61,
      baselineDueDays: 30,
      exitDueDays: 30,
      version: 1,
    });
    expect(tooBig.statusCode).toBe(400);
    expect(tooBig.json().field).toBe("termMonths");
    const zero = await staff.put("/api/incubation-settings", {
      termMonths: 12,
      baselineDueDays: 0,
      exitDueDays: 30,
      version: 1,
    });
    expect(zero.statusCode).toBe(400);
    const huge = await staff.put("/api/incubation-settings", {
      termMonths: 1e20,
      baselineDueDays: 1,
      exitDueDays: 1,
      version: 1,
    });
    expect(huge.statusCode).toBe(400);
    const saved = await staff.put("/api/incubation-settings", {
      termMonths: 6,
      baselineDueDays: 20,
      exitDueDays: 45,
      version: 1,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ termMonths: 6, version: 2, saved: true });
    const stale = await staff.put("/api/incubation-settings", {
      termMonths: 7,
      baselineDueDays: 20,
      exitDueDays: 45,
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    const i = await directIncubation({ startOn: "2026-01-15" });
    expect(i.plannedEndOn).toBe("2026-07-14");
    // Back to a year for the other tests.
    await staff.put("/api/incubation-settings", {
      termMonths: 12,
      baselineDueDays: 30,
      exitDueDays: 30,
      version: 2,
    });
    const member = await t.signIn("member");
    expect((await member.get("/api/incubation-settings")).statusCode).toBe(403);
  });
});

describe("the staff list, bulk actions and the export", () => {
  it("filters by cohort, status, track, name and what is due; pages; the to-do counts the same", async () => {
    const c = await newCohort(staff, "列表批次", "2025-01-01");
    const name = `列表专用组织${Date.now()}`;
    const overdueOrg = await make(t).organization({ name: `${name}A` });
    const exitOrg = await make(t).organization({ name: `${name}B` });
    const overdue = await enrol(staff, {
      organizationId: overdueOrg.id,
      cohortId: c.id,
      startOn: addDays(today(), -60),
    });
    const exiting = await enrol(staff, {
      organizationId: exitOrg.id,
      cohortId: c.id,
      track: "project",
      startOn: addDays(today(), -350),
    });
    const all = (await staff.get(`/api/incubations?cohortId=${c.id}&sort=name&order=asc`)).json();
    expect(all.total).toBe(2);
    expect(all.items.map((r: { organization: { name: string } }) => r.organization.name)).toEqual([
      `${name}A`,
      `${name}B`,
    ]);
    const baseline = (await staff.get(`/api/incubations?cohortId=${c.id}&due=baseline`)).json();
    // Both started over 30 days ago without a baseline.
    expect(baseline.total).toBe(2);
    const exit = (await staff.get(`/api/incubations?cohortId=${c.id}&due=exit`)).json();
    expect(exit.items.map((r: { id: string }) => r.id)).toEqual([exiting.json().id]);
    expect(exit.items[0]).toMatchObject({ exitDue: true, baselineOverdue: true });
    const project = (await staff.get(`/api/incubations?cohortId=${c.id}&track=project`)).json();
    expect(project.total).toBe(1);
    const byName = (await staff.get(`/api/incubations?q=${encodeURIComponent(`${name}A`)}`)).json();
    expect(byName.items.map((r: { id: string }) => r.id)).toEqual([overdue.json().id]);
    await act(staff, overdue.json().id, { event: "suspend", reason: "暂停", version: 1 });
    const suspended = (await staff.get(`/api/incubations?cohortId=${c.id}&status=suspended`)).json();
    expect(suspended.total).toBe(1);
    // Suspended: nothing due.
    expect((await staff.get(`/api/incubations?cohortId=${c.id}&due=baseline`)).json().total).toBe(1);
    const paged = (await staff.get(`/api/incubations?cohortId=${c.id}&pageSize=1&page=2`)).json();
    expect(paged).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(paged.items).toHaveLength(1);
    const beyond = (await staff.get(`/api/incubations?cohortId=${c.id}&pageSize=1&page=9`)).json();
    expect(beyond).toMatchObject({ total: 2, items: [] });
    for (const bad of [
      "status=nope",
      "due=soon",
      "cohortId=x",
      "page=0",
      "pageSize=1000",
      `q=${"x".repeat(200)}`,
    ]) {
      expect((await staff.get(`/api/incubations?${bad}`)).statusCode, bad).toBe(400);
    }
    const waiting = (await staff.get("/api/incubations/waiting")).json();
    const allOverdue = (await staff.get("/api/incubations?due=baseline")).json();
    const allExit = (await staff.get("/api/incubations?due=exit")).json();
    expect(waiting.baselineOverdue.count).toBe(allOverdue.total);
    expect(waiting.exitDue.count).toBe(allExit.total);
    expect(waiting.exitDue.items.map((i: { id: string }) => i.id)).toContain(exiting.json().id);
    const member = await t.signIn("member");
    expect((await member.get("/api/incubations/waiting")).statusCode).toBe(403);
  });

  it("assigns and moves in bulk, each item's outcome reported", async () => {
    const a = await directIncubation();
    const b = await directIncubation();
    const closed = await directIncubation();
    await act(staff, closed.id, { event: "terminate", reason: "注销", version: 1 });
    const target = await newCohort(staff, "批量批次", "2026-07-01");
    const moved = await staff.post("/api/incubations/bulk", {
      action: "move",
      ids: [a.id, b.id, closed.id],
      cohortId: target.id,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ done: 2, failed: 1 });
    expect(moved.json().results[2]).toMatchObject({
      id: closed.id,
      ok: false,
      code: "incubation_status_invalid",
    });
    expect(moved.json().results[2].message).toContain("已终止");
    const admin = await staffId(t, "admin");
    const assigned = await staff.post("/api/incubations/bulk", {
      action: "assign",
      ids: [a.id],
      responsibleId: admin,
    });
    expect(assigned.json()).toMatchObject({ done: 1, failed: 0 });
    expect((await get(staff, a.id)).json()).toMatchObject({
      cohort: { id: target.id },
      responsible: { id: admin },
    });
    const expert = await make(t).user({ roles: ["expert"] });
    const refused = await staff.post("/api/incubations/bulk", {
      action: "assign",
      ids: [b.id],
      responsibleId: expert.id,
    });
    expect(refused.json()).toMatchObject({ done: 0, failed: 1 });
    expect(refused.json().results[0].message).toContain("负责人");
    expect(
      (await staff.post("/api/incubations/bulk", { action: "move", ids: [], cohortId: target.id }))
        .statusCode,
    ).toBe(400);
  });

  it("exports the filtered list as .xlsx: the same rows as the API", async () => {
    const c = await newCohort(staff, "导出批次", "2026-02-01");
    for (let n = 0; n < 3; n++)
      await enrol(staff, { organizationId: (await make(t).organization()).id, cohortId: c.id });
    const api = (
      await staff.get(`/api/incubations?cohortId=${c.id}&sort=name&order=asc&pageSize=200`)
    ).json();
    const res = await staff.get(`/api/incubations/export.xlsx?cohortId=${c.id}&sort=name&order=asc`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("spreadsheetml");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("孵化名单");
    const rows: string[][] = [];
    sheet?.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ""))));
    expect(rows[0]?.slice(0, 3)).toEqual(["社会组织", "孵化批次", "赛道"]);
    expect(rows.slice(1).map((r) => [r[0], r[1], r[5], r[6], r[7]])).toEqual(
      api.items.map((i: { organization: { name: string }; startOn: string; plannedEndOn: string }) => [
        i.organization.name,
        "导出批次",
        "孵化中",
        i.startOn,
        i.plannedEndOn,
      ]),
    );
    const member = await t.signIn("member");
    expect((await member.get("/api/incubations/export.xlsx")).statusCode).toBe(403);
  });
});

it("declares every answer it gave", () => {
  expect(t.undeclaredResponses()).toEqual([]);
});
