/**
 * A list's state in the address bar, read with the very Zod query schema the server validates the
 * same parameters with: what the page shows and what the API receives cannot drift apart.
 *
 * Reading is forgiving, field by field: a hand-edited or outdated link with one bad parameter
 * (`page=abc`, a status that no longer exists) loses only that parameter, which falls back to
 * its default, instead of breaking the page. Writing leaves defaults out, so links stay short.
 */
import type { z } from "zod";

/** An object schema of query parameters (`ZOrganizationQuery`, `ZQueueQuery`, ...). */
export type QuerySchema = z.ZodObject;

/** One parameter as the address bar and the API carry it. */
function encode(value: unknown): string | undefined {
  if (value === undefined || value === null || value === "") return undefined;
  if (Array.isArray(value)) return value.length > 0 ? value.map(String).join(",") : undefined;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean")
    return String(value);
  return undefined;
}

/** The state a schema gives to an empty address bar: every default, nothing else. */
export function defaultQuery<S extends QuerySchema>(schema: S): z.output<S> {
  return parseQuery(schema, new URLSearchParams());
}

/** The state of the address bar's parameters; a parameter the schema refuses takes its default. */
export function parseQuery<S extends QuerySchema>(schema: S, params: URLSearchParams): z.output<S> {
  const state: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(schema.shape) as [string, z.ZodType][]) {
    const raw = params.get(key);
    const parsed = raw === null ? undefined : field.safeParse(raw);
    const value = parsed?.success ? parsed.data : field.safeParse(undefined).data;
    if (value !== undefined && value !== "") state[key] = value;
  }
  return state as z.output<S>;
}

/**
 * The parameters of a state: arrays joined with commas (as the server's list parameters take
 * them), flags as true/false, and, unless `keepDefaults`, values equal to the default left out.
 */
export function queryParams<S extends QuerySchema>(
  schema: S,
  state: Partial<z.output<S>>,
  keepDefaults = false,
): URLSearchParams {
  const defaults = keepDefaults ? {} : (defaultQuery(schema) as Record<string, unknown>);
  const params = new URLSearchParams();
  for (const key of Object.keys(schema.shape)) {
    const value = encode((state as Record<string, unknown>)[key]);
    if (value === undefined || value === encode(defaults[key])) continue;
    params.set(key, value);
  }
  return params;
}

/** Keys that page through a result rather than choose it: changing anything else goes to page 1. */
const PAGING = new Set(["page", "pageSize"]);

/** The next state after a change; a new filter or order starts again at the first page. */
export function nextQuery<T extends object>(state: T, patch: Partial<T>): T {
  const changesSelection = Object.keys(patch).some((key) => !PAGING.has(key));
  const next = { ...state, ...patch };
  if (changesSelection && !("page" in patch) && "page" in state) (next as { page?: number }).page = 1;
  return next;
}
