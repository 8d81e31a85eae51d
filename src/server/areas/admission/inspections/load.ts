/**
 * Finding an inspection with the policy check: the loader reads who inspects it and fills the
 * actor's `inspector` relation, so an expert named on it reads and records it; an expert assigned
 * to review the application reads its signed-off record; any other expert (or another base's
 * staff) finds nothing (404).
 */
import { and, eq } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { inspectionInspectors, inspections } from "../../../../db/schema";
import type { Action, Relation, Subject } from "../../../../domain/access";
import type { InspectionStatus } from "../../../../domain/inspection";
import type { Actor } from "../../../../domain/roles";
import { INSPECTION_LABELS } from "../../../../schemas/admission/inspection-labels";
import type { Context } from "../../../context";
import { AppError, notFound } from "../../../errors";
import { requireAccess, requireRoleFor } from "../../../policy";
import { reviewRelations } from "../reviews/relations";

export type InspectionRow = typeof inspections.$inferSelect;

/** The subject of one inspection for this actor: its base and organization, and the actor's relation. */
export async function inspectionSubject(db: Db, actor: Actor, row: InspectionRow): Promise<Subject> {
  const [named] = await db
    .select({ userId: inspectionInspectors.userId })
    .from(inspectionInspectors)
    .where(and(eq(inspectionInspectors.inspectionId, row.id), eq(inspectionInspectors.userId, actor.userId)))
    .limit(1);
  const relations: Relation[] = named ? ["inspector"] : [];
  // The experts reviewing the application read its signed-off record (never a draft).
  if (row.status === "signed_off") {
    const application = { id: row.applicationId, baseId: row.baseId, organizationId: row.organizationId };
    relations.push(...(await reviewRelations(db, actor, application)));
  }
  return { baseId: row.baseId, organizationId: row.organizationId, relations };
}

/** The inspection `id` for `action`, FOR UPDATE when the caller is about to change it. */
export async function loadInspection(
  tx: Db,
  ctx: Context,
  id: string,
  action: Action,
  options: { lock?: boolean } = {},
): Promise<InspectionRow> {
  requireRoleFor(ctx.actor, action);
  const query = tx.select().from(inspections).where(eq(inspections.id, id)).limit(1);
  const [row] = options.lock ? await query.for("update") : await query;
  if (!row) throw notFound();
  requireAccess(ctx.actor, action, await inspectionSubject(tx, ctx.actor, row));
  return row;
}

/** 409: the inspection's status does not allow this, said in the user's language. */
export function statusInvalid(ctx: Context, status: InspectionStatus): AppError {
  return new AppError("inspection_status_invalid", {
    params: { status: INSPECTION_LABELS[ctx.lang].status[status] },
    details: { currentStatus: status },
  });
}
