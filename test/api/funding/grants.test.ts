/**
 * Grants through their routes: proposing with budget and tranches, the two-person rule for the
 * approval and for each payment, the first payment making the grant active, the growth file, the
 * history and the audit; the tranche's condition; closing stops what was not paid; bad input and
 * stale versions refused with nothing changed.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, grants, growthEvents, projects } from "../../../src/db/schema";
import { make } from "../../factories";
import { type Client, startTestApp, type TestApp } from "../../support/app";
import { proposal, propose, step, view } from "./grants-support";
import { fund, project } from "./support";

let t: TestApp;
let staff: Client;
let staff2: Client;
beforeAll(async () => {
  t = await startTestApp();
  staff = await t.signIn("staff");
  staff2 = await t.signIn("staff2");
});
afterAll(() => t.close());

async function setup(amountFen = 10_000_000, projectValues: Record<string, unknown> = {}) {
  const org = await make(t).organization();
  const p = await project(t, org.id, projectValues);
  const f = await fund(t, { kind: "seed_fund" });
  return { org, p, f, id: await propose(staff, proposal(p.id, f.id, amountFen)) };
}

describe("a grant from proposal to its first payment", () => {
  it("is proposed by one staff member, approved by another, signed, prepared by one and paid by another", async () => {
    const { org, p, id } = await setup(10_000_000, { status: "draft" });
    let g = await view(staff, id);
    expect(g.number).toMatch(/^ZZ-\d{4}-\d{3}$/);
    expect(g).toMatchObject({ status: "proposed", amountFen: 10_000_000, disbursedFen: 0 });
    expect(g.preparedBy.name).toBeTruthy();
    expect(g.may.approveBlocked).toMatch(/双人复核/);
    expect(g.tranches.map((x: { amountFen: number }) => x.amountFen)).toEqual([5_000_000, 5_000_000]);
    expect(g.tranches[1].milestoneId).toBe(g.milestones[0].id);

    // The preparer may not approve: 409 with the rule said, nothing changed.
    const refused = await step(staff, id, "approve", {}, 409);
    expect(refused.json()).toMatchObject({ code: "two_person_rule" });
    expect(refused.json().message).toMatch(/另一位工作人员/);
    expect((await view(staff, id)).status).toBe("proposed");

    await step(staff2, id, "approve");
    g = await view(staff2, id);
    expect(g.status).toBe("approved");
    expect(g.may.approveBlocked).toBeNull();
    const [proj] = await t.db.select().from(projects).where(eq(projects.id, p.id));
    expect(proj?.status).toBe("active"); // a draft project becomes active with its first grant

    // No money moves before the agreement is signed.
    let res = await staff.post(`/api/grants/${id}/tranches/${g.tranches[0].id}/prepare`, {
      version: g.tranches[0].version,
    });
    expect(res.statusCode, res.body).toBe(409);

    await step(staff, id, "sign", { signedOn: "2027-03-05" });
    g = await view(staff, id);
    expect(g).toMatchObject({ status: "agreement_signed", signedOn: "2027-03-05" });
    expect(g.tranches[0].conditionMet).toBe(true);
    expect(g.tranches[1].conditionMet).toBe(false);

    // The second tranche waits for its milestone.
    res = await staff.post(`/api/grants/${id}/tranches/${g.tranches[1].id}/prepare`, {
      version: g.tranches[1].version,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: "tranche_condition_unmet" });

    const [first] = g.tranches;
    res = await staff.post(`/api/grants/${id}/tranches/${first.id}/prepare`, { version: first.version });
    expect(res.statusCode, res.body).toBe(200);
    // The preparer may not pay it.
    res = await staff.post(`/api/grants/${id}/tranches/${first.id}/pay`, {
      version: first.version + 1,
      paymentReference: "PZ-2027-0031",
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: "two_person_rule" });
    // Paying needs the finance office's reference.
    res = await staff2.post(`/api/grants/${id}/tranches/${first.id}/pay`, { version: first.version + 1 });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ field: "paymentReference" });
    res = await staff2.post(`/api/grants/${id}/tranches/${first.id}/pay`, {
      version: first.version + 1,
      paymentReference: "PZ-2027-0031",
    });
    expect(res.statusCode, res.body).toBe(200);

    g = await view(staff, id);
    expect(g).toMatchObject({ status: "active", disbursedFen: 5_000_000 });
    expect(g.tranches[0]).toMatchObject({ status: "paid", paymentReference: "PZ-2027-0031" });
    expect(g.tranches[0].preparedBy.id).not.toBe(g.tranches[0].paidBy.id);
    expect(g.history.map((h: { event: string }) => h.event)).toEqual([
      "propose",
      "approve",
      "sign",
      "activate",
    ]);

    const growth = await t.db
      .select({ kind: growthEvents.kind })
      .from(growthEvents)
      .where(eq(growthEvents.organizationId, org.id));
    expect(growth.map((e) => e.kind).sort()).toEqual(["funding.grant_approved", "funding.tranche_paid"]);
    const audit = await t.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entityType, "grant"), eq(auditLog.entityId, id)));
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        "grant.propose",
        "grant.approve",
        "grant.tranche_prepare",
        "grant.tranche_pay",
      ]),
    );

    // The milestone met: the second tranche may now be prepared.
    const m = g.milestones[0];
    res = await staff.post(`/api/grants/${id}/milestones/${m.id}`, {
      version: m.version,
      status: "met",
      note: "已建成",
    });
    expect(res.statusCode, res.body).toBe(200);
    g = await view(staff, id);
    expect(g.tranches[1].conditionMet).toBe(true);

    // Closing stops it, with the reason.
    res = await staff.post(`/api/grants/${id}/close`, { version: g.version });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ field: "reason" });
    await step(staff, id, "close", { reason: "项目提前结束" });
    g = await view(staff, id);
    expect(g.tranches.map((x: { status: string }) => x.status)).toEqual(["paid", "stopped"]);
    expect(g.disbursedFen).toBe(5_000_000);
    await step(staff, id, "resume", {}, 409);
  });

  it("numbers grants one after another within the base and the year", async () => {
    const a = await setup(1_000_000);
    const b = await setup(1_000_000);
    const [na, nb] = [(await view(staff, a.id)).number, (await view(staff, b.id)).number];
    expect(Number(nb.slice(-3))).toBe(Number(na.slice(-3)) + 1);
  });

  it("lets an edit only while proposed, at the version read, and makes the editor the preparer", async () => {
    const { p, f, id } = await setup(2_000_000);
    const { projectId: _, ...terms } = proposal(p.id, f.id, 3_000_000);
    let res = await staff2.put(`/api/grants/${id}`, { ...terms, version: 1 });
    expect(res.statusCode, res.body).toBe(200);
    res = await staff.put(`/api/grants/${id}`, { ...terms, version: 1 });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: "version_conflict" });
    const g = await view(staff, id);
    expect(g.amountFen).toBe(3_000_000);
    // staff2 shaped the terms last: staff2 may not approve, staff may.
    await step(staff2, id, "approve", {}, 409);
    await step(staff, id, "approve");
    res = await staff.put(`/api/grants/${id}`, { ...terms, version: (await view(staff, id)).version });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: "grant_status_invalid" });
  });
});

describe("bad input", () => {
  it("is refused with the field and nothing written", async () => {
    const org = await make(t).organization();
    const p = await project(t, org.id);
    const f = await fund(t, { kind: "seed_fund" });
    const base = proposal(p.id, f.id, 1_000_000);
    const [before] = await t.db.select({ n: grants.id }).from(grants).where(eq(grants.projectId, p.id));
    expect(before).toBeUndefined();
    const cases: [Record<string, unknown>, string][] = [
      [{ budgetLines: [{ category: "activities", amountFen: 999_999 }] }, "budgetLines"],
      [{ tranches: [{ amountFen: 1_000_001, condition: "agreement_signed" }] }, "tranches"],
      [{ tranches: [] }, "tranches"],
      [{ tranches: [{ amountFen: 1_000_000, condition: "milestone_met" }] }, "tranches.0.milestoneIndex"],
      [{ amountFen: -5 }, "amountFen"],
      [{ amountFen: 1e20 }, "amountFen"],
      [{ amountFen: 12.5 }, "amountFen"],
      [{ endsOn: "2027-01-01" }, "endsOn"],
      [{ startsOn: "2027-02-30" }, "startsOn"],
      [{ milestones: [{ title: "a\u0000b", dueOn: "2027-05-01" }] }, "milestones.0.title"],
      [{ milestones: [{ title: "", dueOn: "2027-05-01" }] }, "milestones.0.title"],
      [{ budgetLines: [{ category: "bribes", amountFen: 1_000_000 }] }, "budgetLines.0.category"],
      [{ fundId: "00000000-0000-4000-8000-000000000000" }, "fundId"],
      [{ projectId: "not-a-uuid" }, "projectId"],
    ];
    for (const [change, field] of cases) {
      const res = await staff.post("/api/grants", { ...base, ...change });
      expect(res.statusCode, `${field}: ${res.body}`).toBe(400);
      expect(res.json().field, JSON.stringify(change)).toBe(field);
      expect(res.json().message).toBeTruthy();
    }
    const after = await t.db.select({ n: grants.id }).from(grants).where(eq(grants.projectId, p.id));
    expect(after).toHaveLength(0);
  });

  it("grants an organization-track project from the seed fund only", async () => {
    const org = await make(t).organization();
    const p = await project(t, org.id, { track: "org" });
    const grantsFund = await fund(t, { kind: "project_grant" });
    const refused = await staff.post("/api/grants", proposal(p.id, grantsFund.id, 1_000_000));
    expect(refused.statusCode, refused.body).toBe(400);
    expect(refused.json()).toMatchObject({ field: "fundId", message: "组织孵化的项目只能由种子基金资助" });
    expect(await t.db.select().from(grants).where(eq(grants.projectId, p.id))).toHaveLength(0);
    const seed = await fund(t, { kind: "seed_fund" });
    const id = await propose(staff, proposal(p.id, seed.id, 1_000_000));
    // Nor can an edit move it to another fund.
    const moved = await staff.put(`/api/grants/${id}`, {
      ...proposal(p.id, grantsFund.id, 1_000_000),
      projectId: undefined,
      version: 1,
    });
    expect(moved.statusCode, moved.body).toBe(400);
    expect(moved.json().field).toBe("fundId");
  });

  it("refuses a project that is closed or whose incubation has ended", async () => {
    const org = await make(t).organization();
    const p = await project(t, org.id, { status: "closed" });
    const f = await fund(t, { kind: "seed_fund" });
    const res = await staff.post("/api/grants", proposal(p.id, f.id, 1_000_000));
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: "project_not_fundable" });
  });
});
