/**
 * Trainings and capacity building (能力建设): a training's lifecycle, the enrolment's states with
 * the waitlist, and the rotating check-in code a trainer shows (docs/TRAININGS.md).
 */
import { createHmac, timingSafeEqual } from "node:crypto";

export const TRAINING_STATUSES = ["draft", "published", "cancelled", "done"] as const;
export type TrainingStatus = (typeof TRAINING_STATUSES)[number];

/** Which status an event leads to from which; anything else is refused (409). */
export const TRAINING_EVENTS = ["publish", "cancel", "finish"] as const;
export type TrainingEvent = (typeof TRAINING_EVENTS)[number];

const TRANSITIONS: Record<TrainingEvent, { from: readonly TrainingStatus[]; to: TrainingStatus }> = {
  publish: { from: ["draft"], to: "published" },
  cancel: { from: ["draft", "published"], to: "cancelled" },
  finish: { from: ["published"], to: "done" },
};

export function trainingTransition(status: TrainingStatus, event: TrainingEvent): TrainingStatus | null {
  const t = TRANSITIONS[event];
  return t.from.includes(status) ? t.to : null;
}

/**
 * An enrolment holds a seat (`enrolled`), waits for one in the order it came (`waiting`), or was
 * cancelled by the person or staff (`cancelled`: it keeps its row so the history stays).
 */
export const ENROLMENT_STATUSES = ["enrolled", "waiting", "cancelled"] as const;
export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number];

/** How an attendance was taken: the participant scanned the code, or staff ticked the list. */
export const ATTENDANCE_METHODS = ["qr", "list"] as const;
export type AttendanceMethod = (typeof ATTENDANCE_METHODS)[number];

/** A series groups modules; the talent programme's series certify those who complete them. */
export const SERIES_KINDS = ["series", "talent"] as const;
export type SeriesKind = (typeof SERIES_KINDS)[number];

export const TRAINING_LIMITS = {
  capacity: 10_000,
  /** A session lasts at most this long (minutes): a two-day workshop is two sessions. */
  durationMinutes: 24 * 60,
  dimensions: 20,
} as const;

/** Whether a new enrolment takes a seat or waits, given how many seats are taken. */
export function seatFor(capacity: number, taken: number): EnrolmentStatus {
  return taken < capacity ? "enrolled" : "waiting";
}

/** A session's duration in whole minutes (what the ledger counts per attendance). */
export function durationMinutes(startsAt: Date, endsAt: Date): number {
  return Math.max(0, Math.round((endsAt.getTime() - startsAt.getTime()) / 60_000));
}

/**
 * The check-in code: it rotates every CHECK_IN_WINDOW_SECONDS; the code of window w is
 * `w.` + HMAC(secret, training id + w), so only the server makes one and one training's code
 * never checks in to another. A scan is taken in the window shown and in the next one (a code
 * read just before it turned); older ones are expired.
 */
export const CHECK_IN_WINDOW_SECONDS = 30;

function checkInWindow(now: Date): number {
  return Math.floor(now.getTime() / (CHECK_IN_WINDOW_SECONDS * 1000));
}

function signature(secret: string, trainingId: string, window: number): string {
  return createHmac("sha256", secret)
    .update(`training-check-in:${trainingId}:${window}`)
    .digest("base64url")
    .slice(0, 22);
}

export function checkInCode(
  secret: string,
  trainingId: string,
  now: Date,
): { code: string; expiresAt: Date } {
  const w = checkInWindow(now);
  return {
    code: `${w}.${signature(secret, trainingId, w)}`,
    expiresAt: new Date((w + 1) * CHECK_IN_WINDOW_SECONDS * 1000),
  };
}

export type CheckInCodeProblem = "invalid" | "expired";

/** Null when the code is this training's, of this window or the one before; else why not. */
export function checkInCodeProblem(
  secret: string,
  trainingId: string,
  code: string,
  now: Date,
): CheckInCodeProblem | null {
  const match = /^(\d{1,15})\.([A-Za-z0-9_-]{22})$/.exec(code);
  if (!match) return "invalid";
  const w = Number(match[1]);
  const expected = Buffer.from(signature(secret, trainingId, w));
  const given = Buffer.from(match[2] as string);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return "invalid";
  const current = checkInWindow(now);
  if (w > current) return "invalid"; // made for a time that has not come: not ours
  return current - w > 1 ? "expired" : null;
}

/** The talent programme's certificate number: JB-<year>-<series code>-<serial>, e.g. JB-2026-T01-0007. */
export function certificateNumber(year: number, seriesSerial: number, serial: number): string {
  return `JB-${year}-T${String(seriesSerial).padStart(2, "0")}-${String(serial).padStart(4, "0")}`;
}
