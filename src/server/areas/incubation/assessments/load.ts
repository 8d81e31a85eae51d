/**
 * Finding an assessment with the policy check. The policy's subject is the incubation (through
 * loadIncubation); on top of it, which assessments a reader sees: staff all of the base's; the
 * organization's members their self-assessments (drafts too) and the assessor's once submitted;
 * an expert only the assessor-side ones that name them. Anything else is 404. Writing takes the
 * side's action: a self-assessment is the members' (assessment.self), the assessor's is staff's
 * or the named expert's (assessment.assess).
 */
import { and, desc, eq, ne } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { assessments, incubations } from "../../../../db/schema";
import type { Action, Subject } from "../../../../domain/access";
import type { AssessmentSide } from "../../../../domain/incubation/assessment";
import { type Actor, hasRole } from "../../../../domain/roles";
import type { Context } from "../../../context";
import { AppError, notFound } from "../../../errors";
import { requireAccess, requireRoleFor } from "../../../policy";
import { type IncubationRow, incubationSubject } from "../incubations/load";

export type AssessmentRow = typeof assessments.$inferSelect;

const isStaff = (actor: Actor) => hasRole(actor, "admin", "staff");

/** Whether `actor` (already allowed to read the incubation) sees this assessment. */
export function seesAssessment(
  actor: Actor,
  row: Pick<AssessmentRow, "side" | "status" | "assessorId" | "organizationId" | "baseId">,
): boolean {
  if (actor.baseId !== row.baseId) return false;
  if (isStaff(actor)) return true;
  if (hasRole(actor, "org_member") && actor.organizationId === row.organizationId) {
    return row.side === "self" || row.status !== "draft";
  }
  if (hasRole(actor, "expert")) return row.side === "assessor" && row.assessorId === actor.userId;
  return false;
}

/** The action that changes an assessment of `side`. */
export function writeAction(side: AssessmentSide): Action {
  return side === "self" ? "assessment.self" : "assessment.assess";
}

/** The action `actor` writes with (members self-assess; staff and experts assess). */
export function actorWriteAction(actor: Actor): Action {
  return hasRole(actor, "org_member") && !isStaff(actor) && !hasRole(actor, "expert")
    ? "assessment.self"
    : "assessment.assess";
}

async function incubationOf(tx: Db, row: AssessmentRow): Promise<IncubationRow> {
  const [incubation] = await tx.select().from(incubations).where(eq(incubations.id, row.incubationId));
  if (!incubation) throw new Error("assessment without its incubation");
  return incubation;
}

/**
 * The assessment `id` for reading (`assessment.read`) or for writing (the action of the actor's
 * side; a reader of the other side's assessment gets 403), FOR UPDATE when about to change it.
 */
export async function loadAssessment(
  tx: Db,
  ctx: Context,
  id: string,
  mode: "read" | "write",
  options: { lock?: boolean } = {},
): Promise<{ row: AssessmentRow; incubation: IncubationRow }> {
  const action = mode === "read" ? "assessment.read" : actorWriteAction(ctx.actor);
  requireRoleFor(ctx.actor, action);
  const query = tx.select().from(assessments).where(eq(assessments.id, id)).limit(1);
  const [row] = options.lock ? await query.for("update") : await query;
  if (!row) throw notFound();
  const incubation = await incubationOf(tx, row);
  const subject = await incubationSubject(tx, ctx.actor, incubation);
  requireAccess(ctx.actor, "assessment.read", subject);
  if (!seesAssessment(ctx.actor, row)) throw notFound();
  if (mode === "write") {
    requireAccess(ctx.actor, action, subject);
    if (writeAction(row.side) !== action) throw new AppError("forbidden");
  }
  return { row, incubation };
}

/** 409 `assessment_submitted` unless the assessment is still a draft. */
export function requireDraft(row: AssessmentRow): void {
  if (row.status !== "draft") throw new AppError("assessment_submitted");
}

/** An assessment's subject for the file owners' registry: null when `actor` may not see it. */
export async function assessmentOwnerSubject(db: Db, id: string, actor: Actor): Promise<Subject | null> {
  const [row] = await db.select().from(assessments).where(eq(assessments.id, id)).limit(1);
  if (!row || !seesAssessment(actor, row)) return null;
  return incubationSubject(db, actor, await incubationOf(db, row));
}

/** The current (not superseded) assessment of an incubation's phase and side: its latest revision. */
export async function currentAssessment(
  tx: Db,
  incubationId: string,
  phase: AssessmentRow["phase"],
  side: AssessmentSide,
): Promise<AssessmentRow | null> {
  const [row] = await tx
    .select()
    .from(assessments)
    .where(
      and(
        eq(assessments.incubationId, incubationId),
        eq(assessments.phase, phase),
        eq(assessments.side, side),
        ne(assessments.status, "superseded"),
      ),
    )
    .orderBy(desc(assessments.revision))
    .limit(1);
  return row ?? null;
}
