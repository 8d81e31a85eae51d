/**
 * Staff decisions on one application: return for completion (the reason also goes into the
 * thread, where the applicant reads it), accept for screening, mark ineligible, and the
 * deadline extension (not a status change, but history, audit and a notice all the same).
 */
import { eq } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { recordApplicationHistory } from "../../../../db/history";
import { applicationMessages, applications } from "../../../../db/schema";
import { type ApplicationEvent, nextStatus } from "../../../../domain/application";
import { canSubmitAt } from "../../../../domain/call";
import type { IntakeGapState } from "../../../../domain/intake-gaps";
import type { DecisionResult, ExtendBody } from "../../../../schemas/recruitment/intake";
import { recordAudit } from "../../../audit";
import type { Context } from "../../../context";
import { fieldError, versionConflict } from "../../../errors";
import { noticeOtherSide } from "../applications/notice";
import { applyTransition, illegalTransition } from "../applications/transition";
import { requireGapsConfirmed } from "./gaps";
import { type ApplicationRow, loadApplication } from "./load";

export type Decision = "return" | "accept" | "ineligible";

const EVENT_OF: Record<Decision, ApplicationEvent> = {
  return: "return",
  accept: "accept",
  ineligible: "mark_ineligible",
};

/**
 * One decision in its own transaction. `version` undefined (bulk) decides on the current
 * version; the state machine still refuses what is not allowed from the current status.
 */
export async function decide(
  db: Db,
  ctx: Context,
  id: string,
  decision: Decision,
  input: {
    version?: number;
    reason?: string | null;
    resubmitUntil?: string | null;
    /** Accept: the gaps staff were shown and accept over (gaps.ts). */
    confirmUnchecked?: { key: string; state: IntakeGapState }[];
  },
): Promise<DecisionResult> {
  const reason = input.reason?.trim() || null;
  if (decision !== "accept" && !reason) throw fieldError("reason", "required");
  const resubmitUntil = input.resubmitUntil ? new Date(input.resubmitUntil) : null;
  if (resubmitUntil && resubmitUntil.getTime() <= Date.now())
    throw fieldError("resubmitUntil", "must_be_future");
  const row = await db.transaction(async (tx) => {
    const { application, call } = await loadApplication(tx, ctx, id, "application.intake", { lock: true });
    const confirmedOver =
      decision === "accept"
        ? await requireGapsConfirmed(
            tx,
            ctx.lang,
            { application, call },
            input.version,
            input.confirmUnchecked ?? [],
          )
        : [];
    // Returned after the deadline (or after the call was closed), the applicant could never
    // resubmit: the return must then say until when they may.
    const now = new Date();
    if (
      decision === "return" &&
      !resubmitUntil &&
      nextStatus(application.status, "return") &&
      !canSubmitAt(call, now, application.extendedUntil)
    ) {
      throw fieldError("resubmitUntil", "resubmit_deadline_required");
    }
    const updated = await applyTransition(tx, ctx, application, EVENT_OF[decision], {
      reason,
      expectedVersion: input.version,
      noticeParams: {
        callTitle: call.title,
        ...(resubmitUntil && decision === "return" ? { extendedUntil: resubmitUntil.toISOString() } : {}),
      },
      ...(resubmitUntil && decision === "return" ? { set: { extendedUntil: resubmitUntil } } : {}),
      // The record says the acceptance went over these items knowingly, and which they were.
      ...(confirmedOver.length
        ? { auditAfter: { confirmedOver: { count: confirmedOver.length, items: confirmedOver } } }
        : {}),
    });
    if (decision === "return" && reason) await postStaffMessage(tx, ctx, application, reason);
    return updated;
  });
  return toResult(row);
}

/** The return reason as a staff message: no separate notice, the status notice already says it. */
async function postStaffMessage(tx: Db, ctx: Context, application: ApplicationRow, body: string) {
  await tx.insert(applicationMessages).values({
    baseId: application.baseId,
    applicationId: application.id,
    side: "staff",
    authorId: ctx.actor.userId,
    authorName: ctx.actor.displayName,
    body,
  });
}

/**
 * Lets one applicant submit (or resubmit) after the call's closing time, until `until`. Only
 * while the form is the applicant's to change (draft or returned); anything else is 409.
 */
export async function extendDeadline(
  db: Db,
  ctx: Context,
  id: string,
  input: ExtendBody,
): Promise<DecisionResult> {
  const until = new Date(input.until);
  if (until.getTime() <= Date.now()) throw fieldError("until", "must_be_future");
  const reason = input.reason?.trim() || null;
  const row = await db.transaction(async (tx) => {
    const { application, call } = await loadApplication(tx, ctx, id, "application.intake", { lock: true });
    if (application.status !== "draft" && application.status !== "returned") {
      throw illegalTransition(application.status);
    }
    if (input.version !== application.version) throw versionConflict(application.version);
    const [updated] = await tx
      .update(applications)
      // The version stays: it guards what the applicant edits, and an extension changes none
      // of it, so an applicant with the form open keeps saving without a conflict.
      .set({ extendedUntil: until, updatedAt: new Date() })
      .where(eq(applications.id, id))
      .returning();
    if (!updated) throw versionConflict(application.version);
    await recordApplicationHistory(tx, {
      baseId: application.baseId,
      applicationId: id,
      organizationId: application.organizationId,
      track: application.track,
      event: "extend",
      fromStatus: application.status,
      toStatus: application.status,
      reason,
      side: "staff",
      actor: { id: ctx.actor.userId, name: ctx.actor.displayName },
    });
    await recordAudit(tx, ctx, {
      baseId: application.baseId,
      action: "application.extend",
      entityType: "application",
      entityId: id,
      before: { extendedUntil: application.extendedUntil?.toISOString() ?? null },
      after: { extendedUntil: until.toISOString(), reason },
    });
    await noticeOtherSide(tx, ctx, application, "staff", "application_status", {
      event: "extend",
      status: application.status,
      extendedUntil: until.toISOString(),
      reason,
      callTitle: call.title,
    });
    return updated;
  });
  return toResult(row);
}

function toResult(row: ApplicationRow): DecisionResult {
  return {
    id: row.id,
    status: row.status,
    version: row.version,
    extendedUntil: row.extendedUntil?.toISOString() ?? null,
    statusReason: row.statusReason,
  };
}
