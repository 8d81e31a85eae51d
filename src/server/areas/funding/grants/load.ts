/**
 * A grant as the policy sees it: its base, its organization, its fund's partner (a partner user
 * reads the grants of its own fund) and, for a mentor, whether they mentor the project's
 * incubation. Every grant route loads through here, so another organization's or another
 * partner's grant is 404 exactly as the policy table says.
 */
import { and, eq } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { grants, mentorships, projects } from "../../../../db/schema";
import type { Action, Relation, Subject } from "../../../../domain/access";
import type { GrantStatus, TrancheStatus } from "../../../../domain/funding/grant";
import { type Actor, hasRole } from "../../../../domain/roles";
import type { Context } from "../../../context";
import { AppError, notFound } from "../../../errors";
import { requireAccess, requireRoleFor } from "../../../policy";
import { GRANT_STATUS_WORDS, TRANCHE_STATUS_WORDS } from "./words";

export type GrantRow = typeof grants.$inferSelect;

async function grantRelations(db: Db, actor: Actor, row: GrantRow): Promise<Relation[]> {
  if (!hasRole(actor, "mentor") || actor.baseId !== row.baseId) return [];
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
  return paired ? ["mentor"] : [];
}

/** The grant's policy subject for `actor` (the spending and report loaders share it). */
export async function grantSubject(db: Db, actor: Actor, row: GrantRow): Promise<Subject> {
  return {
    baseId: row.baseId,
    organizationId: row.organizationId,
    partnerId: row.partnerId,
    relations: await grantRelations(db, actor, row),
  };
}

/** The grant `id`, checked for `action` (and readable at all); FOR UPDATE with `lock`. */
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
  if (!row || row.baseId !== ctx.actor.baseId) throw notFound();
  const subject = await grantSubject(tx, ctx.actor, row);
  requireAccess(ctx.actor, "funding.read", subject);
  requireAccess(ctx.actor, action, subject);
  return row;
}

/** 409: the grant's status does not allow this, in the reader's language. */
export function grantStatusInvalid(ctx: Context, status: GrantStatus): AppError {
  return new AppError("grant_status_invalid", {
    params: { status: GRANT_STATUS_WORDS[ctx.lang][status] },
    details: { currentStatus: status },
  });
}

export function trancheStatusInvalid(ctx: Context, status: TrancheStatus): AppError {
  return new AppError("tranche_status_invalid", {
    params: { status: TRANCHE_STATUS_WORDS[ctx.lang][status] },
    details: { currentStatus: status },
  });
}
