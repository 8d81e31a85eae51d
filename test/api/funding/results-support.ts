/**
 * Records a grant's life straight into the tables for the results and figures tests: accepted
 * reports with indicator values, spending items, paid tranches, replication sites.
 */
import { and, eq } from "drizzle-orm";
import {
  grantBudgetLines,
  grantExpenses,
  grantTranches,
  indicatorValues,
  progressReports,
  projectIndicators,
} from "../../../src/db/schema";
import type { ExpenseStatus, ReportStatus } from "../../../src/domain/funding/grant";
import type { TestApp } from "../../support/app";

type T = Pick<TestApp, "db" | "baseId">;

/** A report of `grantId` for the period ending `periodEnd`, with a value for each indicator named. */
export async function report(
  t: T,
  grant: { id: string; projectId: string },
  periodEnd: string,
  status: ReportStatus,
  newPeople: number,
  values: Record<string, string>,
) {
  const [row] = await t.db
    .insert(progressReports)
    .values({
      baseId: t.baseId,
      grantId: grant.id,
      kind: "periodic",
      periodStart: `${periodEnd.slice(0, 4)}-01-01`,
      periodEnd,
      dueOn: periodEnd,
      status,
      newPeople,
    })
    .returning();
  if (!row) throw new Error("report not created");
  const indicators = await t.db
    .select()
    .from(projectIndicators)
    .where(eq(projectIndicators.projectId, grant.projectId));
  for (const [name, value] of Object.entries(values)) {
    const indicator = indicators.find((i) => i.name === name);
    if (!indicator) throw new Error(`no indicator ${name}`);
    await t.db
      .insert(indicatorValues)
      .values({ baseId: t.baseId, reportId: row.id, indicatorId: indicator.id, value });
  }
  return row;
}

/** A spending item of `amountFen` on the grant's first budget line. */
export async function expense(
  t: T,
  grantId: string,
  amountFen: number,
  status: ExpenseStatus,
  spentOn = "2027-04-01",
) {
  const [line] = await t.db
    .select()
    .from(grantBudgetLines)
    .where(eq(grantBudgetLines.grantId, grantId))
    .orderBy(grantBudgetLines.sortOrder)
    .limit(1);
  await t.db.insert(grantExpenses).values({
    baseId: t.baseId,
    grantId,
    budgetLineId: line?.id as string,
    spentOn,
    amountFen,
    description: "测试支出",
    status,
  });
}

/** Marks tranche `seq` of the grant paid at `paidAt`. */
export async function payTranche(
  t: T,
  grantId: string,
  seq: number,
  paidAt = new Date("2027-03-10T02:00:00Z"),
) {
  await t.db
    .update(grantTranches)
    .set({ status: "paid", paidAt })
    .where(and(eq(grantTranches.grantId, grantId), eq(grantTranches.seq, seq)));
}
