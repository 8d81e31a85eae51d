/**
 * What a project's money bought (项目成效), as pure code on integers: each indicator's series over
 * time against its target, the spending against the budget, and the cost per person reached.
 *
 * Rules (stated once, used by the API, the page, the export and the figures):
 * - an indicator's values are cumulative standings (the value at the end of a period, not the
 *   period's increment): the series is the baseline at the grant's start, then each ACCEPTED
 *   report's value at its period end, oldest first; the latest point is the indicator's standing;
 * - indicator values are decimals with two places, computed here in hundredths (integers);
 * - achievement (达成率) in basis points (1% = 100), rounded half away from zero: for an indicator
 *   that should rise (target ≥ baseline) value ÷ target; for one that should fall (target <
 *   baseline, e.g. waiting days) (baseline − value) ÷ (baseline − target); null without a value or
 *   with a zero divisor. It is met when the value reached the target in its direction;
 * - people reached are the sum of `newPeople` of accepted reports: each report once, whatever
 *   the number of indicators or activities it carries, so nobody is counted twice (person-times
 *   per activity are not people);
 * - cost per beneficiary is counted spending ÷ people reached, rounded to the fen.
 */
import { costPerBeneficiary, divideRounded, sumFen } from "./money";

/** "12.5" / "12.50" / "-3" → hundredths (1250, -300); null for anything else. */
export function parseHundredths(text: string): number | null {
  const match = /^(-?)(\d{1,12})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!match) return null;
  const n = Number(match[2]) * 100 + Number((match[3] ?? "").padEnd(2, "0"));
  return match[1] === "-" && n !== 0 ? -n : n;
}

/** 1250 → "12.5", 1200 → "12", -5 → "-0.05": hundredths back to the shortest decimal. */
export function formatHundredths(n: number): string {
  const sign = n < 0 ? "-" : "";
  const abs = Math.abs(n);
  const whole = Math.floor(abs / 100);
  const cents = abs % 100;
  if (cents === 0) return `${sign}${whole}`;
  return `${sign}${whole}.${String(cents).padStart(2, "0").replace(/0$/, "")}`;
}

export interface AchievementInput {
  baseline: number;
  target: number;
  /** The latest value, null before any accepted report. */
  value: number | null;
}

/** Whether the indicator should fall (target below baseline) rather than rise. */
export const falling = (i: { baseline: number; target: number }) => i.target < i.baseline;

/** Achievement in basis points, rounded (the rule above); null when it cannot be stated. */
export function achievementBp(i: AchievementInput): number | null {
  if (i.value === null) return null;
  if (falling(i)) return divideRounded(BigInt(i.baseline - i.value) * 10_000n, i.baseline - i.target);
  return i.target > 0 ? divideRounded(BigInt(i.value) * 10_000n, i.target) : null;
}

/** The target is reached in the indicator's direction. */
export function targetMet(i: AchievementInput): boolean {
  if (i.value === null) return false;
  return falling(i) ? i.value <= i.target : i.value >= i.target;
}

export interface SeriesPoint {
  /** The day the value stands at: the grant's start for the baseline, else the period end. */
  on: string;
  value: number;
  baseline: boolean;
}

export interface ReportedValue {
  reportId: string;
  periodEnd: string;
  value: number;
}

/**
 * The series of one indicator: the baseline at `startOn` (when known), then the accepted values by
 * period end (ties by report id, so the order is stable).
 */
export function indicatorSeries(
  baseline: number,
  startOn: string | null,
  values: readonly ReportedValue[],
): SeriesPoint[] {
  const reported = [...values]
    .sort((a, b) =>
      a.periodEnd === b.periodEnd ? a.reportId.localeCompare(b.reportId) : a.periodEnd < b.periodEnd ? -1 : 1,
    )
    .map((v) => ({ on: v.periodEnd, value: v.value, baseline: false }));
  return startOn ? [{ on: startOn, value: baseline, baseline: true }, ...reported] : reported;
}

/** The latest reported value of a series (not the baseline), or null. */
export function latestValue(series: readonly SeriesPoint[]): number | null {
  const last = series.at(-1);
  return last && !last.baseline ? last.value : null;
}

export interface AcceptedReport {
  id: string;
  newPeople: number;
}

/** People reached: each accepted report's new people once (reports are deduplicated by id). */
export function peopleReached(reports: readonly AcceptedReport[]): number {
  const seen = new Map<string, number>();
  for (const r of reports) seen.set(r.id, r.newPeople);
  return [...seen.values()].reduce((a, b) => a + b, 0);
}

export interface MoneyInput {
  grants: readonly { amountFen: number; owedFen: number; committed: boolean }[];
  budgetLines: readonly { amountFen: number }[];
  expenses: readonly { amountFen: number; counted: boolean; verified: boolean }[];
  tranches: readonly { amountFen: number; paid: boolean }[];
}

export interface SpendingSummary {
  /** The committed grants' amounts. */
  committedFen: number;
  /** The budget lines' sum (equal to committed when every grant's budget adds up). */
  budgetFen: number;
  /** Spending that counts (submitted, queried, verified: not withdrawn). */
  spentFen: number;
  /** Of which staff verified. */
  verifiedFen: number;
  /** Paid tranches. */
  paidFen: number;
  /** Money to be recovered. */
  owedFen: number;
  /** budget − spent (negative when over budget). */
  remainingFen: number;
}

/** The spending against the budget of a project's grants (committed ones only). */
export function spendingSummary(input: MoneyInput): SpendingSummary {
  const committed = input.grants.filter((g) => g.committed);
  const budgetFen = sumFen(input.budgetLines.map((l) => l.amountFen));
  const spentFen = sumFen(input.expenses.filter((e) => e.counted).map((e) => e.amountFen));
  return {
    committedFen: sumFen(committed.map((g) => g.amountFen)),
    budgetFen,
    spentFen,
    verifiedFen: sumFen(input.expenses.filter((e) => e.counted && e.verified).map((e) => e.amountFen)),
    paidFen: sumFen(input.tranches.filter((t) => t.paid).map((t) => t.amountFen)),
    owedFen: sumFen(input.grants.map((g) => g.owedFen)),
    remainingFen: budgetFen - spentFen,
  };
}

/** Cost per person reached in fen (counted spending ÷ people), null before anyone was reached. */
export function costPerPerson(spentFen: number, people: number): number | null {
  return costPerBeneficiary(spentFen, people);
}
