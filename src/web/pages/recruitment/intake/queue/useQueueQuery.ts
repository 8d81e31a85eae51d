import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";
import { APPLICATION_STATUSES, type ApplicationStatus } from "../../../../../domain/application";
import { TRACKS, type Track } from "../../../../../domain/call";
import { ORGANIZATION_FIELDS, type OrganizationField } from "../../../../../domain/organization";
import { QUEUE_SORTS, type QueueRow, type QueueSort } from "../../../../../schemas/recruitment/intake";

/**
 * The queue's state lives in the address bar, so the staff home and the call page link straight
 * to a filtered queue (`/applications?callId=…&status=submitted,resubmitted`).
 */
export interface QueueState {
  callId?: string;
  track?: Track;
  status: ApplicationStatus[];
  townId?: string;
  field?: OrganizationField;
  completeness?: "complete" | "incomplete";
  q?: string;
  unread: boolean;
  sort: QueueSort;
  order: "asc" | "desc";
  page: number;
  pageSize: number;
}

/** What the table (wide screens) and the cards (phones) both show and report back. */
export interface QueueViewProps {
  items: QueueRow[];
  total: number;
  loading: boolean;
  state: QueueState;
  selected: string[];
  onSelect: (ids: string[]) => void;
  onChange: (patch: Partial<QueueState>) => void;
  /** The detail page of a row, carrying the queue (see detailLink). */
  linkTo: (row: QueueRow, hash?: string) => string;
}

export type QueueFilters = Omit<QueueState, "sort" | "order" | "page" | "pageSize">;

function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return values.find((candidate) => candidate === value);
}

function positive(value: string | null, fallback: number, max: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 ? Math.min(n, max) : fallback;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const id = (value: string | null) => (value && UUID.test(value) ? value : undefined);

/** The queue's state from its address bar parameters (also carried to the detail page as `from`). */
export function parseQueueState(params: URLSearchParams): QueueState {
  return {
    callId: id(params.get("callId")),
    track: oneOf(TRACKS, params.get("track")),
    status: (params.get("status") ?? "").split(",").flatMap((s) => oneOf(APPLICATION_STATUSES, s) ?? []),
    townId: id(params.get("townId")),
    field: oneOf(ORGANIZATION_FIELDS, params.get("field")),
    completeness: oneOf(["complete", "incomplete"] as const, params.get("completeness")),
    q: params.get("q") || undefined,
    unread: params.get("unread") === "true",
    sort: oneOf(QUEUE_SORTS, params.get("sort")) ?? "statusChangedAt",
    order: params.get("order") === "asc" ? "asc" : "desc",
    page: positive(params.get("page"), 1, 100_000),
    pageSize: positive(params.get("pageSize"), 20, 200),
  };
}

/** The API's query: statuses joined, flags as strings. */
export function apiQuery(state: QueueState) {
  return {
    ...state,
    status: state.status.length > 0 ? state.status.join(",") : undefined,
    unread: state.unread ? ("true" as const) : undefined,
  };
}

/**
 * Where a row of the queue leads: the application, carrying the queue's own parameters (`from`)
 * and the row's place in the whole ordered queue (`at`), so the page can step to the next one.
 */
export function detailLink(id: string, queueSearch: string, at: number, hash = ""): string {
  const search = new URLSearchParams({ from: queueSearch.replace(/^\?/, ""), at: String(at) });
  return `/applications/${id}?${search.toString()}${hash}`;
}

export function useQueueQuery() {
  const [params, setParams] = useSearchParams();
  const state = useMemo<QueueState>(() => parseQueueState(params), [params]);

  const update = useCallback(
    (patch: Partial<QueueState>) => {
      const next = { ...state, ...patch };
      const search = new URLSearchParams();
      for (const [key, value] of Object.entries(next)) {
        if (value === undefined || value === "" || value === false) continue;
        if (Array.isArray(value)) {
          if (value.length > 0) search.set(key, value.join(","));
          continue;
        }
        if (key === "sort" && value === "statusChangedAt") continue;
        if (key === "order" && value === "desc") continue;
        if (key === "page" && value === 1) continue;
        if (key === "pageSize" && value === 20) continue;
        search.set(key, String(value));
      }
      setParams(search);
    },
    [state, setParams],
  );

  const query = useMemo(() => apiQuery(state), [state]);

  return { state, query, update };
}
