/** Stage 2's inspections: the list, one record, planning, the draft record, sign-off, corrections. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  ApplicationInspection,
  FindingSave,
  InspectionCreate,
  InspectionDetail,
  InspectionListState,
  InspectionPage,
  InspectionPlanEdit,
} from "../../../schemas/admission/inspections";
import type { DecisionResult } from "../../../schemas/recruitment/intake";
import { request } from "../client";

export const inspectionKeys = {
  list: (query: Partial<InspectionListState>) => ["inspections", "list", query] as const,
  detail: (id: string) => ["inspection", id] as const,
  ofApplication: (applicationId: string) => ["application", applicationId, "inspection"] as const,
  inspectors: ["inspections", "inspectors"] as const,
};

export function useInspections(query: Partial<InspectionListState>) {
  return useQuery({
    queryKey: inspectionKeys.list(query),
    queryFn: ({ signal }) => request<InspectionPage>("/api/inspections", { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export const getInspection = (id: string) => request<InspectionDetail>(`/api/inspections/${id}`);

export function useInspection(id: string) {
  return useQuery({
    queryKey: inspectionKeys.detail(id),
    queryFn: ({ signal }) => request<InspectionDetail>(`/api/inspections/${id}`, { signal }),
  });
}

export function useApplicationInspection(applicationId: string, enabled = true) {
  return useQuery({
    queryKey: inspectionKeys.ofApplication(applicationId),
    queryFn: ({ signal }) =>
      request<ApplicationInspection>(`/api/applications/${applicationId}/inspection`, { signal }),
    enabled,
  });
}

export function useInspectorCandidates(enabled = true) {
  return useQuery({
    queryKey: inspectionKeys.inspectors,
    queryFn: ({ signal }) =>
      request<{ id: string; name: string; roles: string[] }[]>("/api/inspections/inspectors", { signal }),
    enabled,
    staleTime: 60_000,
  });
}

export const saveFinding = (id: string, body: FindingSave) =>
  request<{ version: number; status: string; updatedAt: string }>(`/api/inspections/${id}/finding`, {
    method: "PATCH",
    body,
  });

/** What an inspection act changes: the record, its list, the application and the queue. */
function useInvalidate() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: ["inspection"] }),
      client.invalidateQueries({ queryKey: ["inspections"] }),
      client.invalidateQueries({ queryKey: ["application"] }),
      client.invalidateQueries({ queryKey: ["applications"] }),
    ]);
}

export function usePlanInspection() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: InspectionCreate) =>
      request<{ id: string }>("/api/inspections", { method: "POST", body }),
    onSuccess: invalidate,
  });
}

export function useEditPlan(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: InspectionPlanEdit) =>
      request<{ version: number }>(`/api/inspections/${id}/plan`, { method: "PATCH", body }),
    onSettled: invalidate,
  });
}

export function useCancelInspection(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: { version: number; reason: string }) =>
      request<{ version: number }>(`/api/inspections/${id}/cancel`, { method: "POST", body }),
    onSettled: invalidate,
  });
}

export function useSignOff(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: { version: number }) =>
      request<{ version: number }>(`/api/inspections/${id}/sign-off`, { method: "POST", body }),
    onSuccess: invalidate,
  });
}

export function useCorrectInspection(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: { reason: string }) =>
      request<{ id: string }>(`/api/inspections/${id}/corrections`, { method: "POST", body }),
    onSuccess: invalidate,
  });
}

export function useScreenOut(applicationId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: { version: number; reason: string }) =>
      request<DecisionResult>(`/api/applications/${applicationId}/screen-out`, { method: "POST", body }),
    onSettled: invalidate,
  });
}
