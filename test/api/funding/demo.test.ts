/**
 * The demo's funding story (src/db/seed/funding.ts): the grant states it tells are all there,
 * every grant's budget lines and tranches add up to its amount, no fund is committed beyond what
 * it holds, no project's project grants pass the cap, and the results and figures read it back.
 */
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  files,
  fundingSettings,
  funds,
  grantBudgetLines,
  grantExpenses,
  grants,
  grantTranches,
  progressReports,
  projects,
  replicationSites,
  users,
} from "../../../src/db/schema";
import { COMMITTED_GRANT_STATUSES } from "../../../src/domain/funding/grant";
import type { FundingFigures } from "../../../src/schemas/funding/figures";
import type { ProjectResults } from "../../../src/schemas/funding/results";
import { startTestApp, type TestApp } from "../../support/app";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe("the demo's funding", () => {
  it("tells the story: every state, sums that reconcile", async () => {
    const all = await t.db.select().from(grants).where(eq(grants.baseId, t.baseId));
    expect(new Set(all.map((g) => g.status))).toEqual(new Set(["proposed", "active", "closed", "suspended"]));
    // The base keeps the defaults (cap CNY 300,000): no settings row until staff save one.
    const settings = await t.db.select().from(fundingSettings).where(eq(fundingSettings.baseId, t.baseId));
    expect(settings).toEqual([]);
    for (const g of all) {
      const lines = await t.db.select().from(grantBudgetLines).where(eq(grantBudgetLines.grantId, g.id));
      const tranches = await t.db.select().from(grantTranches).where(eq(grantTranches.grantId, g.id));
      expect(
        lines.reduce((a, l) => a + l.amountFen, 0),
        g.number,
      ).toBe(g.amountFen);
      expect(
        tranches.reduce((a, l) => a + l.amountFen, 0),
        g.number,
      ).toBe(g.amountFen);
      // Two people: whoever paid a tranche did not prepare it; the approver is not the preparer.
      for (const tr of tranches.filter((x) => x.status === "paid")) expect(tr.paidBy).not.toBe(tr.preparedBy);
      if (g.approvedBy) expect(g.approvedBy).not.toBe(g.preparedBy);
    }
    // The proposed grant was prepared by `staff`, waiting for someone else.
    const [staff] = await t.db.select().from(users).where(eq(users.username, "staff"));
    expect(all.find((g) => g.status === "proposed")?.preparedBy).toBe(staff?.id);
    // The active one has a year of accepted quarterly reports and a prepared second tranche.
    const year = all.find((g) => g.status === "active" && g.fundKind === "project_grant");
    const accepted = await t.db
      .select()
      .from(progressReports)
      .where(and(eq(progressReports.grantId, year?.id as string), eq(progressReports.status, "accepted")));
    expect(accepted.length).toBeGreaterThanOrEqual(4);
    const its = await t.db
      .select()
      .from(grantTranches)
      .where(eq(grantTranches.grantId, year?.id as string));
    expect(its.map((x) => x.status).sort()).toEqual(["paid", "pending", "prepared"]);
    // The suspended one owes money; the closed one has replication sites.
    expect(all.find((g) => g.status === "suspended")?.owedFen).toBeGreaterThan(0);
    const closed = all.find((g) => g.status === "closed");
    expect(
      (
        await t.db
          .select()
          .from(replicationSites)
          .where(eq(replicationSites.projectId, closed?.projectId as string))
      ).length,
    ).toBeGreaterThanOrEqual(3);
    // The partner's fund has a grant, to the member's organization, with a queried expense and a report due soon.
    const [member] = await t.db.select().from(users).where(eq(users.username, "member"));
    const theirs = all.find((g) => g.organizationId === member?.organizationId);
    expect(theirs?.fundKind).toBe("partner_fund");
    const queried = await t.db
      .select()
      .from(grantExpenses)
      .where(and(eq(grantExpenses.grantId, theirs?.id as string), eq(grantExpenses.status, "queried")));
    expect(queried).toHaveLength(1);
    // Every spending item carries its receipt, a file of the grant's that the grantee can open.
    const items = await t.db.select().from(grantExpenses);
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) expect(item.fileIds.length).toBeGreaterThan(0);
    const receipt = await t.db
      .select()
      .from(files)
      .where(eq(files.id, queried[0]?.fileIds[0] as string));
    expect(receipt[0]).toMatchObject({
      ownerType: "grant_receipt",
      ownerId: theirs?.id,
      mime: "application/pdf",
    });
    const due = await t.db
      .select()
      .from(progressReports)
      .where(and(eq(progressReports.grantId, theirs?.id as string), eq(progressReports.status, "due")));
    const soon = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    expect(due.some((r) => r.dueOn <= soon)).toBe(true);
    // No fund committed beyond what it holds; no project's project grants over the cap.
    const committed = await t.db
      .select({
        fundId: grants.fundId,
        capacity: funds.capacityFen,
        sum: sql<string>`sum(${grants.amountFen})`,
      })
      .from(grants)
      .innerJoin(funds, eq(funds.id, grants.fundId))
      .where(sql`${grants.status} IN ${COMMITTED_GRANT_STATUSES}`)
      .groupBy(grants.fundId, funds.capacityFen);
    for (const c of committed) expect(Number(c.sum)).toBeLessThanOrEqual(c.capacity);
    const perProject = await t.db
      .select({ sum: sql<string>`sum(${grants.amountFen})` })
      .from(grants)
      .where(and(eq(grants.fundKind, "project_grant"), sql`${grants.status} <> 'cancelled'`))
      .groupBy(grants.projectId);
    for (const p of perProject) expect(Number(p.sum)).toBeLessThanOrEqual(30_000_000);
  });

  it("reads back through the results and the figures", async () => {
    const staff = await t.signIn("staff");
    const [canteen] = await t.db
      .select()
      .from(projects)
      .where(eq(projects.title, "社区助老食堂与独居老人探访"));
    const r = (await staff.get(`/api/projects/${canteen?.id}/results`)).json() as ProjectResults;
    expect(r.indicators.every((i) => i.series.length === 5)).toBe(true);
    expect(r.people).toBe(260);
    expect(r.spending.paidFen).toBe(10_000_000);
    expect(r.costPerPersonFen).toBe(Math.round(r.spending.spentFen / 260));
    const f = (await staff.get("/api/funding/figures")).json() as FundingFigures;
    const rows = await t.db.select().from(grants).where(sql`${grants.status} IN ${COMMITTED_GRANT_STATUSES}`);
    expect(f.totals.committedFen).toBe(rows.reduce((a, g) => a + g.amountFen, 0));
    expect(f.totals.owedFen).toBe(rows.reduce((a, g) => a + g.owedFen, 0));
    expect(f.projectsByStatus.find((s) => s.status === "closed")?.projects).toBeGreaterThanOrEqual(1);
  });
});
