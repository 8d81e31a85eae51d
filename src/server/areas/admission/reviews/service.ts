/**
 * The expert's side of the review: their assignments by round, one application to score (the
 * dossier as the application view shows it, the signed-off inspection, the rubric), the draft
 * saved as they type, the submit (every criterion within its scale, a comment for a score at
 * either end), and, only after their own submit and only if the round says so, the others'
 * scores. Staff reopen a submitted review (audited, the expert told).
 */
import { and, asc, desc, eq, ne, or, sql } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import {
  applications,
  inspections,
  organizations,
  reviewRounds,
  reviews,
  roundSubjects,
} from "../../../../db/schema";
import type { CriterionTemplate } from "../../../../domain/review/default-rubrics";
import type { ReviewStatus } from "../../../../domain/review/round";
import { ReviewInputError, totalMicro, weightedTotal } from "../../../../domain/review/rubric";
import type {
  MyReviews,
  ReviewDetail,
  ReviewDraft,
  ReviewSaved,
} from "../../../../schemas/admission/reviews";
import { FIELD_MESSAGES, type FieldMessageKey, format, type Lang } from "../../../../schemas/messages";
import { recordAudit } from "../../../audit";
import type { Context } from "../../../context";
import { AppError, fieldError, versionConflict } from "../../../errors";
import { notify } from "../../../notify";
import { requireListScope, scopeWhere } from "../../../scope";
import { applicationDetail } from "../../recruitment/applications/view";
import { findConflicts } from "../experts/conflicts";
import {
  domainRubric,
  type LoadedReview,
  loadOwnReview,
  loadReviewForStaff,
  type ReviewRow,
  type RubricRow,
  requireScorable,
} from "./load";

const nameOf = (c: CriterionTemplate, lang: Lang) => (lang === "en" ? c.name.en || c.name.zhCN : c.name.zhCN);

/** The weighted total on 0-100 when every criterion is scored within its scale; else null. */
function totalOf(
  rubric: RubricRow,
  review: Pick<ReviewRow, "scores" | "subjectId" | "expertId">,
): number | null {
  const complete = rubric.criteria.every((c) => {
    const s = review.scores[c.key];
    return typeof s === "number" && s >= c.min && s <= c.max;
  });
  if (!complete) return null;
  const clean = Object.fromEntries(rubric.criteria.map((c) => [c.key, review.scores[c.key] as number]));
  return weightedTotal(domainRubric(rubric), {
    applicationId: review.subjectId,
    expertId: review.expertId,
    track: rubric.track,
    rubricId: rubric.id,
    scores: clean,
  });
}

function savedView(review: ReviewRow, rubric: RubricRow): ReviewSaved {
  return {
    id: review.id,
    version: review.version,
    status: review.status,
    scores: review.scores,
    comments: review.comments,
    overallComment: review.overallComment,
    submittedAt: review.submittedAt?.toISOString() ?? null,
    total: totalOf(rubric, review),
  };
}

/**
 * The expert's rounds with x of n submitted, and the assignments of the open ones (and of
 * `roundId` when asked). Two reads: every assignment as little as counting needs (round,
 * organization, status), and the listed rounds' entries with the organizations' names; then the
 * conflicts over the organizations. An expert of forty past rounds has a thousand reviews: they
 * are counted, not sent (the answer was 265 kB at city scale).
 */
export async function listMyReviews(
  db: Db,
  ctx: Context,
  options: { roundId?: string } = {},
): Promise<MyReviews> {
  const scope = requireListScope(ctx.actor, "review.listOwn");
  const mine = and(
    scopeWhere(scope, { baseId: reviews.baseId, assigneeId: reviews.expertId }),
    ne(reviewRounds.status, "draft"),
  );
  // Each review's subject by its primary key: joined plainly, the planner (misjudging the
  // two-column join as far more selective) hashed every round's subjects for one expert's few.
  const subject = db
    .select({ organizationId: roundSubjects.organizationId, track: roundSubjects.track })
    .from(roundSubjects)
    .where(and(eq(roundSubjects.roundId, reviews.roundId), eq(roundSubjects.subjectId, reviews.subjectId)))
    .limit(1)
    .as("subject");
  const listed = options.roundId
    ? or(eq(reviewRounds.status, "open"), eq(reviewRounds.id, options.roundId))
    : eq(reviewRounds.status, "open");
  const [assigned, entries] = await Promise.all([
    db
      .select({
        roundId: reviewRounds.id,
        title: reviewRounds.title,
        roundStatus: reviewRounds.status,
        deadline: reviewRounds.deadline,
        // [organization, status] per review: one row per round, not one per review.
        assignments: sql<
          [string, ReviewStatus][] | string
        >`json_agg(json_build_array(${subject.organizationId}, ${reviews.status}))`,
      })
      .from(reviews)
      .innerJoin(reviewRounds, eq(reviewRounds.id, reviews.roundId))
      .innerJoinLateral(subject, sql`true`)
      .where(mine)
      .groupBy(reviewRounds.id)
      .orderBy(desc(reviewRounds.deadline), asc(reviewRounds.id)),
    db
      .select({
        review: {
          id: reviews.id,
          roundId: reviews.roundId,
          subjectId: reviews.subjectId,
          status: reviews.status,
          submittedAt: reviews.submittedAt,
          updatedAt: reviews.updatedAt,
        },
        organizationId: roundSubjects.organizationId,
        organizationName: organizations.name,
        track: roundSubjects.track,
      })
      .from(reviews)
      .innerJoin(reviewRounds, eq(reviewRounds.id, reviews.roundId))
      .innerJoin(
        roundSubjects,
        and(eq(roundSubjects.roundId, reviews.roundId), eq(roundSubjects.subjectId, reviews.subjectId)),
      )
      .innerJoin(organizations, eq(organizations.id, roundSubjects.organizationId))
      .where(and(mine, listed))
      .orderBy(asc(organizations.name), asc(reviews.id)),
  ]);
  const rounds = assigned.map((r) => ({
    ...r,
    assignments:
      typeof r.assignments === "string"
        ? (JSON.parse(r.assignments) as [string, ReviewStatus][])
        : r.assignments,
  }));
  // A conflict found after the assignment hides the application, as opening it would (404).
  const conflicts = await findConflicts(
    db,
    ctx.actor.baseId,
    [ctx.actor.userId],
    [...new Set(rounds.flatMap((r) => r.assignments.map(([organizationId]) => organizationId)))],
  );
  const conflicted = new Set(conflicts.map((c) => c.organizationId));
  const groups = new Map<string, MyReviews["rounds"][number]>();
  for (const round of rounds) {
    const kept = round.assignments.filter(([organizationId]) => !conflicted.has(organizationId));
    if (kept.length === 0) continue;
    groups.set(round.roundId, {
      roundId: round.roundId,
      title: round.title,
      status: round.roundStatus,
      deadline: round.deadline.toISOString(),
      total: kept.length,
      submitted: kept.filter(([, status]) => status === "submitted").length,
      reviews: round.roundStatus === "open" || round.roundId === options.roundId ? [] : null,
    });
  }
  for (const row of entries) {
    if (conflicted.has(row.organizationId)) continue;
    groups.get(row.review.roundId)?.reviews?.push({
      id: row.review.id,
      applicationId: row.review.subjectId,
      organizationName: row.organizationName,
      track: row.track,
      status: row.review.status,
      submittedAt: row.review.submittedAt?.toISOString() ?? null,
      updatedAt: row.review.updatedAt.toISOString(),
    });
  }
  return { rounds: [...groups.values()], serverNow: new Date().toISOString() };
}

export async function getReview(db: Db, ctx: Context, id: string): Promise<ReviewDetail> {
  const loaded = await loadOwnReview(db, ctx, id);
  const { review, round, rubric } = loaded;
  // The application with its signed-off inspection and the expert's other reviews of the round
  // (for "next") in one statement; then its dossier and (after one's submit) the others' scores.
  const [row] = await db
    .select({
      application: applications,
      inspection: sql<InspectionJson | string | null>`(
        select json_build_object('id', i.id, 'revision', i.revision, 'mode', i.mode,
          'scheduledAt', i.scheduled_at, 'place', i.place, 'recommendation', i.recommendation,
          'signedOffAt', i.signed_off_at, 'finding', i.finding)
        from ${inspections} i
        where i.application_id = ${review.subjectId} and i.signed_off_at is not null
        order by i.revision desc limit 1)`,
      siblings: sql<ReviewDetail["siblings"] | string>`coalesce((
        select json_agg(json_build_object('id', r.id, 'status', r.status, 'organizationName', o.name)
          order by o.name, r.id)
        from ${reviews} r
        join ${roundSubjects} rs on rs.round_id = r.round_id and rs.subject_id = r.subject_id
        join ${organizations} o on o.id = rs.organization_id
        where r.round_id = ${round.id} and r.expert_id = ${ctx.actor.userId}), '[]')`,
    })
    .from(applications)
    .where(eq(applications.id, review.subjectId))
    .limit(1);
  if (!row) throw new AppError("not_found");
  const { application } = row;
  const found = parsed(row.inspection);
  const siblings = parsed(row.siblings);
  const [dossier, others] = await Promise.all([
    applicationDetail(db, ctx, application),
    othersOf(db, loaded),
  ]);
  return {
    id: review.id,
    version: review.version,
    status: review.status,
    round: {
      id: round.id,
      title: round.title,
      status: round.status,
      deadline: round.deadline.toISOString(),
      revealAfterSubmit: round.revealAfterSubmit,
    },
    applicationId: review.subjectId,
    track: rubric.track,
    scores: review.scores,
    comments: review.comments,
    overallComment: review.overallComment,
    submittedAt: review.submittedAt?.toISOString() ?? null,
    total: totalOf(rubric, review),
    rubric: {
      id: rubric.id,
      version: rubric.version,
      title: rubric.title,
      source: rubric.source,
      criteria: rubric.criteria.map((c) => ({ ...c, levels: [...c.levels] })),
    },
    // The expert reads; nothing on the applicant's or staff's side is theirs to do.
    application: { ...dossier, availableEvents: [] },
    inspection: found
      ? {
          id: found.id,
          revision: found.revision,
          mode: found.mode,
          scheduledAt: new Date(found.scheduledAt).toISOString(),
          place: found.place,
          recommendation: found.recommendation,
          signedOffAt: found.signedOffAt === null ? null : new Date(found.signedOffAt).toISOString(),
          finding: found.finding,
        }
      : null,
    others,
    siblings,
    serverNow: new Date().toISOString(),
  };
}

/** The signed-off inspection as the database's JSON gives it (times as ISO strings). */
type InspectionJson = NonNullable<ReviewDetail["inspection"]>;

/** A JSON column as the driver gives it: parsed by node-postgres, maybe text elsewhere. */
function parsed<T>(value: T | string): T {
  return typeof value === "string" ? (JSON.parse(value) as T) : value;
}

/** The others' submitted reviews: never before one's own submit, and only if the round reveals them. */
async function othersOf(db: Db, { review, round, rubric }: LoadedReview): Promise<ReviewDetail["others"]> {
  if (review.status !== "submitted" || !round.revealAfterSubmit) return null;
  const rows = await db
    .select()
    .from(reviews)
    .where(
      and(
        eq(reviews.roundId, round.id),
        eq(reviews.subjectId, review.subjectId),
        eq(reviews.status, "submitted"),
        eq(reviews.rubricId, rubric.id),
      ),
    )
    .orderBy(asc(reviews.submittedAt), asc(reviews.id));
  const others = rows.filter((r) => r.id !== review.id);
  const totals = rows.map((r) => totalOf(rubric, r)).filter((t): t is number => t !== null);
  return {
    reviews: others.map((r, i) => ({
      label: String.fromCharCode(65 + (i % 26)),
      total: totalOf(rubric, r) ?? 0,
      scores: r.scores,
    })),
    mean: totals.length > 0 ? totals.reduce((a, b) => a + b, 0) / totals.length : null,
  };
}

function criterionOf(rubric: RubricRow, key: string, lang: Lang): CriterionTemplate {
  const criterion = rubric.criteria.find((c) => c.key === key);
  if (!criterion) throw fieldError(`scores.${key}`, "score_unknown_criterion", { criterion: key });
  void lang;
  return criterion;
}

export async function saveDraft(db: Db, ctx: Context, id: string, input: ReviewDraft): Promise<ReviewSaved> {
  return db.transaction(async (tx) => {
    const { review, round, rubric } = await loadOwnReview(tx, ctx, id, { lock: true });
    requireScorable(round, ctx);
    if (review.status === "submitted") throw new AppError("review_submitted");
    if (review.version !== input.version) throw versionConflict(review.version);
    const scores = { ...review.scores };
    for (const [key, value] of Object.entries(input.scores ?? {})) {
      const c = criterionOf(rubric, key, ctx.lang);
      if (value === null) delete scores[key];
      else if (value < c.min || value > c.max) {
        throw fieldError(`scores.${key}`, "score_out_of_scale", {
          criterion: nameOf(c, ctx.lang),
          min: c.min,
          max: c.max,
        });
      } else scores[key] = value;
    }
    const comments = { ...review.comments };
    for (const [key, value] of Object.entries(input.comments ?? {})) {
      if (!rubric.criteria.some((c) => c.key === key)) {
        throw fieldError(`comments.${key}`, "score_unknown_criterion", { criterion: key });
      }
      if (value === "") delete comments[key];
      else comments[key] = value;
    }
    const [updated] = await tx
      .update(reviews)
      .set({
        scores,
        comments,
        ...(input.overallComment !== undefined ? { overallComment: input.overallComment || null } : {}),
        status: "draft",
        version: review.version + 1,
        updatedAt: new Date(),
      })
      .where(and(eq(reviews.id, id), eq(reviews.version, review.version)))
      .returning();
    if (!updated) throw versionConflict(review.version + 1);
    return savedView(updated, rubric);
  });
}

interface Problem {
  field: string;
  key: FieldMessageKey;
  params: Record<string, unknown>;
}

/** Everything that keeps a review from being submitted, criterion by criterion, in rubric order. */
function submitProblems(rubric: RubricRow, review: ReviewRow, lang: Lang): Problem[] {
  const problems: Problem[] = [];
  for (const c of rubric.criteria) {
    const criterion = nameOf(c, lang);
    const score = review.scores[c.key];
    if (typeof score !== "number") {
      problems.push({ field: `scores.${c.key}`, key: "score_required", params: { criterion } });
    } else if (!Number.isInteger(score) || score < c.min || score > c.max) {
      problems.push({
        field: `scores.${c.key}`,
        key: "score_out_of_scale",
        params: { criterion, min: c.min, max: c.max },
      });
    } else if ((score === c.min || score === c.max) && !review.comments[c.key]?.trim()) {
      problems.push({
        field: `comments.${c.key}`,
        key: "comment_required_at_end",
        params: { criterion, score },
      });
    }
  }
  return problems;
}

/**
 * The total the ranking sums (reviews.total_micro), by the ranking's own function; null when the
 * ranking math would refuse the scores, so the ranking computes and refuses them itself.
 */
function storedTotal(rubric: RubricRow, review: ReviewRow): number | null {
  try {
    return totalMicro(domainRubric(rubric), {
      applicationId: review.subjectId,
      expertId: review.expertId,
      track: rubric.track,
      rubricId: review.rubricId,
      scores: review.scores,
    });
  } catch (error) {
    if (error instanceof ReviewInputError) return null;
    throw error;
  }
}

export async function submitReview(db: Db, ctx: Context, id: string, version: number): Promise<ReviewSaved> {
  return db.transaction(async (tx) => {
    const { review, round, rubric, organizationId } = await loadOwnReview(tx, ctx, id, { lock: true });
    requireScorable(round, ctx);
    if (review.status === "submitted") throw new AppError("review_submitted");
    if (review.version !== version) throw versionConflict(review.version);
    const problems = submitProblems(rubric, review, ctx.lang);
    const first = problems[0];
    if (first) {
      throw new AppError("validation_failed", {
        field: first.field,
        fieldMessage: first.key,
        params: first.params,
        details: {
          problems: problems.map((p) => ({
            field: p.field,
            message: format(FIELD_MESSAGES[p.key][ctx.lang], p.params),
          })),
        },
      });
    }
    const now = new Date();
    const [updated] = await tx
      .update(reviews)
      .set({
        status: "submitted",
        submittedAt: now,
        totalMicro: storedTotal(rubric, review),
        version: review.version + 1,
        updatedAt: now,
      })
      .where(and(eq(reviews.id, id), eq(reviews.version, review.version)))
      .returning();
    if (!updated) throw versionConflict(review.version + 1);
    await recordAudit(tx, ctx, {
      baseId: review.baseId,
      action: "review.submit",
      entityType: "review",
      entityId: id,
      after: {
        roundId: round.id,
        subjectId: review.subjectId,
        organizationId,
        scores: review.scores,
        total: totalOf(rubric, review),
      },
    });
    return savedView(updated, rubric);
  });
}

export async function reopenReview(
  db: Db,
  ctx: Context,
  id: string,
  input: { version: number; reason: string },
): Promise<ReviewSaved> {
  return db.transaction(async (tx) => {
    const { review, round, rubric, organizationId } = await loadReviewForStaff(tx, ctx, id);
    if (round.status !== "open")
      throw new AppError("round_not_open", { details: { roundStatus: round.status } });
    if (review.status !== "submitted") throw new AppError("review_not_submitted");
    if (review.version !== input.version) throw versionConflict(review.version);
    const [updated] = await tx
      .update(reviews)
      .set({
        status: "draft",
        submittedAt: null,
        totalMicro: null,
        reopenedCount: review.reopenedCount + 1,
        version: review.version + 1,
        updatedAt: new Date(),
      })
      .where(and(eq(reviews.id, id), eq(reviews.version, review.version)))
      .returning();
    if (!updated) throw versionConflict(review.version + 1);
    await recordAudit(tx, ctx, {
      baseId: review.baseId,
      action: "review.reopen",
      entityType: "review",
      entityId: id,
      before: {
        status: review.status,
        submittedAt: review.submittedAt?.toISOString() ?? null,
        scores: review.scores,
      },
      after: { status: "draft", reason: input.reason, expertId: review.expertId },
    });
    const [org] = await tx
      .select({ name: organizations.name })
      .from(organizations)
      .where(eq(organizations.id, organizationId))
      .limit(1);
    await notify(tx, {
      baseId: review.baseId,
      recipients: { kind: "users", userIds: [review.expertId] },
      kind: "review_reopened",
      params: {
        roundId: round.id,
        roundTitle: round.title,
        organizationName: org?.name ?? "",
        reason: input.reason,
      },
      link: `/reviews/${id}`,
    });
    return savedView(updated, rubric);
  });
}
