/**
 * The funding foundation's rules the progress reports lean on and the other funding work shares:
 * the grant, tranche, spending and report state machines, the two-person rule, tranche
 * conditions, and the integer money math (sums reconcile; no float touches money).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  COMMITTED_GRANT_STATUSES,
  COUNTED_EXPENSE_STATUSES,
  EXPENSE_EVENTS,
  GRANT_EVENTS_NEEDING_REASON,
  GRANT_STATUSES,
  grantEventsFrom,
  grantTermsEditable,
  nextExpenseStatus,
  nextGrantStatus,
  nextReportStatus,
  nextTrancheStatus,
  REPORT_EVENTS,
  REPORT_STATUSES,
  TRANCHE_EVENTS,
  trancheConditionMet,
  twoPersonRuleMet,
} from "../../src/domain/funding/grant";
import {
  allocate,
  costPerBeneficiary,
  DEFAULT_PROJECT_GRANT_CAP_FEN,
  divideRounded,
  formatFen,
  isFen,
  lineVariance,
  MAX_FEN,
  parseYuan,
  sumFen,
} from "../../src/domain/funding/money";

describe("the state machines", () => {
  it("a grant: only its table's events, closed and cancelled are final, the reasons and the terms", () => {
    for (const s of GRANT_STATUSES)
      for (const e of grantEventsFrom(s)) expect(nextGrantStatus(s, e)).not.toBeNull();
    expect(grantEventsFrom("closed")).toEqual([]);
    expect(grantEventsFrom("cancelled")).toEqual([]);
    expect(nextGrantStatus("active", "close")).toBe("closed");
    expect(nextGrantStatus("proposed", "close")).toBeNull();
    expect(GRANT_EVENTS_NEEDING_REASON).toContain("close");
    expect(COMMITTED_GRANT_STATUSES).not.toContain("proposed");
    expect(grantTermsEditable("proposed")).toBe(true);
    expect(grantTermsEditable("approved")).toBe(false);
  });

  it("the two-person rule: the approver is not who prepared it, and someone prepared it", () => {
    expect(twoPersonRuleMet("a", "b")).toBe(true);
    expect(twoPersonRuleMet("a", "a")).toBe(false);
    expect(twoPersonRuleMet(null, "a")).toBe(false);
  });

  it("tranches stop only while unpaid; a paid one is final", () => {
    expect(nextTrancheStatus("pending", "stop")).toBe("stopped");
    expect(nextTrancheStatus("prepared", "stop")).toBe("stopped");
    for (const e of TRANCHE_EVENTS) expect(nextTrancheStatus("paid", e)).toBeNull();
    const facts = {
      grantStatus: "active" as const,
      midtermAccepted: false,
      milestoneMet: true,
      finalReportAccepted: false,
    };
    expect(trancheConditionMet("midterm_approved", facts)).toBe(false);
    expect(trancheConditionMet("milestone_met", facts)).toBe(true);
    expect(trancheConditionMet("agreement_signed", { ...facts, grantStatus: "closed" })).toBe(false);
  });

  it("spending and reports: final states take no event", () => {
    for (const e of EXPENSE_EVENTS) expect(nextExpenseStatus("verified", e)).toBeNull();
    expect(COUNTED_EXPENSE_STATUSES).not.toContain("withdrawn");
    for (const e of REPORT_EVENTS) {
      expect(nextReportStatus("accepted", e)).toBeNull();
      expect(nextReportStatus("failed", e)).toBeNull();
    }
    expect(REPORT_STATUSES.filter((s) => nextReportStatus(s, "fail"))).toEqual([
      "due",
      "submitted",
      "returned",
    ]);
  });
});

describe("money in integer fen", () => {
  const fen = fc.integer({ min: 0, max: MAX_FEN });
  it("formats and parses back to the same fen", () => {
    fc.assert(
      fc.property(fen, (n) => {
        expect(parseYuan(formatFen(n))).toBe(n);
      }),
    );
    expect(parseYuan("1.234")).toBeNull();
    expect(parseYuan("-1")).toBeNull();
    expect(isFen(DEFAULT_PROJECT_GRANT_CAP_FEN)).toBe(true);
    expect(isFen(0.5)).toBe(false);
  });

  it("splits always add up to the whole, each part an integer", () => {
    fc.assert(
      fc.property(
        fen,
        fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 8 }),
        (total, w) => {
          const parts = allocate(total, w);
          expect(sumFen(parts)).toBe(total);
          for (const p of parts) expect(Number.isSafeInteger(p)).toBe(true);
        },
      ),
    );
  });

  it("rounds ratios half away from zero; variance and cost per person on integers", () => {
    expect(divideRounded(5, 2)).toBe(3);
    expect(divideRounded(-5, 2)).toBe(-3);
    expect(lineVariance(10_000, 11_500, 1000)).toMatchObject({
      varianceBp: 1500,
      overspent: true,
      needsExplanation: true,
    });
    expect(lineVariance(0, 1, 1000).needsExplanation).toBe(true);
    expect(costPerBeneficiary(1000, 3)).toBe(333);
    expect(costPerBeneficiary(1000, 0)).toBeNull();
  });
});
