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
