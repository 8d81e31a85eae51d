/**
 * The mentor programme through the API: profiles at their version, matching (ranked by fit, the
 * conflicted, full and inactive left out), mentorships, mentor isolation (another organization's
 * incubation, sessions and plan are 404 to a mentor), sessions whose action items join the plan
 * and which write the ledger, answers only by the mentored organization, disputes withdrawn from
 * the ledger, bad input refused with nothing changed, and the mentor conflict in expert review.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  growthEvents,
  mentoringSessions,
  needs,
  notifications,
  planActions,
  serviceDeliveries,
  users,
} from "../../../src/db/schema";
import { shanghaiDate } from "../../../src/domain/shanghai-time";
import { findConflicts } from "../../../src/server/areas/admission/experts/conflicts";
import { FACTORY_PASSWORD, make } from "../../factories";
import type { Client, TestApp } from "../../support/app";
import { startTestApp } from "../../support/app";
import { agreedPlan, incubationOf, readPlan } from "../incubation/plan-support";

let t: TestApp;
let staff: Client;
const today = shanghaiDate(new Date());
const daysAgo = (n: number) => shanghaiDate(new Date(Date.now() - n * 86_400_000));
const inDays = (n: number) => shanghaiDate(new Date(Date.now() + n * 86_400_000));

interface Mentor {
  id: string;
  client: Client;
}
const mentors: Record<"fit" | "some" | "full" | "conflicted" | "idle", Mentor> = {} as never;
let org: { id: string };
let incubation: { id: string };
let otherIncubation: { id: string };
let member: Client;
let otherMember: Client;

async function mentorUser(name: string, mobile: string | null = null): Promise<Mentor> {
  const user = await make(t).user({ roles: ["mentor"], displayName: name, mobile });
  return { id: user.id, client: await t.signIn(user.username, FACTORY_PASSWORD) };
}

function profile(values: Record<string, unknown> = {}) {
  return {
    fields: ["elderly"],
    skills: ["finance"],
    title: "资深社工",
    bio: "十年社区服务经验",
    availability: "每周二下午",
    capacity: 3,
    active: true,
    version: 0,
    ...values,
  };
}

beforeAll(async () => {
  t = await startTestApp();
  staff = await t.signIn("staff");
  org = await make(t).organization({ fields: ["elderly", "health"], contactPhone: "13911112222" });
  const other = await make(t).organization({ fields: ["children"] });
  incubation = await incubationOf(t, org.id, { startOn: daysAgo(60), plannedEndOn: inDays(300) });
  otherIncubation = await incubationOf(t, other.id, { startOn: daysAgo(60), plannedEndOn: inDays(300) });
  const m = await make(t).user({ roles: ["org_member"], organizationId: org.id });
  member = await t.signIn(m.username, FACTORY_PASSWORD);
  const om = await make(t).user({ roles: ["org_member"], organizationId: other.id });
  otherMember = await t.signIn(om.username, FACTORY_PASSWORD);
  // A need on finance, so a finance mentor answers it.
  await t.db.insert(needs).values({
    baseId: t.baseId,
    incubationId: incubation.id,
    category: "consulting",
    title: "财务制度不健全",
    source: "interview",
    dimensionKey: "finance",
  });
  mentors.fit = await mentorUser("甲导师");
  mentors.some = await mentorUser("乙导师");
  mentors.full = await mentorUser("丙导师");
  mentors.conflicted = await mentorUser("丁导师", "13911112222");
  mentors.idle = await mentorUser("戊导师");
  const save = async (id: string, body: Record<string, unknown>) => {
    const res = await staff.put(`/api/mentors/${id}`, profile(body));
    expect(res.statusCode, res.body).toBe(200);
  };
  await save(mentors.fit.id, { fields: ["elderly", "health"], skills: ["finance", "governance"] });
  await save(mentors.some.id, { fields: ["health"], skills: ["people"] });
  await save(mentors.full.id, { fields: ["elderly", "health"], skills: ["finance"], capacity: 1 });
  await save(mentors.conflicted.id, { fields: ["elderly", "health"], skills: ["finance"] });
  await save(mentors.idle.id, { fields: ["elderly", "health"], skills: ["finance"], active: false });
  // The full mentor already mentors another organization.
  const paired = await staff.post(`/api/incubations/${otherIncubation.id}/mentorships`, {
    mentorId: mentors.full.id,
    startsOn: daysAgo(30),
    endsOn: inDays(200),
  });
  expect(paired.statusCode, paired.body).toBe(201);
});
afterAll(() => t.close());

describe("profiles", () => {
  it("keeps versions: a stale save is 409, the mentor edits their own", async () => {
    const stale = await staff.put(`/api/mentors/${mentors.some.id}`, profile({ version: 0 }));
    expect(stale.statusCode).toBe(409);
    const own = await mentors.some.client.get("/api/mentors/me");
    expect(own.json()).toMatchObject({ version: 1, skills: ["people"] });
    const edited = await mentors.some.client.put(
      "/api/mentors/me",
      profile({ fields: ["health"], skills: ["people", "strategy"], version: 1 }),
    );
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ version: 2, skills: ["people", "strategy"] });
    expect((await mentors.some.client.put(`/api/mentors/${mentors.fit.id}`, profile())).statusCode).toBe(403);
    expect((await mentors.some.client.get("/api/mentors")).statusCode).toBe(403);
  });

  it("refuses bad profiles with the field named", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ capacity: 0 }, "capacity"],
      [{ capacity: 1e20 }, "capacity"],
      [{ skills: ["flying"] }, "skills.0"],
      [{ fields: ["elderly", "elderly"] }, "fields"],
      [{ bio: "坏\u0000字符" }, "bio"],
      [{ version: -1 }, "version"],
    ];
    for (const [body, field] of cases) {
      const res = await staff.put(`/api/mentors/${mentors.idle.id}`, profile({ version: 1, ...body }));
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().field).toBe(field);
    }
    expect((await staff.get(`/api/mentors/${mentors.idle.id}`)).json().version).toBe(1);
  });
});

describe("matching", () => {
  it("ranks by fit and leaves out the conflicted, the full and the inactive, saying why", async () => {
    const res = await staff.get(`/api/incubations/${incubation.id}/mentor-matches`);
    expect(res.statusCode, res.body).toBe(200);
    const view = res.json();
    const ranked = view.ranked.map((r: { mentor: { id: string } }) => r.mentor.id);
    expect(ranked.indexOf(mentors.fit.id)).toBeLessThan(ranked.indexOf(mentors.some.id));
    expect(view.ranked[0]).toMatchObject({ fields: ["elderly", "health"], needSkills: ["finance"] });
    const excluded = Object.fromEntries(
      view.excluded.map((e: { mentor: { id: string }; reason: string; conflicts: string[] }) => [
        e.mentor.id,
        e.reason,
      ]),
    );
    expect(excluded[mentors.conflicted.id]).toBe("conflict");
    expect(excluded[mentors.full.id]).toBe("full");
    expect(excluded[mentors.idle.id]).toBe("inactive");
    expect(ranked).not.toContain(mentors.conflicted.id);
    expect((await member.get(`/api/incubations/${incubation.id}/mentor-matches`)).statusCode).toBe(403);
  });

  it("refuses to pair a conflicted, full or inactive mentor, or one already paired", async () => {
    const pair = (mentorId: string) =>
      staff.post(`/api/incubations/${incubation.id}/mentorships`, {
        mentorId,
        startsOn: daysAgo(50),
        endsOn: inDays(250),
      });
    expect((await pair(mentors.conflicted.id)).json().code).toBe("mentor_conflicted");
    expect((await pair(mentors.full.id)).json().code).toBe("mentor_full");
    expect((await pair(mentors.idle.id)).json().code).toBe("mentor_inactive");
    const ok = await pair(mentors.fit.id);
    expect(ok.statusCode, ok.body).toBe(201);
    expect((await pair(mentors.fit.id)).json().code).toBe("mentorship_exists");
    // The mentor and the organization are told; the growth file has it.
    const told = await t.db.select().from(notifications).where(eq(notifications.userId, mentors.fit.id));
    expect(told.some((n) => n.kind === "mentorship")).toBe(true);
    const growth = await t.db
      .select()
      .from(growthEvents)
      .where(and(eq(growthEvents.organizationId, org.id), eq(growthEvents.kind, "mentoring.paired")));
    expect(growth).toHaveLength(1);
  });

  it("refuses spans outside the stay and unknown mentors, naming the field", async () => {
    const post = (body: Record<string, unknown>) =>
      staff.post(`/api/incubations/${incubation.id}/mentorships`, {
        mentorId: mentors.some.id,
        startsOn: daysAgo(10),
        endsOn: inDays(10),
        ...body,
      });
    expect((await post({ endsOn: daysAgo(20) })).json().field).toBe("endsOn");
    expect((await post({ startsOn: daysAgo(400) })).json().field).toBe("endsOn");
    expect((await post({ startsOn: "2026-02-30" })).json().field).toBe("startsOn");
    expect((await post({ mentorId: (await make(t).user()).id })).json().field).toBe("mentorId");
    expect((await post({ mentorId: "x" })).json().field).toBe("mentorId");
  });
});

describe("mentor isolation and sessions", () => {
  it("shows a mentor only its own organizations: anything else is 404", async () => {
    const c = mentors.fit.client;
    expect((await c.get(`/api/incubations/${incubation.id}`)).statusCode).toBe(200);
    expect((await c.get(`/api/incubations/${incubation.id}/plan`)).statusCode).toBe(200);
    expect((await c.get(`/api/incubations/${otherIncubation.id}`)).statusCode).toBe(404);
    expect((await c.get(`/api/incubations/${otherIncubation.id}/plan`)).statusCode).toBe(404);
    expect((await c.get(`/api/incubations/${otherIncubation.id}/mentoring-sessions`)).statusCode).toBe(404);
    const list = await c.get("/api/incubations");
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items.map((i: { id: string }) => i.id)).toEqual([incubation.id]);
    const log = await c.post(`/api/incubations/${otherIncubation.id}/mentoring-sessions`, session());
    expect(log.statusCode).toBe(404);
    // Another mentor (mentoring elsewhere) finds nothing of this one either.
    expect((await mentors.full.client.get(`/api/incubations/${incubation.id}`)).statusCode).toBe(404);
    const home = await c.get("/api/mentoring/home");
    expect(home.json().organizations.map((o: { incubationId: string }) => o.incubationId)).toEqual([
      incubation.id,
    ]);
  });

  it("puts a session's action items in the plan and the session in the ledger and growth file", async () => {
    await agreedPlan(staff, member, incubation.id);
    const res = await mentors.fit.client.post(
      `/api/incubations/${incubation.id}/mentoring-sessions`,
      session(),
    );
    expect(res.statusCode, res.body).toBe(201);
    const logged = res.json();
    expect(logged.actionItems).toHaveLength(2);
    expect(logged.actionItems.every((a: { planStatus: string }) => a.planStatus === "open")).toBe(true);
    const plan = await readPlan(staff, incubation.id);
    const goal = plan.plan.goals.find((g: { title: string }) => g.title === "导师辅导行动");
    expect(goal?.actions.map((a: { title: string }) => a.title)).toEqual([
      "整理近三年收支台账",
      "推荐财务志愿者",
    ]);
    expect(goal?.actions[0].origin).toMatchObject({ kind: "mentoring", mentorName: "甲导师" });
    const [row] = await t.db
      .select()
      .from(serviceDeliveries)
      .where(eq(serviceDeliveries.sourceId, logged.id));
    expect(row).toMatchObject({
      kind: "mentoring",
      category: "consulting",
      minutes: 90,
      organizationId: org.id,
    });
    const growth = await t.db
      .select()
      .from(growthEvents)
      .where(and(eq(growthEvents.subjectId, logged.id), eq(growthEvents.kind, "mentoring.session")));
    expect(growth).toHaveLength(1);
    // The member sees it to answer; the mentor's home counts its open action items.
    const toAnswer = await member.get("/api/mentoring/to-answer");
    expect(toAnswer.json().items.map((s: { id: string }) => s.id)).toContain(logged.id);
    const home = (await mentors.fit.client.get("/api/mentoring/home")).json();
    expect(home.organizations[0]).toMatchObject({ sessions: 1, openActions: 2, sessionDue: false });
  });

  it("lets only the mentored organization confirm and rate, once, at the version read", async () => {
    const logged = (
      await mentors.fit.client.post(
        `/api/incubations/${incubation.id}/mentoring-sessions`,
        session({ actionItems: [] }),
      )
    ).json();
    const url = `/api/mentoring-sessions/${logged.id}/answer`;
    const answer = { tookPlace: true, rating: 5, comment: "很有帮助", version: logged.version };
    expect((await otherMember.post(url, answer)).statusCode).toBe(404);
    expect((await mentors.fit.client.post(url, answer)).statusCode).toBe(403);
    expect((await staff.post(url, answer)).statusCode).toBe(403);
    expect((await member.post(url, { ...answer, rating: 6 })).json().field).toBe("rating");
    expect((await member.post(url, { ...answer, version: logged.version + 1 })).statusCode).toBe(409);
    const ok = await member.post(url, answer);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: "confirmed", rating: 5 });
    const [row] = await t.db
      .select()
      .from(serviceDeliveries)
      .where(eq(serviceDeliveries.sourceId, logged.id));
    expect(row?.rating).toBe(5);
    const again = await member.post(url, { ...answer, version: ok.json().version });
    expect(again.json().code).toBe("session_answered");
  });

  it("withdraws a disputed session from the ledger and its open actions from the plan, and tells staff", async () => {
    const logged = (
      await mentors.fit.client.post(
        `/api/incubations/${incubation.id}/mentoring-sessions`,
        session({
          heldOn: daysAgo(3),
          actionItems: [
            { title: "争议辅导中的事项", owner: "organization", dueOn: inDays(10) },
            { title: "已先行完成的事项", owner: "organization", dueOn: inDays(10) },
          ],
        }),
      )
    ).json();
    const [pending, done] = logged.actionItems as { planActionId: string }[];
    // The organization reported one done before answering: that report stands.
    const reported = await member.patch(
      `/api/incubations/${incubation.id}/plan/actions/${done?.planActionId}`,
      {
        version: 1,
        status: "done",
      },
    );
    expect(reported.statusCode, reported.body).toBe(200);
    const planBefore = (await readPlan(staff, incubation.id)).plan;
    const res = await member.post(`/api/mentoring-sessions/${logged.id}/answer`, {
      tookPlace: false,
      reason: "当天导师未到场",
      version: logged.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe("disputed");
    expect(
      await t.db.select().from(serviceDeliveries).where(eq(serviceDeliveries.sourceId, logged.id)),
    ).toHaveLength(0);
    const waiting = (await staff.get("/api/mentoring/waiting")).json();
    expect(waiting.disputed).toBeGreaterThanOrEqual(1);
    // Out of the plan (kept in its table and history), the plan's version moved for open editors.
    const plan = (await readPlan(staff, incubation.id)).plan;
    const titles = plan.goals.flatMap((g: { actions: { title: string }[] }) => g.actions.map((a) => a.title));
    expect(titles).not.toContain("争议辅导中的事项");
    expect(titles).toContain("已先行完成的事项");
    expect(plan.version).toBeGreaterThan(planBefore.version);
    const [kept] = await t.db
      .select()
      .from(planActions)
      .where(eq(planActions.id, pending?.planActionId as string));
    expect(kept?.removedAt).not.toBeNull();
    expect(plan.events[0]).toMatchObject({ event: "action_dropped", actorName: expect.any(String) });
    expect(plan.events[0].note).toContain("当天导师未到场");
    const view = res.json().actionItems.map((a: { planStatus: string | null }) => a.planStatus);
    expect(view).toEqual([null, "done"]);
  });

  it("takes the mentoring goal out of the plan when a dispute leaves it empty", async () => {
    const lone = await make(t).organization();
    const inc = await incubationOf(t, lone.id, { startOn: daysAgo(60), plannedEndOn: inDays(300) });
    const m = await make(t).user({ roles: ["org_member"], organizationId: lone.id });
    const loneMember = await t.signIn(m.username, FACTORY_PASSWORD);
    await agreedPlan(staff, loneMember, inc.id);
    const paired = await staff.post(`/api/incubations/${inc.id}/mentorships`, {
      mentorId: mentors.some.id,
      startsOn: daysAgo(30),
      endsOn: inDays(200),
    });
    expect(paired.statusCode, paired.body).toBe(201);
    const logged = (
      await mentors.some.client.post(`/api/incubations/${inc.id}/mentoring-sessions`, session())
    ).json();
    const goalsOf = async () =>
      (await readPlan(staff, inc.id)).plan.goals.map((g: { title: string }) => g.title);
    expect(await goalsOf()).toContain("导师辅导行动");
    const res = await loneMember.post(`/api/mentoring-sessions/${logged.id}/answer`, {
      tookPlace: false,
      reason: "没有这次辅导",
      version: logged.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(await goalsOf()).not.toContain("导师辅导行动");
  });

  it("refuses bad sessions with the field named and nothing written", async () => {
    const before = await t.db.select().from(mentoringSessions);
    const cases: [Record<string, unknown>, string][] = [
      [{ minutes: 0 }, "minutes"],
      [{ minutes: 1e12 }, "minutes"],
      [{ heldOn: inDays(2) }, "heldOn"],
      [{ heldOn: "9999-01-01" }, "heldOn"],
      [{ heldOn: daysAgo(200) }, "heldOn"],
      [{ topics: [] }, "topics"],
      [{ topics: ["财务", "财务"] }, "topics"],
      [{ topics: ["坏\u0007"] }, "topics.0"],
      [{ advice: "" }, "advice"],
      [
        { actionItems: [{ title: "早于辅导", owner: "organization", dueOn: daysAgo(40) }] },
        "actionItems.0.dueOn",
      ],
      [{ actionItems: [{ title: "x", owner: "someone", dueOn: inDays(3) }] }, "actionItems.0.owner"],
    ];
    for (const [body, field] of cases) {
      const res = await mentors.fit.client.post(
        `/api/incubations/${incubation.id}/mentoring-sessions`,
        session(body),
      );
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().field, JSON.stringify(body)).toBe(field);
    }
    expect(await t.db.select().from(mentoringSessions)).toHaveLength(before.length);
  });

  it("makes a mentor who is also an expert conflicted in the organization's review", async () => {
    const [found] = await findConflicts(t.db, t.baseId, [mentors.fit.id], [org.id]);
    expect(found).toMatchObject({ kind: "mentor", organizationId: org.id });
  });

  it("ends a mentorship early with a reason; the mentor then finds nothing", async () => {
    const list = (await staff.get(`/api/incubations/${incubation.id}/mentorships`)).json();
    const current = list.items.find((m: { mentorId: string }) => m.mentorId === mentors.fit.id);
    const url = `/api/mentorships/${current.id}/end`;
    expect(
      (await staff.post(url, { endedOn: today, reason: "", version: current.version })).json().field,
    ).toBe("reason");
    expect(
      (await staff.post(url, { endedOn: inDays(5), reason: "工作调动", version: current.version })).json()
        .field,
    ).toBe("endedOn");
    expect(
      (await member.post(url, { endedOn: today, reason: "工作调动", version: current.version })).statusCode,
    ).toBe(403);
    const ended = await staff.post(url, { endedOn: today, reason: "工作调动", version: current.version });
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json()).toMatchObject({ status: "ended", endReason: "工作调动" });
    expect(
      (await staff.post(url, { endedOn: today, reason: "再次", version: current.version })).statusCode,
    ).toBe(409);
    expect((await mentors.fit.client.get(`/api/incubations/${incubation.id}`)).statusCode).toBe(404);
    expect(
      (await mentors.fit.client.get(`/api/incubations/${incubation.id}/mentoring-sessions`)).statusCode,
    ).toBe(404);
    // The member still reads its history.
    expect((await member.get(`/api/incubations/${incubation.id}/mentorships`)).json().items).toHaveLength(1);
    const [u] = await t.db.select().from(users).where(eq(users.id, mentors.fit.id));
    expect(u).toBeTruthy();
  });
});

function session(values: Record<string, unknown> = {}) {
  return {
    heldOn: daysAgo(1),
    minutes: 90,
    topics: ["财务制度", "筹资"],
    advice: "先把近三年的收支理清楚，再谈筹资计划。",
    actionItems: [
      { title: "整理近三年收支台账", owner: "organization", dueOn: inDays(14) },
      { title: "推荐财务志愿者", owner: "mentor", dueOn: inDays(7) },
    ],
    ...values,
  };
}
