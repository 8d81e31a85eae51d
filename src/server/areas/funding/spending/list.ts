/**
 * A grant's spending items, newest day first, with their budget line, receipts and who reported
 * and reviewed them; the page says what the reader may do (report, review). One select for the
 * rows and one for their receipts (no N+1); the workbook and the budget view read through here.
 */
import { and, asc, count, desc, eq, inArray, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { z } from "zod";
import type { Db } from "../../../../db/client";
import { files, grantBudgetLines, grantExpenses, users } from "../../../../db/schema";
import { decide } from "../../../../domain/access";
import type { ExpenseEntry, ExpensePage, ZExpenseListQuery } from "../../../../schemas/funding/spending";
import type { Context } from "../../../context";
import { notFound } from "../../../errors";
import { type GrantRow, grantSubject, grantTakesSpending, loadGrant } from "./load";

const submitter = alias(users, "expense_submitter");
const reviewer = alias(users, "expense_reviewer");

function selectExpenses(db: Db) {
  return db
    .select({
      e: grantExpenses,
      category: grantBudgetLines.category,
      lineDescription: grantBudgetLines.description,
      submittedByName: submitter.displayName,
      reviewedByName: reviewer.displayName,
    })
    .from(grantExpenses)
    .innerJoin(grantBudgetLines, eq(grantBudgetLines.id, grantExpenses.budgetLineId))
    .leftJoin(submitter, eq(submitter.id, grantExpenses.submittedBy))
    .leftJoin(reviewer, eq(reviewer.id, grantExpenses.reviewedBy));
}

type SelectedRow = Awaited<ReturnType<ReturnType<typeof selectExpenses>["where"]>>[number];

/** Rows as entries, their receipts read in one query. */
async function toEntries(db: Db, rows: SelectedRow[]): Promise<ExpenseEntry[]> {
  const ids = [...new Set(rows.flatMap((r) => r.e.fileIds))];
  const receipts = ids.length
    ? await db
        .select({ id: files.id, name: files.originalName, mime: files.mime, size: files.size })
        .from(files)
        .where(inArray(files.id, ids))
    : [];
  const byId = new Map(receipts.map((f) => [f.id, f]));
  return rows.map(({ e, ...r }) => ({
    id: e.id,
    grantId: e.grantId,
    budgetLineId: e.budgetLineId,
    category: r.category,
    lineDescription: r.lineDescription,
    spentOn: e.spentOn,
    amountFen: e.amountFen,
    description: e.description,
    payee: e.payee,
    receipts: e.fileIds.flatMap((id) => {
      const f = byId.get(id);
      return f ? [f] : [];
    }),
    status: e.status,
    queryNote: e.queryNote,
    answer: e.answer,
    submittedByName: r.submittedByName,
    reviewedByName: r.reviewedByName,
    reviewedAt: e.reviewedAt?.toISOString() ?? null,
    version: e.version,
    createdAt: e.createdAt.toISOString(),
  }));
}

const ORDER = [desc(grantExpenses.spentOn), desc(grantExpenses.createdAt), desc(grantExpenses.id)];

/** Every item of the grants given (the workbook), oldest day first, one query for all. */
export async function expensesOfGrants(db: Db, grantIds: string[]): Promise<ExpenseEntry[]> {
  if (grantIds.length === 0) return [];
  const rows = await selectExpenses(db)
    .where(inArray(grantExpenses.grantId, grantIds))
    .orderBy(asc(grantExpenses.spentOn), asc(grantExpenses.createdAt), asc(grantExpenses.id));
  return toEntries(db, rows);
}

/** One item as an entry (after a change). */
export async function expenseEntry(db: Db, id: string): Promise<ExpenseEntry> {
  const rows = await selectExpenses(db).where(eq(grantExpenses.id, id)).limit(1);
  const [entry] = await toEntries(db, rows);
  if (!entry) throw new Error("expense vanished");
  return entry;
}

/** One item of the grant, for whoever reads the grant (the correction form loads it). */
export async function getExpense(
  db: Db,
  ctx: Context,
  grantId: string,
  expenseId: string,
): Promise<ExpenseEntry> {
  const grant = await loadGrant(db, ctx, grantId, "funding.read");
  const rows = await selectExpenses(db)
    .where(and(eq(grantExpenses.id, expenseId), eq(grantExpenses.grantId, grant.id)))
    .limit(1);
  const [entry] = await toEntries(db, rows);
  if (!entry) throw notFound();
  return entry;
}

/** What the reader may do with the grant's spending. */
export async function spendingAbilities(db: Db, ctx: Context, grant: GrantRow) {
  const subject = await grantSubject(db, ctx.actor, grant);
  return {
    canReport: decide(ctx.actor, "funding.report", subject) === "allow" && grantTakesSpending(grant.status),
    canReview: decide(ctx.actor, "funding.manage", subject) === "allow",
    canExplain: decide(ctx.actor, "funding.report", subject) === "allow",
  };
}

export async function listExpenses(
  db: Db,
  ctx: Context,
  grantId: string,
  query: z.output<typeof ZExpenseListQuery>,
): Promise<ExpensePage> {
  const grant = await loadGrant(db, ctx, grantId, "funding.read");
  const where: SQL[] = [eq(grantExpenses.grantId, grant.id)];
  if (query.status) where.push(eq(grantExpenses.status, query.status));
  const [total] = await db
    .select({ n: count() })
    .from(grantExpenses)
    .where(and(...where));
  const rows = await selectExpenses(db)
    .where(and(...where))
    .orderBy(...ORDER)
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const { canReport, canReview } = await spendingAbilities(db, ctx, grant);
  return {
    items: await toEntries(db, rows),
    total: total?.n ?? 0,
    page: query.page,
    pageSize: query.pageSize,
    canReport,
    canReview,
  };
}
