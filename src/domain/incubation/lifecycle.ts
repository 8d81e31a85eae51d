/**
 * The incubation lifecycle (stage 4, 孵化服务): one organization's stay in the base, from the
 * confirmed place (or a direct enrolment) to graduation or termination. Every status change goes
 * through `nextIncubationStatus`; the server refuses anything it returns null for with 409 and the
 * current status. Stage 5 (exit evaluation) decides from `in_exit_review`.
 */
export const INCUBATION_STATUSES = [
  "active",
  // Paused by the base (the organization is under investigation, its team fell apart for a while):
  // nothing is due while suspended; resuming returns it to active with its dates unchanged.
  "suspended",
  // Past its first planned end, with a new end date and the reason recorded.
  "extended",
  // The exit evaluation (出壳评估) is under way; its decision graduates, extends or terminates.
  "in_exit_review",
  "graduated",
  "terminated",
] as const;
export type IncubationStatus = (typeof INCUBATION_STATUSES)[number];

export const INCUBATION_EVENTS = [
  "suspend",
  "resume",
  "extend",
  "start_exit_review",
  "graduate",
  "terminate",
] as const;
export type IncubationEvent = (typeof INCUBATION_EVENTS)[number];

const TRANSITIONS: Record<IncubationStatus, Partial<Record<IncubationEvent, IncubationStatus>>> = {
  active: {
    suspend: "suspended",
    extend: "extended",
    start_exit_review: "in_exit_review",
    terminate: "terminated",
  },
  suspended: { resume: "active", terminate: "terminated" },
  extended: {
    suspend: "suspended",
    extend: "extended",
    start_exit_review: "in_exit_review",
    terminate: "terminated",
  },
  in_exit_review: { graduate: "graduated", extend: "extended", terminate: "terminated" },
  graduated: {},
  terminated: {},
};

/** The status after `event`, or null when the event is not allowed in `status`. */
export function nextIncubationStatus(
  status: IncubationStatus,
  event: IncubationEvent,
): IncubationStatus | null {
  return TRANSITIONS[status][event] ?? null;
}

/** The events staff may fire now (what buttons to show). */
export function availableIncubationEvents(status: IncubationStatus): IncubationEvent[] {
  return Object.keys(TRANSITIONS[status]) as IncubationEvent[];
}

/** No event leaves these: the stay is over. */
export function isIncubationClosed(status: IncubationStatus): boolean {
  return Object.keys(TRANSITIONS[status]).length === 0;
}

/** Events that must carry a reason (the history says why). */
export const EVENTS_NEEDING_REASON: readonly IncubationEvent[] = ["suspend", "extend", "terminate"];

/** Events that must carry a new planned end date, later than the current one. */
export const EVENTS_NEEDING_END_DATE: readonly IncubationEvent[] = ["extend"];

/** On site with a desk or room in the base, or served online and by visits (virtual, 1+N). */
export const RESIDENCIES = ["resident", "virtual"] as const;
export type Residency = (typeof RESIDENCIES)[number];

/** How the incubation began: from a confirmed admission, or enrolled directly by staff with a reason. */
export const INCUBATION_ORIGINS = ["admission", "direct"] as const;
export type IncubationOrigin = (typeof INCUBATION_ORIGINS)[number];

/** What the base sets for its incubations, with the defaults a new base starts from. */
export interface IncubationSettings {
  /** The planned length of an incubation, in months from its start (one year, DOMAIN). */
  termMonths: number;
  /** The baseline assessment is due this many days after the start, overdue after. */
  baselineDueDays: number;
  /** An incubation whose planned end is this close shows as "exit due". */
  exitDueDays: number;
}

export const DEFAULT_INCUBATION_SETTINGS: IncubationSettings = {
  termMonths: 12,
  baselineDueDays: 30,
  exitDueDays: 30,
};

export const INCUBATION_SETTING_LIMITS = {
  termMonths: { min: 1, max: 60 },
  baselineDueDays: { min: 1, max: 365 },
  exitDueDays: { min: 1, max: 180 },
} as const satisfies Record<keyof IncubationSettings, { min: number; max: number }>;

/**
 * The planned end of an incubation that starts on `startOn` (YYYY-MM-DD, a calendar day in
 * Asia/Shanghai): the day before the same date `months` later, clamped to the month's last day
 * (a stay from 2027-01-31 for one month ends on 2027-02-27, the day before 02-28).
 */
export function plannedEndOn(startOn: string, months: number): string {
  const [y, m, d] = startOn.split("-").map(Number) as [number, number, number];
  const monthIndex = m - 1 + months;
  const year = y + Math.floor(monthIndex / 12);
  const month = monthIndex % 12; // 0-based
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const sameDay = new Date(Date.UTC(year, month, Math.min(d, lastDay)));
  sameDay.setUTCDate(sameDay.getUTCDate() - 1);
  return sameDay.toISOString().slice(0, 10);
}

/** The day `days` after `day` (both YYYY-MM-DD). */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
