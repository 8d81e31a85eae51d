/**
 * The funding foundation's pure rules that the grant work leans on and no other test of this
 * branch reaches: the spending and report machines, the lateness rule, and the fen arithmetic
 * (allocation reconciles to the fen, rounding half away from zero, budget variance, cost per
 * person) as properties on integers.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  COUNTED_EXPENSE_STATUSES,
  EXPENSE_EVENTS,
  EXPENSE_STATUSES,
  nextExpenseStatus,
  nextReportStatus,
  REPORT_EVENTS,
  REPORT_STATUSES,
  reportLate,
} from "../../src/domain/funding/grant";
import {
  allocate,
  costPerBeneficiary,
  divideRounded,
  isFen,
  lineVariance,
  MAX_FEN,
} from "../../src/domain/funding/money";

describe("the spending and report machines", () => {
  it("leave the final statuses by no event, and a withdrawn item does not count", () => {
    for (const e of EXPENSE_EVENTS) {
      expect(nextExpenseStatus("verified", e)).toBeNull();
      expect(nextExpenseStatus("withdrawn", e)).toBeNull();
    }
    for (const e of REPORT_EVENTS) {
      expect(nextReportStatus("accepted", e)).toBeNull();
      expect(nextReportStatus("failed", e)).toBeNull();
    }
    expect(COUNTED_EXPENSE_STATUSES).not.toContain("withdrawn");
    expect(nextExpenseStatus("queried", "resubmit")).toBe("submitted");
    expect(nextReportStatus("returned", "submit")).toBe("submitted");
  });

  it("only ever lead to known statuses", () => {
    for (const s of EXPENSE_STATUSES)
      for (const e of EXPENSE_EVENTS) {
        const to = nextExpenseStatus(s, e);
        if (to) expect(EXPENSE_STATUSES).toContain(to);
      }
    for (const s of REPORT_STATUSES)
      for (const e of REPORT_EVENTS) {
        const to = nextReportStatus(s, e);
        if (to) expect(REPORT_STATUSES).toContain(to);
      }
  });

  it("counts a report late only after the grace days", () => {
    expect(reportLate("2027-06-30", "2027-07-15", 15)).toBe(false);
    expect(reportLate("2027-06-30", "2027-07-16", 15)).toBe(true);
    expect(reportLate("2027-12-25", "2028-01-09", 15)).toBe(false);
    expect(reportLate("2027-12-25", "2028-01-10", 15)).toBe(true);
  });
});

describe("fen arithmetic", () => {
  it("takes only whole, non-negative, bounded amounts as fen", () => {
    expect(isFen(0)).toBe(true);
    expect(isFen(MAX_FEN)).toBe(true);
    for (const bad of [-1, 0.5, MAX_FEN + 1, Number.NaN, "1"]) expect(isFen(bad)).toBe(false);
  });

  it("allocates so the parts add up to the total, each within a fen of its exact share", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: MAX_FEN }),
        fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 12 }),
        (total, weights) => {
          const parts = allocate(total, weights);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
          const w = weights.every((x) => x === 0) ? weights.map(() => 1) : weights;
          const sum = w.reduce((a, b) => a + b, 0);
          parts.forEach((p, i) => {
            expect(Number.isInteger(p)).toBe(true);
            const exact = (BigInt(total) * BigInt(w[i] as number)) / BigInt(sum);
            expect(BigInt(p) - exact >= 0n && BigInt(p) - exact <= 1n).toBe(true);
          });
        },
      ),
    );
  });

  it("rounds a quotient half away from zero", () => {
    expect(divideRounded(5, 2)).toBe(3);
    expect(divideRounded(-5, 2)).toBe(-3);
    expect(divideRounded(7, 3)).toBe(2);
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 1, max: 1e6 }), (a, b) => {
        const q = divideRounded(a, b);
        // |a − q·b| ≤ b/2, and a tie goes away from zero.
        const gap = Math.abs(a - q * b) * 2;
        expect(gap).toBeLessThanOrEqual(b);
        if (gap === b) expect(Math.abs(q * b)).toBeGreaterThan(Math.abs(a));
      }),
    );
    expect(() => divideRounded(1, 0)).toThrow(RangeError);
  });

  it("flags a budget line beyond the threshold either way, and any spending without a budget", () => {
    expect(lineVariance(100_000, 111_000, 1000)).toMatchObject({
      varianceFen: 11_000,
      varianceBp: 1100,
      overspent: true,
      needsExplanation: true,
    });
    expect(lineVariance(100_000, 90_000, 1000)).toMatchObject({ varianceBp: -1000, needsExplanation: false });
    expect(lineVariance(0, 1, 1000)).toMatchObject({ varianceBp: null, needsExplanation: true });
    expect(costPerBeneficiary(100_000, 3)).toBe(33_333);
    expect(costPerBeneficiary(100_000, 0)).toBeNull();
  });
});
