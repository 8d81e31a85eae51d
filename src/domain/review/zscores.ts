/**
 * Per-expert z-score normalization: each total is restated as how far it sits above or below
 * that expert's own mean, in that expert's own standard deviations, over the applications they
 * scored in this track and rubric. A lenient expert (everyone 80-95) and a harsh one (40-60)
 * then speak the same language, and adding a constant to all of one expert's totals changes
 * nothing.
 *
 * An expert whose totals are all equal (standard deviation 0, which includes an expert with a
 * single review) has no relative view to offer: their reviews get no z-score and are left out
 * of the applications' z averages. Counting them as 0 instead would pull exactly the
 * applications they scored toward the middle and so reorder the others.
 */
import { ascending } from "./aggregates";

/** A review's total in micro-points, the unit every statistic starts from. */
export interface ScoredReview {
  applicationId: string;
  expertId: string;
  total: number;
}

interface ExpertScale {
  mean: number;
  /** Population SD in micro-points; 0 for a constant scorer. */
  sd: number;
}

/** Each expert's mean and SD over their own totals (micro-points). */
export function expertScales(reviews: readonly ScoredReview[]): Map<string, ExpertScale> {
  const byExpert = new Map<string, number[]>();
  for (const r of reviews) {
    const list = byExpert.get(r.expertId);
    if (list) list.push(r.total);
    else byExpert.set(r.expertId, [r.total]);
  }
  const scales = new Map<string, ExpertScale>();
  for (const [expertId, unsorted] of byExpert) {
    const totals = ascending(unsorted);
    const mean = totals.reduce((s, t) => s + t, 0) / totals.length;
    // Equal whole-number totals give a mean exactly equal to them, so a constant scorer's SD is
    // exactly 0, never a tiny float that would blow a z-score up.
    const sd = Math.sqrt(totals.reduce((s, t) => s + (t - mean) ** 2, 0) / totals.length);
    scales.set(expertId, { mean, sd });
  }
  return scales;
}

/** The review's z-score, or null when its expert is a constant scorer. */
export function zScore(scales: ReadonlyMap<string, ExpertScale>, review: ScoredReview): number | null {
  const scale = scales.get(review.expertId);
  if (!scale || scale.sd === 0) return null;
  return (review.total - scale.mean) / scale.sd;
}

/**
 * An application's z aggregate: the mean of its reviews' z-scores, leaving out constant scorers;
 * 0 (the panel's average) when every review is a constant scorer's. Kept to 9 decimals so that
 * equal aggregates computed along different paths are equal numbers when ranked.
 */
export function zAggregate(zs: readonly (number | null)[]): { value: number; reviews: number } {
  const informative = ascending(zs.filter((z): z is number => z !== null));
  if (informative.length === 0) return { value: 0, reviews: 0 };
  const value = informative.reduce((s, z) => s + z, 0) / informative.length;
  return { value: Math.round(value * 1e9) / 1e9 + 0, reviews: informative.length };
}
