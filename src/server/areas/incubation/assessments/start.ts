/**
 * Starting an assessment of an incubation. The self-assessment is started by the organization's
 * members; the assessor's by staff, who may name an expert (or another staff member) of the base
 * as its assessor. The version: a baseline takes the track's active instrument version; a later
 * phase takes the version of the incubation's baseline, so the two compare (the active one when
 * there is no baseline). An incubation has at most one current assessment per phase and side: a
 * second start answers the existing one (`created: false`) rather than an error, so a double tap
 * on a phone does no harm.
 */
import { and, eq, ne } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "../../../../db/client";
import { activeInstruments, assessments, users } from "../../../../db/schema";
import { hasRole } from "../../../../domain/roles";
import type { ZAssessmentStart } from "../../../../schemas/incubation/assessments";
import { recordAudit } from "../../../audit";
import type { Context } from "../../../context";
import { AppError, fieldError } from "../../../errors";
import { type IncubationRow, loadIncubation } from "../incubations/load";
import { currentAssessment } from "./load";

type Start = z.output<typeof ZAssessmentStart>;

/** The version the assessment uses (see the file's comment). */
async function versionFor(tx: Db, incubation: IncubationRow, phase: Start["phase"]): Promise<string> {
  if (phase !== "baseline") {
    const [baseline] = await tx
      .select({ versionId: assessments.instrumentVersionId })
      .from(assessments)
      .where(
        and(
          eq(assessments.incubationId, incubation.id),
          eq(assessments.phase, "baseline"),
          ne(assessments.status, "superseded"),
        ),
      )
      .limit(1);
    if (baseline) return baseline.versionId;
  }
  const [active] = await tx
    .select({ versionId: activeInstruments.instrumentVersionId })
    .from(activeInstruments)
    .where(
      and(eq(activeInstruments.baseId, incubation.baseId), eq(activeInstruments.track, incubation.track)),
    );
  if (!active) throw new AppError("assessment_no_instrument");
  return active.versionId;
}

/** The assessor staff name: an active expert, staff member or administrator of the base. */
async function requireEligibleAssessor(tx: Db, baseId: string, id: string): Promise<void> {
  const [user] = await tx
    .select({ baseId: users.baseId, roles: users.roles, status: users.status })
    .from(users)
    .where(eq(users.id, id));
  const eligible =
    user &&
    user.baseId === baseId &&
    user.status === "active" &&
    user.roles.some((r) => r === "expert" || r === "staff" || r === "admin");
  if (!eligible) throw new AppError("assessor_not_eligible", { field: "assessorId" });
}

export async function startAssessment(
  db: Db,
  ctx: Context,
  incubationId: string,
  input: Start,
): Promise<{ id: string; created: boolean }> {
  return db.transaction(async (tx) => {
    const self = input.side === "self";
    if (!self && !hasRole(ctx.actor, "admin", "staff")) {
      // An expert scores what staff name them on; only staff start the assessor's side.
      throw new AppError("forbidden");
    }
    // Locked: two starts at once make one assessment.
    const incubation = await loadIncubation(
      tx,
      ctx,
      incubationId,
      self ? "assessment.self" : "assessment.assess",
      {
        lock: true,
      },
    );
    if (self && input.assessorId) throw fieldError("assessorId", "assessor_not_for_self");
    const existing = await currentAssessment(tx, incubation.id, input.phase, input.side);
    if (existing) return { id: existing.id, created: false };
    const assessorId = self ? ctx.actor.userId : (input.assessorId ?? ctx.actor.userId);
    if (!self && assessorId !== ctx.actor.userId)
      await requireEligibleAssessor(tx, incubation.baseId, assessorId);
    const versionId = await versionFor(tx, incubation, input.phase);
    const [row] = await tx
      .insert(assessments)
      .values({
        baseId: incubation.baseId,
        incubationId: incubation.id,
        organizationId: incubation.organizationId,
        instrumentVersionId: versionId,
        phase: input.phase,
        side: input.side,
        assessorId,
      })
      .returning({ id: assessments.id });
    if (!row) throw new Error("assessment not written");
    await recordAudit(tx, ctx, {
      baseId: incubation.baseId,
      action: "assessment.start",
      entityType: "assessment",
      entityId: row.id,
      after: { incubationId: incubation.id, phase: input.phase, side: input.side, assessorId, versionId },
    });
    return { id: row.id, created: true };
  });
}
