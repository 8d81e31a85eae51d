/**
 * A grant as the spending routes see it: its policy subject (base, organization, the partner whose
 * fund it is, the incubation's current mentor) and its spending items. Every spending route loads
 * through here, so another organization's grant, or another partner's, is 404 as the policy says.
 */
import { and, eq } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { fundingSettings, grantExpenses } from "../../../../db/schema";
import type { Action } from "../../../../domain/access";
import type { GrantStatus } from "../../../../domain/funding/grant";
import type { Context } from "../../../context";
import { AppError, notFound } from "../../../errors";
import { type GrantRow, loadGrant } from "../grants/load";
import { GRANT_STATUS_WORDS } from "../grants/words";
import { EXPENSE_STATUS_WORDS } from "./words";

// One grant loader for every funding route (the policy subject written once).
export { type GrantRow, grantSubject, loadGrant } from "../grants/load";
export type ExpenseRow = typeof grantExpenses.$inferSelect;

/** The default variance threshold (10%) when the base has no funding settings yet. */
const DEFAULT_VARIANCE_THRESHOLD_BP = 1000;

/** The grant and one of its items, checked for `action`; the item FOR UPDATE with `lock`. */
export async function loadExpense(
  tx: Db,
  ctx: Context,
  grantId: string,
  expenseId: string,
  action: Action,
  options: { lock?: boolean } = {},
): Promise<{ grant: GrantRow; item: ExpenseRow }> {
  const grant = await loadGrant(tx, ctx, grantId, action);
  const query = tx
    .select()
    .from(grantExpenses)
    .where(and(eq(grantExpenses.id, expenseId), eq(grantExpenses.grantId, grant.id)))
    .limit(1);
  const [item] = options.lock ? await query.for("update") : await query;
  if (!item) throw notFound();
  return { grant, item };
}

/** The base's variance threshold (basis points). */
export async function varianceThreshold(db: Db, baseId: string): Promise<number> {
  const [row] = await db
    .select({ bp: fundingSettings.varianceThresholdBp })
    .from(fundingSettings)
    .where(eq(fundingSettings.baseId, baseId))
    .limit(1);
  return row?.bp ?? DEFAULT_VARIANCE_THRESHOLD_BP;
}

/** Spending is reported only on a signed or active grant. */
export function grantTakesSpending(status: GrantStatus): boolean {
  return status === "agreement_signed" || status === "active";
}

/** 409: the item's status does not allow this, in the reader's language. */
export function expenseStatusInvalid(ctx: Context, item: ExpenseRow): AppError {
  return new AppError("expense_status_invalid", {
    params: { status: EXPENSE_STATUS_WORDS[ctx.lang][item.status] },
    details: { currentStatus: item.status },
  });
}

/** 409: the grant takes no spending in its status. */
export function grantNotOpen(ctx: Context, grant: GrantRow): AppError {
  return new AppError("expense_grant_not_open", {
    params: { status: GRANT_STATUS_WORDS[ctx.lang][grant.status] },
    details: { currentStatus: grant.status },
  });
}
