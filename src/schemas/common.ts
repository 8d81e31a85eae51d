import { z } from "zod";
import {
  type CalendarProblem,
  DAY_YEARS,
  dayProblem,
  INSTANT_YEARS,
  instantProblem,
} from "../domain/calendar";

export const ZId = z.uuid({ error: "invalid_id" });
export const ZIdParams = z.object({ id: ZId });

/** The largest int4: versions and counts are int4 columns, and a larger number made the query fail. */
export const INT4_MAX = 2_147_483_647;

/** Every editable record carries a version; a stale one is refused with 409. */
// The bound before .int(): 1e20 is then "at most 2147483647", not Zod's safe-integer limit.
export const ZVersion = z.number().max(INT4_MAX, { error: "too_big" }).int().min(1);

export const ZPageQuery = z.object({
  // 1e20 is an integer too: without a bound the offset overflowed bigint in the database.
  page: z.coerce.number().int().min(1).max(1_000_000, { error: "too_big" }).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export function ZPage<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

/** The error body of every failing request: a stable code, a message in the request's language. */
export const ZErrorResponse = z.object({
  code: z.string(),
  message: z.string(),
  field: z.string().optional(),
  details: z.record(z.string(), z.unknown()).optional(),
});
export type ErrorResponse = z.infer<typeof ZErrorResponse>;

export const ZOk = z.object({ ok: z.literal(true) });

/**
 * The one rule for text that reaches the database. Every string field of every contract is built
 * here: `text` (one line), `longText` (a textarea), `secretText` (passwords, never trimmed).
 *
 * Refused everywhere: C0 controls (NUL is refused by PostgreSQL itself in text and jsonb, so it
 * was a 500), DEL, C1 controls, lone surrogates (invalid Unicode: they cannot be stored as
 * UTF-8), the noncharacters U+FDD0..U+FDEF and U+xFFFE/U+xFFFF of every plane, and the bidi
 * embeddings, overrides and isolates (U+202A..U+202E, U+2066..U+2069), which make a name display
 * as something else ("Trojan Source"). The marks LRM/RLM/ALM stay allowed: mixed-direction text
 * needs them and they cannot reorder what follows. A multi-line field also takes tab and line
 * breaks (CR LF and CR become LF); a single-line one refuses them and U+2028/U+2029.
 */
const NONCHARACTERS = Array.from({ length: 17 }, (_, plane) => {
  const hex = (plane * 0x10000 + 0xfffe).toString(16);
  return `\\u{${hex}}\\u{${(plane * 0x10000 + 0xffff).toString(16)}}`;
}).join("");
const ALWAYS = `\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\u202A-\\u202E\\u2066-\\u2069\\u{D800}-\\u{DFFF}\\u{FDD0}-\\u{FDEF}${NONCHARACTERS}`;

/** A string with none of the refused characters (the `u` flag makes a paired surrogate one character). */
export const SAFE_LINE = new RegExp(`^[^${ALWAYS}\\t\\n\\r\\u2028\\u2029]*$`, "u");
export const SAFE_LINES = new RegExp(`^[^${ALWAYS}]*$`, "u");

/** The message key of a refused character; the error names the field. */
export const UNSAFE_TEXT = "text_invalid_chars";

/** One line of text, trimmed, at most `max` characters. */
export function text(max: number) {
  return z.string().trim().max(max, { error: "too_long" }).regex(SAFE_LINE, { error: UNSAFE_TEXT });
}

/** Several lines (a textarea), trimmed, line breaks as LF, at most `max` characters. */
export function longText(max: number) {
  return z
    .string()
    .overwrite((s) => s.replace(/\r\n?/g, "\n"))
    .trim()
    .max(max, { error: "too_long" })
    .regex(SAFE_LINES, { error: UNSAFE_TEXT });
}

/** A password: taken as typed (spaces count), one line, no control characters. */
export function secretText(max: number) {
  return z.string().max(max, { error: "too_long" }).regex(SAFE_LINE, { error: UNSAFE_TEXT });
}

/** Optional trimmed text: an empty string from a form means "not given". */
export function optionalText(max: number, multiLine = false) {
  return (multiLine ? longText(max) : text(max)).transform((s) => (s === "" ? null : s)).nullish();
}

/** Is every string-like node of a schema built here (or a strict format)? For the contract test. */
export function isCheckedString(schema: z.ZodType): boolean {
  const def = (
    schema as unknown as { _zod: { def: { type: string; checks?: { _zod: { def: unknown } }[] } } }
  )._zod.def;
  if (def.type !== "string") return true;
  if ("format" in def) return true; // uuid, iso date/datetime, email: their own strict patterns
  return (def.checks ?? []).some((c) => {
    const d = c._zod.def as { format?: string; pattern?: RegExp };
    return d.format === "regex" && (d.pattern === SAFE_LINE || d.pattern === SAFE_LINES);
  });
}

function calendarIssue(problem: CalendarProblem | null, ctx: z.RefinementCtx<string>): void {
  if (!problem) return;
  ctx.addIssue({ code: "custom", message: problem.code, params: "params" in problem ? problem.params : {} });
}

/** A calendar day (YYYY-MM-DD) that exists, in 1900..2100: founding dates, date filters. */
export const ZDay = text(40).superRefine((s, ctx) => calendarIssue(dayProblem(s, DAY_YEARS), ctx));

/**
 * A point in time with its offset (the web sends Asia/Shanghai times as +08:00), in 2000..2100;
 * answered in UTC.
 */
export const ZInstant = text(40)
  .superRefine((s, ctx) => calendarIssue(instantProblem(s, INSTANT_YEARS), ctx))
  .transform((s) => new Date(s).toISOString());
