/**
 * Working days of the public notice (公示期): Monday to Friday in Asia/Shanghai. Public holidays
 * and the weekend days made working days around them are set each year by the State Council and
 * are not known to the platform: staff set the notice's end by hand when a holiday falls in it.
 */

const DAY_MS = 24 * 3_600_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** The Asia/Shanghai calendar day of `date` as YYYY-MM-DD. */
function shanghaiDay(date: Date): string {
  return new Date(date.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** The last millisecond of a calendar day (YYYY-MM-DD) in Asia/Shanghai. */
export function endOfShanghaiDay(day: string): Date {
  return new Date(`${day}T23:59:59.999+08:00`);
}

/**
 * The end of a period of `days` working days that starts at `start`: the start's own day counts
 * when it is a working day; the end is the last moment (Asia/Shanghai) of the last working day.
 */
export function workingDaysEnd(start: Date, days: number): Date {
  if (!Number.isSafeInteger(days) || days < 1)
    throw new RangeError("days must be a whole number of at least 1");
  let day = new Date(`${shanghaiDay(start)}T00:00:00Z`);
  let counted = 0;
  for (;;) {
    const weekday = day.getUTCDay();
    if (weekday !== 0 && weekday !== 6) counted++;
    if (counted === days) return endOfShanghaiDay(day.toISOString().slice(0, 10));
    day = new Date(day.getTime() + DAY_MS);
  }
}
