/**
 * Staff's review of a spending item: verify it against its receipts, or query it with a question
 * the organization answers by correcting and resubmitting. Through `nextExpenseStatus`, at the
 * version read, audited; an item without a receipt is never verified.
 */
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { files, grantExpenses } from "../../../../db/schema";
import { nextExpenseStatus } from "../../../../domain/funding/grant";
import type { ExpenseEntry } from "../../../../schemas/funding/spending";
import { recordAudit } from "../../../audit";
import type { Context } from "../../../context";
import { fieldError, versionConflict } from "../../../errors";
import { expenseEntry } from "./list";
import { expenseStatusInvalid, loadExpense } from "./load";

export type ReviewInput =
  | { event: "verify"; version: number }
  | { event: "query"; version: number; question: string };

export async function reviewExpense(
  db: Db,
  ctx: Context,
  grantId: string,
  expenseId: string,
  input: ReviewInput,
): Promise<ExpenseEntry> {
  await db.transaction(async (tx) => {
    const { grant, item } = await loadExpense(tx, ctx, grantId, expenseId, "funding.manage", { lock: true });
    const to = nextExpenseStatus(item.status, input.event);
    if (!to) throw expenseStatusInvalid(ctx, item);
    if (item.version !== input.version) throw versionConflict(item.version);
    if (input.event === "verify") {
      const receipts = item.fileIds.length
        ? await tx
            .select({ id: files.id })
            .from(files)
            .where(and(inArray(files.id, item.fileIds), eq(files.ownerType, "grant_receipt")))
        : [];
      if (receipts.length === 0) throw fieldError("fileIds", "receipt_required");
    }
    const question = input.event === "query" ? input.question : null;
    const [updated] = await tx
      .update(grantExpenses)
      .set({
        status: to,
        // A new question replaces the last; the answer to it is still to come.
        ...(question ? { queryNote: question, answer: null } : {}),
        reviewedBy: ctx.actor.userId,
        reviewedAt: new Date(),
        version: item.version + 1,
        updatedAt: new Date(),
      })
      .where(and(eq(grantExpenses.id, item.id), eq(grantExpenses.version, item.version)))
      .returning();
    if (!updated) throw versionConflict(item.version);
    await recordAudit(tx, ctx, {
      baseId: grant.baseId,
      action: input.event === "verify" ? "expense.verify" : "expense.query",
      entityType: "grant_expense",
      entityId: item.id,
      before: { status: item.status, version: item.version },
      after: { status: to, version: updated.version, question },
    });
  });
  return expenseEntry(db, expenseId);
}
