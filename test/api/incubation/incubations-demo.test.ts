/** The demo's stage 4: the first batch's confirmed places are incubating, the member's among them. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../../support/app";
import { memberOrganizationId } from "../recruitment/intake-support";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe("the demo's incubations", () => {
  it("every confirmed place of the first batch incubates in one cohort that began about two months ago", async () => {
    const staff = await t.signIn("staff");
    const list = (await staff.get("/api/incubations?pageSize=200")).json();
    expect(list.total).toBeGreaterThanOrEqual(5);
    const all = (await staff.get("/api/cohorts")).json().items as {
      name: string;
      startsOn: string;
      total: number;
    }[];
    // Besides, last year's project cohort (graduated) whose projects the funding demo follows.
    const cohorts = all.filter((c) => /^\d{4}年第一期$/.test(c.name));
    expect(cohorts).toHaveLength(1);
    const earlier = all.filter((c) => c !== cohorts[0]).reduce((a, c) => a + c.total, 0);
    const days = (Date.now() - Date.parse(cohorts[0]?.startsOn as string)) / 86_400_000;
    expect(days).toBeGreaterThan(55);
    expect(cohorts[0]?.total).toBe(list.total - earlier);
    // Their first month (src/db/seed/incubation-work.ts): one base baseline still missing, one
    // organization without a plan, one agreed plan with an action overdue: the staff's to-do has work.
    const waiting = (await staff.get("/api/incubations/waiting")).json();
    expect(waiting.baselineOverdue.count).toBe(1);
    expect(waiting.planNotAgreed.count).toBeGreaterThanOrEqual(2);
    // The plan's own late action, and the mentors' action items past their due day (导师计划).
    expect(waiting.actionsOverdue.count).toBe(5);

    const member = await t.signIn("member");
    const own = await memberOrganizationId(t);
    const mine = (await member.get(`/api/organizations/${own}/incubations`)).json().items;
    expect(mine).toHaveLength(1);
    const page = (await member.get(`/api/incubations/${mine[0].id}`)).json();
    expect(page).toMatchObject({
      status: "active",
      track: "space",
      needsDesk: true,
      origin: "admission",
      actions: [],
    });
    expect(page.responsible).not.toBeNull();
    expect(page.history).toHaveLength(1);

    // The member's baselines are in (its own and the base's), and its plan waits for its agreement.
    const summary = (await member.get(`/api/incubations/${mine[0].id}/assessments`)).json();
    expect(summary.baseline).toMatchObject({ selfDone: true, assessorDone: true });
    const plan = (await member.get(`/api/incubations/${mine[0].id}/plan`)).json();
    expect(plan.plan.status).toBe("proposed");
    expect(plan.can.agree).toBe(true);
    const agreed = await member.post(`/api/incubations/${mine[0].id}/plan/agree`, {
      version: plan.plan.version,
    });
    expect(agreed.statusCode, agreed.body).toBe(200);
    // Its first action was due three days ago, and its mentor's overdue action item joined the
    // plan (导师计划): both overdue now that the plan is agreed.
    const after = (await member.get(`/api/incubations/${mine[0].id}/plan`)).json();
    expect(after.plan.progress.overdue).toBe(2);
    const file = (await member.get(`/api/organizations/${own}/growth?areas=assessment`)).json();
    expect(file.items.map((e: { title: { zhCN: string } }) => e.title.zhCN).join("|")).toMatch(
      /基线前测 · 机构自评提交/,
    );
  });
});
