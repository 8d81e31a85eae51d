/**
 * The words of an eligibility check (src/domain/eligibility.ts `eligibilityChecks`) in both
 * languages: the rule, and the value it was judged on. The staff page, the dossier and the
 * screening file say them the same way.
 */
import type { EligibilityCheck } from "../../domain/eligibility";
import { ORGANIZATION_LABELS } from "../labels";
import type { Lang } from "../messages";
import { RECRUITMENT_LABELS } from "./labels";

/** 12 → "1 年", 21 → "1 年 9 个月", 6 → "6 个月". */
function durationText(months: number, lang: Lang): string {
  const years = Math.floor(months / 12);
  const rest = months % 12;
  if (lang === "en") {
    const y = years ? `${years} year${years === 1 ? "" : "s"}` : "";
    const m = rest || !years ? `${rest} month${rest === 1 ? "" : "s"}` : "";
    return [y, m].filter(Boolean).join(" ");
  }
  const y = years ? `${years} 年` : "";
  const m = rest || !years ? `${rest} 个月` : "";
  return [y, m].filter(Boolean).join(" ");
}

/** What the rule asks, e.g. "成立满 1 年、不超过 3 年". */
export function eligibilityRuleText(check: EligibilityCheck, lang: Lang): string {
  const en = lang === "en";
  if (check.rule === "registration") {
    if (check.allowUnregistered) return en ? "Unregistered teams may apply" : "未登记团队也可申请";
    return en ? "Registered organizations only" : "须为已登记的社会组织";
  }
  if (check.rule === "note") return check.note;
  const min = check.minMonths !== null ? durationText(check.minMonths, lang) : null;
  const max = check.maxMonths !== null ? durationText(check.maxMonths, lang) : null;
  if (en) {
    if (min && max) return `Founded at least ${min} and at most ${max} ago`;
    return min ? `Founded at least ${min} ago` : `Founded at most ${max} ago`;
  }
  if (min && max) return `成立满 ${min}、不超过 ${max}`;
  return min ? `成立满 ${min}` : `成立不超过 ${max}`;
}

/** What the organization's record says, e.g. "成立于 2021-03-02，满 1 年" or "未登记". */
export function eligibilityValueText(check: EligibilityCheck, lang: Lang): string {
  const en = lang === "en";
  if (check.rule === "registration") {
    if (check.registrationStatus === "unregistered") return en ? "Unregistered" : "未登记";
    // The kind of registration says it is registered: "社会团体", not "已登记（社会团体）".
    return ORGANIZATION_LABELS[lang].registrationStatus[check.registrationStatus];
  }
  if (check.rule === "note") return en ? "to be checked by hand" : "需人工核对";
  if (check.foundedOn === null || check.months === null)
    return en ? "No founding date on record" : "名录中无成立日期";
  if (check.months < 0)
    return en ? `Founded ${check.foundedOn}, a later date` : `成立于 ${check.foundedOn}（晚于核对日）`;
  if (check.months === 0)
    return en
      ? `Founded ${check.foundedOn}, less than a month old`
      : `成立于 ${check.foundedOn}，不满 1 个月`;
  const age = durationText(check.months, lang);
  return en ? `Founded ${check.foundedOn}, ${age} old` : `成立于 ${check.foundedOn}，满 ${age}`;
}

/** One line for a spreadsheet cell: "须为已登记的社会组织：符合（已登记（社会团体））；…". */
export function eligibilitySummary(checks: EligibilityCheck[], lang: Lang): string {
  const result = RECRUITMENT_LABELS[lang].eligibilityResult;
  const colon = lang === "en" ? ": " : "：";
  const separator = lang === "en" ? "; " : "；";
  return checks
    .map((c) =>
      c.rule === "note"
        ? `${c.note}${colon}${eligibilityValueText(c, lang)}`
        : lang === "en"
          ? `${eligibilityRuleText(c, lang)}${colon}${result[c.result]} (${eligibilityValueText(c, lang)})`
          : `${eligibilityRuleText(c, lang)}${colon}${result[c.result]}（${eligibilityValueText(c, lang)}）`,
    )
    .join(separator);
}
