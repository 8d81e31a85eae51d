/**
 * Who reviews what in a round: the figures staff see (loads, match, components, overlap, the
 * applications short of k, the conflicts with their reasons), the automatic assignment
 * (assignReviewers, docs/REVIEW.md), and the hand adjustments of one pair.
 *
 * The automatic assignment keeps every review an expert has begun (draft or submitted) and every
 * pair staff set by hand or a drop-out reassigned; in a draft round it re-solves the untouched
 * automatic ones, in an open round it keeps those too and only fills what is missing.
 */
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { reviews } from "../../../../db/schema";
import {
  type AssignmentRound,
  assignmentFigures,
  assignReviewers,
  type ReviewPair,
  type Shortfall,
} from "../../../../domain/review/assignment";
import type { AssignmentView, AutoAssignResult, PairBody } from "../../../../schemas/admission/rounds";
import { recordAudit } from "../../../audit";
import type { Context } from "../../../context";
import { AppError, notFound } from "../../../errors";
import { loadRound, type RoundRow, requireRoundStatus } from "./load";
import {
  conflictWords,
  KEPT,
  loadProblem,
  type RoundProblemData,
  sharedFields,
  toAssignmentRound,
} from "./problem";

function view(round: RoundRow, data: RoundProblemData, ctx: Context): AssignmentView {
  const k = round.reviewsPerSubject;
  const { round: problem, pairs } = toAssignmentRound(data, k);
  // Figures over every pair as it stands (assignmentFigures wants the round's own ids).
  const figuresRound: AssignmentRound = { ...problem, conflicts: [] };
  const figures = assignmentFigures(figuresRound, pairs);
  const fieldsOf = new Map(data.subjects.map((s) => [s.applicationId, s.fields]));
  const expertFields = new Map(data.experts.map((e) => [e.expertId, e.fields]));
  return {
    roundId: round.id,
    k,
    pairs: data.reviews.map((r) => ({
      reviewId: r.id,
      subjectId: r.subjectId,
      expertId: r.expertId,
      status: r.status,
      source: r.source,
      match: sharedFields(fieldsOf.get(r.subjectId) ?? [], expertFields.get(r.expertId) ?? []),
      typed: Object.keys(r.scores).length,
      version: r.version,
    })),
    figures: {
      objective: figures.objective,
      loads: figures.loads
        .filter((l) => !l.expertId.startsWith(KEPT))
        .map((l) => ({ ...l, max: Number.isFinite(l.max) ? l.max : l.load })),
      loadSpread: figures.loadSpread,
      components: figures.components,
      smallestOverlap: figures.smallestOverlap,
    },
    short: data.subjects
      .map((s) => ({
        applicationId: s.applicationId,
        organizationName: s.organizationName,
        reviewers: data.reviews.filter((r) => r.subjectId === s.applicationId).length,
      }))
      .filter((s) => s.reviewers < k),
    conflicts: data.conflicts.map((c) => ({
      expertId: c.finding.expertId,
      applicationId: c.applicationId,
      kind: c.finding.kind,
      reason: conflictWords(c.finding, ctx.lang),
    })),
  };
}

export async function getAssignment(db: Db, ctx: Context, id: string): Promise<AssignmentView> {
  const round = await loadRound(db, ctx, id);
  return view(round, await loadProblem(db, round), ctx);
}

function shortfallsView(data: RoundProblemData, shortfalls: readonly Shortfall[]) {
  return shortfalls.map((s) => ({
    ...s,
    organizationName: data.subjects.find((x) => x.applicationId === s.applicationId)?.organizationName ?? "",
  }));
}

/** Writes the solver's new pairs as reviews of the subject's track rubric. */
export async function insertPairs(
  tx: Db,
  round: RoundRow,
  data: RoundProblemData,
  pairs: readonly ReviewPair[],
  source: "auto" | "manual" | "reassigned",
): Promise<void> {
  if (pairs.length === 0) return;
  const trackOf = new Map(data.subjects.map((s) => [s.applicationId, s.track]));
  await tx.insert(reviews).values(
    pairs.map((p) => {
      const track = trackOf.get(p.applicationId);
      const rubricId = track ? round.rubricIds[track] : undefined;
      if (!rubricId) throw new Error(`round ${round.id} has no rubric for track ${track}`);
      return {
        baseId: round.baseId,
        roundId: round.id,
        subjectId: p.applicationId,
        expertId: p.expertId,
        rubricId,
        source,
      };
    }),
  );
}

export async function autoAssign(db: Db, ctx: Context, id: string): Promise<AutoAssignResult> {
  return db.transaction(async (tx) => {
    const round = await loadRound(tx, ctx, id, { lock: true });
    requireRoundStatus(round, "draft", "open");
    const data = await loadProblem(tx, round);
    const { round: problem, pairs } = toAssignmentRound(data, round.reviewsPerSubject);
    // Free: untouched automatic pairs of a draft round; everything else stays.
    const free = new Set(
      round.status === "draft"
        ? data.reviews
            .filter(
              (r) => r.source === "auto" && r.status === "assigned" && Object.keys(r.scores).length === 0,
            )
            .map((r) => `${r.subjectId}|${r.expertId}`)
        : [],
    );
    const fixed = pairs.filter((p) => !free.has(`${p.applicationId}|${p.expertId}`));
    const result = await assignReviewers({ ...problem, fixed });
    if (result.status === "invalid") {
      throw new AppError("validation_failed", { details: { problems: result.problems } });
    }
    const chosen = new Set(result.pairs.map((p) => `${p.applicationId}|${p.expertId}`));
    const removed = data.reviews.filter(
      (r) => free.has(`${r.subjectId}|${r.expertId}`) && !chosen.has(`${r.subjectId}|${r.expertId}`),
    );
    if (removed.length > 0) {
      await tx.delete(reviews).where(
        inArray(
          reviews.id,
          removed.map((r) => r.id),
        ),
      );
    }
    const existing = new Set(pairs.map((p) => `${p.applicationId}|${p.expertId}`));
    const added = result.pairs.filter((p) => !existing.has(`${p.applicationId}|${p.expertId}`));
    await insertPairs(tx, round, data, added, "auto");
    await recordAudit(tx, ctx, {
      baseId: round.baseId,
      action: "round.auto_assign",
      entityType: "round",
      entityId: round.id,
      after: {
        status: result.status,
        added: added.length,
        removed: removed.length,
        objective: result.objective,
        components: result.components,
        smallestOverlap: result.smallestOverlap,
        shortfalls: result.shortfalls,
      },
    });
    const after = await loadProblem(tx, round);
    return {
      ...view(round, after, ctx),
      status: result.status,
      shortfalls: shortfallsView(data, result.shortfalls),
      added: added.length,
      removed: removed.length,
    };
  });
}

export async function addPair(db: Db, ctx: Context, id: string, input: PairBody): Promise<AssignmentView> {
  return db.transaction(async (tx) => {
    const round = await loadRound(tx, ctx, id, { lock: true });
    requireRoundStatus(round, "draft", "open");
    const data = await loadProblem(tx, round);
    const subject = data.subjects.find((s) => s.applicationId === input.subjectId);
    const expert = data.experts.find((e) => e.expertId === input.expertId && !e.dropped);
    if (!subject || !expert) throw notFound();
    const conflict = data.conflicts.find(
      (c) => c.applicationId === input.subjectId && c.finding.expertId === input.expertId,
    );
    if (conflict) {
      const reason = conflictWords(conflict.finding, ctx.lang);
      throw new AppError("expert_conflicted", {
        params: { reason },
        details: { kind: conflict.finding.kind, reason },
      });
    }
    if (data.reviews.some((r) => r.subjectId === input.subjectId && r.expertId === input.expertId)) {
      throw new AppError("duplicate", { params: { label: ctx.lang === "en" ? "The assignment" : "该分配" } });
    }
    await insertPairs(
      tx,
      round,
      data,
      [{ applicationId: input.subjectId, expertId: input.expertId }],
      "manual",
    );
    await recordAudit(tx, ctx, {
      baseId: round.baseId,
      action: "round.add_pair",
      entityType: "round",
      entityId: round.id,
      after: { subjectId: input.subjectId, expertId: input.expertId },
    });
    return view(round, await loadProblem(tx, round), ctx);
  });
}

export async function removePair(db: Db, ctx: Context, id: string, input: PairBody): Promise<AssignmentView> {
  return db.transaction(async (tx) => {
    const round = await loadRound(tx, ctx, id, { lock: true });
    requireRoundStatus(round, "draft", "open");
    const [review] = await tx
      .select()
      .from(reviews)
      .where(
        and(
          eq(reviews.roundId, id),
          eq(reviews.subjectId, input.subjectId),
          eq(reviews.expertId, input.expertId),
        ),
      )
      .limit(1)
      .for("update");
    if (!review) throw notFound();
    const typed = Object.keys(review.scores).length + Object.keys(review.comments).length;
    if ((typed > 0 || review.status === "submitted") && !input.confirm) {
      throw new AppError("review_scores_typed", {
        params: { count: Object.keys(review.scores).length },
        details: { status: review.status },
      });
    }
    await tx.delete(reviews).where(eq(reviews.id, review.id));
    await recordAudit(tx, ctx, {
      baseId: round.baseId,
      action: "round.remove_pair",
      entityType: "round",
      entityId: round.id,
      before: {
        subjectId: review.subjectId,
        expertId: review.expertId,
        status: review.status,
        scores: review.scores,
      },
    });
    return view(round, await loadProblem(tx, round), ctx);
  });
}
