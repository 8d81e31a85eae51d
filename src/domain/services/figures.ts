/**
 * The period of the service figures (服务数据) and the month slots they are counted in: calendar
 * days and months of Asia/Shanghai, as the ledger's delivered_on is.
 */

/** A longer period is refused: the figures are read by month, and five years is plenty. */
export const FIGURES_MAX_MONTHS = 60;

/** The default period: the first day of the month eleven months back, to today (twelve months). */
export function defaultPeriod(today: string): { from: string; to: string } {
  const [y, m] = today.split("-").map(Number) as [number, number];
  const start = new Date(Date.UTC(y, m - 1 - 11, 1));
  return { from: start.toISOString().slice(0, 10), to: today };
}

/** The months (YYYY-MM) from `from`'s to `to`'s, oldest first. */
export function monthsOf(from: string, to: string): string[] {
  const [fy, fm] = from.split("-").map(Number) as [number, number];
  const [ty, tm] = to.split("-").map(Number) as [number, number];
  const out: string[] = [];
  for (let i = fy * 12 + fm - 1; i <= ty * 12 + tm - 1; i++) {
    out.push(`${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`);
  }
  return out;
}

/** A share of two counts, to four decimals; null when there is nothing to share. */
export function share(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null;
}
