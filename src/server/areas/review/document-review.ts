/**
 * The completeness review of one required item (材料审核): ok / missing / needs correction with a
 * reason, while the application waits for staff. Only audited, not put into the history: a
 * review of ten items would bury the status changes the applicant needs to see.
 */
import { and, eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { documentReviews } from "../../../db/schema";
import { awaitsStaff } from "../../../domain/application";
import { questionsFor, trackOf } from "../../../domain/call";
import type { DocumentReview, ReviewBody } from "../../../schemas/review";
import { recordAudit } from "../../audit";
import type { Context } from "../../context";
import { fieldError } from "../../errors";
import { illegalTransition } from "../applications/transition";
import { type CallRow, loadApplication } from "./load";

/** Keys one track's applicants hand in: its documents, and `q:<key>` for file questions. */
function requirementKeys(call: CallRow, track: Parameters<typeof trackOf>[1]): string[] {
  const documents = trackOf(call.rules, track)?.documents.map((d) => d.key) ?? [];
  const fileQuestions = questionsFor(call.rules, track)
    .filter((q) => q.type === "file")
    .map((q) => `q:${q.key}`);
  return [...documents, ...fileQuestions];
}

export async function reviewRequirement(
  db: Db,
  ctx: Context,
  id: string,
  requirementKey: string,
  input: ReviewBody,
): Promise<DocumentReview> {
  const needsReason = input.status === "missing" || input.status === "needs_correction";
  // A reason belongs to a finding: an item marked ok (or pending) again drops the old one.
  const reason = needsReason ? input.reason?.trim() || null : null;
  if (needsReason && !reason) throw fieldError("reason", "required");
  return db.transaction(async (tx) => {
    const { application, call } = await loadApplication(tx, ctx, id, "application.review", { lock: true });
    if (!awaitsStaff(application.status)) throw illegalTransition(application.status);
    if (!requirementKeys(call, application.track).includes(requirementKey)) {
      throw fieldError("requirementKey", "invalid_option");
    }
    const [before] = await tx
      .select()
      .from(documentReviews)
      .where(and(eq(documentReviews.applicationId, id), eq(documentReviews.requirementKey, requirementKey)));
    const now = new Date();
    const values = { status: input.status, reason, reviewedBy: ctx.actor.userId, reviewedAt: now };
    await tx
      .insert(documentReviews)
      .values({ baseId: application.baseId, applicationId: id, requirementKey, ...values })
      .onConflictDoUpdate({
        target: [documentReviews.applicationId, documentReviews.requirementKey],
        set: values,
      });
    await recordAudit(tx, ctx, {
      baseId: application.baseId,
      action: "application.review_item",
      entityType: "application",
      entityId: id,
      before: before ? { requirementKey, status: before.status, reason: before.reason } : null,
      after: { requirementKey, status: input.status, reason },
    });
    return {
      requirementKey,
      status: input.status,
      reason,
      reviewedAt: now.toISOString(),
      reviewerName: ctx.actor.displayName,
    };
  });
}
