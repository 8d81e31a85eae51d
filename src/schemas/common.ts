import { z } from "zod";

export const ZId = z.uuid({ error: "invalid_id" });
export const ZIdParams = z.object({ id: ZId });

/** Every editable record carries a version; a stale one is refused with 409. */
export const ZVersion = z.number().int().min(1);

export const ZPageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
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

/** Optional trimmed text: an empty string from a form means "not given". */
export function optionalText(max: number) {
  return z
    .string()
    .trim()
    .max(max, { error: "too_long" })
    .transform((s) => (s === "" ? null : s))
    .nullish();
}
