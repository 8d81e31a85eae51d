/**
 * The records the role × route matrix needs for spending: an active grant of the member's own
 * organization with one submitted item, and an active grant of another organization (the member
 * gets 404 for it). Both from the base's project-grant fund, so the demo partner finds neither.
 */
import { eq } from "drizzle-orm";
import { grantBudgetLines, grantExpenses, grants, incubations } from "../../../src/db/schema";
import type { TestApp } from "../../support/app";
import { daysFromToday } from "./spending-support";
import { fund, grant, project } from "./support";

export interface SpendingIds {
  spendingGrant: string;
  spendingOtherGrant: string;
  ownExpense: string;
  ownLine: string;
}

async function activeGrant(t: TestApp, organizationId: string, fundRow: Awaited<ReturnType<typeof fund>>) {
  // An incubation the organization already has, if any: a new open one would change what the
  // incubation rows of the matrix find (the organization's current incubation).
  const [existing] = await t.db
    .select({ id: incubations.id })
    .from(incubations)
    .where(eq(incubations.organizationId, organizationId))
    .orderBy(incubations.createdAt)
    .limit(1);
  const projectRow = await project(t, organizationId, existing ? { incubationId: existing.id } : {});
  const row = await grant(t, projectRow, fundRow, { status: "active" });
  await t.db
    .update(grants)
    .set({ startsOn: daysFromToday(-365), endsOn: daysFromToday(365) })
    .where(eq(grants.id, row.id));
  const [line] = await t.db.select().from(grantBudgetLines).where(eq(grantBudgetLines.grantId, row.id));
  if (!line) throw new Error("matrix: grant line missing");
  return { grant: row, line };
}

export async function spendingFixtures(t: TestApp, ownOrg: string, otherOrg: string): Promise<SpendingIds> {
  const fundRow = await fund(t);
  const own = await activeGrant(t, ownOrg, fundRow);
  const other = await activeGrant(t, otherOrg, fundRow);
  const [item] = await t.db
    .insert(grantExpenses)
    .values({
      baseId: t.baseId,
      grantId: own.grant.id,
      budgetLineId: own.line.id,
      spentOn: daysFromToday(-1),
      amountFen: 10_000,
      description: "矩阵测试支出",
      payee: "矩阵测试收款方",
    })
    .returning();
  if (!item) throw new Error("matrix: expense not written");
  return {
    spendingGrant: own.grant.id,
    spendingOtherGrant: other.grant.id,
    ownExpense: item.id,
    ownLine: own.line.id,
  };
}
