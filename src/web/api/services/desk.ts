/** The service desk: the catalogue, the request queue and one request, and every act on them. */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { CatalogueView } from "../../../schemas/services/catalogue";
import type {
  HandlerOptionsView,
  RequestAssign,
  RequestClose,
  RequestCreate,
  RequestPage,
  RequestQuery,
  RequestSchedule,
  RequestView,
  ServiceWaitingView,
} from "../../../schemas/services/requests";
import { request } from "../client";

export function useCatalogue() {
  return useQuery({
    queryKey: ["services", "catalogue"],
    queryFn: ({ signal }) => request<CatalogueView>("/api/services/catalogue", { signal }),
  });
}

export function useServiceRequests(query: RequestQuery) {
  return useQuery({
    queryKey: ["services", "requests", query],
    queryFn: ({ signal }) =>
      request<RequestPage>("/api/services/requests", { query: query as Record<string, string>, signal }),
  });
}

export function useServiceRequest(id: string) {
  return useQuery({
    queryKey: ["services", "request", id],
    queryFn: ({ signal }) => request<RequestView>(`/api/services/requests/${id}`, { signal }),
  });
}

export function useHandlerOptions(enabled: boolean) {
  return useQuery({
    queryKey: ["services", "handlers"],
    enabled,
    queryFn: ({ signal }) => request<HandlerOptionsView>("/api/services/handlers", { signal }),
  });
}

/** The staff's to-do of the desk: requests overdue, and those nobody handles yet. */
export function useServiceWaiting(enabled: boolean) {
  return useQuery({
    queryKey: ["services", "waiting"],
    enabled,
    queryFn: ({ signal }) => request<ServiceWaitingView>("/api/services/waiting", { signal }),
  });
}

function useRefresh() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ["services"] });
}

export function useAskForService() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: RequestCreate) =>
      request<{ id: string }>("/api/services/requests", { method: "POST", body }),
    onSuccess: refresh,
  });
}

type Step =
  | { event: "accept" | "decline" | "cancel"; body: { version: number; note?: string | null } }
  | { event: "schedule"; body: RequestSchedule }
  | { event: "close"; body: RequestClose }
  | { event: "assign"; body: RequestAssign };

export function useRequestStep(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (step: Step) =>
      request(`/api/services/requests/${id}/${step.event}`, { method: "POST", body: step.body }),
    onSuccess: refresh,
  });
}

export function usePostServiceMessage(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: string) =>
      request(`/api/services/requests/${id}/messages`, { method: "POST", body: { body } }),
    onSuccess: refresh,
  });
}

export function useRateService() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ recordId, rating, comment }: { recordId: string; rating: number; comment: string }) =>
      request(`/api/services/records/${recordId}/rating`, { method: "PUT", body: { rating, comment } }),
    onSuccess: refresh,
  });
}
