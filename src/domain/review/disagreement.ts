/**
 * Where the panel does not agree: applications whose experts' totals lie far apart, and
 * experts whose totals sit far from their colleagues' on the same applications.
 *
 * An application's spread is the range of its totals (highest minus lowest, in points), not
 * their standard deviation: a round states its threshold in points a panel can check by eye
 * ("two experts 30 points apart"), one dissenting expert among five is exactly what the meeting
 * should talk about and the range shows it undiluted, and with the three to seven reviews of a
 * panel an SD is a noisy estimate whose meaning changes with the number of reviews.
 */
import { ascending } from "./aggregates";
import { MICRO } from "./rubric";
import type { ScoredReview } from "./zscores";

/** Highest minus lowest total, in points. */
export function spread(totals: readonly number[]): number {
  const sorted = ascending(totals);
  return ((sorted[sorted.length - 1] as number) - (sorted[0] as number)) / MICRO;
}

export interface ExpertDeviation {
  /** Mean of (own total - the other experts' mean on the same application), in points; positive
   * is lenient, negative harsh. Null when none of the expert's applications had another review. */
  deviation: number | null;
  /** Reviews that entered the deviation: those with at least one other review to compare. */
  compared: number;
}

export function expertDeviations(reviews: readonly ScoredReview[]): Map<string, ExpertDeviation> {
  const byApplication = new Map<string, { sum: number; count: number }>();
  for (const r of reviews) {
    const a = byApplication.get(r.applicationId) ?? { sum: 0, count: 0 };
    a.sum += r.total;
    a.count += 1;
    byApplication.set(r.applicationId, a);
  }
  const gaps = new Map<string, number[]>();
  for (const r of reviews) {
    const list = gaps.get(r.expertId) ?? [];
    gaps.set(r.expertId, list);
    const a = byApplication.get(r.applicationId) as { sum: number; count: number };
    if (a.count > 1) list.push(r.total - (a.sum - r.total) / (a.count - 1));
  }
  const result = new Map<string, ExpertDeviation>();
  for (const [expertId, list] of gaps) {
    const deviation =
      list.length === 0 ? null : ascending(list).reduce((s, g) => s + g, 0) / list.length / MICRO;
    result.set(expertId, { deviation, compared: list.length });
  }
  return result;
}
