import { useMemo, useRef } from "react";
import { useSearchParams } from "react-router";
import { ZQueueQuery } from "../../../../../schemas/recruitment/intake";
import { useQueue } from "../../../../api/recruitment/intake";
import { parseQuery } from "../../../../components/list/urlQuery";
import { detailLink } from "../queue/queueLinks";

/** How many rows of the queue are read around this application to find the next one. */
const WINDOW = 50;

export interface NextApplication {
  name: string;
  link: string;
}

/**
 * The application after this one in the queue staff came from (`from`: the queue's parameters,
 * `at`: this one's place in its order). Found once per visit and then kept: a decision may take
 * this one out of the filtered queue or move it, and "the next" is the one that followed it when
 * staff opened it. When it has already left the queue (the page was reopened after a decision),
 * the next is the one now in its place. `next`: undefined while looking, null at the end.
 */
export function useQueueNext(id: string) {
  const [params] = useSearchParams();
  const from = params.get("from");
  const at = Math.max(0, Number.parseInt(params.get("at") ?? "0", 10) || 0);
  const base = useMemo(
    () => (from === null ? null : parseQuery(ZQueueQuery, new URLSearchParams(from))),
    [from],
  );
  const page = Math.floor(at / WINDOW) + 1;
  const start = (page - 1) * WINDOW;
  const first = useQueue({ ...base, page, pageSize: WINDOW }, { enabled: base !== null });
  const items = first.isPlaceholderData ? undefined : first.data?.items;
  const total = first.data?.total ?? 0;
  const found = items ? items.findIndex((row) => row.id === id) : -1;
  const nextAt = found >= 0 ? start + found + 1 : at;
  const onNextPage = items !== undefined && nextAt - start >= items.length && nextAt < total;
  const second = useQueue(
    { ...base, page: page + 1, pageSize: WINDOW },
    { enabled: base !== null && onNextPage },
  );

  let computed: NextApplication | null | undefined;
  if (base === null || from === null) computed = null;
  else if (!items) computed = undefined;
  else {
    const row = onNextPage
      ? second.isPlaceholderData
        ? undefined
        : second.data?.items[nextAt - start - WINDOW]
      : items[nextAt - start];
    if (row) computed = { name: row.organization.name, link: detailLink(row.id, from, nextAt) };
    else computed = onNextPage && !second.data ? undefined : null;
  }
  const frozen = useRef(new Map<string, NextApplication | null>());
  const key = `${id}|${from}|${at}`;
  if (computed !== undefined && !frozen.current.has(key)) frozen.current.set(key, computed);
  return {
    /** Whether staff came from the queue (else there is nothing to step through). */
    fromQueue: from !== null,
    queueUrl: from ? `/applications?${from}` : "/applications",
    next: frozen.current.has(key) ? frozen.current.get(key) : computed,
  };
}
