import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { EligibilityRule } from "../../src/domain/call";
import { eligibilityProblems, monthsBetween } from "../../src/domain/eligibility";
import { shanghaiDate } from "../../src/domain/shanghai-time";

const rule = (r: Partial<EligibilityRule>): EligibilityRule => ({
  minMonthsFounded: null,
  maxMonthsFounded: null,
  allowUnregistered: false,
  note: null,
  ...r,
});

describe("eligibility", () => {
  it("counts whole months, the day of the month deciding", () => {
    expect(monthsBetween("2024-03-15", "2025-03-14")).toBe(11);
    expect(monthsBetween("2024-03-15", "2025-03-15")).toBe(12);
    expect(monthsBetween("2024-01-31", "2024-02-29")).toBe(0);
  });

  it("project incubation needs a year since founding", () => {
    const project = rule({ minMonthsFounded: 12 });
    const facts = { registrationStatus: "social_service_agency" as const, foundedOn: "2025-09-01" };
    expect(eligibilityProblems(project, facts, "2026-03-01")).toEqual([
      { code: "founded_too_recently", minMonths: 12, months: 6 },
    ]);
    expect(eligibilityProblems(project, { ...facts, foundedOn: "2025-03-01" }, "2026-03-01")).toEqual([]);
    expect(eligibilityProblems(project, { ...facts, foundedOn: null }, "2026-03-01")).toEqual([
      { code: "founded_on_missing" },
    ]);
  });

  it("unregistered teams only where allowed; the maximum age applies", () => {
    const unregistered = { registrationStatus: "unregistered" as const, foundedOn: null };
    expect(eligibilityProblems(rule({}), unregistered, "2026-01-01")).toEqual([
      { code: "unregistered_not_allowed" },
    ]);
    expect(eligibilityProblems(rule({ allowUnregistered: true }), unregistered, "2026-01-01")).toEqual([]);
    expect(
      eligibilityProblems(
        rule({ maxMonthsFounded: 36 }),
        { registrationStatus: "foundation", foundedOn: "2020-01-01" },
        "2026-01-01",
      ),
    ).toEqual([{ code: "founded_too_long_ago", maxMonths: 36, months: 72 }]);
  });

  it("the day is Shanghai's: 17:00 UTC is already the next day", () => {
    expect(shanghaiDate(new Date("2026-12-15T17:00:00Z"))).toBe("2026-12-16");
    expect(shanghaiDate(new Date("2026-12-15T15:59:00Z"))).toBe("2026-12-15");
  });

  it("months are monotone in the end date", () => {
    const day = fc.date({ min: new Date("2000-01-01"), max: new Date("2040-01-01"), noInvalidDate: true });
    fc.assert(
      fc.property(day, day, day, (a, b, c) => {
        const [from, x, y] = [a, b, c].map((d) => d.toISOString().slice(0, 10)) as [string, string, string];
        if (x <= y) expect(monthsBetween(from, x)).toBeLessThanOrEqual(monthsBetween(from, y));
      }),
    );
  });
});
