import type { TFunction } from "i18next";
import type { EligibilityRule } from "../../../../../domain/call";

/** A track's eligibility rule as sentences applicants read. */
export function eligibilityLines(rule: EligibilityRule, t: TFunction): string[] {
  const lines: string[] = [];
  const { minMonthsFounded: min, maxMonthsFounded: max } = rule;
  if (min !== null && max !== null) lines.push(t("portal.rangeMonths", { min, max }));
  else if (min !== null) lines.push(t("portal.minMonths", { count: min }));
  else if (max !== null) lines.push(t("portal.maxMonths", { count: max }));
  lines.push(rule.allowUnregistered ? t("portal.unregisteredOk") : t("portal.registeredOnly"));
  if (rule.note) lines.push(rule.note);
  return lines;
}
