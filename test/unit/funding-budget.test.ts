/** Budget vs actual (src/domain/funding/budget.ts): sums that reconcile, what counts, what needs words. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { budgetTable } from "../../src/domain/funding/budget";
import { EXPENSE_STATUSES } from "../../src/domain/funding/grant";

const lineIds = ["a", "b", "c", "d"];
const arbLines = fc.uniqueArray(
  fc.record({
    id: fc.constantFrom(...lineIds),
    amountFen: fc.integer({ min: 0, max: 50_000_000 }),
    varianceExplanation: fc.option(fc.constantFrom("", "  ", "物价上涨"), { nil: null }),
  }),
  { selector: (l) => l.id, minLength: 1, maxLength: 4 },
);
const arbItems = fc.array(
  fc.record({
    budgetLineId: fc.constantFrom(...lineIds),
    amountFen: fc.integer({ min: 1, max: 5_000_000 }),
    status: fc.constantFrom(...EXPENSE_STATUSES),
  }),
  { maxLength: 40 },
);

describe("budget vs actual", () => {
  it("the totals are the sums of the lines, always, and actual is the counted items on known lines", () => {
    fc.assert(
      fc.property(arbLines, arbItems, fc.integer({ min: 0, max: 10_000 }), (lines, items, threshold) => {
        const { rows, totals } = budgetTable(lines, items, threshold);
        const sum = (f: (r: (typeof rows)[number]) => number) => rows.reduce((n, r) => n + f(r), 0);
        expect(totals.budgetFen).toBe(sum((r) => r.budgetFen));
        expect(totals.actualFen).toBe(sum((r) => r.actualFen));
        expect(totals.verifiedFen).toBe(sum((r) => r.verifiedFen));
        expect(totals.varianceFen).toBe(sum((r) => r.varianceFen));
        expect(totals.itemCount).toBe(sum((r) => r.itemCount));
        const known = new Set(lines.map((l) => l.id));
        const counted = items.filter((i) => known.has(i.budgetLineId) && i.status !== "withdrawn");
        expect(totals.actualFen).toBe(counted.reduce((n, i) => n + i.amountFen, 0));
        expect(totals.verifiedFen).toBe(
          counted.filter((i) => i.status === "verified").reduce((n, i) => n + i.amountFen, 0),
        );
        for (const r of rows) {
          expect(Number.isSafeInteger(r.actualFen) && Number.isSafeInteger(r.varianceFen)).toBe(true);
          expect(r.verifiedFen).toBeLessThanOrEqual(r.actualFen);
          expect(r.overspent).toBe(r.actualFen > r.budgetFen);
          expect(r.explanationMissing).toBe(r.needsExplanation && r.explanation === null);
        }
        expect(totals.linesMissingExplanation).toBe(rows.filter((r) => r.explanationMissing).length);
      }),
    );
  });

  it("flags over-spend and a variance beyond the threshold, and blank words are no explanation", () => {
    const { rows, totals } = budgetTable(
      [
        { id: "a", amountFen: 100_000, varianceExplanation: null },
        { id: "b", amountFen: 100_000, varianceExplanation: "   " },
        { id: "c", amountFen: 100_000, varianceExplanation: "场地涨价" },
        { id: "d", amountFen: 0, varianceExplanation: null },
      ],
      [
        { budgetLineId: "a", amountFen: 110_000, status: "submitted" }, // +10%: at the threshold
        { budgetLineId: "b", amountFen: 110_100, status: "verified" }, // beyond it (10.1%)
        { budgetLineId: "c", amountFen: 50_000, status: "queried" }, // -50%, explained
        { budgetLineId: "c", amountFen: 99_999, status: "withdrawn" }, // does not count
        { budgetLineId: "d", amountFen: 1, status: "submitted" }, // spent with no budget
      ],
      1000,
    );
    expect(
      rows.map((r) => [r.actualFen, r.varianceBp, r.overspent, r.needsExplanation, r.explanationMissing]),
    ).toEqual([
      [110_000, 1000, true, false, false],
      [110_100, 1010, true, true, true],
      [50_000, -5000, false, true, false],
      [1, null, true, true, true],
    ]);
    expect(rows[1]?.verifiedFen).toBe(110_100);
    expect(rows[1]?.explanation).toBeNull();
    expect(totals).toMatchObject({
      budgetFen: 300_000,
      actualFen: 270_101,
      varianceFen: -29_899,
      linesMissingExplanation: 2,
    });
  });
});
