/** The service desk: the catalogue, the request queue and one request, and every act on them. */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { UploadedFile } from "../../../schemas/platform/files";
import type {
  CatalogueEntry,
  CatalogueInput,
  CatalogueUpdate,
  CatalogueView,
} from "../../../schemas/services/catalogue";
import type {
  HandlerOptionsView,
  RecordBulkCreate,
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

export function useCatalogue(status: "active" | "all" = "active") {
  return useQuery({
    queryKey: ["services", "catalogue", status],
    queryFn: ({ signal }) => request<CatalogueView>("/api/services/catalogue", { query: { status }, signal }),
  });
}

/** One catalogue service as it is now (the list holds them all; a catalogue is short). */
export async function fetchCatalogueEntry(id: string): Promise<CatalogueEntry> {
  const { items } = await request<CatalogueView>("/api/services/catalogue", { query: { status: "all" } });
  const entry = items.find((e) => e.id === id);
  if (!entry) throw new Error("not found");
  return entry;
}

export function useSaveCatalogueEntry(id: string | null) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: CatalogueInput | CatalogueUpdate) =>
      id
        ? request<CatalogueEntry>(`/api/services/catalogue/${id}`, { method: "PUT", body })
        : request<CatalogueEntry>("/api/services/catalogue", { method: "POST", body }),
    onSuccess: refresh,
  });
}

/** One service given to a group: one record per organization, all or nothing. */
export function useRecordForGroup() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: RecordBulkCreate) =>
      request<{ batchId: string; count: number; ids: string[] }>("/api/services/records/bulk", {
        method: "POST",
        body,
      }),
    onSuccess: refresh,
  });
}

/** Attaches a file to an open request (the organization's papers, the handler's minutes). */
export function uploadRequestFile(requestId: string, file: File): Promise<UploadedFile> {
  const form = new FormData();
  form.append("file", file, file.name);
  return request<UploadedFile>(`/api/services/requests/${requestId}/files`, { method: "POST", body: form });
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
