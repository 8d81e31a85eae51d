/**
 * The admission decision (入壳决定): staff admit, waitlist or reject an application of a review
 * round with a reason, within the track's quota unless they say why not; reconsider it while it
 * is provisional; after the public notice, record a lapsed confirmation and offer the freed place
 * to the waitlist. Every status change goes through applyTransition.
 */
import { and, eq } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { admissionDecisions } from "../../../../db/schema";
import { DECISION_EVENT, type DecisionStatus, nextStatus } from "../../../../domain/application";
import { endOfShanghaiDay } from "../../../../domain/working-days";
import type {
  DecisionBody,
  DecisionView,
  OfferBody,
  ReconsiderBody,
} from "../../../../schemas/admission/decisions";
import type { Context } from "../../../context";
import { AppError, fieldError, versionConflict } from "../../../errors";
import { applyTransition, illegalTransition } from "../../recruitment/applications/transition";
import { placesTaken, quotaOf } from "../ranking/ranking";
import { sendLetter } from "./letters";
import { type DecisionRow, loadForDecision, type RoundRow } from "./load";
import { decisionView } from "./view";

/** 409 quota_exceeded unless an override reason is given; returns what the audit records. */
async function checkQuota(
  tx: Db,
  round: RoundRow | null,
  track: DecisionRow["track"],
  applicationId: string,
  overQuotaReason: string | null,
): Promise<Record<string, unknown>> {
  if (!round) return {};
  const quota = await quotaOf(tx, round, track);
  if (quota === null) return {};
  const count = await placesTaken(tx, round.id, track, applicationId);
  if (count < quota) return {};
  if (!overQuotaReason)
    throw new AppError("quota_exceeded", { params: { quota, count }, details: { quota, count } });
  return { overQuota: { quota, count, reason: overQuotaReason } };
}

export async function decideAdmission(
  db: Db,
  ctx: Context,
  id: string,
  body: DecisionBody,
): Promise<DecisionView> {
  const overQuotaReason = body.overQuotaReason?.trim() || null;
  await db.transaction(async (tx) => {
    const { application, decision, round } = await loadForDecision(tx, ctx, id, "admission.decide");
    if (decision?.finalAt) throw new AppError("decision_final");
    const event = DECISION_EVENT[body.decision as DecisionStatus];
    if (!nextStatus(application.status, event)) throw illegalTransition(application.status);
    if (body.version !== application.version) throw versionConflict(application.version);
    const quotaAudit =
      body.decision === "admitted"
        ? await checkQuota(tx, round, application.track, application.id, overQuotaReason)
        : {};
    await applyTransition(tx, ctx, application, event, {
      reason: body.reason,
      expectedVersion: body.version,
      notice: false,
      auditAfter: { roundId: round?.id ?? null, ...quotaAudit },
    });
    const values = {
      decision: body.decision,
      reason: body.reason,
      overQuotaReason: "overQuota" in quotaAudit ? overQuotaReason : null,
      releasedSummary: body.releasedSummary?.trim() || null,
      decidedBy: ctx.actor.userId,
      decidedAt: new Date(),
      roundId: round?.id ?? null,
      track: application.track,
    };
    if (decision) {
      await tx
        .update(admissionDecisions)
        .set({ ...values, version: decision.version + 1, updatedAt: new Date() })
        .where(and(eq(admissionDecisions.id, decision.id), eq(admissionDecisions.version, decision.version)));
    } else {
      await tx
        .insert(admissionDecisions)
        .values({ ...values, baseId: application.baseId, applicationId: application.id });
    }
  });
  return decisionView(db, ctx, id);
}

/** Back to the panel (→ in_review) while the decision is provisional; the decision row goes. */
export async function reconsider(
  db: Db,
  ctx: Context,
  id: string,
  body: ReconsiderBody,
): Promise<DecisionView> {
  await db.transaction(async (tx) => {
    const { application, decision } = await loadForDecision(tx, ctx, id, "admission.decide");
    if (decision?.finalAt) throw new AppError("decision_final");
    await applyTransition(tx, ctx, application, "reconsider", {
      reason: body.reason,
      expectedVersion: body.version,
      notice: false,
      auditAfter: { previous: decision ? { decision: decision.decision, reason: decision.reason } : null },
    });
    if (decision) await tx.delete(admissionDecisions).where(eq(admissionDecisions.id, decision.id));
  });
  return decisionView(db, ctx, id);
}

/** The organization let the confirmation date pass: staff record it (admitted → declined). */
export async function recordLapse(db: Db, ctx: Context, id: string, version: number): Promise<DecisionView> {
  await db.transaction(async (tx) => {
    const { application, decision } = await loadForDecision(tx, ctx, id, "admission.decide");
    if (!nextStatus(application.status, "lapse")) throw illegalTransition(application.status);
    if (!decision?.finalAt || !decision.confirmBy) throw new AppError("decision_not_final");
    if (decision.confirmBy.getTime() >= Date.now()) {
      throw new AppError("confirm_by_not_passed", {
        params: { confirmBy: shanghaiDayOf(decision.confirmBy) },
        details: { confirmBy: decision.confirmBy.toISOString() },
      });
    }
    await applyTransition(tx, ctx, application, "lapse", {
      expectedVersion: version,
      notice: false,
      auditAfter: { confirmBy: decision.confirmBy.toISOString() },
    });
  });
  return decisionView(db, ctx, id);
}

/**
 * A place freed by a decline or a lapse goes to the waitlist: staff admit a waitlisted application
 * (the next by the ranking, shown in the meeting view) with its own confirmation date; its letter
 * goes out at once, since the decision was already final.
 */
export async function offerPlace(db: Db, ctx: Context, id: string, body: OfferBody): Promise<DecisionView> {
  const overQuotaReason = body.overQuotaReason?.trim() || null;
  const confirmBy = endOfShanghaiDay(body.confirmBy);
  if (confirmBy.getTime() <= Date.now()) throw fieldError("confirmBy", "must_be_future");
  await db.transaction(async (tx) => {
    const { application, decision, round } = await loadForDecision(tx, ctx, id, "admission.decide");
    if (application.status !== "waitlisted") throw illegalTransition(application.status);
    if (!decision?.finalAt) throw new AppError("decision_not_final");
    if (body.version !== application.version) throw versionConflict(application.version);
    const quotaAudit = await checkQuota(tx, round, application.track, application.id, overQuotaReason);
    const moved = await applyTransition(tx, ctx, application, "admit", {
      reason: body.reason,
      expectedVersion: body.version,
      notice: false,
      auditAfter: { offeredFromWaitlist: true, confirmBy: confirmBy.toISOString(), ...quotaAudit },
    });
    const [updated] = await tx
      .update(admissionDecisions)
      .set({
        decision: "admitted",
        reason: body.reason,
        overQuotaReason: "overQuota" in quotaAudit ? overQuotaReason : null,
        decidedBy: ctx.actor.userId,
        decidedAt: new Date(),
        confirmBy,
        version: decision.version + 1,
        updatedAt: new Date(),
      })
      .where(and(eq(admissionDecisions.id, decision.id), eq(admissionDecisions.version, decision.version)))
      .returning();
    if (!updated) throw versionConflict(decision.version + 1);
    await sendLetter(tx, moved, updated, { offered: true, roundTitle: round?.title ?? null });
  });
  return decisionView(db, ctx, id);
}

export function shanghaiDayOf(date: Date): string {
  return new Date(date.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
