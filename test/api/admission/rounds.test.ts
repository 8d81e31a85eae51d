import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applications, auditLog, expertConflicts, reviews, rubrics } from "../../../src/db/schema";
import { make } from "../../factories";
import { type Client, startTestApp, type TestApp } from "../../support/app";
import { buildRound, expert, inDays, inspectedApplication, openRound } from "./rounds-support";

let t: TestApp;
let staff: Client;
let callId: string;

beforeAll(async () => {
  t = await startTestApp();
  staff = await t.signIn("staff");
  callId = (await make(t).call()).id;
});
afterAll(() => t.close());

const reviewsOf = (roundId: string) => t.db.select().from(reviews).where(eq(reviews.roundId, roundId));

describe("automatic assignment", () => {
  it("gives every application k reviewers, never a conflicted pair, loads within one, and reports the figures", async () => {
    const apps: Awaited<ReturnType<typeof inspectedApplication>>[] = [];
    for (let i = 0; i < 7; i++) {
      apps.push(await inspectedApplication(t, callId, { fields: i % 2 ? ["elderly"] : ["children"] }));
    }
    const experts = [
      await expert(t, ["elderly"]),
      await expert(t, ["children"]),
      await expert(t, ["elderly", "children"]),
      await expert(t, ["health"]),
    ];
    // The first expert declared a conflict with the first organization.
    await t.db.insert(expertConflicts).values({
      baseId: t.baseId,
      expertId: experts[0]?.id as string,
      organizationId: apps[0]?.organization.id as string,
      source: "declared",
      reason: "曾任该机构理事",
    });
    const round = await buildRound(staff, {
      callId,
      applicationIds: apps.map((a) => a.application.id),
      expertIds: experts.map((e) => e.id),
      k: 2,
    });
    const rows = await reviewsOf(round.id);
    for (const a of apps) {
      const mine = rows.filter((r) => r.subjectId === a.application.id);
      expect(mine).toHaveLength(2);
      expect(new Set(mine.map((r) => r.expertId)).size).toBe(2);
    }
    expect(rows.some((r) => r.subjectId === apps[0]?.application.id && r.expertId === experts[0]?.id)).toBe(
      false,
    );
    const loads = experts.map((e) => rows.filter((r) => r.expertId === e.id).length);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
    expect(rows.every((r) => r.source === "auto" && r.status === "assigned")).toBe(true);

    const view = (await staff.get(`/api/rounds/${round.id}/assignment`)).json();
    expect(view.short).toEqual([]);
    expect(view.figures.components).toBe(1);
    expect(view.figures.smallestOverlap).toBeGreaterThanOrEqual(1);
    expect(view.conflicts).toEqual([
      expect.objectContaining({
        expertId: experts[0]?.id,
        applicationId: apps[0]?.application.id,
        reason: "曾任该机构理事",
      }),
    ]);
    // The applications are in review now, through the lifecycle.
    const [first] = await t.db
      .select()
      .from(applications)
      .where(eq(applications.id, apps[0]?.application.id as string));
    expect(first?.status).toBe("in_review");

    // A hand-made conflicted pair is refused, naming the reason.
    const conflicted = await staff.post(`/api/rounds/${round.id}/assignment/pairs`, {
      subjectId: apps[0]?.application.id,
      expertId: experts[0]?.id,
    });
    expect(conflicted.statusCode).toBe(409);
    expect(conflicted.json()).toMatchObject({ code: "expert_conflicted" });
    expect(conflicted.json().message).toContain("曾任该机构理事");
  });

  it("names the applications that cannot get k reviewers", async () => {
    const a = await inspectedApplication(t, callId);
    const e1 = await expert(t);
    const e2 = await expert(t);
    await t.db.insert(expertConflicts).values({
      baseId: t.baseId,
      expertId: e2.id,
      organizationId: a.organization.id,
      source: "staff",
      reason: "亲属关系",
    });
    const created = await staff.post("/api/rounds", {
      callId,
      title: "短缺测试",
      reviewsPerSubject: 2,
      deadline: inDays(5),
    });
    const id = created.json().id;
    await staff.post(`/api/rounds/${id}/subjects`, { applicationIds: [a.application.id] });
    await staff.post(`/api/rounds/${id}/experts`, { expertIds: [e1.id, e2.id] });
    const res = await staff.post(`/api/rounds/${id}/assignment/auto`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: "infeasible",
      shortfalls: [
        {
          applicationId: a.application.id,
          organizationName: a.organization.name,
          missing: 1,
          reason: "too_few_experts",
          available: 1,
        },
      ],
    });
  });
});

describe("subjects", () => {
  it("takes only inspected applications of the round's call; anything else is refused and nothing joins", async () => {
    const ok = await inspectedApplication(t, callId);
    const accepted = await inspectedApplication(t, callId, { status: "accepted" });
    const otherCall = await inspectedApplication(t, (await make(t).call()).id);
    const id = (
      await staff.post("/api/rounds", {
        callId,
        title: "准入测试",
        reviewsPerSubject: 2,
        deadline: inDays(5),
      })
    ).json().id;
    const refused = await staff.post(`/api/rounds/${id}/subjects`, {
      applicationIds: [ok.application.id, accepted.application.id],
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      code: "application_not_inspected",
      details: { applicationId: accepted.application.id, currentStatus: "accepted" },
    });
    expect((await staff.get(`/api/rounds/${id}`)).json().subjects).toEqual([]);
    const [still] = await t.db.select().from(applications).where(eq(applications.id, ok.application.id));
    expect(still?.status).toBe("inspected");

    const foreign = await staff.post(`/api/rounds/${id}/subjects`, {
      applicationIds: [otherCall.application.id],
    });
    expect(foreign.statusCode).toBe(404);

    const added = await staff.post(`/api/rounds/${id}/subjects`, { applicationIds: [ok.application.id] });
    expect(added.statusCode, added.body).toBe(200);
    expect(added.json().subjects).toEqual([
      expect.objectContaining({ applicationId: ok.application.id, status: "in_review" }),
    ]);

    // Taken out again: back to inspected.
    const removed = await staff.delete(`/api/rounds/${id}/subjects/${ok.application.id}`);
    expect(removed.statusCode, removed.body).toBe(200);
    const [back] = await t.db.select().from(applications).where(eq(applications.id, ok.application.id));
    expect(back?.status).toBe("inspected");
  });

  it("refuses users who are not experts of the base", async () => {
    const id = (
      await staff.post("/api/rounds", {
        callId,
        title: "专家测试",
        reviewsPerSubject: 1,
        deadline: inDays(5),
      })
    ).json().id;
    const notExpert = await make(t).user({ roles: ["staff"] });
    const res = await staff.post(`/api/rounds/${id}/experts`, { expertIds: [notExpert.id] });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: "expert_not_in_base" });
  });
});

describe("drop-out", () => {
  it("reassigns only the dropped expert's unsubmitted reviews; every other pair stays as it was", async () => {
    const apps: Awaited<ReturnType<typeof inspectedApplication>>[] = [];
    for (let i = 0; i < 6; i++) apps.push(await inspectedApplication(t, callId));
    const experts = [];
    for (let i = 0; i < 4; i++) experts.push(await expert(t));
    const round = await buildRound(staff, {
      callId,
      applicationIds: apps.map((a) => a.application.id),
      expertIds: experts.map((e) => e.id),
      k: 2,
    });
    const leaving = experts[0]?.id as string;
    const before = await reviewsOf(round.id);
    const others = before.filter((r) => r.expertId !== leaving);
    const theirs = before.filter((r) => r.expertId === leaving);
    expect(theirs.length).toBeGreaterThan(0);
    const res = await staff.post(`/api/rounds/${round.id}/experts/${leaving}/drop-out`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ reassigned: theirs.length, shortfalls: [] });
    const after = await reviewsOf(round.id);
    // The others' rows are the same rows, untouched.
    for (const r of others) {
      expect(after.find((x) => x.id === r.id)).toMatchObject({
        expertId: r.expertId,
        subjectId: r.subjectId,
        version: r.version,
      });
    }
    expect(after.some((r) => r.expertId === leaving)).toBe(false);
    const fresh = after.filter((r) => !before.some((b) => b.id === r.id));
    expect(fresh).toHaveLength(theirs.length);
    expect(fresh.every((r) => r.source === "reassigned")).toBe(true);
    for (const a of apps) {
      const mine = after.filter((r) => r.subjectId === a.application.id);
      expect(new Set(mine.map((r) => r.expertId)).size).toBe(2);
    }
    const detail = (await staff.get(`/api/rounds/${round.id}`)).json();
    expect(detail.experts.find((e: { expertId: string }) => e.expertId === leaving).droppedAt).not.toBeNull();
  });
});

describe("rubrics", () => {
  const editBody = async (track: string) => {
    const list = (await staff.get("/api/rubrics")).json();
    const current = list.tracks.find((x: { track: string }) => x.track === track).current;
    return {
      current,
      body: {
        version: current.version,
        title: current.title,
        source: current.source,
        criteria: current.criteria,
      },
    };
  };

  it("lists each track's rubric; an edit of a version no round used is in place, of a used one a new version", async () => {
    const list = await staff.get("/api/rubrics");
    expect(list.statusCode).toBe(200);
    expect(list.json().tracks.map((x: { track: string }) => x.track)).toEqual([
      "org",
      "project",
      "combined",
      "space",
    ]);

    // The demo's rounds used version 1 of every track: an edit of it makes version 2.
    const used = await editBody("space");
    expect(used.current.frozenAt).not.toBeNull();
    const made = await staff.put("/api/rubrics/space", { ...used.body, title: "空间入驻评审指标（修订）" });
    expect(made.statusCode, made.body).toBe(200);
    expect(made.json()).toMatchObject({ version: used.current.version + 1, frozenAt: null });
    expect(made.json().id).not.toBe(used.current.id);

    // Version 2 no round has used yet: an edit changes it in place.
    const { current, body } = await editBody("space");
    expect(current.frozenAt).toBeNull();
    const edited = await staff.put("/api/rubrics/space", { ...body, title: "空间入驻评审指标（修订）" });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({
      id: current.id,
      version: current.version + 1,
      title: "空间入驻评审指标（修订）",
    });
    // The editor's version is stale now.
    const stale = await staff.put("/api/rubrics/space", body);
    expect(stale.statusCode).toBe(409);

    // A round opens with the org rubric: it is frozen, and an edit makes the next version.
    const a = await inspectedApplication(t, callId);
    const e1 = await expert(t);
    const round = await buildRound(staff, {
      callId,
      applicationIds: [a.application.id],
      expertIds: [e1.id],
      k: 1,
    });
    await openRound(staff, round.id);
    const frozen = await editBody("org");
    expect(frozen.current.frozenAt).not.toBeNull();
    const renamed = frozen.body.criteria.map((c: { weight: number }, i: number) =>
      i === 0 ? { ...c, weight: 30 } : c,
    );
    const next = await staff.put("/api/rubrics/org", { ...frozen.body, criteria: renamed });
    expect(next.statusCode, next.body).toBe(200);
    expect(next.json().id).not.toBe(frozen.current.id);
    expect(next.json()).toMatchObject({ version: frozen.current.version + 1, frozenAt: null });
    const [old] = await t.db.select().from(rubrics).where(eq(rubrics.id, frozen.current.id));
    expect(old?.criteria[0]?.weight).toBe(frozen.current.criteria[0].weight);
    const after = (await staff.get("/api/rubrics"))
      .json()
      .tracks.find((x: { track: string }) => x.track === "org");
    // Every round of this file so far was created with that version.
    expect(after.older[0].id).toBe(frozen.current.id);
    expect(after.older[0].roundCount).toBeGreaterThanOrEqual(1);
    expect(after.current.roundCount).toBe(0);
    const audits = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "rubric.create"), eq(auditLog.entityId, next.json().id)));
    expect(audits).toHaveLength(1);
  });

  it("refuses a rubric with a specific message per problem, changing nothing", async () => {
    const { body } = await editBody("project");
    const [first, second, ...rest] = body.criteria;
    const cases: [unknown[], string, string][] = [
      [[first, { ...second, key: first.key }, ...rest], "criteria.1.key", "重复"],
      [[{ ...first, min: 5, max: 5 }, second, ...rest], "criteria.0.max", "分值范围"],
      [[{ ...first, levels: first.levels.slice(1) }, second, ...rest], "criteria.0.levels", "等级说明"],
      [[{ ...first, weight: 0 }, second, ...rest], "criteria.0.weight", "不能小于"],
    ];
    for (const [criteria, field, words] of cases) {
      const res = await staff.put("/api/rubrics/project", { ...body, criteria });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().field).toBe(field);
      expect(res.json().message).toContain(words);
    }
    const again = await editBody("project");
    expect(again.current.version).toBe(body.version);
  });
});

describe("round settings", () => {
  it("refuses bad input with its own message", async () => {
    const past = await staff.post("/api/rounds", {
      callId,
      title: "过去",
      reviewsPerSubject: 2,
      deadline: inDays(-1),
    });
    expect(past.statusCode).toBe(400);
    expect(past.json().field).toBe("deadline");
    const zero = await staff.post("/api/rounds", {
      callId,
      title: "零",
      reviewsPerSubject: 0,
      deadline: inDays(3),
    });
    expect(zero.statusCode).toBe(400);
    expect(zero.json().field).toBe("reviewsPerSubject");
    const method = await staff.post("/api/rounds", {
      callId,
      title: "方法",
      reviewsPerSubject: 2,
      deadline: inDays(3),
      method: "borda",
    });
    expect(method.statusCode).toBe(400);
    const unknownCall = await staff.post("/api/rounds", {
      callId: "00000000-0000-4000-8000-000000000000",
      title: "无",
      reviewsPerSubject: 2,
      deadline: inDays(3),
    });
    expect(unknownCall.statusCode).toBe(404);
  });

  it("defaults the quotas to the call's and edits with version, k only before opening", async () => {
    const created = await staff.post("/api/rounds", {
      callId,
      title: "名额",
      reviewsPerSubject: 2,
      deadline: inDays(3),
    });
    expect(created.statusCode, created.body).toBe(201);
    const round = created.json();
    expect(round.quotas).toEqual({ org: 10, project: 10, combined: 10, space: 10 });
    expect(Object.keys(round.rubricIds).sort()).toEqual(["combined", "org", "project", "space"]);
    const edited = await staff.patch(`/api/rounds/${round.id}`, {
      version: round.version,
      quotas: { org: 3 },
      reviewsPerSubject: 3,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({
      quotas: { org: 3, project: 10 },
      reviewsPerSubject: 3,
      version: round.version + 1,
    });
    const stale = await staff.patch(`/api/rounds/${round.id}`, { version: round.version, title: "旧" });
    expect(stale.statusCode).toBe(409);
    const empty = await staff.post(`/api/rounds/${round.id}/open`, { version: round.version + 1 });
    expect(empty.statusCode).toBe(409);
    expect(empty.json()).toMatchObject({ code: "round_not_ready" });
  });
});
