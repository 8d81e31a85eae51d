/**
 * Base staff's side of applications: the queue, decisions, the completeness check (intake), bulk
 * decisions, the staff home's to-do list, the screening file, and the thread both sides use.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { APPLICATION_STATUSES } from "../../../domain/application";
import type { IntakeGapState } from "../../../domain/intake-gaps";
import type { MessageInput, Thread, ThreadMessage } from "../../../schemas/recruitment/application-thread";
import type {
  BulkAction,
  BulkResult,
  DecisionResult,
  IntakeVerdict,
  IntakeVerdicts,
  QueueListState,
  QueuePage,
  VerdictBody,
  VerdictItem,
  Waiting,
} from "../../../schemas/recruitment/intake";
import { download, request } from "../client";

const intakeKeys = {
  queue: (query: Partial<QueueListState>) => ["applications", "queue", query] as const,
  waiting: ["applications", "waiting"] as const,
  thread: (id: string) => ["application", id, "messages"] as const,
};

export function useQueue(query: Partial<QueueListState>, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: intakeKeys.queue(query),
    queryFn: ({ signal }) => request<QueuePage>("/api/applications", { query, signal }),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

export function useWaiting(enabled = true) {
  return useQuery({
    queryKey: intakeKeys.waiting,
    queryFn: ({ signal }) => request<Waiting>("/api/applications/waiting", { signal }),
    enabled,
  });
}

/**
 * The screening file of one call. Without `widen` the status filter is left out, so the server's
 * default holds (only applications that reached screening); with it, the queue's statuses go (all
 * but drafts when the queue has none).
 */
export function exportScreeningFile(
  query: Partial<QueueListState> & { callId: string },
  widen: boolean,
): Promise<void> {
  const { page: _page, pageSize: _pageSize, status, ...filters } = query;
  const widened = status?.length ? status : APPLICATION_STATUSES.filter((s) => s !== "draft");
  return download(
    "/api/applications/export.xlsx",
    widen ? { ...filters, status: widened } : filters,
    "screening.xlsx",
  );
}

/** An item an accept goes over knowingly: what staff were shown (src/domain/intake-gaps.ts). */
type ConfirmedGap = { key: string; state: IntakeGapState };

export type DecisionInput =
  | { kind: "return"; version: number; reason: string; resubmitUntil?: string | null }
  | { kind: "ineligible"; version: number; reason: string }
  | { kind: "accept"; version: number; note?: string | null; confirmUnchecked?: ConfirmedGap[] }
  | { kind: "extend"; version: number; until: string; reason?: string | null };

function sendDecision(id: string, input: DecisionInput): Promise<DecisionResult> {
  const { kind, ...body } = input;
  return request<DecisionResult>(`/api/applications/${id}/${kind}`, { method: "POST", body });
}

/** Invalidates what a decision changes: the application, the queue, the home's to-do list. */
function useInvalidate(id?: string) {
  const client = useQueryClient();
  return () =>
    Promise.all([
      id
        ? client.invalidateQueries({ queryKey: ["application", id] })
        : client.invalidateQueries({ queryKey: ["application"] }),
      client.invalidateQueries({ queryKey: ["applications"] }),
    ]);
}

export function useDecision(id: string) {
  const invalidate = useInvalidate(id);
  return useMutation({
    mutationFn: (input: DecisionInput) => sendDecision(id, input),
    onSuccess: invalidate,
  });
}

export function useSaveVerdict(id: string) {
  const invalidate = useInvalidate(id);
  return useMutation({
    mutationFn: ({ key, ...body }: VerdictBody & { key: string }) =>
      request<IntakeVerdict>(`/api/applications/${id}/intake/${encodeURIComponent(key)}`, {
        method: "PUT",
        body,
      }),
    onSuccess: invalidate,
  });
}

/** Several items at once ("全部合格"): all written or none. */
export function useSaveVerdicts(id: string) {
  const invalidate = useInvalidate(id);
  return useMutation({
    mutationFn: (items: VerdictItem[]) =>
      request<IntakeVerdicts>(`/api/applications/${id}/intake`, { method: "PUT", body: { items } }),
    // Also after a refusal: a 409 means the application moved on, and the page must show where.
    onSettled: invalidate,
  });
}

export function useBulkDecision() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: {
      ids: string[];
      action: BulkAction;
      reason?: string | null;
      confirmUnchecked?: { id: string; items: ConfirmedGap[] }[];
    }) => request<BulkResult>("/api/applications/bulk", { method: "POST", body }),
    onSuccess: invalidate,
  });
}

export function useThread(id: string) {
  return useQuery({
    queryKey: intakeKeys.thread(id),
    queryFn: ({ signal }) => request<Thread>(`/api/applications/${id}/messages`, { signal }),
    refetchInterval: 60_000,
  });
}

export function usePostMessage(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: MessageInput) =>
      request<ThreadMessage>(`/api/applications/${id}/messages`, { method: "POST", body }),
    onSuccess: () => client.invalidateQueries({ queryKey: intakeKeys.thread(id) }),
  });
}

/** The thread was shown: the other side's messages are read (the queue's and home's counts drop). */
export function useMarkRead(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () =>
      request<{ marked: number }>(`/api/applications/${id}/messages/read`, { method: "POST" }),
    onSuccess: (result) => {
      if (result.marked === 0) return;
      void client.invalidateQueries({ queryKey: intakeKeys.thread(id) });
      void client.invalidateQueries({ queryKey: ["applications"] });
      void client.invalidateQueries({ queryKey: ["notifications"] });
    },
  });
}
