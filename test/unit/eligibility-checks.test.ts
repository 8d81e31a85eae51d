import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { EligibilityRule } from "../../src/domain/call";
import { eligibilityChecks, eligibilityProblems } from "../../src/domain/eligibility";
import { REGISTRATION_STATUSES } from "../../src/domain/organization";

const rule = (r: Partial<EligibilityRule>): EligibilityRule => ({
  minMonthsFounded: null,
  maxMonthsFounded: null,
  allowUnregistered: false,
  note: null,
  ...r,
});
const registered = { registrationStatus: "social_group" as const, foundedOn: "2021-03-02" };

describe("eligibility checks for staff", () => {
  it("judges registration: required and missing is not met; allowed unregistered is met", () => {
    const unregistered = { registrationStatus: "unregistered" as const, foundedOn: null };
    expect(eligibilityChecks(rule({}), unregistered, "2026-12-06")).toEqual([
      {
        rule: "registration",
        result: "not_met",
        allowUnregistered: false,
        registrationStatus: "unregistered",
      },
    ]);
    expect(eligibilityChecks(rule({ allowUnregistered: true }), unregistered, "2026-12-06")[0]).toMatchObject(
      {
        result: "met",
      },
    );
    expect(eligibilityChecks(rule({}), registered, "2026-12-06")[0]).toMatchObject({ result: "met" });
  });

  it("judges the founding range with the months it counted, and unknown without a founding date", () => {
    const range = rule({ minMonthsFounded: 12, maxMonthsFounded: 36 });
    expect(eligibilityChecks(range, registered, "2022-03-02")[1]).toEqual({
      rule: "founded",
      result: "met",
      minMonths: 12,
      maxMonths: 36,
      foundedOn: "2021-03-02",
      months: 12,
    });
    expect(eligibilityChecks(range, registered, "2022-03-01")[1]).toMatchObject({
      result: "not_met",
      months: 11,
    });
    expect(eligibilityChecks(range, registered, "2024-03-02")[1]).toMatchObject({
      result: "met",
      months: 36,
    });
    expect(eligibilityChecks(range, registered, "2024-04-02")[1]).toMatchObject({
      result: "not_met",
      months: 37,
    });
    expect(eligibilityChecks(range, { ...registered, foundedOn: null }, "2026-12-06")[1]).toEqual({
      rule: "founded",
      result: "unknown",
      minMonths: 12,
      maxMonths: 36,
      foundedOn: null,
      months: null,
    });
  });

  it("lists no founding rule when the track has none, and the note as unknown", () => {
    const checks = eligibilityChecks(rule({ note: " 须在本区开展服务 " }), registered, "2026-12-06");
    expect(checks.map((c) => [c.rule, c.result])).toEqual([
      ["registration", "met"],
      ["note", "unknown"],
    ]);
    expect(checks[1]).toMatchObject({ note: "须在本区开展服务" });
  });

  it("is 'met' exactly when a submit on that day would find no eligibility problem", () => {
    const months = fc.option(fc.integer({ min: 0, max: 120 }), { nil: null });
    const day = fc.date({ min: new Date("2000-01-01"), max: new Date("2030-01-01"), noInvalidDate: true });
    fc.assert(
      fc.property(
        months,
        months,
        fc.boolean(),
        fc.constantFrom(...REGISTRATION_STATUSES),
        fc.option(day, { nil: null }),
        day,
        (min, max, allowUnregistered, registrationStatus, founded, on) => {
          const r = rule({ minMonthsFounded: min, maxMonthsFounded: max, allowUnregistered });
          const facts = { registrationStatus, foundedOn: founded?.toISOString().slice(0, 10) ?? null };
          const onDate = on.toISOString().slice(0, 10);
          const allMet = eligibilityChecks(r, facts, onDate).every((c) => c.result === "met");
          expect(allMet).toBe(eligibilityProblems(r, facts, onDate).length === 0);
        },
      ),
    );
  });
});
