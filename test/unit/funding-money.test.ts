/**
 * The money math of src/domain/funding/money.ts as properties (fast-check) and worked examples,
 * and the four state machines of src/domain/funding/grant.ts against tables written out here by
 * hand (every status × every event), so a change to a transition shows up as a diff.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  EXPENSE_EVENTS,
  EXPENSE_STATUSES,
  type ExpenseEvent,
  type ExpenseStatus,
  GRANT_EVENTS,
  GRANT_STATUSES,
  type GrantEvent,
  type GrantStatus,
  grantEventsFrom,
  nextExpenseStatus,
  nextGrantStatus,
  nextReportStatus,
  nextTrancheStatus,
  REPORT_EVENTS,
  REPORT_STATUSES,
  type ReportEvent,
  type ReportStatus,
  reportLate,
  TRANCHE_EVENTS,
  TRANCHE_STATUSES,
  type TrancheEvent,
  type TrancheStatus,
  trancheConditionMet,
  twoPersonRuleMet,
} from "../../src/domain/funding/grant";
import {
  allocate,
  costPerBeneficiary,
  divideRounded,
  formatFen,
  isFen,
  lineVariance,
  MAX_FEN,
  MAX_VARIANCE_BP,
  parseYuan,
  sumFen,
} from "../../src/domain/funding/money";

const fenArb = fc.integer({ min: 0, max: MAX_FEN });

describe("parseYuan and formatFen", () => {
  it("round-trip every amount the platform holds", () => {
    fc.assert(
      fc.property(fenArb, (fen) => {
        expect(parseYuan(formatFen(fen))).toBe(fen);
      }),
    );
  });

  it("read what people type: separators, full-width digits, a currency sign, one or two decimals", () => {
    expect(parseYuan("12,345.6")).toBe(1_234_560);
    expect(parseYuan("12345.60")).toBe(1_234_560);
    expect(parseYuan(" 300000 ")).toBe(30_000_000);
    expect(parseYuan("１２３")).toBe(12_300);
    expect(parseYuan("¥0.05")).toBe(5);
    expect(parseYuan("0")).toBe(0);
    expect(formatFen(1_234_560)).toBe("12,345.60");
    expect(formatFen(5)).toBe("0.05");
    expect(formatFen(-150)).toBe("-1.50");
  });

  it("refuse more than two decimals, signs, letters, empty text and anything beyond MAX_FEN", () => {
    for (const bad of ["1.234", "-1", "+1", "1e5", "abc", "", " ", "1.", ".5", "1.2.3", "0x10", "一百"]) {
      expect(parseYuan(bad), bad).toBeNull();
    }
    expect(parseYuan(formatFen(MAX_FEN))).toBe(MAX_FEN);
    expect(parseYuan("10000000000.01")).toBeNull();
    expect(parseYuan("99999999999")).toBeNull();
  });

  it("never read three or more decimals as an amount, whatever the digits", () => {
    fc.assert(
      fc.property(fc.nat(1_000_000), fc.stringMatching(/^\d{3,6}$/), (yuan, decimals) => {
        expect(parseYuan(`${yuan}.${decimals}`)).toBeNull();
      }),
    );
  });

  it("never answer anything but null or an amount in fen, for any text", () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const fen = parseYuan(text);
        expect(fen === null || isFen(fen)).toBe(true);
      }),
    );
  });
});

describe("sumFen", () => {
  it("adds integers exactly", () => {
    fc.assert(
      fc.property(fc.array(fenArb, { maxLength: 50 }), (amounts) => {
        const total = sumFen(amounts);
        expect(Number.isSafeInteger(total)).toBe(true);
        expect(BigInt(total)).toBe(amounts.reduce((a, b) => a + BigInt(b), 0n));
      }),
    );
  });

  it("refuses a non-integer or a sum beyond the safe range", () => {
    expect(() => sumFen([1, 0.5])).toThrow(RangeError);
    expect(() => sumFen([Number.NaN])).toThrow(RangeError);
    expect(() => sumFen([Number.MAX_SAFE_INTEGER, 1])).toThrow(RangeError);
    expect(() => sumFen([Number.MAX_SAFE_INTEGER + 2])).toThrow(RangeError);
  });
});

describe("allocate", () => {
  const weightsArb = fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 12 });

  it("always adds up to the total, and each part is within 1 fen of its exact share", () => {
    fc.assert(
      fc.property(fenArb, weightsArb, (total, weights) => {
        const parts = allocate(total, weights);
        expect(parts).toHaveLength(weights.length);
        expect(sumFen(parts)).toBe(total);
        const w = weights.every((x) => x === 0) ? weights.map(() => 1) : weights;
        const sum = BigInt(w.reduce((a, b) => a + b, 0));
        parts.forEach((part, i) => {
          expect(Number.isSafeInteger(part)).toBe(true);
          // |part − total·w/sum| < 1  ⇔  |part·sum − total·w| < sum
          const diff = BigInt(part) * sum - BigInt(total) * BigInt(w[i] as number);
          expect(diff < 0n ? -diff : diff).toBeLessThan(sum);
        });
      }),
    );
  });

  it("gives the remainder to the largest fractional parts, then the earliest", () => {
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocate(10, [3, 3, 4])).toEqual([3, 3, 4]);
    expect(allocate(5, [0, 0])).toEqual([3, 2]);
    expect(allocate(101, [1, 2])).toEqual([34, 67]);
    expect(allocate(7, [])).toEqual([]);
  });

  it("refuses a negative total or weight (money splits are of amounts, not debts)", () => {
    expect(() => allocate(-100, [1, 1])).toThrow(RangeError);
    expect(() => allocate(100, [1, -1])).toThrow(RangeError);
    expect(() => allocate(0.5, [1])).toThrow(RangeError);
  });
});

describe("divideRounded, lineVariance and costPerBeneficiary", () => {
  it("round half away from zero (worked examples)", () => {
    expect(divideRounded(5, 2)).toBe(3);
    expect(divideRounded(-5, 2)).toBe(-3);
    expect(divideRounded(7, 3)).toBe(2);
    expect(divideRounded(-7, 3)).toBe(-2);
    expect(divideRounded(3, 2)).toBe(2);
    expect(divideRounded(-3, 2)).toBe(-2);
    expect(divideRounded(1, 3)).toBe(0);
    expect(() => divideRounded(1, 0)).toThrow(RangeError);
    expect(() => divideRounded(10n ** 17n, 1)).toThrow(RangeError);
  });

  it("agree with exact rational rounding for any integers", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -MAX_FEN, max: MAX_FEN }),
        fc.integer({ min: 1, max: 1_000_000 }),
        (a, b) => {
          const q = divideRounded(a, b);
          expect(Number.isSafeInteger(q)).toBe(true);
          // |a − q·b| ≤ b/2, and on a tie the result is the one farther from zero.
          const err = BigInt(a) - BigInt(q) * BigInt(b);
          expect(2n * (err < 0n ? -err : err)).toBeLessThanOrEqual(BigInt(b));
          if (2n * (err < 0n ? -err : err) === BigInt(b))
            expect(Math.abs(q) * b).toBeGreaterThan(Math.abs(a));
        },
      ),
    );
  });

  it("lineVariance: basis points rounded half away from zero, over-spend and the threshold", () => {
    // 10,000.00 budgeted, 11,000.05 spent: +1,000.05 is 1000.05 bp → 1000 (not beyond 10%).
    expect(lineVariance(1_000_000, 1_100_005, 1000)).toMatchObject({
      varianceFen: 100_005,
      varianceBp: 1000,
      overspent: true,
      needsExplanation: false,
    });
    // 3 fen budgeted, 1 fen spent: −2/3 = −6666.67 bp → −6667.
    expect(lineVariance(3, 1, 1000)).toMatchObject({
      varianceBp: -6667,
      overspent: false,
      needsExplanation: true,
    });
    // 2 fen budgeted, 3 spent: +0.5 → 5000 bp exactly; 20000 fen vs 20001: 0.5 bp → 1 (half away).
    expect(lineVariance(20_000, 20_001, 1000).varianceBp).toBe(1);
    expect(lineVariance(20_000, 19_999, 1000).varianceBp).toBe(-1);
    // A 1-fen budget overspent by CNY 10 billion: clamped, not a number past 2^53 (found by the property below).
    expect(lineVariance(1, MAX_FEN, 1000).varianceBp).toBe(MAX_VARIANCE_BP);
    // Nothing budgeted: no ratio; any spending needs an explanation.
    expect(lineVariance(0, 0, 1000)).toMatchObject({ varianceBp: null, needsExplanation: false });
    expect(lineVariance(0, 1, 1000)).toMatchObject({
      varianceBp: null,
      needsExplanation: true,
      overspent: true,
    });
  });

  it("lineVariance never answers a non-integer", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: 0, max: 10 }), fenArb),
        fenArb,
        fc.integer({ min: 0, max: 100_000 }),
        (budget, actual, threshold) => {
          const v = lineVariance(budget, actual, threshold);
          expect(Number.isSafeInteger(v.varianceFen)).toBe(true);
          expect(v.varianceBp === null || Number.isSafeInteger(v.varianceBp)).toBe(true);
          expect(v.varianceFen).toBe(actual - budget);
        },
      ),
    );
  });

  it("costPerBeneficiary: fen per person rounded half away from zero, null without people", () => {
    expect(costPerBeneficiary(100, 3)).toBe(33);
    expect(costPerBeneficiary(250, 100)).toBe(3);
    expect(costPerBeneficiary(249, 100)).toBe(2);
    expect(costPerBeneficiary(30_000_000, 200)).toBe(150_000);
    expect(costPerBeneficiary(100, 0)).toBeNull();
    fc.assert(
      fc.property(fenArb, fc.integer({ min: 1, max: 10_000_000 }), (spent, people) => {
        const c = costPerBeneficiary(spent, people);
        expect(Number.isSafeInteger(c)).toBe(true);
      }),
    );
  });
});

// ---------------------------------------------------------------------------------------------
// The state machines, every (status, event) pair against a table written out by hand.

type Table<S extends string, E extends string> = Record<S, Partial<Record<E, S>>>;

function checkTable<S extends string, E extends string>(
  statuses: readonly S[],
  events: readonly E[],
  table: Table<S, E>,
  next: (s: S, e: E) => S | null,
) {
  for (const s of statuses) {
    for (const e of events) {
      expect(next(s, e), `${s} --${e}→`).toBe(table[s][e] ?? null);
    }
  }
}

describe("the funding state machines", () => {
  it("grant", () => {
    const table: Table<GrantStatus, GrantEvent> = {
      proposed: { approve: "approved", cancel: "cancelled" },
      approved: { sign: "agreement_signed", cancel: "cancelled" },
      agreement_signed: { activate: "active", cancel: "cancelled" },
      active: { suspend: "suspended", close: "closed" },
      suspended: { resume: "active", close: "closed" },
      closed: {},
      cancelled: {},
    };
    checkTable(GRANT_STATUSES, GRANT_EVENTS, table, nextGrantStatus);
    for (const s of GRANT_STATUSES) expect(grantEventsFrom(s).sort()).toEqual(Object.keys(table[s]).sort());
  });

  it("tranche", () => {
    const table: Table<TrancheStatus, TrancheEvent> = {
      pending: { prepare: "prepared", stop: "stopped" },
      prepared: { pay: "paid", withdraw: "pending", stop: "stopped" },
      paid: {},
      stopped: {},
    };
    checkTable(TRANCHE_STATUSES, TRANCHE_EVENTS, table, nextTrancheStatus);
  });

  it("spending item", () => {
    const table: Table<ExpenseStatus, ExpenseEvent> = {
      submitted: { verify: "verified", query: "queried", withdraw: "withdrawn" },
      queried: { resubmit: "submitted", withdraw: "withdrawn" },
      verified: {},
      withdrawn: {},
    };
    checkTable(EXPENSE_STATUSES, EXPENSE_EVENTS, table, nextExpenseStatus);
  });

  it("progress report", () => {
    const table: Table<ReportStatus, ReportEvent> = {
      due: { submit: "submitted", fail: "failed" },
      submitted: { accept: "accepted", return: "returned", fail: "failed" },
      returned: { submit: "submitted", fail: "failed" },
      accepted: {},
      failed: {},
    };
    checkTable(REPORT_STATUSES, REPORT_EVENTS, table, nextReportStatus);
  });

  it("terminal statuses stay terminal under any sequence of events", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...GRANT_EVENTS), { maxLength: 30 }), (events) => {
        let status: GrantStatus = "proposed";
        for (const e of events) {
          const to = nextGrantStatus(status, e);
          if (status === "closed" || status === "cancelled") expect(to).toBeNull();
          if (to) status = to;
        }
      }),
    );
  });

  it("the two-person rule, tranche conditions and lateness", () => {
    expect(twoPersonRuleMet("a", "b")).toBe(true);
    expect(twoPersonRuleMet("a", "a")).toBe(false);
    expect(twoPersonRuleMet(null, "a")).toBe(false);
    const facts = {
      grantStatus: "active" as const,
      midtermAccepted: false,
      milestoneMet: true,
      finalReportAccepted: false,
    };
    expect(trancheConditionMet("agreement_signed", facts)).toBe(true);
    expect(trancheConditionMet("midterm_approved", facts)).toBe(false);
    expect(trancheConditionMet("milestone_met", facts)).toBe(true);
    expect(trancheConditionMet("agreement_signed", { ...facts, grantStatus: "suspended" })).toBe(false);
    expect(reportLate("2027-01-31", "2027-02-15", 15)).toBe(false);
    expect(reportLate("2027-01-31", "2027-02-16", 15)).toBe(true);
  });
});
