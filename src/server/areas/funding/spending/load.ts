/**
 * A grant as the spending routes see it: its policy subject (base, organization, the partner whose
 * fund it is, the incubation's current mentor) and its spending items. Every spending route loads
 * through here, so another organization's grant, or another partner's, is 404 as the policy says.
 */
import { and, eq } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { fundingSettings, grantExpenses, grants, mentorships, projects } from "../../../../db/schema";
import type { Action, Relation, Subject } from "../../../../domain/access";
import type { GrantStatus } from "../../../../domain/funding/grant";
import { type Actor, hasRole } from "../../../../domain/roles";
import type { Context } from "../../../context";
import { AppError, notFound } from "../../../errors";
import { requireAccess, requireRoleFor } from "../../../policy";
import { EXPENSE_STATUS_WORDS, GRANT_STATUS_WORDS } from "./words";

export type GrantRow = typeof grants.$inferSelect;
export type ExpenseRow = typeof grantExpenses.$inferSelect;

/** The default variance threshold (10%) when the base has no funding settings yet. */
const DEFAULT_VARIANCE_THRESHOLD_BP = 1000;

/** The grant's policy subject for `actor` (files.ts and the loaders share it). */
export async function grantSubject(db: Db, actor: Actor, row: GrantRow): Promise<Subject> {
  const relations: Relation[] = [];
  if (hasRole(actor, "mentor") && actor.baseId === row.baseId) {
    const [paired] = await db
      .select({ id: mentorships.id })
      .from(mentorships)
      .innerJoin(projects, eq(projects.incubationId, mentorships.incubationId))
      .where(
        and(
          eq(projects.id, row.projectId),
          eq(mentorships.mentorId, actor.userId),
          eq(mentorships.status, "active"),
        ),
      )
      .limit(1);
    if (paired) relations.push("mentor");
  }
  return { baseId: row.baseId, organizationId: row.organizationId, partnerId: row.partnerId, relations };
}

/** The grant, checked for `action` (whoever may not read it finds nothing); FOR UPDATE with `lock`. */
export async function loadGrant(
  tx: Db,
  ctx: Context,
  id: string,
  action: Action,
  options: { lock?: boolean } = {},
): Promise<GrantRow> {
  requireRoleFor(ctx.actor, action);
  const query = tx.select().from(grants).where(eq(grants.id, id)).limit(1);
  const [row] = options.lock ? await query.for("update") : await query;
  if (!row) throw notFound();
  const subject = await grantSubject(tx, ctx.actor, row);
  requireAccess(ctx.actor, "funding.read", subject);
  requireAccess(ctx.actor, action, subject);
  return row;
}

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
