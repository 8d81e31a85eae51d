/**
 * The round's aggregates of one application's review totals: mean, median and trimmed mean.
 * Inputs are totals in micro-points (rubric.ts), whole numbers, so every sum is exact and the
 * only rounding is the final division: equal values on paper come out as equal numbers.
 */
import { MICRO } from "./rubric";

/** Ascending copy, so every aggregate reads the same sequence whatever the reviews' order. */
export const ascending = (totals: readonly number[]): number[] => [...totals].sort((a, b) => a - b);

const sum = (values: readonly number[]) => values.reduce((s, v) => s + v, 0);

/** Mean in points; totals must not be empty. */
export function mean(totals: readonly number[]): number {
  return sum(totals) / totals.length / MICRO;
}

/** Median in points; with an even count, the mean of the two middle totals. */
export function median(totals: readonly number[]): number {
  const sorted = ascending(totals);
  const mid = sorted.length >> 1;
  if (sorted.length % 2 === 1) return (sorted[mid] as number) / MICRO;
  return ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2 / MICRO;
}

/** Below this many reviews a trimmed mean would rest on too little; a round may raise it. */
export const DEFAULT_TRIMMED_MIN_REVIEWS = 4;

export type TrimmedMean = { value: number; reason: null } | { value: null; reason: "too_few_reviews" };

/**
 * The mean without the single highest and the single lowest total. Refused (null, with the
 * reason) below `minReviews`: with three reviews it would be the median under another name,
 * and with fewer there is nothing left to average.
 */
export function trimmedMean(
  totals: readonly number[],
  minReviews = DEFAULT_TRIMMED_MIN_REVIEWS,
): TrimmedMean {
  if (totals.length < Math.max(3, minReviews)) return { value: null, reason: "too_few_reviews" };
  const sorted = ascending(totals);
  const middle = sum(sorted) - (sorted[0] as number) - (sorted[sorted.length - 1] as number);
  return { value: middle / (sorted.length - 2) / MICRO, reason: null };
}

/** Population standard deviation in points: the spread of these totals themselves. */
export function standardDeviation(totals: readonly number[]): number {
  const m = sum(totals) / totals.length;
  const squares = ascending(totals).reduce((s, t) => s + (t - m) ** 2, 0);
  return Math.sqrt(squares / totals.length) / MICRO;
}
