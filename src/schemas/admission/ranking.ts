/**
 * The review meeting (评审会) in the API: one round's ranking per track, every method side by
 * side (docs/REVIEW.md), with the quota, the decisions taken so far and, per review, the expert's
 * total and criterion scores; and the meeting's notes.
 */
import { z } from "zod";
import { DECISION_STATUSES } from "../../domain/application";
import { TRACKS } from "../../domain/call";
import { RANK_METHODS } from "../../domain/review/track-ranking";
import { longText, ZId, ZPageQuery } from "../common";

const ZRanks = z.object(Object.fromEntries(RANK_METHODS.map((m) => [m, z.number().int().nullable()])));

export const ZRankedReview = z.object({
  reviewId: z.uuid(),
  expertId: z.uuid(),
  expertName: z.string(),
  total: z.number(),
  zScore: z.number().nullable(),
  scores: z.record(z.string(), z.number()),
  comments: z.record(z.string(), z.string()),
  overallComment: z.string().nullable(),
});

export const ZRankedDecision = z.object({
  decision: z.enum(DECISION_STATUSES),
  reason: z.string(),
  overQuotaReason: z.string().nullable(),
  final: z.boolean(),
  /** When a final admission must be confirmed by; after it staff may record the lapse. */
  confirmBy: z.iso.datetime().nullable(),
  version: z.number().int(),
});

export const ZRankedApplication = z.object({
  applicationId: z.uuid(),
  organizationId: z.uuid(),
  organizationName: z.string(),
  status: z.string(),
  applicationVersion: z.number().int(),
  /** The place in the round's method's order, 1 first. */
  position: z.number().int(),
  count: z.number().int(),
  mean: z.number(),
  median: z.number(),
  trimmedMean: z.number().nullable(),
  trimmedMeanReason: z.string().nullable(),
  zScore: z.number(),
  zScoreReviews: z.number().int(),
  spread: z.number(),
  disagreement: z.boolean(),
  ranks: ZRanks,
  ranksDiffer: z.boolean(),
  reviews: z.array(ZRankedReview),
  decision: ZRankedDecision.nullable(),
});
export type RankedApplication = z.infer<typeof ZRankedApplication>;

export const ZRankedExpert = z.object({
  expertId: z.uuid(),
  expertName: z.string(),
  reviews: z.number().int(),
  mean: z.number(),
  sd: z.number(),
  constant: z.boolean(),
  deviation: z.number().nullable(),
  compared: z.number().int(),
  flagged: z.boolean(),
});

export const ZCriterionInfo = z.object({
  key: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  weight: z.number(),
  min: z.number(),
  max: z.number(),
});

export const ZTrackRanking = z.object({
  track: z.enum(TRACKS),
  rubricId: z.uuid(),
  criteria: z.array(ZCriterionInfo),
  method: z.enum(RANK_METHODS),
  quota: z.number().int().nullable(),
  /** Admitted and confirmed applications of this track in the round. */
  admitted: z.number().int(),
  methodsAgree: z.boolean(),
  schulzeCost: z.object({
    candidates: z.number().int(),
    ballots: z.number().int(),
    pairComparisons: z.number().int(),
    pathSteps: z.number().int(),
  }),
  applications: z.array(ZRankedApplication),
  /** Subjects of the track with no submitted review yet (not ranked). */
  unreviewed: z.array(
    z.object({ applicationId: z.uuid(), organizationName: z.string(), status: z.string() }),
  ),
  experts: z.array(ZRankedExpert),
  /** The first waitlisted application in the method's order, when a place is free (after a decline or lapse). */
  nextOnWaitlist: z.uuid().nullable(),
});
export type TrackRankingView = z.infer<typeof ZTrackRanking>;

export const ZRoundRanking = z.object({
  roundId: z.uuid(),
  title: z.string(),
  status: z.string(),
  method: z.enum(RANK_METHODS),
  tracks: z.array(ZTrackRanking),
});
export type RoundRanking = z.infer<typeof ZRoundRanking>;

/** One page of one track's ranking, as every list: `sort` is the method whose order it follows. */
export const ZRankingQuery = ZPageQuery.extend({
  /** The round's first track with subjects when omitted. */
  track: z.enum(TRACKS).optional(),
  /** The round's method when omitted. */
  sort: z.enum(RANK_METHODS).optional(),
  order: z.enum(["asc", "desc"]).default("asc"),
});
export type RankingQuery = z.input<typeof ZRankingQuery>;

const ZSchulzeCost = ZTrackRanking.shape.schulzeCost;

/** What the meeting shows of each track whichever page it is on. */
export const ZTrackTotals = z.object({
  track: z.enum(TRACKS),
  rubricId: z.uuid(),
  quota: z.number().int().nullable(),
  admitted: z.number().int(),
  /** Applications with a submitted review (the ranked ones) and those without. */
  ranked: z.number().int(),
  unreviewed: z.number().int(),
  methodsAgree: z.boolean(),
  schulzeCost: ZSchulzeCost,
  /** The first waitlisted application in the method's order, when a place is free. */
  nextOnWaitlist: z
    .object({ applicationId: z.uuid(), organizationName: z.string(), applicationVersion: z.number().int() })
    .nullable(),
});
export type TrackTotals = z.infer<typeof ZTrackTotals>;

export const ZRankingPage = z.object({
  roundId: z.uuid(),
  title: z.string(),
  status: z.string(),
  method: z.enum(RANK_METHODS),
  tracks: z.array(ZTrackTotals),
  /** The track of this page, with what its tab shows beside the table; null when the round has none. */
  track: z
    .object({
      track: z.enum(TRACKS),
      criteria: z.array(ZCriterionInfo),
      /** Each criterion's mean score over the track's submitted reviews (for the charts). */
      criterionMeans: z.record(z.string(), z.number().nullable()),
      experts: z.array(ZRankedExpert),
      /** Up to 50 of the track's subjects with no submitted review, by name. */
      unreviewed: z.array(
        z.object({ applicationId: z.uuid(), organizationName: z.string(), status: z.string() }),
      ),
      /** The place of the red rule: after the row ranked `quota` by `sort`, on page `page`. */
      quotaLine: z.object({ position: z.number().int(), page: z.number().int() }).nullable(),
    })
    .nullable(),
  sort: z.enum(RANK_METHODS),
  order: z.enum(["asc", "desc"]),
  items: z.array(ZRankedApplication),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type RankingPage = z.infer<typeof ZRankingPage>;

export const ZNoteInput = z.object({
  body: longText(4000).min(1, { error: "required" }),
  /** On one application of the round; the round's own note when omitted. */
  applicationId: ZId.nullish(),
});
export type NoteInput = z.input<typeof ZNoteInput>;

export const ZNote = z.object({
  id: z.uuid(),
  applicationId: z.uuid().nullable(),
  /** The organization of the application the note is on. */
  organizationName: z.string().nullable(),
  body: z.string(),
  authorName: z.string().nullable(),
  createdAt: z.iso.datetime(),
});
export const ZNotes = z.object({ items: z.array(ZNote) });
export type Note = z.infer<typeof ZNote>;
