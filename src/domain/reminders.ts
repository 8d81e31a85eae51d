/**
 * Deadline reminders: an application that is still the applicant's to finish (a draft, or
 * returned for completion) is reminded three days and one day before its chance to submit ends,
 * once each, so that no one at the base has to phone round before a closing date.
 */
import type { ApplicationStatus } from "./application";
import { type CallStatus, callWindow, canSubmitAt } from "./call";

export const REMINDER_LEADS = [
  { lead: "3d", hours: 72 },
  { lead: "1d", hours: 24 },
] as const;
export type ReminderLead = (typeof REMINDER_LEADS)[number]["lead"];

/** The statuses in which the applicant still has something to submit. */
export const REMINDED_STATUSES: readonly ApplicationStatus[] = ["draft", "returned"];

/**
 * When this application's chance to submit ends, seen at `now`; null if it has none now. The
 * later of the call's closing (while the call is open) and an extension granted to it.
 */
export function submitDeadline(
  call: { status: CallStatus; opensAt: Date; closesAt: Date },
  now: Date,
  extendedUntil: Date | null,
): Date | null {
  if (!canSubmitAt(call, now, extendedUntil)) return null;
  const extension = extendedUntil && now < extendedUntil ? extendedUntil : null;
  if (callWindow(call, now) !== "open") return extension;
  return extension && extension > call.closesAt ? extension : call.closesAt;
}

/**
 * The reminder due at `now` for a deadline: the shortest lead whose window has begun. A server
 * that was down when the three-day reminder fell due sends only the one-day one, never both.
 */
export function dueReminder(deadline: Date, now: Date): ReminderLead | null {
  const hoursLeft = (deadline.getTime() - now.getTime()) / 3_600_000;
  if (hoursLeft <= 0) return null;
  const due = REMINDER_LEADS.filter((r) => hoursLeft <= r.hours);
  return due.at(-1)?.lead ?? null;
}
