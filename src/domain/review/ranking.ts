/**
 * Ranking within one track, and the tie rule every method follows. A rank must never depend on
 * the order rows came from the database, so equal values are always settled the same way:
 *
 *   the method's own value, higher first (Schulze: its beat relation);
 *   then more reviews first (more experts stand behind the figure);
 *   then the higher median of the totals, then the higher mean of the totals;
 *   then the application id, in ascending code-point order (stable, if arbitrary).
 */

/** What the tie rule reads of an application. Median and mean are of its totals, in points. */
export interface TieKeys {
  applicationId: string;
  /** How many reviews the application has. */
  count: number;
  median: number;
  mean: number;
}

/** Negative when `a` ranks first under the tie rule alone. */
export function compareByTieRule(a: TieKeys, b: TieKeys): number {
  if (a.count !== b.count) return b.count - a.count;
  if (a.median !== b.median) return b.median - a.median;
  if (a.mean !== b.mean) return b.mean - a.mean;
  return a.applicationId < b.applicationId ? -1 : a.applicationId > b.applicationId ? 1 : 0;
}

/**
 * Ranks 1..m by `value` (higher first), ties by the rule. An application without a value (a
 * trimmed mean refused for too few reviews) gets no rank rather than a made-up place.
 */
export function rankBy<T extends TieKeys>(
  items: readonly T[],
  value: (item: T) => number | null,
): Map<string, number | null> {
  const ranked = items
    .map((item) => ({ item, value: value(item) }))
    .filter((x): x is { item: T; value: number } => x.value !== null)
    .sort((a, b) => (a.value !== b.value ? b.value - a.value : compareByTieRule(a.item, b.item)));
  const ranks = new Map<string, number | null>(items.map((item) => [item.applicationId, null]));
  ranked.forEach((x, i) => {
    ranks.set(x.item.applicationId, i + 1);
  });
  return ranks;
}
