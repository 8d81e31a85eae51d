/**
 * Load bands: how many reviews each expert takes for loads to be balanced within one.
 *
 * With no fixed pairs and no caps, L = total reviews / experts and every expert takes floor(L)
 * or ceil(L). In general by water-filling: experts start at their fixed load, the level rises
 * until the reviews are all placed, and an expert stops at their own max load. The band of an
 * expert is [clamp(b), clamp(b + 1)] with clamp(h) = max(fixed, min(max load, h)) and b the level
 * with fill(b) < total <= fill(b + 1), or [clamp(b), clamp(b)] when fill(b) = total exactly. So experts who are neither capped nor already above the
 * level by fixed pairs end within one of each other, and the highest load is the lowest it can
 * be: after a drop-out, the others' loads rise by no more than the freed reviews need.
 */

export interface LoadBand {
  min: number;
  max: number;
}

export function loadBands(total: number, fixedLoads: readonly number[], caps: readonly number[]): LoadBand[] {
  const clamp = (e: number, level: number) =>
    Math.max(fixedLoads[e] ?? 0, Math.min(caps[e] ?? Number.POSITIVE_INFINITY, level));
  const fill = (level: number) => fixedLoads.reduce((sum, _, e) => sum + clamp(e, level), 0);
  // The smallest level that places every review; past the highest cap it is as full as it gets
  // (the LP then reports the reviews that do not fit).
  let low = 0;
  let high = total + 1;
  while (low < high) {
    const mid = Math.floor((low + high) / 2);
    if (fill(mid) >= total) high = mid;
    else low = mid + 1;
  }
  // Filled exactly at a level: everyone is at that level (or their cap, or their fixed load).
  if (fill(low) === total) return fixedLoads.map((_, e) => ({ min: clamp(e, low), max: clamp(e, low) }));
  return fixedLoads.map((_, e) => ({ min: clamp(e, low - 1), max: clamp(e, low) }));
}
