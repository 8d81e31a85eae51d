/** Helpers for SQL text matching and the errors the engines raise, shared by every area. */

/** Makes `%`, `_` and `\` in a user's search term literal inside a LIKE pattern. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, "\\$&");
}

/** A unique-constraint violation (SQLSTATE 23505), raw from the driver or wrapped by Drizzle. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } } | null;
  return e?.code === "23505" || e?.cause?.code === "23505";
}

/**
 * A transaction PostgreSQL aborted so that another could go on: a deadlock (40P01) or a
 * serialization failure (40001). Nothing of it was written; the same request may simply be sent
 * again.
 */
export function isTransientConflict(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } } | null;
  return [e?.code, e?.cause?.code].some((code) => code === "40P01" || code === "40001");
}
