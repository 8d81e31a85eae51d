/**
 * The arithmetic of a capacity assessment (能力评估), pure: an indicator's score normalized on the
 * version's scale, a dimension's score out of 100 (the weighted mean of its scored indicators),
 * the total out of 100 (the dimensions' weighted mean over those with a score), how much of the
 * weight is scored (coverage), and the comparison of two assessments taken on one version.
 * Nothing is rounded until the end, and then to two decimals.
 */
import type { InstrumentContent } from "./instrument";

/** Scores by indicator key; null or absent means not (yet) scored. */
export type IndicatorScores = Readonly<Record<string, number | null | undefined>>;

export interface DimensionResult {
  /** Out of 100, or null when none of its indicators is scored. */
  score: number | null;
  /** The share (0-1) of its indicators' weight that is scored. */
  coverage: number;
}

export interface AssessmentResult {
  /** Out of 100 over the dimensions with a score, or null when none has one. */
  total: number | null;
  /** The share (0-1) of the whole instrument's weight that is scored (dimension weight × coverage). */
  coverage: number;
  dimensions: Record<string, DimensionResult>;
}

/**
 * Rounds half away from zero, so that rounding −x gives −(rounding x); the product is first cut
 * to 12 significant digits so that a decimal half such as 66.665 (66.66499… in binary) rounds up.
 */
function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const scaled = Number((Math.abs(value) * factor).toPrecision(12));
  return (Math.sign(value) * Math.round(scaled)) / factor || 0;
}

const round2 = (value: number) => round(value, 2);

/** (s − min) / (max − min) on the version's scale, within [0, 1]. */
export function normalizedScore(score: number, scale: { min: number; max: number }): number {
  if (scale.max <= scale.min) return score >= scale.max ? 1 : 0;
  const n = (score - scale.min) / (scale.max - scale.min);
  return Math.min(1, Math.max(0, n));
}

const isScore = (s: number | null | undefined): s is number => typeof s === "number" && Number.isFinite(s);

interface RawDimension {
  score: number | null;
  coverage: number;
}

function rawDimension(
  indicators: InstrumentContent["dimensions"][number]["indicators"],
  scale: InstrumentContent["scale"],
  scores: IndicatorScores,
): RawDimension {
  let allWeight = 0;
  let scoredWeight = 0;
  let sum = 0;
  for (const indicator of indicators) {
    allWeight += indicator.weight;
    const s = scores[indicator.key];
    if (!isScore(s)) continue;
    scoredWeight += indicator.weight;
    sum += indicator.weight * normalizedScore(s, scale);
  }
  return {
    score: scoredWeight > 0 ? (sum / scoredWeight) * 100 : null,
    coverage: allWeight > 0 ? scoredWeight / allWeight : 0,
  };
}

/**
 * The result of `scores` on the version's `content` (a draft's live result, or the submitted one).
 * `exact` leaves the scores unrounded, for a comparison that rounds only its differences.
 */
export function scoreAssessment(
  content: InstrumentContent,
  scores: IndicatorScores,
  options: { exact?: boolean } = {},
): AssessmentResult {
  const r2 = options.exact ? (v: number) => v : round2;
  const dimensions: Record<string, DimensionResult> = {};
  let weighted = 0;
  let scoredWeight = 0;
  let allWeight = 0;
  let coveredWeight = 0;
  for (const dimension of content.dimensions) {
    const raw = rawDimension(dimension.indicators, content.scale, scores);
    allWeight += dimension.weight;
    coveredWeight += dimension.weight * raw.coverage;
    if (raw.score !== null) {
      weighted += dimension.weight * raw.score;
      scoredWeight += dimension.weight;
    }
    dimensions[dimension.key] = {
      score: raw.score === null ? null : r2(raw.score),
      coverage: round(raw.coverage, 4),
    };
  }
  return {
    total: scoredWeight > 0 ? r2(weighted / scoredWeight) : null,
    coverage: allWeight > 0 ? round(coveredWeight / allWeight, 4) : 0,
    dimensions,
  };
}

/** The indicators of `content` without a score in `scores`, in the instrument's order. */
export function missingIndicators(content: InstrumentContent, scores: IndicatorScores): string[] {
  return content.dimensions.flatMap((d) =>
    d.indicators.filter((i) => !isScore(scores[i.key])).map((i) => i.key),
  );
}

/** One side of a comparison: the version it was taken on and its result. */
export interface ComparedAssessment {
  instrumentVersionId: string;
  result: Pick<AssessmentResult, "total" | "dimensions">;
}

export interface DimensionDifference {
  key: string;
  first: number | null;
  second: number | null;
  /** second − first (later − earlier, assessor − self); null when either has no score. */
  difference: number | null;
}

export type AssessmentComparison =
  | {
      ok: true;
      dimensions: DimensionDifference[];
      total: { first: number | null; second: number | null; difference: number | null };
      /** The (up to) three dimensions whose scores differ most, largest absolute difference first. */
      largestGaps: string[];
      /** The (up to) three dimensions where the second scores lowest, lowest first. */
      weakest: string[];
    }
  | { ok: false; reason: "version_mismatch" };

const difference = (a: number | null, b: number | null) => (a === null || b === null ? null : round2(b - a));
const rounded = (v: number | null) => (v === null ? null : round2(v));

/** How many dimensions the comparison names as its largest gaps and weakest. */
const COMPARISON_NAMES = 3;

/**
 * The second assessment against the first, dimension by dimension and overall. Refused when the
 * two were taken on different instrument versions: their scores do not measure the same thing.
 * Given exact results (scoreAssessment's `exact`), each difference is rounded once, at the end.
 */
export function compareAssessments(
  content: InstrumentContent,
  first: ComparedAssessment,
  second: ComparedAssessment,
): AssessmentComparison {
  if (first.instrumentVersionId !== second.instrumentVersionId)
    return { ok: false, reason: "version_mismatch" };
  const dimensions = content.dimensions.map((d) => {
    const a = first.result.dimensions[d.key]?.score ?? null;
    const b = second.result.dimensions[d.key]?.score ?? null;
    return { key: d.key, first: rounded(a), second: rounded(b), difference: difference(a, b), exact: b };
  });
  const order = new Map(content.dimensions.map((d, i) => [d.key, i]));
  const byOrder = (a: DimensionDifference, b: DimensionDifference) =>
    (order.get(a.key) ?? 0) - (order.get(b.key) ?? 0);
  const largestGaps = dimensions
    .filter((d) => d.difference !== null && d.difference !== 0)
    .sort((a, b) => Math.abs(b.difference ?? 0) - Math.abs(a.difference ?? 0) || byOrder(a, b))
    .slice(0, COMPARISON_NAMES)
    .map((d) => d.key);
  const weakest = dimensions
    .filter((d) => d.exact !== null)
    .sort((a, b) => (a.exact ?? 0) - (b.exact ?? 0) || byOrder(a, b))
    .slice(0, COMPARISON_NAMES)
    .map((d) => d.key);
  const total = {
    first: rounded(first.result.total),
    second: rounded(second.result.total),
    difference: difference(first.result.total, second.result.total),
  };
  return { ok: true, dimensions: dimensions.map(({ exact: _, ...d }) => d), total, largestGaps, weakest };
}

/** Five-number summary of values (the cohort's box plot): linear interpolation between ranks. */
export function quartiles(values: readonly number[]): {
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
} | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => {
    const pos = (sorted.length - 1) * p;
    const lower = Math.floor(pos);
    const upper = Math.ceil(pos);
    const lo = sorted[lower] as number;
    const hi = sorted[upper] as number;
    return round2(lo + (hi - lo) * (pos - lower));
  };
  return {
    min: sorted[0] as number,
    q1: at(0.25),
    median: at(0.5),
    q3: at(0.75),
    max: sorted[sorted.length - 1] as number,
  };
}
