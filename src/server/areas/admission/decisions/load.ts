/**
 * What a decision works on: the application (locked for this transaction), its decision row, and
 * the review round it was reviewed in (the latest one that holds it), which sets the quota.
 */
import { desc, eq } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { admissionDecisions, applications, reviewRounds, roundSubjects } from "../../../../db/schema";
import type { Action } from "../../../../domain/access";
import type { Context } from "../../../context";
import { notFound } from "../../../errors";
import { requireAccess, requireRoleFor } from "../../../policy";
import type { ApplicationRow } from "../../recruitment/applications/load";

export type DecisionRow = typeof admissionDecisions.$inferSelect;
export type RoundRow = typeof reviewRounds.$inferSelect;

export async function loadForDecision(
  tx: Db,
  ctx: Context,
  id: string,
  action: Action,
): Promise<{ application: ApplicationRow; decision: DecisionRow | null; round: RoundRow | null }> {
  requireRoleFor(ctx.actor, action);
  const [application] = await tx
    .select()
    .from(applications)
    .where(eq(applications.id, id))
    .limit(1)
    .for("update");
  if (!application) throw notFound();
  requireAccess(ctx.actor, action, application);
  const [decision] = await tx
    .select()
    .from(admissionDecisions)
    .where(eq(admissionDecisions.applicationId, id));
  const [found] = await tx
    .select({ id: roundSubjects.roundId })
    .from(roundSubjects)
    .where(eq(roundSubjects.subjectId, id))
    .orderBy(desc(roundSubjects.addedAt))
    .limit(1);
  const roundId = decision?.roundId ?? found?.id;
  // The round is locked too: two admissions in one track are counted against the quota in turn.
  const [round] = roundId
    ? await tx.select().from(reviewRounds).where(eq(reviewRounds.id, roundId)).for("update")
    : [];
  return { application, decision: decision ?? null, round: round ?? null };
}
