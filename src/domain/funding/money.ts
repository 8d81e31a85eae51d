/**
 * Money as integer fen (分), never a float: parsing what people type, formatting, sums, splits,
 * variance and cost per beneficiary. Every function takes and returns safe integers; a result
 * that would leave the safe range is refused rather than rounded.
 *
 * Rounding rules (stated once, used everywhere):
 * - a yuan amount typed with more than two decimals is refused, never rounded;
 * - a split (`allocate`) gives the remainder fen one by one to the largest fractional parts, then
 *   to the earliest parts, so the parts always add up to the whole;
 * - a ratio (variance in basis points, cost per beneficiary in fen) rounds half away from zero,
 *   computed on integers (BigInt where the product could pass 2^53).
 */

/** CNY 300,000: the default cap on a project's project grants together, in fen. */
export const DEFAULT_PROJECT_GRANT_CAP_FEN = 30_000_000;

/** The largest amount the platform holds in one field: CNY 10 billion, far beyond any base. */
export const MAX_FEN = 1_000_000_000_000;

/** Whether `n` is an amount the platform stores: a non-negative safe integer up to MAX_FEN. */
export function isFen(n: unknown): n is number {
  return typeof n === "number" && Number.isSafeInteger(n) && n >= 0 && n <= MAX_FEN;
}

/**
 * "12,345.6" / "12345.60" / "１２３" (full-width digits) → 1234560 fen; null for anything else
 * (a sign, more than two decimals, letters, an empty string, beyond MAX_FEN).
 */
export function parseYuan(text: string): number | null {
  const normalized = text
    .normalize("NFKC")
    .replace(/[,\s]/g, "")
    .replace(/^[¥￥]/, "");
  const match = /^(\d{1,11})(?:\.(\d{1,2}))?$/.exec(normalized);
  if (!match) return null;
  const fen = Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
  return fen <= MAX_FEN ? fen : null;
}

/** 1234560 → "12,345.60" (yuan with two decimals and thousands separators). */
export function formatFen(fen: number): string {
  const sign = fen < 0 ? "-" : "";
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100).toLocaleString("en-US");
  return `${sign}${yuan}.${String(abs % 100).padStart(2, "0")}`;
}

/** The sum of amounts in fen; throws if it would leave the safe integer range. */
export function sumFen(amounts: readonly number[]): number {
  let total = 0;
  for (const a of amounts) {
    if (!Number.isSafeInteger(a)) throw new RangeError(`not an amount in fen: ${a}`);
    total += a;
    if (!Number.isSafeInteger(total)) throw new RangeError("sum out of range");
  }
  return total;
}

/**
 * Split `total` fen by integer `weights` (largest remainder): the parts add up to `total`
 * exactly. All weights zero splits evenly. A negative or non-integer total or weight is refused
 * (a negative total made the parts add up to more than the total).
 */
export function allocate(total: number, weights: readonly number[]): number[] {
  if (!Number.isSafeInteger(total) || total < 0) throw new RangeError(`not an amount in fen: ${total}`);
  if (weights.some((x) => !Number.isSafeInteger(x) || x < 0))
    throw new RangeError("weights must be non-negative integers");
  if (weights.length === 0) return [];
  const w = weights.every((x) => x === 0) ? weights.map(() => 1) : weights;
  const sum = BigInt(sumFen(w));
  const big = BigInt(total);
  const parts = w.map((x) => (big * BigInt(x)) / sum);
  const remainders = w.map((x, i) => ({ i, r: (big * BigInt(x)) % sum }));
  let left = Number(big - parts.reduce((a, b) => a + b, 0n));
  remainders.sort((a, b) => (b.r === a.r ? a.i - b.i : b.r > a.r ? 1 : -1));
  for (const { i } of remainders) {
    if (left <= 0) break;
    parts[i] = (parts[i] ?? 0n) + 1n;
    left--;
  }
  return parts.map(Number);
}

/** a / b rounded half away from zero, on integers (b > 0). */
export function divideRounded(a: number | bigint, b: number | bigint): number {
  const A = BigInt(a);
  const B = BigInt(b);
  if (B <= 0n) throw new RangeError("divisor must be positive");
  const q = A / B;
  const r = A % B;
  const twice = (r < 0n ? -r : r) * 2n;
  const rounded = twice >= B ? (A < 0n ? q - 1n : q + 1n) : q;
  // A quotient past 2^53 would come back as a different number: refused, not rounded.
  if (rounded > BigInt(Number.MAX_SAFE_INTEGER) || rounded < -BigInt(Number.MAX_SAFE_INTEGER))
    throw new RangeError("quotient out of range");
  return Number(rounded);
}

/** The largest variance in basis points reported: beyond it (a 1-fen budget overspent by millions) it is clamped. */
export const MAX_VARIANCE_BP = 1_000_000_000;

/** A budget line's standing: what was budgeted, what was spent, and how far apart. */
export interface LineVariance {
  budgetFen: number;
  actualFen: number;
  /** actual − budget: positive is over budget. */
  varianceFen: number;
  /** variance / budget in basis points (1% = 100), rounded, within ±MAX_VARIANCE_BP; null when nothing was budgeted. */
  varianceBp: number | null;
  overspent: boolean;
  /** The variance is beyond the base's threshold either way: it needs an explanation. */
  needsExplanation: boolean;
}

/**
 * Budget vs actual for one line. `thresholdBp` is the base's setting (e.g. 1000 = 10%): a line
 * spent over or under its budget by more than that needs an explanation; any spending on a line
 * with no budget does too.
 */
export function lineVariance(budgetFen: number, actualFen: number, thresholdBp: number): LineVariance {
  const varianceFen = actualFen - budgetFen;
  // Clamped before dividing so the quotient always fits (it used to pass 2^53 on a 1-fen budget).
  const limit = BigInt(MAX_VARIANCE_BP) * BigInt(Math.max(budgetFen, 1));
  const scaled = BigInt(varianceFen) * 10_000n;
  const clamped = scaled > limit ? limit : scaled < -limit ? -limit : scaled;
  const varianceBp = budgetFen > 0 ? divideRounded(clamped, budgetFen) : null;
  return {
    budgetFen,
    actualFen,
    varianceFen,
    varianceBp,
    overspent: varianceFen > 0,
    needsExplanation: varianceBp === null ? actualFen > 0 : Math.abs(varianceBp) > thresholdBp,
  };
}

/** Spent fen per person reached, rounded to the fen; null when nobody was reached yet. */
export function costPerBeneficiary(spentFen: number, people: number): number | null {
  return people > 0 ? divideRounded(spentFen, people) : null;
}
