/**
 * The reports a grant asks for (报告计划): periodic progress reports at the frequency chosen, the
 * mid-term evaluation (中期评估) and the final report (结项报告). The periods tile the grant from
 * its first day to its last without gaps or overlaps: the periodic boundaries fall every 1, 3, 6
 * or 12 months after the start (a start on the 31st ends its months on the last day of shorter
 * months). The mid-term evaluation is the report, before the last, whose period ends nearest the
 * grant's middle day (the earlier of two as near); a grant shorter than one period is split at
 * its middle day instead. The last period is the final report. Each is due
 * `dueAfterDays` calendar days after its period ends. Days are calendar days (YYYY-MM-DD, UTC
 * arithmetic, no time of day).
 */
import type { ReportingFrequency, ReportKind } from "./grant";

export const SCHEDULE_FREQUENCIES = [
  "monthly",
  "quarterly",
  "half_yearly",
  "yearly",
] as const satisfies readonly ReportingFrequency[];
export type ScheduleFrequency = (typeof SCHEDULE_FREQUENCIES)[number];

const MONTHS: Record<ScheduleFrequency, number> = { monthly: 1, quarterly: 3, half_yearly: 6, yearly: 12 };

/** Days after a period's end before its report is due, unless staff choose otherwise. */
export const DEFAULT_REPORT_DUE_AFTER_DAYS = 10;
/** Days past due before a late report fails, when the base has not set its own. */
export const DEFAULT_REPORT_GRACE_DAYS = 15;
/** How many days before a report is due the organization is reminded. */
export const REPORT_REMINDER_DAYS = 3;

export interface PlannedReport {
  kind: ReportKind;
  periodStart: string;
  periodEnd: string;
  dueOn: string;
}

const DAY_MS = 86_400_000;
const toMs = (day: string) => Date.parse(`${day}T00:00:00Z`);
const fromMs = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function addDays(day: string, days: number): string {
  return fromMs(toMs(day) + days * DAY_MS);
}

/** Calendar days from `a` to `b` (negative when b is earlier). */
export function daysBetween(a: string, b: string): number {
  return Math.round((toMs(b) - toMs(a)) / DAY_MS);
}

/** `day` plus `months` months, on the same day of the month or the month's last day. */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = total % 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return fromMs(Date.UTC(year, month, Math.min(d, last)));
}

/** The grant's middle day: the last day of its first half (the earlier one for an even length). */
export function middleDay(startsOn: string, endsOn: string): string {
  return addDays(startsOn, Math.floor(daysBetween(startsOn, endsOn) / 2));
}

/**
 * The reports of a grant running `startsOn`..`endsOn` (inclusive), in order. A grant of one day
 * has only its final report.
 */
export function planReports(
  startsOn: string,
  endsOn: string,
  frequency: ScheduleFrequency = "quarterly",
  dueAfterDays: number = DEFAULT_REPORT_DUE_AFTER_DAYS,
): PlannedReport[] {
  if (endsOn < startsOn) return [];
  const middle = middleDay(startsOn, endsOn);
  const starts = [startsOn];
  for (let k = 1; ; k++) {
    const next = addMonths(startsOn, k * MONTHS[frequency]);
    if (next > endsOn) break;
    starts.push(next);
  }
  // Shorter than one period: the middle splits it, so that there is a mid-term evaluation.
  if (starts.length === 1 && middle < endsOn) starts.push(addDays(middle, 1));
  const periods = starts.map((periodStart, i) => {
    const following = starts[i + 1];
    return { periodStart, periodEnd: following ? addDays(following, -1) : endsOn };
  });
  let midterm = -1;
  for (let i = 0; i < periods.length - 1; i++) {
    const distance = Math.abs(daysBetween(middle, periods[i]?.periodEnd ?? middle));
    const best = Math.abs(daysBetween(middle, periods[midterm]?.periodEnd ?? middle));
    if (midterm < 0 || distance < best) midterm = i;
  }
  return periods.map((p, i) => ({
    kind: i === periods.length - 1 ? "final" : i === midterm ? "midterm" : "periodic",
    ...p,
    dueOn: addDays(p.periodEnd, dueAfterDays),
  }));
}

/** Whether two inclusive periods share a day. */
export function periodsOverlap(
  a: { periodStart: string; periodEnd: string },
  b: { periodStart: string; periodEnd: string },
): boolean {
  return a.periodStart <= b.periodEnd && b.periodStart <= a.periodEnd;
}
