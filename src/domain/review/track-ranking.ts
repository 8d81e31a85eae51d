/**
 * Everything the review meeting sees for one track and one rubric of a round: per application
 * the totals, every aggregate side by side with the rank each method gives, the spread and the
 * disagreement flag; per expert their level, their spread and how far they sit from the panel.
 * Statistics never cross tracks or rubrics (their scales differ), so a call with a review of
 * another track or rubric is refused. Formulas and choices: docs/REVIEW.md.
 */
import type { Track } from "../call";
import { DEFAULT_TRIMMED_MIN_REVIEWS, mean, median, standardDeviation, trimmedMean } from "./aggregates";
import { expertDeviations, spread } from "./disagreement";
import { compareByTieRule, rankBy, type TieKeys } from "./ranking";
import { MICRO, type Review, ReviewInputError, type Rubric, totalMicro, validateRubric } from "./rubric";
import { type SchulzeCost, schulze } from "./schulze";
import { expertScales, type ScoredReview, zAggregate, zScore } from "./zscores";

export const RANK_METHODS = ["mean", "median", "trimmedMean", "zScore", "schulze"] as const;
export type RankMethod = (typeof RANK_METHODS)[number];

export interface RankingSettings {
  /** The round's own method: the applications come in its order (all methods are computed). */
  method: RankMethod;
  /** Fewest reviews a trimmed mean is computed from (whole number, at least 3). */
  trimmedMinReviews: number;
  /** An application is flagged when its spread (highest - lowest total) exceeds this, in points. */
  spreadThreshold: number;
  /** An expert is flagged when their deviation from the panel exceeds this either way, in points. */
  expertDeviationThreshold: number;
}

export const DEFAULT_RANKING_SETTINGS: RankingSettings = {
  method: "mean",
  trimmedMinReviews: DEFAULT_TRIMMED_MIN_REVIEWS,
  spreadThreshold: 30,
  expertDeviationThreshold: 15,
};

export interface TrackReviews {
  track: Track;
  rubric: Rubric;
  reviews: readonly Review[];
  settings?: Partial<RankingSettings>;
}

export interface ApplicationRanking {
  applicationId: string;
  /** By expert id; totals in points (0-100), z-score null for a constant scorer. */
  reviews: { expertId: string; total: number; zScore: number | null }[];
  count: number;
  mean: number;
  median: number;
  trimmedMean: number | null;
  trimmedMeanReason: "too_few_reviews" | null;
  /** Mean z-score of the reviews by experts who are not constant scorers; 0 when there are none. */
  zScore: number;
  zScoreReviews: number;
  /** Highest minus lowest total, in points. */
  spread: number;
  disagreement: boolean;
  /** 1 is first; null where the method gives no value (trimmed mean with too few reviews). */
  ranks: Record<RankMethod, number | null>;
  /** The methods that rank every application of the track put this one in different places. */
  ranksDiffer: boolean;
}

export interface ExpertSummary {
  expertId: string;
  reviews: number;
  /** Mean and population SD of the expert's totals, in points. */
  mean: number;
  sd: number;
  /** SD 0 (or a single review): no z-scores, left out of the z aggregates. */
  constant: boolean;
  /** Mean of (own total - the other experts' mean on the same application), in points. */
  deviation: number | null;
  compared: number;
  flagged: boolean;
}

export interface TrackRanking {
  track: Track;
  rubricId: string;
  settings: RankingSettings;
  /** In the order of `settings.method`; applications it cannot rank last, by the tie rule. */
  applications: ApplicationRanking[];
  /** By expert id. */
  experts: ExpertSummary[];
  /** True when no application's place depends on the method. */
  methodsAgree: boolean;
  schulzeCost: SchulzeCost;
}

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function resolveSettings(given: Partial<RankingSettings> | undefined): RankingSettings {
  const settings = { ...DEFAULT_RANKING_SETTINGS, ...given };
  const refuse = (reason: string) => new ReviewInputError("settings_invalid", { reason });
  if (!RANK_METHODS.includes(settings.method)) throw refuse(`unknown method ${String(settings.method)}`);
  if (!Number.isSafeInteger(settings.trimmedMinReviews) || settings.trimmedMinReviews < 3) {
    throw refuse("trimmedMinReviews must be a whole number of at least 3");
  }
  for (const key of ["spreadThreshold", "expertDeviationThreshold"] as const) {
    if (!Number.isFinite(settings[key]) || settings[key] < 0) throw refuse(`${key} must be a number >= 0`);
  }
  return settings;
}

/** Totals of every review, sorted by application then expert, so input order cannot matter. */
function scoreReviews(input: TrackReviews): ScoredReview[] {
  validateRubric(input.rubric);
  if (input.rubric.track !== input.track) {
    throw new ReviewInputError("track_mismatch", { reason: "the rubric belongs to another track" });
  }
  const scored = input.reviews
    .map((r) => ({
      applicationId: r.applicationId,
      expertId: r.expertId,
      total: totalMicro(input.rubric, r),
    }))
    .sort((a, b) => byCodePoint(a.applicationId, b.applicationId) || byCodePoint(a.expertId, b.expertId));
  for (let i = 1; i < scored.length; i++) {
    const [prev, cur] = [scored[i - 1] as ScoredReview, scored[i] as ScoredReview];
    if (prev.applicationId === cur.applicationId && prev.expertId === cur.expertId) {
      throw new ReviewInputError("duplicate_review", {
        applicationId: cur.applicationId,
        expertId: cur.expertId,
      });
    }
  }
  return scored;
}

function groupBy(
  reviews: readonly ScoredReview[],
  key: (r: ScoredReview) => string,
): Map<string, ScoredReview[]> {
  const groups = new Map<string, ScoredReview[]>();
  for (const r of reviews) {
    const list = groups.get(key(r));
    if (list) list.push(r);
    else groups.set(key(r), [r]);
  }
  return groups;
}

export function rankTrack(input: TrackReviews): TrackRanking {
  const settings = resolveSettings(input.settings);
  const scored = scoreReviews(input);
  const scales = expertScales(scored);

  const byApplication = groupBy(scored, (r) => r.applicationId);
  const byExpert = groupBy(scored, (r) => r.expertId);

  type Row = Omit<ApplicationRanking, "ranks" | "ranksDiffer"> & TieKeys;
  const rows: Row[] = [...byApplication].map(([applicationId, reviews]) => {
    const totals = reviews.map((r) => r.total);
    const zs = reviews.map((r) => zScore(scales, r));
    const trimmed = trimmedMean(totals, settings.trimmedMinReviews);
    const z = zAggregate(zs);
    const range = spread(totals);
    return {
      applicationId,
      reviews: reviews.map((r, i) => ({
        expertId: r.expertId,
        total: r.total / MICRO,
        zScore: zs[i] ?? null,
      })),
      count: reviews.length,
      mean: mean(totals),
      median: median(totals),
      trimmedMean: trimmed.value,
      trimmedMeanReason: trimmed.reason,
      zScore: z.value,
      zScoreReviews: z.reviews,
      spread: range,
      disagreement: range > settings.spreadThreshold,
    };
  });

  const tieKeys = new Map(rows.map((row) => [row.applicationId, row]));
  const ballots = [...byExpert.values()].map(
    (reviews) => new Map(reviews.map((r) => [r.applicationId, r.total])),
  );
  const vote = schulze(
    rows.map((row) => row.applicationId),
    ballots,
    (a, b) => compareByTieRule(tieKeys.get(a) as Row, tieKeys.get(b) as Row),
  );
  const schulzeRank = new Map(vote.order.map((id, i) => [id, i + 1]));
  const ranks = {
    mean: rankBy(rows, (row) => row.mean),
    median: rankBy(rows, (row) => row.median),
    trimmedMean: rankBy(rows, (row) => row.trimmedMean),
    zScore: rankBy(rows, (row) => row.zScore),
  };
  // A method that leaves some applications unranked cannot say whether the others moved.
  const comparable = RANK_METHODS.filter(
    (m) => m !== "trimmedMean" || rows.every((row) => row.trimmedMean !== null),
  );

  const applications: ApplicationRanking[] = rows.map((row) => {
    const own: Record<RankMethod, number | null> = {
      mean: ranks.mean.get(row.applicationId) ?? null,
      median: ranks.median.get(row.applicationId) ?? null,
      trimmedMean: ranks.trimmedMean.get(row.applicationId) ?? null,
      zScore: ranks.zScore.get(row.applicationId) ?? null,
      schulze: schulzeRank.get(row.applicationId) ?? null,
    };
    return { ...row, ranks: own, ranksDiffer: new Set(comparable.map((m) => own[m])).size > 1 };
  });
  applications.sort((a, b) => {
    const [ra, rb] = [a.ranks[settings.method], b.ranks[settings.method]];
    if (ra !== null && rb !== null) return ra - rb;
    if (ra !== null || rb !== null) return ra !== null ? -1 : 1;
    return compareByTieRule(a, b);
  });

  const deviations = expertDeviations(scored);
  const experts: ExpertSummary[] = [...byExpert.keys()].sort(byCodePoint).map((expertId) => {
    const totals = (byExpert.get(expertId) as ScoredReview[]).map((r) => r.total);
    const scale = scales.get(expertId) as { sd: number };
    const { deviation, compared } = deviations.get(expertId) ?? { deviation: null, compared: 0 };
    return {
      expertId,
      reviews: totals.length,
      mean: mean(totals),
      sd: standardDeviation(totals),
      constant: scale.sd === 0,
      deviation,
      compared,
      flagged: deviation !== null && Math.abs(deviation) > settings.expertDeviationThreshold,
    };
  });

  return {
    track: input.track,
    rubricId: input.rubric.id,
    settings,
    applications,
    experts,
    methodsAgree: applications.every((a) => !a.ranksDiffer),
    schulzeCost: vote.cost,
  };
}
