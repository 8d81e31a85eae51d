/**
 * The base's wall clock. Times are stored in UTC and shown in Asia/Shanghai (UTC+8, no daylight
 * saving): in exports, notices and error messages alike, so they all read the same.
 */
const ZONE = "Asia/Shanghai";

// Made once: building an Intl.DateTimeFormat costs ~50 times more than formatting with one.
const DATE_TIME = new Intl.DateTimeFormat("en-CA", {
  timeZone: ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});
const DATE = new Intl.DateTimeFormat("en-CA", { timeZone: ZONE });

function shanghaiParts(date: Date): Record<string, string> {
  return Object.fromEntries(DATE_TIME.formatToParts(date).map((p) => [p.type, p.value]));
}

/** Today's date in Asia/Shanghai (YYYY-MM-DD): the day the base and applicants live in. */
export function shanghaiDate(now: Date): string {
  return DATE.format(now);
}

/** "2026-12-15 17:00": a moment as the base's wall clock shows it. */
export function shanghaiDateTime(date: Date): string {
  const p = shanghaiParts(date);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** "2026年12月15日 17:00" in Chinese, "2026-12-15 17:00" in English. */
export function shanghaiDateTimeIn(date: Date, lang: "zh-CN" | "en"): string {
  if (lang === "en") return shanghaiDateTime(date);
  const p = shanghaiParts(date);
  return `${p.year}年${p.month}月${p.day}日 ${p.hour}:${p.minute}`;
}
