/**
 * GET /api/projects/:id/results: each indicator's accepted values over time against its target,
 * spending against budget, people counted once, cost per person, replication sites; and who may
 * read it (the organization's members, the partner whose fund granted it, staff).
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { grants, replicationSites, users } from "../../../src/db/schema";
import type { ProjectResults } from "../../../src/schemas/funding/results";
import { make } from "../../factories";
import { type Client, startTestApp, type TestApp } from "../../support/app";
import { expense, payTranche, report } from "./results-support";
import { fund, grant, project } from "./support";

let t: TestApp;
let staff: Client;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestApp();
  staff = await t.signIn("staff");
  const [member] = await t.db
    .select({ organizationId: users.organizationId, partnerId: users.partnerId })
    .from(users)
    .where(eq(users.username, "member"));
  const [partnerUser] = await t.db
    .select({ partnerId: users.partnerId })
    .from(users)
    .where(eq(users.username, "partner"));
  // The member's organization has an open incubation already (the demo): a project of it.
  const own = await project(t, member?.organizationId as string, {
    incubationId: (
      await t.db.query.incubations.findFirst({
        where: (i, { eq }) => eq(i.organizationId, member?.organizationId as string),
      })
    )?.id,
  });
  const partnerFund = await fund(t, { kind: "partner_fund", partnerId: partnerUser?.partnerId as string });
  const g = await grant(t, own, partnerFund, { status: "active", amountFen: 12_000_000 });
  // A second, proposed grant: not committed, so not counted.
  await grant(t, own, await fund(t), { status: "proposed", amountFen: 5_000_000 });
  await payTranche(t, g.id, 1);
  await expense(t, g.id, 1_000_000, "verified");
  await expense(t, g.id, 250_001, "submitted");
  await expense(t, g.id, 333_333, "queried");
  await expense(t, g.id, 999_999, "withdrawn");
  const p = { id: g.id, projectId: own.id };
  await report(t, p, "2027-06-30", "accepted", 40, { 开展活动场次: "3", 服务老人人数: "40" });
  await report(t, p, "2027-09-30", "accepted", 30, { 开展活动场次: "7", 服务老人人数: "70" });
  // Neither a returned nor a submitted report counts.
  await report(t, p, "2027-12-31", "returned", 500, { 开展活动场次: "99" });
  await report(t, p, "2027-12-31", "submitted", 500, { 服务老人人数: "999" });
  await t.db.insert(replicationSites).values({
    baseId: t.baseId,
    projectId: own.id,
    town: "回龙观镇",
    community: "龙泽苑社区",
    year: 2027,
    fundedBy: "社区公益金",
  });
  const other = await make(t).organization({ residency: "resident" });
  const otherProject = await project(t, other.id);
  await grant(t, otherProject, await fund(t), { status: "active" });
  Object.assign(ids, { own: own.id, other: otherProject.id, grant: g.id });
});
afterAll(() => t.close());

describe("a project's results", () => {
  it("shows the series, spending, people and cost per person", async () => {
    const res = await staff.get(`/api/projects/${ids.own}/results`);
    expect(res.statusCode).toBe(200);
    const r = res.json() as ProjectResults;
    expect(r.startOn).toBe("2027-03-01");
    const activities = r.indicators.find((i) => i.name === "开展活动场次");
    expect(activities?.series.map((p) => [p.on, p.value, p.baseline])).toEqual([
      ["2027-03-01", "0", true],
      ["2027-06-30", "3", false],
      ["2027-09-30", "7", false],
    ]);
    expect(activities).toMatchObject({ latest: "7", target: "10", achievementBp: 7000, met: false });
    const people = r.indicators.find((i) => i.name === "服务老人人数");
    expect(people).toMatchObject({ latest: "70", achievementBp: 3500 });
    // Committed = the active grant only; budget lines add up to it.
    expect(r.grants).toHaveLength(1);
    expect(r.spending).toEqual({
      committedFen: 12_000_000,
      budgetFen: 12_000_000,
      spentFen: 1_000_000 + 250_001 + 333_333,
      verifiedFen: 1_000_000,
      paidFen: 6_000_000,
      owedFen: 0,
      remainingFen: 12_000_000 - 1_583_334,
    });
    expect(r.people).toBe(70);
    expect(r.acceptedReports).toBe(2);
    // 1,583,334 fen ÷ 70 = 22,619.057… → 22,619 fen.
    expect(r.costPerPersonFen).toBe(22_619);
    expect(r.replicationSites).toMatchObject([{ town: "回龙观镇", community: "龙泽苑社区", year: 2027 }]);
  });

  it("is read by the member and the granting partner; others find nothing", async () => {
    const member = await t.signIn("member");
    expect((await member.get(`/api/projects/${ids.own}/results`)).statusCode).toBe(200);
    expect((await member.get(`/api/projects/${ids.other}/results`)).statusCode).toBe(404);
    const partner = await t.signIn("partner");
    expect((await partner.get(`/api/projects/${ids.own}/results`)).statusCode).toBe(200);
    expect((await partner.get(`/api/projects/${ids.other}/results`)).statusCode).toBe(404);
    const viewer = await t.signIn("viewer");
    expect((await viewer.get(`/api/projects/${ids.own}/results`)).statusCode).toBe(403);
    expect((await staff.get("/api/projects/00000000-0000-4000-8000-000000000000/results")).statusCode).toBe(
      404,
    );
    expect((await staff.get("/api/projects/not-a-uuid/results")).statusCode).toBe(400);
  });

  it("states owed money and a project without grants", async () => {
    await t.db
      .update(grants)
      .set({ owedFen: 123_456, status: "suspended" })
      .where(eq(grants.id, ids.grant as string));
    const r = (await staff.get(`/api/projects/${ids.own}/results`)).json() as ProjectResults;
    expect(r.spending.owedFen).toBe(123_456);
    const org = await make(t).organization({ residency: "virtual" });
    const bare = await project(t, org.id);
    const empty = (await staff.get(`/api/projects/${bare.id}/results`)).json() as ProjectResults;
    expect(empty).toMatchObject({ startOn: null, people: 0, costPerPersonFen: null, grants: [] });
    expect(empty.indicators[0]?.series).toEqual([]);
    expect(empty.indicators[0]?.achievementBp).toBeNull();
  });
});
