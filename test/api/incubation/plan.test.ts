/**
 * Diagnosis and the incubation plan through the API: needs (4Z), the plan's lifecycle (draft →
 * proposed → agreed → revised), stale versions, bad input refused with nothing changed, the
 * actions' progress by either side, overdue actions (the count, one notice each), and who sees
 * what (the member its own organization's only; another organization or base finds nothing).
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  bases,
  growthEvents,
  incubationPlans,
  incubations,
  notifications,
  planActions,
  users,
} from "../../../src/db/schema";
import type { ActionInput, GoalInput } from "../../../src/schemas/incubation/plan";
import {
  overduePlanActions,
  sendOverduePlanNotices,
} from "../../../src/server/areas/incubation/plan/overdue";
import { FACTORY_PASSWORD, make } from "../../factories";
import type { Client, TestApp } from "../../support/app";
import { startTestApp } from "../../support/app";
import { auditOf, memberOrganizationId } from "../recruitment/intake-support";
import { agreedPlan, incubationOf, planBody, readPlan } from "./plan-support";

let t: TestApp;
let staff: Client;
let member: Client;
let otherMember: Client;
let foreignStaff: Client;
let memberOrg: string;
let memberId: string;

beforeAll(async () => {
  t = await startTestApp();
  staff = await t.signIn("staff");
  member = await t.signIn("member");
  memberOrg = await memberOrganizationId(t);
  const [m] = await t.db.select().from(users).where(eq(users.username, "member"));
  memberId = m?.id as string;
  const other = await make(t).organization();
  const stranger = await make(t).user({ roles: ["org_member"], organizationId: other.id });
  otherMember = await t.signIn(stranger.username, FACTORY_PASSWORD);
  const [elsewhere] = await t.db
    .insert(bases)
    .values({ code: "plan-elsewhere", name: "另一基地", district: "别处" })
    .returning();
  const foreign = await make({ db: t.db, baseId: elsewhere?.id as string }).user({ roles: ["staff"] });
  foreignStaff = await t.signIn(foreign.username, FACTORY_PASSWORD);
});
afterAll(() => t.close());

type Body = ReturnType<typeof planBody>;
const goal = (b: Body) => b.goals[0] as GoalInput;
const act = (b: Body, i: number) => goal(b).actions[i] as ActionInput;
const url = (id: string, rest = "") => `/api/incubations/${id}${rest}`;

describe("needs", () => {
  it("staff record needs tagged 4Z; the member reads its own; growth file and audit have them", async () => {
    const inc = await incubationOf(t, memberOrg);
    const one = await staff.post(url(inc.id, "/needs"), {
      category: "capital",
      title: "缺少稳定的筹资渠道",
      detail: "年度收入八成依赖一个政府购买项目",
      source: "baseline",
      dimensionKey: "resource_mobilization",
    });
    expect(one.statusCode, one.body).toBe(201);
    const two = await staff.post(url(inc.id, "/needs"), {
      category: "consulting",
      title: "财务制度不健全",
      source: "interview",
    });
    expect(two.statusCode, two.body).toBe(201);
    const list = await member.get(url(inc.id, "/needs"));
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((n: { category: string }) => n.category)).toEqual(["capital", "consulting"]);
    expect(list.json().items[0]).toMatchObject({ status: "open", source: "baseline", version: 1 });
    const growth = await t.db.select().from(growthEvents).where(eq(growthEvents.subjectId, one.json().id));
    expect(growth).toMatchObject([
      { kind: "need.recorded", organizationId: memberOrg, incubationId: inc.id },
    ]);
    expect((await auditOf(t, one.json().id)).map((a) => a.action)).toEqual(["need.record"]);

    const edited = await staff.patch(url(inc.id, `/needs/${two.json().id}`), {
      category: "consulting",
      title: "财务制度不健全",
      source: "interview",
      status: "addressed",
      version: 1,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ status: "addressed", version: 2 });
    const stale = await staff.patch(url(inc.id, `/needs/${two.json().id}`), {
      category: "consulting",
      title: "改了",
      source: "interview",
      status: "open",
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
  });

  it("refuses bad input with a message naming the field, and a member's or a stranger's write", async () => {
    const inc = await incubationOf(t, memberOrg);
    const empty = await staff.post(url(inc.id, "/needs"), {
      category: "capital",
      title: "  ",
      source: "other",
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json()).toMatchObject({ field: "title", message: "此项必填" });
    const control = await staff.post(url(inc.id, "/needs"), {
      category: "capital",
      title: "筹资\u0007渠道",
      source: "other",
    });
    expect(control.statusCode).toBe(400);
    expect(control.json().field).toBe("title");
    const category = await staff.post(url(inc.id, "/needs"), {
      category: "money",
      title: "x",
      source: "other",
    });
    expect(category.json()).toMatchObject({ field: "category" });
    expect(
      (await member.post(url(inc.id, "/needs"), { category: "capital", title: "x", source: "other" }))
        .statusCode,
    ).toBe(403);
    expect((await otherMember.get(url(inc.id, "/needs"))).statusCode).toBe(404);
    expect((await foreignStaff.get(url(inc.id, "/needs"))).statusCode).toBe(404);
    expect((await staff.get(url(inc.id, "/needs"))).json().items).toEqual([]);
  });
});

describe("the plan's lifecycle", () => {
  it("drafts, proposes (the member is told), is agreed by the member, and is revised as a new revision keeping its ids", async () => {
    const inc = await incubationOf(t, memberOrg);
    expect((await readPlan(staff, inc.id)).plan).toBeNull();
    const saved = await staff.put(url(inc.id, "/plan"), planBody(0));
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toEqual({ version: 1, status: "draft" });
    // The first draft is the base's working paper.
    expect((await readPlan(member, inc.id)).plan).toBeNull();
    expect((await staff.put(url(inc.id, "/plan"), planBody(0))).statusCode).toBe(409);

    const proposed = await staff.post(url(inc.id, "/plan/propose"), { version: 1 });
    expect(proposed.json()).toEqual({ version: 2, status: "proposed" });
    const told = await t.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, memberId), eq(notifications.kind, "plan_proposed")));
    expect(told.some((n) => n.link === `/incubations/${inc.id}/plan`)).toBe(true);

    const seen = await readPlan(member, inc.id);
    expect(seen.can).toEqual({ manage: false, agree: true, progress: false });
    expect(seen.plan.goals[0].actions).toHaveLength(2);
    // Proposed: no edits until withdrawn; a member never edits.
    const whileProposed = await staff.put(url(inc.id, "/plan"), planBody(2));
    expect(whileProposed.statusCode).toBe(409);
    expect(whileProposed.json()).toMatchObject({
      code: "plan_status_invalid",
      details: { currentStatus: "proposed" },
    });
    expect((await member.put(url(inc.id, "/plan"), planBody(2))).statusCode).toBe(403);
    expect((await member.post(url(inc.id, "/plan/propose"), { version: 2 })).statusCode).toBe(403);

    expect((await member.post(url(inc.id, "/plan/agree"), { version: 1 })).statusCode).toBe(409);
    const agreed = await member.post(url(inc.id, "/plan/agree"), { version: 2 });
    expect(agreed.json()).toEqual({ version: 3, status: "agreed" });
    const again = await member.post(url(inc.id, "/plan/agree"), { version: 3 });
    expect(again.json()).toMatchObject({ code: "plan_status_invalid", details: { currentStatus: "agreed" } });
    const plan = await readPlan(staff, inc.id);
    expect(plan.plan).toMatchObject({
      status: "agreed",
      revision: 1,
      agreedOnBehalf: false,
      agreedByName: expect.any(String),
    });
    const growth = await t.db.select().from(growthEvents).where(eq(growthEvents.subjectId, plan.plan.id));
    expect(growth.map((g) => g.kind)).toEqual(["plan.agreed"]);
    expect(growth[0]?.params).toMatchObject({ revision: 1, goals: 1, actions: 2, onBehalf: false });

    const revised = await staff.post(url(inc.id, "/plan/revise"), { version: 3, note: "中期评估后调整" });
    expect(revised.json()).toEqual({ version: 4, status: "draft" });
    const goal = plan.plan.goals[0];
    const body = planBody(4);
    body.goals[0] = {
      ...body.goals[0],
      id: goal.id,
      actions: [{ ...goal.actions[0], dueOn: "2027-05-31" }],
    } as never;
    const resaved = await staff.put(url(inc.id, "/plan"), body);
    expect(resaved.statusCode, resaved.body).toBe(200);
    const after = await readPlan(staff, inc.id);
    expect(after.plan).toMatchObject({ status: "draft", revision: 2 });
    expect(after.plan.goals[0].id).toBe(goal.id);
    expect(after.plan.goals[0].actions.map((a: { id: string }) => a.id)).toEqual([goal.actions[0].id]);
    // The left-out action is kept in the table (later areas may point at it), marked removed.
    const [gone] = await t.db.select().from(planActions).where(eq(planActions.id, goal.actions[1].id));
    expect(gone?.removedAt).not.toBeNull();
    expect((await auditOf(t, plan.plan.id)).map((a) => a.action)).toEqual([
      "plan.save",
      "plan.propose",
      "plan.agree",
      "plan.revise",
      "plan.save",
    ]);
  });

  it("staff record the organization's agreement only with a note saying who agreed and how", async () => {
    const inc = await incubationOf(t, memberOrg);
    await staff.put(url(inc.id, "/plan"), planBody(0));
    await staff.post(url(inc.id, "/plan/propose"), { version: 1 });
    const bare = await staff.post(url(inc.id, "/plan/agree"), { version: 2 });
    expect(bare.statusCode).toBe(400);
    expect(bare.json()).toMatchObject({ field: "note" });
    const ok = await staff.post(url(inc.id, "/plan/agree"), {
      version: 2,
      note: "理事长王某 12 月 5 日电话确认",
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const [row] = await t.db.select().from(incubationPlans).where(eq(incubationPlans.incubationId, inc.id));
    expect(row).toMatchObject({
      status: "agreed",
      agreedOnBehalf: true,
      agreedNote: "理事长王某 12 月 5 日电话确认",
    });
  });

  it("a plan with no action cannot be proposed; withdrawing a proposal reopens the draft", async () => {
    const inc = await incubationOf(t, memberOrg);
    await staff.put(url(inc.id, "/plan"), { version: 0, goals: [] });
    expect((await staff.post(url(inc.id, "/plan/propose"), { version: 1 })).json()).toMatchObject({
      field: "goals",
    });
    await staff.put(url(inc.id, "/plan"), planBody(1));
    await staff.post(url(inc.id, "/plan/propose"), { version: 2 });
    expect((await staff.post(url(inc.id, "/plan/withdraw"), { version: 3 })).json()).toEqual({
      version: 4,
      status: "draft",
    });
    expect((await staff.post(url(inc.id, "/plan/revise"), { version: 4 })).statusCode).toBe(409);
  });
});

describe("a finished stay", () => {
  it("keeps the plan and needs of a terminated incubation as they were: read, never changed", async () => {
    const inc = await incubationOf(t, memberOrg);
    const plan = await agreedPlan(staff, member, inc.id);
    await t.db.update(incubations).set({ status: "terminated" }).where(eq(incubations.id, inc.id));
    expect((await readPlan(member, inc.id)).plan.status).toBe("agreed");
    const [action] = plan.plan.goals[0].actions;
    const writes = [
      await member.patch(url(inc.id, `/plan/actions/${action.id}`), { version: 1, status: "done" }),
      await staff.post(url(inc.id, "/plan/revise"), { version: plan.plan.version }),
      await staff.put(url(inc.id, "/plan"), planBody(plan.plan.version)),
      await staff.post(url(inc.id, "/needs"), { category: "capital", title: "结束后", source: "other" }),
    ];
    for (const res of writes) {
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({ code: "plan_status_invalid", details: { currentStatus: "closed" } });
    }
    expect(writes[0]?.json().message).toContain("孵化已结束");
  });
});

describe("bad input to the draft", () => {
  it("refuses each with the field named and saves nothing", async () => {
    const inc = await incubationOf(t, memberOrg);
    const other = await incubationOf(t, (await make(t).organization()).id);
    const foreignNeed = await staff.post(url(other.id, "/needs"), {
      category: "capital",
      title: "别家的需求",
      source: "other",
    });
    const cases: [(b: ReturnType<typeof planBody>) => void, string, string][] = [
      [
        (b) => {
          goal(b).title = "";
        },
        "goals.0.title",
        "此项必填",
      ],
      [
        (b) => {
          act(b, 0).title = "制定\u202E制度";
        },
        "goals.0.actions.0.title",
        "含有控制字符",
      ],
      [
        (b) => {
          act(b, 0).dueOn = "2027-02-30";
        },
        "goals.0.actions.0.dueOn",
        "没有这一天",
      ],
      [
        (b) => {
          act(b, 0).dueOn = "2099-01-01";
        },
        "goals.0.actions.0.dueOn",
        "完成日期过远",
      ],
      [
        (b) => {
          act(b, 0).dueOn = "2026-08-01";
        },
        "goals.0.actions.0.dueOn",
        "不能早于孵化开始日",
      ],
      [
        (b) => {
          act(b, 0).needId = foreignNeed.json().id;
        },
        "goals.0.actions.0.needId",
        "不属于本孵化",
      ],
      [
        (b) => {
          goal(b).id = foreignNeed.json().id;
        },
        "goals.0.id",
        "不属于本计划",
      ],
      [
        (b) => {
          b.goals = Array.from({ length: 13 }, () => goal(b));
        },
        "goals",
        "不能大于 12",
      ],
    ];
    for (const [change, field, message] of cases) {
      const body = planBody(0);
      change(body);
      const res = await staff.put(url(inc.id, "/plan"), body);
      expect(res.statusCode, `${field}: ${res.body}`).toBe(400);
      expect(res.json().field).toBe(field);
      expect(res.json().message).toContain(message);
    }
    expect((await readPlan(staff, inc.id)).plan).toBeNull();
    // A member owns the organization's action, never the base's.
    const own = planBody(0);
    act(own, 0).ownerUserId = memberId;
    expect((await staff.put(url(inc.id, "/plan"), own)).statusCode).toBe(200);
    const wrongSide = planBody(1);
    act(wrongSide, 1).ownerUserId = memberId;
    expect((await staff.put(url(inc.id, "/plan"), wrongSide)).json()).toMatchObject({
      field: "goals.0.actions.1.ownerUserId",
    });
  });
});

describe("progress and overdue actions", () => {
  it("the member marks the organization's action done, not the base's; staff any; versions per action", async () => {
    const inc = await incubationOf(t, memberOrg);
    const plan = await agreedPlan(staff, member, inc.id);
    const [own, base] = plan.plan.goals[0].actions;
    expect(
      (await member.patch(url(inc.id, `/plan/actions/${base.id}`), { version: 1, status: "done" }))
        .statusCode,
    ).toBe(403);
    const done = await member.patch(url(inc.id, `/plan/actions/${own.id}`), {
      version: 1,
      status: "done",
      note: "制度已经理事会通过",
    });
    expect(done.json()).toEqual({ version: 2, status: "done" });
    expect(
      (await staff.patch(url(inc.id, `/plan/actions/${own.id}`), { version: 1, status: "open" })).statusCode,
    ).toBe(409);
    expect(
      (
        await staff.patch(url(inc.id, `/plan/actions/${base.id}`), {
          version: 1,
          status: "dropped",
          note: "改为线上课程",
        })
      ).statusCode,
    ).toBe(200);
    const after = await readPlan(member, inc.id);
    expect(after.plan.progress).toMatchObject({ total: 2, done: 1, dropped: 1, open: 0, percent: 100 });
    expect(after.plan.goals[0].actions[0]).toMatchObject({ status: "done", doneNote: "制度已经理事会通过" });
    const growth = await t.db.select().from(growthEvents).where(eq(growthEvents.subjectId, own.id));
    expect(growth.map((g) => g.kind)).toEqual(["plan.action_done"]);
    expect(
      (await otherMember.patch(url(inc.id, `/plan/actions/${own.id}`), { version: 2, status: "open" }))
        .statusCode,
    ).toBe(404);
    expect((await foreignStaff.get(url(inc.id, "/plan"))).statusCode).toBe(404);
    expect((await otherMember.get(url(inc.id, "/plan"))).statusCode).toBe(404);
  });

  it("an open action past its day is overdue: in the plan, in the staff count, and told to the members once", async () => {
    const inc = await incubationOf(t, memberOrg);
    const before = await overduePlanActions(t.db, { kind: "bases", baseIds: [t.baseId] });
    const plan = await agreedPlan(staff, member, inc.id, planBody(0, "2026-10-01"));
    const [late] = plan.plan.goals[0].actions;
    expect(late).toMatchObject({ overdue: true });
    expect(plan.plan.progress.overdue).toBe(1);
    expect(await overduePlanActions(t.db, { kind: "bases", baseIds: [t.baseId] })).toBe(before + 1);
    expect(
      await overduePlanActions(t.db, { kind: "organization", baseId: t.baseId, organizationId: memberOrg }),
    ).toBeGreaterThanOrEqual(1);
    expect(
      await overduePlanActions(t.db, { kind: "bases", baseIds: ["00000000-0000-4000-8000-000000000000"] }),
    ).toBe(0);

    const noticesOf = async () =>
      (
        await t.db
          .select()
          .from(notifications)
          .where(and(eq(notifications.userId, memberId), eq(notifications.kind, "plan_action_overdue")))
      ).filter((n) => n.params.actionId === late.id);
    expect(await sendOverduePlanNotices(t.db)).toBeGreaterThanOrEqual(1);
    expect(await noticesOf()).toHaveLength(1);
    await sendOverduePlanNotices(t.db);
    expect(await noticesOf()).toHaveLength(1);
  });
});
