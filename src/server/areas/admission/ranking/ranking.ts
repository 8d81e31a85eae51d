/**
 * The review meeting's ranking of one round: per track, the round's rubric for it and the
 * submitted reviews go through `rankTrack` (src/domain/review/track-ranking.ts, every aggregate,
 * flag and deviation), then the records the meeting needs are joined on: organization names,
 * each expert's scores and comments, the quota and the decisions taken so far.
 */
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import {
  admissionDecisions,
  applications,
  calls,
  organizations,
  reviews,
  roundSubjects,
  rubrics,
  users,
} from "../../../../db/schema";
import { TRACKS, type Track, trackOf } from "../../../../domain/call";
import { ReviewInputError } from "../../../../domain/review/rubric";
import { rankTrack } from "../../../../domain/review/track-ranking";
import type { RoundRanking, TrackRankingView } from "../../../../schemas/admission/ranking";
import { AppError } from "../../../errors";
import type { RoundRow } from "./load";

const HOLDS_PLACE = ["admitted", "confirmed"] as const;

/** The places of `track` in this round: the round's own quota, else the call's for the track. */
/** A decision as the ranking shows it beside its application (the meeting and the export). */
export function decisionView(d: typeof admissionDecisions.$inferSelect) {
  return {
    decision: d.decision,
    reason: d.reason,
    overQuotaReason: d.overQuotaReason,
    final: d.finalAt !== null,
    confirmBy: d.confirmBy?.toISOString() ?? null,
    version: d.version,
  };
}

export async function quotaOf(db: Db, round: RoundRow, track: Track): Promise<number | null> {
  const own = round.quotas[track];
  if (typeof own === "number") return own;
  if (!round.callId) return null;
  const [call] = await db.select({ rules: calls.rules }).from(calls).where(eq(calls.id, round.callId));
  return call ? (trackOf(call.rules, track)?.quota ?? null) : null;
}

/** Applications of the round's `track` that hold a place (admitted or confirmed), but `except`. */
export async function placesTaken(db: Db, roundId: string, track: Track, except?: string): Promise<number> {
  const rows = await db
    .select({ id: applications.id })
    .from(roundSubjects)
    .innerJoin(applications, eq(applications.id, roundSubjects.subjectId))
    .where(
      and(
        eq(roundSubjects.roundId, roundId),
        eq(roundSubjects.track, track),
        inArray(applications.status, [...HOLDS_PLACE]),
      ),
    );
  return rows.filter((r) => r.id !== except).length;
}

export async function computeRanking(db: Db, round: RoundRow): Promise<RoundRanking> {
  const subjects = await db
    .select({
      applicationId: roundSubjects.subjectId,
      track: roundSubjects.track,
      organizationId: roundSubjects.organizationId,
      organizationName: organizations.name,
      status: applications.status,
      version: applications.version,
    })
    .from(roundSubjects)
    .innerJoin(applications, eq(applications.id, roundSubjects.subjectId))
    .innerJoin(organizations, eq(organizations.id, roundSubjects.organizationId))
    .where(eq(roundSubjects.roundId, round.id));
  const submitted = await db
    .select({
      id: reviews.id,
      subjectId: reviews.subjectId,
      expertId: reviews.expertId,
      expertName: users.displayName,
      rubricId: reviews.rubricId,
      scores: reviews.scores,
      comments: reviews.comments,
      overallComment: reviews.overallComment,
    })
    .from(reviews)
    .innerJoin(users, eq(users.id, reviews.expertId))
    .where(and(eq(reviews.roundId, round.id), eq(reviews.status, "submitted")));
  const rubricIds = Object.values(round.rubricIds).filter((id): id is string => typeof id === "string");
  const rubricRows = rubricIds.length
    ? await db.select().from(rubrics).where(inArray(rubrics.id, rubricIds))
    : [];
  const decisions = subjects.length
    ? await db
        .select()
        .from(admissionDecisions)
        .where(
          inArray(
            admissionDecisions.applicationId,
            subjects.map((s) => s.applicationId),
          ),
        )
    : [];
  const decisionOf = new Map(decisions.map((d) => [d.applicationId, d]));
  const subjectOf = new Map(subjects.map((s) => [s.applicationId, s]));
  const expertNames = new Map(submitted.map((r) => [r.expertId, r.expertName]));

  const tracks: TrackRankingView[] = [];
  for (const track of TRACKS) {
    const inTrack = subjects.filter((s) => s.track === track);
    const rubricId = round.rubricIds[track];
    const rubric = rubricRows.find((r) => r.id === rubricId);
    if (inTrack.length === 0 || !rubric) continue;
    const ids = new Set(inTrack.map((s) => s.applicationId));
    const trackReviews = submitted.filter((r) => ids.has(r.subjectId));
    const ranked = asRankingInput(track, () =>
      rankTrack({
        track,
        rubric: { id: rubric.id, track: rubric.track, criteria: rubric.criteria },
        reviews: trackReviews.map((r) => ({
          applicationId: r.subjectId,
          expertId: r.expertId,
          track,
          rubricId: r.rubricId,
          scores: r.scores,
        })),
        settings: {
          method: round.method,
          trimmedMinReviews: round.trimmedMinReviews,
          spreadThreshold: round.spreadThreshold,
          expertDeviationThreshold: round.expertDeviationThreshold,
        },
      }),
    );
    const reviewOf = (applicationId: string, expertId: string) =>
      trackReviews.find((r) => r.subjectId === applicationId && r.expertId === expertId);
    const applicationsView = ranked.applications.map((a, i) => {
      const subject = subjectOf.get(a.applicationId);
      const decision = decisionOf.get(a.applicationId);
      return {
        applicationId: a.applicationId,
        organizationId: subject?.organizationId ?? "",
        organizationName: subject?.organizationName ?? "",
        status: subject?.status ?? "",
        applicationVersion: subject?.version ?? 0,
        position: i + 1,
        count: a.count,
        mean: a.mean,
        median: a.median,
        trimmedMean: a.trimmedMean,
        trimmedMeanReason: a.trimmedMeanReason,
        zScore: a.zScore,
        zScoreReviews: a.zScoreReviews,
        spread: a.spread,
        disagreement: a.disagreement,
        ranks: a.ranks,
        ranksDiffer: a.ranksDiffer,
        reviews: a.reviews.map((r) => {
          const row = reviewOf(a.applicationId, r.expertId);
          return {
            reviewId: row?.id ?? "",
            expertId: r.expertId,
            expertName: expertNames.get(r.expertId) ?? "",
            total: r.total,
            zScore: r.zScore,
            scores: row?.scores ?? {},
            comments: row?.comments ?? {},
            overallComment: row?.overallComment ?? null,
          };
        }),
        decision: decision ? decisionView(decision) : null,
      };
    });
    const rankedIds = new Set(ranked.applications.map((a) => a.applicationId));
    const quota = await quotaOf(db, round, track);
    const admitted = inTrack.filter((s) => (HOLDS_PLACE as readonly string[]).includes(s.status)).length;
    const freePlace = quota !== null && admitted < quota;
    const nextOnWaitlist = freePlace
      ? (applicationsView.find((a) => a.status === "waitlisted")?.applicationId ?? null)
      : null;
    tracks.push({
      track,
      rubricId: rubric.id,
      criteria: rubric.criteria.map((c) => ({
        key: c.key,
        nameZh: c.name.zhCN,
        nameEn: c.name.en,
        weight: c.weight,
        min: c.min,
        max: c.max,
      })),
      method: round.method,
      quota,
      admitted,
      methodsAgree: ranked.methodsAgree,
      schulzeCost: ranked.schulzeCost,
      applications: applicationsView,
      unreviewed: inTrack
        .filter((s) => !rankedIds.has(s.applicationId))
        .map((s) => ({
          applicationId: s.applicationId,
          organizationName: s.organizationName,
          status: s.status,
        })),
      experts: ranked.experts.map((e) => ({ ...e, expertName: expertNames.get(e.expertId) ?? "" })),
      nextOnWaitlist,
    });
  }
  return { roundId: round.id, title: round.title, status: round.status, method: round.method, tracks };
}

/** Runs `compute` over a track's rubric and reviews; input the math refuses is a 400 naming the track. */
export function asRankingInput<T>(track: Track, compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    if (error instanceof ReviewInputError) {
      throw new AppError("ranking_input_invalid", {
        params: { problem: error.message },
        details: { code: error.code, ...error.details, track },
      });
    }
    throw error;
  }
}
