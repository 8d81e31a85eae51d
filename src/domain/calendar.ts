/**
 * Dates and times as they enter the platform: a real calendar day (no February 30) in a sensible
 * range of years. JavaScript and PostgreSQL accept far more (year 0, year 275760), which is how
 * absurd dates were stored or broke a query; the range is the platform's, not the engines'.
 */
export interface YearRange {
  minimum: number;
  maximum: number;
}

/** Founding dates and date answers. */
export const DAY_YEARS: YearRange = { minimum: 1900, maximum: 2100 };
/** Call openings and closings, extensions, list filters: the platform's own lifetime. */
export const INSTANT_YEARS: YearRange = { minimum: 2000, maximum: 2100 };

export type CalendarProblem =
  | { code: "date_invalid" | "datetime_invalid" | "date_nonexistent" }
  | { code: "date_out_of_range"; params: YearRange };

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
/** ISO 8601 with an offset, as the web app sends it (2026-03-01T09:00:00+08:00, or Z). */
const INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

/** YYYY-MM-DD. */
export function dayProblem(value: string, years: YearRange = DAY_YEARS): CalendarProblem | null {
  const m = DAY.exec(value);
  if (!m) return { code: "date_invalid" };
  return partsProblem(Number(m[1]), Number(m[2]), Number(m[3]), years);
}

/** A timestamp with its offset. */
export function instantProblem(value: string, years: YearRange = INSTANT_YEARS): CalendarProblem | null {
  const m = INSTANT.exec(value);
  if (!m || Number.isNaN(Date.parse(value))) return { code: "datetime_invalid" };
  return partsProblem(Number(m[1]), Number(m[2]), Number(m[3]), years);
}

function partsProblem(year: number, month: number, day: number, years: YearRange): CalendarProblem | null {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month))
    return { code: "date_nonexistent" };
  if (year < years.minimum || year > years.maximum) return { code: "date_out_of_range", params: years };
  return null;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
