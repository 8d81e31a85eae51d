/**
 * The results' pure rules (src/domain/funding/results.ts) on integers: the series, the
 * achievement rate and its rounding, people counted once, spending sums that reconcile.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  achievementBp,
  formatHundredths,
  indicatorSeries,
  latestValue,
  parseHundredths,
  peopleReached,
  spendingSummary,
  targetMet,
} from "../../src/domain/funding/results";

const fenArb = fc.integer({ min: 0, max: 1_000_000_000 });

describe("indicator values in hundredths", () => {
  it("parses and formats back", () => {
    expect(parseHundredths("12.5")).toBe(1250);
    expect(parseHundredths("-0.05")).toBe(-5);
    expect(parseHundredths("1.234")).toBeNull();
    expect(parseHundredths("abc")).toBeNull();
    expect(formatHundredths(1250)).toBe("12.5");
    expect(formatHundredths(1200)).toBe("12");
    expect(formatHundredths(-5)).toBe("-0.05");
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (n) => {
        expect(parseHundredths(formatHundredths(n))).toBe(n);
      }),
    );
  });
});

describe("achievement", () => {
  it("rounds half away from zero in basis points", () => {
    expect(achievementBp({ baseline: 0, target: 300, value: 100 })).toBe(3333);
    expect(achievementBp({ baseline: 0, target: 300, value: 200 })).toBe(6667);
    expect(achievementBp({ baseline: 0, target: 20000, value: 25000 })).toBe(12500);
    expect(achievementBp({ baseline: 0, target: 0, value: 5 })).toBeNull();
    expect(achievementBp({ baseline: 0, target: 100, value: null })).toBeNull();
    // A falling indicator: waiting days from 30 to 10, now 20 → half way.
    expect(achievementBp({ baseline: 3000, target: 1000, value: 2000 })).toBe(5000);
    expect(targetMet({ baseline: 3000, target: 1000, value: 900 })).toBe(true);
  });

  it("is met exactly when the rate reaches 100% (rising, positive target)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e9 }), fc.integer({ min: 0, max: 2e9 }), (target, value) => {
        const i = { baseline: 0, target, value };
        const bp = achievementBp(i) as number;
        expect(Number.isInteger(bp)).toBe(true);
        if (targetMet(i)) expect(bp).toBeGreaterThanOrEqual(10_000);
        // Rounding may lift 99.995% to 100.00%, never the other way round.
        if (bp < 10_000) expect(targetMet(i)).toBe(false);
      }),
    );
  });
});

describe("series", () => {
  it("starts at the baseline and runs by period end", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            reportId: fc.uuid(),
            periodEnd: fc
              .integer({ min: 0, max: 1000 })
              .map((d) => new Date(Date.UTC(2027, 0, 1 + d)).toISOString().slice(0, 10)),
            value: fc.integer({ min: 0, max: 1e6 }),
          }),
          { maxLength: 12 },
        ),
        (values) => {
          const series = indicatorSeries(0, "2027-01-01", values);
          expect(series).toHaveLength(values.length + 1);
          expect(series[0]).toEqual({ on: "2027-01-01", value: 0, baseline: true });
          for (let i = 2; i < series.length; i++)
            expect((series[i - 1] as { on: string }).on <= (series[i] as { on: string }).on).toBe(true);
          expect(latestValue(series)).toBe(values.length === 0 ? null : (series.at(-1)?.value ?? null));
        },
      ),
    );
  });
});

describe("people reached", () => {
  it("counts each accepted report once", () => {
    expect(
      peopleReached([
        { id: "a", newPeople: 10 },
        { id: "b", newPeople: 5 },
        { id: "a", newPeople: 10 },
      ]),
    ).toBe(15);
  });
});

describe("spending summary", () => {
  it("reconciles: remaining = budget − spent, verified ≤ spent, integers only", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ amountFen: fenArb }), { maxLength: 8 }),
        fc.array(
          fc.record({
            amountFen: fc.integer({ min: 1, max: 1e8 }),
            counted: fc.boolean(),
            verified: fc.boolean(),
          }),
          {
            maxLength: 20,
          },
        ),
        fc.array(fc.record({ amountFen: fc.integer({ min: 1, max: 1e8 }), paid: fc.boolean() }), {
          maxLength: 4,
        }),
        (budgetLines, expenses, tranches) => {
          const s = spendingSummary({
            grants: [{ amountFen: 1, owedFen: 0, committed: true }],
            budgetLines,
            expenses,
            tranches,
          });
          expect(s.remainingFen).toBe(s.budgetFen - s.spentFen);
          expect(s.verifiedFen).toBeLessThanOrEqual(s.spentFen);
          expect(s.paidFen).toBeLessThanOrEqual(tranches.reduce((a, t) => a + t.amountFen, 0));
          for (const v of Object.values(s)) expect(Number.isSafeInteger(v)).toBe(true);
        },
      ),
    );
  });
});
