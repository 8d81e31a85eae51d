/**
 * The decision as each side reads it: staff see it as it stands (provisional or final, with the
 * over-quota reason); the organization sees it only once final (after the public notice), with
 * the reason and the summary staff released, never the experts' scores or comments.
 */
import { eq } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { admissionDecisions, incubations, reviewRounds } from "../../../../db/schema";
import { hasRole } from "../../../../domain/roles";
import type { DecisionView } from "../../../../schemas/admission/decisions";
import type { Context } from "../../../context";
import { loadForRead } from "../../recruitment/applications/load";

export async function decisionView(db: Db, ctx: Context, id: string): Promise<DecisionView> {
  const application = await loadForRead(db, ctx, id);
  const [row] = await db
    .select({
      decision: admissionDecisions,
      roundTitle: reviewRounds.title,
      incubationId: incubations.id,
    })
    .from(admissionDecisions)
    .leftJoin(reviewRounds, eq(reviewRounds.id, admissionDecisions.roundId))
    .leftJoin(incubations, eq(incubations.applicationId, admissionDecisions.applicationId))
    .where(eq(admissionDecisions.applicationId, id));
  const staff = hasRole(ctx.actor, "admin", "staff");
  const d = row && (staff || row.decision.finalAt) ? row.decision : null;
  return {
    applicationId: application.id,
    status: application.status,
    applicationVersion: application.version,
    track: application.track,
    decision: d?.decision ?? null,
    reason: d?.reason ?? null,
    releasedSummary: d?.releasedSummary ?? null,
    overQuotaReason: staff ? (d?.overQuotaReason ?? null) : null,
    final: !!d?.finalAt,
    finalAt: d?.finalAt?.toISOString() ?? null,
    confirmBy: d?.confirmBy?.toISOString() ?? null,
    respondedAt: d?.respondedAt?.toISOString() ?? null,
    roundTitle: d ? (row?.roundTitle ?? null) : null,
    version: d?.version ?? null,
    incubationId: d ? (row?.incubationId ?? null) : null,
  };
}
