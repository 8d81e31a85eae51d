/**
 * Budget vs actual for one grant (the domain's `budgetTable` over its lines and items, with the
 * base's threshold), and the variance explanation the grantee writes for a line that needs one.
 */
import { and, asc, eq, inArray } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { z } from "zod";
import type { Db } from "../../../../db/client";
import {
  funds,
  grantBudgetLines,
  grantExpenses,
  grants,
  organizations,
  projects,
  users,
} from "../../../../db/schema";
import { type BudgetTable, budgetTable } from "../../../../domain/funding/budget";
import type { BudgetView, ZExplanationInput } from "../../../../schemas/funding/spending";
import { recordAudit } from "../../../audit";
import type { Context } from "../../../context";
import { notFound, versionConflict } from "../../../errors";
import { spendingAbilities } from "./list";
import { type GrantRow, loadGrant, varianceThreshold } from "./load";

const explainer = alias(users, "line_explainer");

export interface GrantBudget {
  grant: BudgetView["grant"];
  lines: (typeof grantBudgetLines.$inferSelect & { explainedByName: string | null })[];
  table: BudgetTable;
  thresholdBp: number;
}

/** The budget tables of several grants of one base (the view and the workbook), in three queries. */
export async function grantBudgets(db: Db, baseId: string, grantIds: string[]): Promise<GrantBudget[]> {
  if (grantIds.length === 0) return [];
  const heads = await db
    .select({
      g: grants,
      organizationName: organizations.name,
      projectTitle: projects.title,
      fundName: funds.name,
    })
    .from(grants)
    .innerJoin(organizations, eq(organizations.id, grants.organizationId))
    .innerJoin(projects, eq(projects.id, grants.projectId))
    .innerJoin(funds, eq(funds.id, grants.fundId))
    .where(inArray(grants.id, grantIds))
    .orderBy(asc(grants.number));
  const lines = await db
    .select({ l: grantBudgetLines, explainedByName: explainer.displayName })
    .from(grantBudgetLines)
    .leftJoin(explainer, eq(explainer.id, grantBudgetLines.explainedBy))
    .where(inArray(grantBudgetLines.grantId, grantIds))
    .orderBy(asc(grantBudgetLines.sortOrder), asc(grantBudgetLines.id));
  const items = await db
    .select({
      grantId: grantExpenses.grantId,
      budgetLineId: grantExpenses.budgetLineId,
      amountFen: grantExpenses.amountFen,
      status: grantExpenses.status,
    })
    .from(grantExpenses)
    .where(inArray(grantExpenses.grantId, grantIds));
  const thresholdBp = await varianceThreshold(db, baseId);
  return heads.map(({ g, ...head }) => {
    const own = lines
      .filter((l) => l.l.grantId === g.id)
      .map((l) => ({ ...l.l, explainedByName: l.explainedByName }));
    return {
      grant: {
        id: g.id,
        number: g.number,
        status: g.status,
        amountFen: g.amountFen,
        startsOn: g.startsOn,
        endsOn: g.endsOn,
        ...head,
      },
      lines: own,
      table: budgetTable(
        own,
        items.filter((i) => i.grantId === g.id),
        thresholdBp,
      ),
      thresholdBp,
    };
  });
}

function toBudgetView(budget: GrantBudget, canExplain: boolean): BudgetView {
  return {
    grant: budget.grant,
    thresholdBp: budget.thresholdBp,
    rows: budget.table.rows.map((row, i) => {
      const line = budget.lines[i];
      if (!line) throw new Error("budget line missing");
      return {
        ...row,
        category: line.category,
        description: line.description,
        explainedByName: line.explainedByName,
        version: line.version,
      };
    }),
    totals: budget.table.totals,
    canExplain,
  };
}

async function budgetOf(db: Db, grant: GrantRow): Promise<GrantBudget> {
  const [budget] = await grantBudgets(db, grant.baseId, [grant.id]);
  if (!budget) throw notFound();
  return budget;
}

export async function budgetView(db: Db, ctx: Context, grantId: string): Promise<BudgetView> {
  const grant = await loadGrant(db, ctx, grantId, "funding.read");
  const { canExplain } = await spendingAbilities(db, ctx, grant);
  return toBudgetView(await budgetOf(db, grant), canExplain);
}

/** The grantee explains a line's variance (any line; the table flags those that need it). */
export async function explainVariance(
  db: Db,
  ctx: Context,
  grantId: string,
  lineId: string,
  input: z.output<typeof ZExplanationInput>,
): Promise<{ version: number; explanation: string }> {
  return db.transaction(async (tx) => {
    const grant = await loadGrant(tx, ctx, grantId, "funding.report");
    const [line] = await tx
      .select()
      .from(grantBudgetLines)
      .where(and(eq(grantBudgetLines.id, lineId), eq(grantBudgetLines.grantId, grant.id)))
      .limit(1)
      .for("update");
    if (!line) throw notFound();
    if (line.version !== input.version) throw versionConflict(line.version);
    const [updated] = await tx
      .update(grantBudgetLines)
      .set({
        varianceExplanation: input.explanation,
        explainedBy: ctx.actor.userId,
        explainedAt: new Date(),
        version: line.version + 1,
      })
      .where(and(eq(grantBudgetLines.id, line.id), eq(grantBudgetLines.version, line.version)))
      .returning();
    if (!updated) throw versionConflict(line.version);
    await recordAudit(tx, ctx, {
      baseId: grant.baseId,
      action: "budget.explain",
      entityType: "grant_budget_line",
      entityId: line.id,
      before: { explanation: line.varianceExplanation, version: line.version },
      after: { explanation: input.explanation, version: updated.version },
    });
    return { version: updated.version, explanation: input.explanation };
  });
}
