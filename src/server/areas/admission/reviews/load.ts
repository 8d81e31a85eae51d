/**
 * Finding a review: for its expert (the `assigned_expert` relation: theirs, in a round that has
 * opened, no conflict with the organization; else 404), or for staff of its base.
 */
import { and, eq } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { reviewRounds, reviews, roundSubjects, rubrics } from "../../../../db/schema";
import type { Relation } from "../../../../domain/access";
import type { Rubric as DomainRubric } from "../../../../domain/review/rubric";
import { shanghaiDateTimeIn } from "../../../../domain/shanghai-time";
import type { Context } from "../../../context";
import { AppError, notFound } from "../../../errors";
import { requireAccess, requireRoleFor } from "../../../policy";
import { isConflicted } from "./relations";

export type ReviewRow = typeof reviews.$inferSelect;
export type RoundRow = typeof reviewRounds.$inferSelect;
export type RubricRow = typeof rubrics.$inferSelect;

export interface LoadedReview {
  review: ReviewRow;
  round: RoundRow;
  organizationId: string;
  rubric: RubricRow;
}

async function select(tx: Db, id: string, lock: boolean) {
  const query = tx
    .select({
      review: reviews,
      round: reviewRounds,
      organizationId: roundSubjects.organizationId,
      rubric: rubrics,
    })
    .from(reviews)
    .innerJoin(reviewRounds, eq(reviewRounds.id, reviews.roundId))
    .innerJoin(rubrics, eq(rubrics.id, reviews.rubricId))
    .innerJoin(
      roundSubjects,
      and(eq(roundSubjects.roundId, reviews.roundId), eq(roundSubjects.subjectId, reviews.subjectId)),
    )
    .where(eq(reviews.id, id))
    .limit(1);
  const [row] = lock ? await query.for("update", { of: reviews }) : await query;
  return row;
}

/** The expert's own review; 404 for anyone else's, a conflicted one, or one in a round not yet open. */
export async function loadOwnReview(
  tx: Db,
  ctx: Context,
  id: string,
  options: { lock?: boolean } = {},
): Promise<LoadedReview> {
  requireRoleFor(ctx.actor, "review.write");
  const row = await select(tx, id, options.lock ?? false);
  if (!row) throw notFound();
  const assigned =
    row.review.expertId === ctx.actor.userId &&
    row.round.status !== "draft" &&
    !(await isConflicted(tx, row.review.baseId, ctx.actor.userId, row.organizationId));
  const relations: Relation[] = assigned ? ["assigned_expert"] : [];
  requireAccess(ctx.actor, "review.write", {
    baseId: row.review.baseId,
    organizationId: row.organizationId,
    relations,
  });
  return row;
}

/** A review as staff of its base act on it (reopening). */
export async function loadReviewForStaff(tx: Db, ctx: Context, id: string): Promise<LoadedReview> {
  requireRoleFor(ctx.actor, "round.manage");
  const row = await select(tx, id, true);
  if (!row) throw notFound();
  requireAccess(ctx.actor, "round.manage", { baseId: row.review.baseId });
  return row;
}

/** Scoring happens while the round is open and before its deadline; else 409 saying which. */
export function requireScorable(round: RoundRow, ctx: Context, now = new Date()): void {
  if (round.status !== "open")
    throw new AppError("round_not_open", { details: { roundStatus: round.status } });
  if (round.deadline <= now) {
    throw new AppError("review_deadline_passed", {
      params: { deadline: shanghaiDateTimeIn(round.deadline, ctx.lang) },
      details: { deadline: round.deadline.toISOString() },
    });
  }
}

export function domainRubric(row: RubricRow): DomainRubric {
  return { id: row.id, track: row.track, criteria: row.criteria };
}
