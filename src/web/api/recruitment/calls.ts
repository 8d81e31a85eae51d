import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Call, CallInput, CallPage, CallQuery, CallUpdate } from "../../../schemas/recruitment/calls";
import { request } from "../client";

const callKeys = {
  list: (query: CallQuery) => ["calls", "list", query] as const,
  detail: (id: string) => ["calls", "detail", id] as const,
};

export function useCallList(query: CallQuery) {
  return useQuery({
    queryKey: callKeys.list(query),
    queryFn: ({ signal }) => request<CallPage>("/api/calls", { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCall(id: string | undefined) {
  return useQuery({
    queryKey: callKeys.detail(id ?? ""),
    queryFn: ({ signal }) => request<Call>(`/api/calls/${id}`, { signal }),
    enabled: !!id,
  });
}

export function fetchCall(id: string): Promise<Call> {
  return request<Call>(`/api/calls/${id}`);
}

/** After any write: the detail from the answer, the lists and the portal refetched. */
function useSaved() {
  const client = useQueryClient();
  return (call: Call) => {
    client.setQueryData(callKeys.detail(call.id), call);
    return Promise.all([
      client.invalidateQueries({ queryKey: ["calls", "list"] }),
      client.invalidateQueries({ queryKey: ["portal"] }),
    ]);
  };
}

export function useCreateCall() {
  const saved = useSaved();
  return useMutation({
    mutationFn: (body: CallInput) => request<Call>("/api/calls", { method: "POST", body }),
    onSuccess: saved,
  });
}

export function useUpdateCall(id: string) {
  const saved = useSaved();
  return useMutation({
    mutationFn: (body: CallUpdate) => request<Call>(`/api/calls/${id}`, { method: "PATCH", body }),
    onSuccess: saved,
  });
}

/** Publish or close at the version shown. */
export function useCallAction(id: string) {
  const saved = useSaved();
  return useMutation({
    mutationFn: ({ action, version }: { action: "publish" | "close"; version: number }) =>
      request<Call>(`/api/calls/${id}/${action}`, { method: "POST", body: { version } }),
    onSuccess: saved,
  });
}
