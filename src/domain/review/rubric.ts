/**
 * The rubric (评审指标) of one track in a review round, an expert's review against it, and the
 * review's weighted total. Every statistic of the admission review (docs/REVIEW.md) starts from
 * these totals, so bad input stops here with a typed error instead of turning into a NaN later.
 */
import { TRACKS, type Track } from "../call";

/** One criterion: scored on a whole-number scale [min, max], weighted against the others. */
export interface Criterion {
  key: string;
  /** Positive; only the proportions matter (weights are normalized). */
  weight: number;
  min: number;
  max: number;
}

export interface Rubric {
  id: string;
  track: Track;
  criteria: readonly Criterion[];
}

/** One expert's scores of one application, by criterion key. */
export interface Review {
  applicationId: string;
  expertId: string;
  track: Track;
  rubricId: string;
  scores: Readonly<Record<string, number>>;
}

export type ReviewInputErrorCode =
  | "rubric_invalid"
  | "track_mismatch"
  | "rubric_mismatch"
  | "criterion_missing"
  | "criterion_unknown"
  | "score_invalid"
  | "score_out_of_scale"
  | "duplicate_review"
  | "settings_invalid";

export interface ReviewInputErrorDetails {
  applicationId?: string;
  expertId?: string;
  criterion?: string;
  value?: unknown;
  /** What exactly is wrong, for rubric and settings errors. */
  reason?: string;
}

/** Input the ranking math refuses; the server answers it with a 400 naming the details. */
export class ReviewInputError extends Error {
  constructor(
    readonly code: ReviewInputErrorCode,
    readonly details: ReviewInputErrorDetails = {},
  ) {
    super(`${code}${details.reason ? `: ${details.reason}` : ""}`);
    this.name = "ReviewInputError";
  }
}

/**
 * Totals are kept as whole millionths of a point ("micro-points"): sums of them are exact, so
 * two applications whose totals are equal on paper compare equal, and the order in which
 * reviews arrive cannot change a sum in its last bit.
 */
export const MICRO = 1_000_000;

const invalid = (reason: string) => new ReviewInputError("rubric_invalid", { reason });

export function validateRubric(rubric: Rubric): void {
  if (typeof rubric.id !== "string" || rubric.id === "") throw invalid("the rubric has no id");
  if (!TRACKS.includes(rubric.track)) throw invalid(`unknown track ${String(rubric.track)}`);
  if (rubric.criteria.length === 0) throw invalid("the rubric has no criteria");
  const keys = new Set<string>();
  for (const c of rubric.criteria) {
    if (typeof c.key !== "string" || c.key === "") throw invalid("a criterion has no key");
    if (keys.has(c.key)) throw invalid(`criterion ${c.key} appears twice`);
    keys.add(c.key);
    if (!Number.isFinite(c.weight) || c.weight <= 0) throw invalid(`criterion ${c.key}: weight must be > 0`);
    if (!Number.isSafeInteger(c.min) || !Number.isSafeInteger(c.max) || c.min >= c.max) {
      throw invalid(`criterion ${c.key}: the scale must be whole numbers with min < max`);
    }
  }
}

/** Refuses a review of another track or rubric, or one whose scores do not fit the rubric. */
function validateReview(rubric: Rubric, review: Review): void {
  const who = { applicationId: review.applicationId, expertId: review.expertId };
  if (review.track !== rubric.track)
    throw new ReviewInputError("track_mismatch", { ...who, value: review.track });
  if (review.rubricId !== rubric.id) {
    throw new ReviewInputError("rubric_mismatch", { ...who, value: review.rubricId });
  }
  const known = new Set(rubric.criteria.map((c) => c.key));
  for (const key of Object.keys(review.scores)) {
    if (!known.has(key)) throw new ReviewInputError("criterion_unknown", { ...who, criterion: key });
  }
  for (const c of rubric.criteria) {
    if (!Object.hasOwn(review.scores, c.key)) {
      throw new ReviewInputError("criterion_missing", { ...who, criterion: c.key });
    }
    const score = review.scores[c.key];
    if (typeof score !== "number" || !Number.isFinite(score)) {
      throw new ReviewInputError("score_invalid", { ...who, criterion: c.key, value: score });
    }
    if (score < c.min || score > c.max) {
      throw new ReviewInputError("score_out_of_scale", { ...who, criterion: c.key, value: score });
    }
  }
}

/**
 * The review's weighted total on 0-100, in micro-points: each score placed on 0-1 within its
 * criterion's scale, weighted, and the weights normalized to sum to 100. A 0-100 total compares
 * across rubrics only because every rubric is mapped onto it; the ranking never mixes rubrics.
 */
export function totalMicro(rubric: Rubric, review: Review): number {
  validateReview(rubric, review);
  let weightSum = 0;
  let weighted = 0;
  for (const c of rubric.criteria) {
    weightSum += c.weight;
    weighted += (c.weight * ((review.scores[c.key] as number) - c.min)) / (c.max - c.min);
  }
  return Math.round((weighted * 100 * MICRO) / weightSum);
}

/** The weighted total in points (0-100, to a millionth), e.g. for showing one review. */
export function weightedTotal(rubric: Rubric, review: Review): number {
  validateRubric(rubric);
  return totalMicro(rubric, review) / MICRO;
}
