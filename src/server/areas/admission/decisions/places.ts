/**
 * The organization's answer to a final admission: confirm or decline the place by `confirm_by`
 * (the end of that day in Asia/Shanghai). After it, 409 with the date: staff record the lapse.
 * The organizations' page shows its confirmed places.
 */
import { and, desc, eq } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { admissionDecisions, applications, calls, organizations, reviewRounds } from "../../../../db/schema";
import type { DecisionView, PlaceBody, Placements } from "../../../../schemas/admission/decisions";
import type { Context } from "../../../context";
import { AppError, notFound } from "../../../errors";
import { requireAccess, requireRoleFor } from "../../../policy";
import { enrolFromAdmission } from "../../incubation/incubations/write";
import { loadForApply } from "../../recruitment/applications/load";
import { applyTransition, illegalTransition } from "../../recruitment/applications/transition";
import { shanghaiDayOf } from "./decide";
import { decisionView } from "./view";

export async function answerPlace(db: Db, ctx: Context, id: string, body: PlaceBody): Promise<DecisionView> {
  await db.transaction(async (tx) => {
    const application = await loadForApply(tx, ctx, id, { lock: true });
    const [decision] = await tx
      .select()
      .from(admissionDecisions)
      .where(eq(admissionDecisions.applicationId, id));
    if (application.status !== "admitted") throw illegalTransition(application.status);
    if (!decision?.finalAt || !decision.confirmBy) throw new AppError("decision_not_final");
    if (decision.confirmBy.getTime() < Date.now()) {
      throw new AppError("confirm_by_passed", {
        params: { confirmBy: shanghaiDayOf(decision.confirmBy) },
        details: { confirmBy: decision.confirmBy.toISOString() },
      });
    }
    await applyTransition(tx, ctx, application, body.answer, { expectedVersion: body.version });
    // A confirmed place starts the incubation in the same transaction (stage 4).
    if (body.answer === "confirm") await enrolFromAdmission(tx, ctx, application, decision);
    await tx
      .update(admissionDecisions)
      .set({ respondedAt: new Date(), updatedAt: new Date() })
      .where(eq(admissionDecisions.id, decision.id));
  });
  return decisionView(db, ctx, id);
}

/** "Confirmed for incubation": the organization's confirmed places, newest first. */
export async function placementsOf(db: Db, ctx: Context, organizationId: string): Promise<Placements> {
  requireRoleFor(ctx.actor, "organization.read");
  const [organization] = await db
    .select({ baseId: organizations.baseId, townId: organizations.townId })
    .from(organizations)
    .where(eq(organizations.id, organizationId));
  if (!organization) throw notFound();
  requireAccess(ctx.actor, "organization.read", { ...organization, organizationId });
  const rows = await db
    .select({
      applicationId: applications.id,
      track: applications.track,
      roundTitle: reviewRounds.title,
      callTitle: calls.title,
      decision: admissionDecisions.decision,
      decidedAt: admissionDecisions.decidedAt,
      confirmedAt: admissionDecisions.respondedAt,
    })
    .from(admissionDecisions)
    .innerJoin(applications, eq(applications.id, admissionDecisions.applicationId))
    .innerJoin(calls, eq(calls.id, applications.callId))
    .leftJoin(reviewRounds, eq(reviewRounds.id, admissionDecisions.roundId))
    .where(and(eq(applications.organizationId, organizationId), eq(applications.status, "confirmed")))
    .orderBy(desc(admissionDecisions.decidedAt));
  return {
    items: rows.map((r) => ({
      ...r,
      decidedAt: r.decidedAt.toISOString(),
      confirmedAt: r.confirmedAt?.toISOString() ?? null,
    })),
  };
}
