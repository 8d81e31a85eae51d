/**
 * Budget vs actual (预算执行): a grant's budget lines against the spending items reported on
 * them. Pure and on integer fen: the lines' sums are the totals, always (property-tested).
 *
 * - actual: the items in COUNTED_EXPENSE_STATUSES (submitted, queried, verified; a withdrawn item
 *   never counts), so the table shows what the organization says it spent as soon as it says it;
 * - verified: the verified items alone (what staff have checked against a receipt);
 * - variance, its basis points, the over-spend flag and whether an explanation is needed come
 *   from `lineVariance` (money.ts) with the base's threshold; a line that needs one and has none
 *   is `explanationMissing`.
 */
import { COUNTED_EXPENSE_STATUSES, type ExpenseStatus } from "./grant";
import { type LineVariance, lineVariance, sumFen } from "./money";

export interface BudgetLineInput {
  id: string;
  amountFen: number;
  varianceExplanation: string | null;
}

export interface ExpenseInput {
  budgetLineId: string;
  amountFen: number;
  status: ExpenseStatus;
}

export interface BudgetRow extends LineVariance {
  lineId: string;
  verifiedFen: number;
  /** Counted items on the line. */
  itemCount: number;
  explanation: string | null;
  /** Needs an explanation and has none yet. */
  explanationMissing: boolean;
}

export interface BudgetTotals extends LineVariance {
  verifiedFen: number;
  itemCount: number;
  /** Lines that need an explanation and have none. */
  linesMissingExplanation: number;
}

export interface BudgetTable {
  rows: BudgetRow[];
  totals: BudgetTotals;
}

/** Whether an item of `status` counts as actual spending. */
export function countsAsActual(status: ExpenseStatus): boolean {
  return COUNTED_EXPENSE_STATUSES.includes(status);
}

/**
 * The table, one row a line in the order given. Items on a line not in `lines` are ignored
 * (they cannot exist: an item names a line of its grant).
 */
export function budgetTable(
  lines: readonly BudgetLineInput[],
  items: readonly ExpenseInput[],
  thresholdBp: number,
): BudgetTable {
  const actual = new Map<string, number[]>();
  const verified = new Map<string, number[]>();
  for (const item of items) {
    if (!countsAsActual(item.status)) continue;
    actual.set(item.budgetLineId, [...(actual.get(item.budgetLineId) ?? []), item.amountFen]);
    if (item.status === "verified")
      verified.set(item.budgetLineId, [...(verified.get(item.budgetLineId) ?? []), item.amountFen]);
  }
  const rows = lines.map((line): BudgetRow => {
    const spent = actual.get(line.id) ?? [];
    const variance = lineVariance(line.amountFen, sumFen(spent), thresholdBp);
    const explanation = line.varianceExplanation?.trim() ? line.varianceExplanation : null;
    return {
      lineId: line.id,
      ...variance,
      verifiedFen: sumFen(verified.get(line.id) ?? []),
      itemCount: spent.length,
      explanation,
      explanationMissing: variance.needsExplanation && explanation === null,
    };
  });
  const total = lineVariance(
    sumFen(rows.map((r) => r.budgetFen)),
    sumFen(rows.map((r) => r.actualFen)),
    thresholdBp,
  );
  return {
    rows,
    totals: {
      ...total,
      verifiedFen: sumFen(rows.map((r) => r.verifiedFen)),
      itemCount: rows.reduce((n, r) => n + r.itemCount, 0),
      linesMissingExplanation: rows.filter((r) => r.explanationMissing).length,
    },
  };
}
