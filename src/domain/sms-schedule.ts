/**
 * When a notice by SMS may go out: the gateway takes only so many messages per number per day
 * (counted by the Asia/Shanghai calendar day), and nobody wants a text about an application at
 * night, so a message that may not go now waits for the first moment it may. Phone codes are not
 * scheduled here: they go at once (src/server/areas/recruitment/registration/codes.ts).
 *
 * Asia/Shanghai is UTC+8 all year (no daylight saving since 1991), so plain arithmetic on the
 * UTC milliseconds is exact and much cheaper than Intl on every queued message.
 */
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const SHANGHAI_OFFSET = 8 * 60 * MINUTE;

/** Quiet hours as minutes of the Shanghai day, [start, end); start > end wraps past midnight. */
export interface QuietHours {
  startMinute: number;
  endMinute: number;
}

export interface SmsLimits {
  /** Messages per number per Shanghai calendar day. */
  dailyCap: number;
  /** null: any hour will do. */
  quiet: QuietHours | null;
}

export const DEFAULT_QUIET_HOURS = "21:00-08:00";

/** "21:00-08:00" → quiet hours; "" or "off" → none; anything else → null with `valid: false`. */
export function parseQuietHours(text: string): { valid: boolean; quiet: QuietHours | null } {
  const trimmed = text.trim();
  if (trimmed === "" || trimmed.toLowerCase() === "off") return { valid: true, quiet: null };
  const match = /^(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})$/.exec(trimmed);
  if (!match) return { valid: false, quiet: null };
  const [h1, m1, h2, m2] = match.slice(1).map(Number) as [number, number, number, number];
  if (h1 > 23 || h2 > 23 || m1 > 59 || m2 > 59) return { valid: false, quiet: null };
  const startMinute = h1 * 60 + m1;
  const endMinute = h2 * 60 + m2;
  // An empty range would be "never quiet" written confusingly: refuse it rather than guess.
  if (startMinute === endMinute) return { valid: false, quiet: null };
  return { valid: true, quiet: { startMinute, endMinute } };
}

/** The UTC moment the Shanghai day containing `now` began. */
export function shanghaiDayStart(now: Date): Date {
  const local = now.getTime() + SHANGHAI_OFFSET;
  return new Date(local - (((local % DAY) + DAY) % DAY) - SHANGHAI_OFFSET);
}

function minuteOfDay(now: Date): number {
  return Math.floor((now.getTime() - shanghaiDayStart(now).getTime()) / MINUTE);
}

export function inQuietHours(now: Date, quiet: QuietHours | null): boolean {
  if (!quiet) return false;
  const m = minuteOfDay(now);
  return quiet.startMinute < quiet.endMinute
    ? m >= quiet.startMinute && m < quiet.endMinute
    : m >= quiet.startMinute || m < quiet.endMinute;
}

/** The first moment at or after `at` outside quiet hours. */
function afterQuiet(at: Date, quiet: QuietHours | null): Date {
  if (!quiet || !inQuietHours(at, quiet)) return at;
  let end = shanghaiDayStart(at).getTime() + quiet.endMinute * MINUTE;
  if (end <= at.getTime()) end += DAY; // in the evening part of an overnight range
  return new Date(end);
}

/**
 * The earliest moment a notice may be sent to a number that has had `sentToday` messages in the
 * Shanghai day of `now`: `now` itself when neither limit stands in the way, the end of quiet
 * hours when it is night, the next day (after its quiet morning) when the cap is reached.
 */
export function smsSendTime(now: Date, sentToday: number, limits: SmsLimits): Date {
  const earliest = sentToday >= limits.dailyCap ? new Date(shanghaiDayStart(now).getTime() + DAY) : now;
  return afterQuiet(earliest, limits.quiet);
}
