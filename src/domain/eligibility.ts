/**
 * Eligibility of an organization for one track of a call. Applicants see these problems before
 * they submit, and the server refuses a submit that still has any.
 */
import type { EligibilityRule } from "./call";
import type { RegistrationStatus } from "./organization";

export type EligibilityProblem =
  | { code: "unregistered_not_allowed" }
  | { code: "founded_on_missing" }
  | { code: "founded_too_recently"; minMonths: number; months: number }
  | { code: "founded_too_long_ago"; maxMonths: number; months: number };

export interface EligibilityFacts {
  registrationStatus: RegistrationStatus;
  foundedOn: string | null; // YYYY-MM-DD
}

/** Whole months from `from` to `to` (both YYYY-MM-DD): 2024-03-15 → 2025-03-14 is 11. */
export function monthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split("-").map(Number) as [number, number, number];
  const [ty, tm, td] = to.split("-").map(Number) as [number, number, number];
  let months = (ty - fy) * 12 + (tm - fm);
  if (td < fd) months -= 1;
  return months;
}

export function eligibilityProblems(
  rule: EligibilityRule,
  facts: EligibilityFacts,
  today: string,
): EligibilityProblem[] {
  const problems: EligibilityProblem[] = [];
  if (facts.registrationStatus === "unregistered" && !rule.allowUnregistered) {
    problems.push({ code: "unregistered_not_allowed" });
  }
  if (rule.minMonthsFounded === null && rule.maxMonthsFounded === null) return problems;
  if (!facts.foundedOn) {
    problems.push({ code: "founded_on_missing" });
    return problems;
  }
  const months = monthsBetween(facts.foundedOn, today);
  if (rule.minMonthsFounded !== null && months < rule.minMonthsFounded) {
    problems.push({ code: "founded_too_recently", minMonths: rule.minMonthsFounded, months });
  }
  if (rule.maxMonthsFounded !== null && months > rule.maxMonthsFounded) {
    problems.push({ code: "founded_too_long_ago", maxMonths: rule.maxMonthsFounded, months });
  }
  return problems;
}

/** How one rule of a track holds for an organization: the platform decides, or cannot tell. */
export type EligibilityResult = "met" | "not_met" | "unknown";

/**
 * One rule of a track judged for staff, with what it was judged on. `founded` is the founding-date
 * range (either end may be open); `note` is the call's free-text condition, which only a person
 * can judge, so it is always "unknown".
 */
export type EligibilityCheck =
  | {
      rule: "registration";
      result: EligibilityResult;
      allowUnregistered: boolean;
      registrationStatus: RegistrationStatus;
    }
  | {
      rule: "founded";
      result: EligibilityResult;
      minMonths: number | null;
      maxMonths: number | null;
      foundedOn: string | null;
      /** Whole months from founding to `onDate`; null when the founding date is not known. */
      months: number | null;
    }
  | { rule: "note"; result: "unknown"; note: string };

/**
 * Every rule of `rule` as met / not met / unknown on `onDate` (YYYY-MM-DD), from the registry's
 * facts. Same arithmetic as `eligibilityProblems`, so a "met" here is what a submit accepted.
 */
export function eligibilityChecks(
  rule: EligibilityRule,
  facts: EligibilityFacts,
  onDate: string,
): EligibilityCheck[] {
  const checks: EligibilityCheck[] = [
    {
      rule: "registration",
      result: rule.allowUnregistered || facts.registrationStatus !== "unregistered" ? "met" : "not_met",
      allowUnregistered: rule.allowUnregistered,
      registrationStatus: facts.registrationStatus,
    },
  ];
  const { minMonthsFounded: minMonths, maxMonthsFounded: maxMonths } = rule;
  if (minMonths !== null || maxMonths !== null) {
    const months = facts.foundedOn ? monthsBetween(facts.foundedOn, onDate) : null;
    const result: EligibilityResult =
      months === null
        ? "unknown"
        : (minMonths !== null && months < minMonths) || (maxMonths !== null && months > maxMonths)
          ? "not_met"
          : "met";
    checks.push({ rule: "founded", result, minMonths, maxMonths, foundedOn: facts.foundedOn, months });
  }
  const note = rule.note?.trim();
  if (note) checks.push({ rule: "note", result: "unknown", note });
  return checks;
}
