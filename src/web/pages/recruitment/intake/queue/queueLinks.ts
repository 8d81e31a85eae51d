import type { QueueRow } from "../../../../../schemas/recruitment/intake";

/** The detail page of a row, optionally at an anchor (`#messages`). */
export type QueueLink = (row: QueueRow, hash?: string) => string;

/**
 * Where a row of the queue leads: the application, carrying the queue's own parameters (`from`)
 * and the row's place in the whole ordered queue (`at`), so the page can step to the next one.
 */
export function detailLink(id: string, queueSearch: string, at: number, hash = ""): string {
  const search = new URLSearchParams({ from: queueSearch.replace(/^\?/, ""), at: String(at) });
  return `/applications/${id}?${search.toString()}${hash}`;
}
