/**
 * The organization's side of a spending item (支出): report it with its receipts, correct and
 * resubmit it when staff query it, or withdraw it. Only the grantee's members, only while the
 * grant is signed or active (a withdrawal also later). Each write is one transaction with its
 * audit entry; status changes go through `nextExpenseStatus`; a stale version is 409.
 */
import { and, arrayOverlaps, eq, inArray, ne } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "../../../../db/client";
import { files, grantBudgetLines, grantExpenses } from "../../../../db/schema";
import { nextExpenseStatus } from "../../../../domain/funding/grant";
import { shanghaiDate } from "../../../../domain/shanghai-time";
import type {
  ExpenseEntry,
  ZExpenseFields,
  ZExpenseResubmit,
  ZExpenseStep,
} from "../../../../schemas/funding/spending";
import { recordAudit } from "../../../audit";
import type { Context } from "../../../context";
import { fieldError, versionConflict } from "../../../errors";
import { expenseEntry } from "./list";
import {
  type ExpenseRow,
  expenseStatusInvalid,
  type GrantRow,
  grantNotOpen,
  grantTakesSpending,
  loadExpense,
  loadGrant,
} from "./load";

type Fields = z.output<typeof ZExpenseFields>;

/** The line, the day and the receipts of `input` are the grant's (the receipts deduplicated). */
async function checkFields(tx: Db, grant: GrantRow, input: Fields): Promise<string[]> {
  const [line] = await tx
    .select({ id: grantBudgetLines.id })
    .from(grantBudgetLines)
    .where(and(eq(grantBudgetLines.id, input.budgetLineId), eq(grantBudgetLines.grantId, grant.id)))
    .limit(1);
  if (!line) throw fieldError("budgetLineId", "budget_line_unknown");
  const today = shanghaiDate(new Date());
  if (input.spentOn < grant.startsOn || input.spentOn > grant.endsOn || input.spentOn > today)
    throw fieldError("spentOn", "spent_outside_grant", { startsOn: grant.startsOn, endsOn: grant.endsOn });
  const fileIds = [...new Set(input.fileIds)];
  const own = await tx
    .select({ id: files.id })
    .from(files)
    .where(
      and(inArray(files.id, fileIds), eq(files.ownerType, "grant_receipt"), eq(files.ownerId, grant.id)),
    );
  if (own.length !== fileIds.length) throw fieldError("fileIds", "receipt_unknown");
  return fileIds;
}

/** Another live item of the grant already carrying one of these receipts. */
async function itemsSharing(tx: Db, grant: GrantRow, fileIds: string[], except?: string) {
  return tx
    .select()
    .from(grantExpenses)
    .where(
      and(
        eq(grantExpenses.grantId, grant.id),
        ne(grantExpenses.status, "withdrawn"),
        arrayOverlaps(grantExpenses.fileIds, fileIds),
        except ? ne(grantExpenses.id, except) : undefined,
      ),
    );
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x) => b.includes(x));

/**
 * Reports an item. A retried submission (the same receipts, line, day and amount by the same
 * person) answers the item it made instead of making a second one.
 */
export async function createExpense(
  db: Db,
  ctx: Context,
  grantId: string,
  input: Fields,
): Promise<ExpenseEntry> {
  const id = await db.transaction(async (tx) => {
    // Locked: two submissions of one item (a double tap) are serialized, so the second finds the first.
    const grant = await loadGrant(tx, ctx, grantId, "funding.report", { lock: true });
    if (!grantTakesSpending(grant.status)) throw grantNotOpen(ctx, grant);
    const fileIds = await checkFields(tx, grant, input);
    const sharing = await itemsSharing(tx, grant, fileIds);
    const replay = sharing.find(
      (e) =>
        sameSet(e.fileIds, fileIds) &&
        e.budgetLineId === input.budgetLineId &&
        e.spentOn === input.spentOn &&
        e.amountFen === input.amountFen &&
        e.submittedBy === ctx.actor.userId,
    );
    if (replay) return replay.id;
    if (sharing.length > 0) throw fieldError("fileIds", "receipt_unknown");
    const [row] = await tx
      .insert(grantExpenses)
      .values({
        baseId: grant.baseId,
        grantId: grant.id,
        budgetLineId: input.budgetLineId,
        spentOn: input.spentOn,
        amountFen: input.amountFen,
        description: input.description,
        payee: input.payee,
        fileIds,
        submittedBy: ctx.actor.userId,
      })
      .returning();
    if (!row) throw new Error("expense not written");
    await recordAudit(tx, ctx, {
      baseId: grant.baseId,
      action: "expense.create",
      entityType: "grant_expense",
      entityId: row.id,
      after: auditFields(row),
    });
    return row.id;
  });
  return expenseEntry(db, id);
}

function auditFields(row: ExpenseRow) {
  return {
    grantId: row.grantId,
    budgetLineId: row.budgetLineId,
    spentOn: row.spentOn,
    amountFen: row.amountFen,
    description: row.description,
    payee: row.payee,
    receipts: row.fileIds.length,
    status: row.status,
    version: row.version,
  };
}

/** A queried item, corrected and resubmitted with the answer to staff's question. */
export async function resubmitExpense(
  db: Db,
  ctx: Context,
  grantId: string,
  expenseId: string,
  input: z.output<typeof ZExpenseResubmit>,
): Promise<ExpenseEntry> {
  await db.transaction(async (tx) => {
    const { grant, item } = await loadExpense(tx, ctx, grantId, expenseId, "funding.report", { lock: true });
    const to = nextExpenseStatus(item.status, "resubmit");
    if (!to) throw expenseStatusInvalid(ctx, item);
    if (item.version !== input.version) throw versionConflict(item.version);
    if (!grantTakesSpending(grant.status)) throw grantNotOpen(ctx, grant);
    const fileIds = await checkFields(tx, grant, input);
    if ((await itemsSharing(tx, grant, fileIds, item.id)).length > 0)
      throw fieldError("fileIds", "receipt_unknown");
    const [updated] = await tx
      .update(grantExpenses)
      .set({
        budgetLineId: input.budgetLineId,
        spentOn: input.spentOn,
        amountFen: input.amountFen,
        description: input.description,
        payee: input.payee,
        fileIds,
        answer: input.answer,
        status: to,
        version: item.version + 1,
        updatedAt: new Date(),
      })
      .where(and(eq(grantExpenses.id, item.id), eq(grantExpenses.version, item.version)))
      .returning();
    if (!updated) throw versionConflict(item.version);
    await recordAudit(tx, ctx, {
      baseId: grant.baseId,
      action: "expense.resubmit",
      entityType: "grant_expense",
      entityId: item.id,
      before: auditFields(item),
      after: { ...auditFields(updated), answer: input.answer },
    });
  });
  return expenseEntry(db, expenseId);
}

/** The organization takes an item back (before it is verified); it no longer counts. */
export async function withdrawExpense(
  db: Db,
  ctx: Context,
  grantId: string,
  expenseId: string,
  input: z.output<typeof ZExpenseStep>,
): Promise<ExpenseEntry> {
  await db.transaction(async (tx) => {
    const { grant, item } = await loadExpense(tx, ctx, grantId, expenseId, "funding.report", { lock: true });
    const to = nextExpenseStatus(item.status, "withdraw");
    if (!to) throw expenseStatusInvalid(ctx, item);
    if (item.version !== input.version) throw versionConflict(item.version);
    const [updated] = await tx
      .update(grantExpenses)
      .set({ status: to, version: item.version + 1, updatedAt: new Date() })
      .where(and(eq(grantExpenses.id, item.id), eq(grantExpenses.version, item.version)))
      .returning();
    if (!updated) throw versionConflict(item.version);
    await recordAudit(tx, ctx, {
      baseId: grant.baseId,
      action: "expense.withdraw",
      entityType: "grant_expense",
      entityId: item.id,
      before: { status: item.status, version: item.version },
      after: { status: to, version: updated.version },
    });
  });
  return expenseEntry(db, expenseId);
}
