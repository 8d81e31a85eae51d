/** Stage 4's incubations: the list, one incubation, enrolment, transitions, edits, cohorts, settings. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  CohortCreate,
  CohortList,
  EnrolBody,
  Incubation,
  IncubationBulk,
  IncubationBulkResult,
  IncubationEdit,
  IncubationListState,
  IncubationPage,
  IncubationSettingsBody,
  IncubationSettingsView,
  IncubationWaiting,
  OrganizationIncubations,
  TransitionBody,
} from "../../../schemas/incubation/incubations";
import { download, request } from "../client";

const keys = {
  list: (query: Partial<IncubationListState>) => ["incubations", "list", query] as const,
  detail: (id: string) => ["incubation", id] as const,
  ofOrganization: (id: string) => ["incubations", "organization", id] as const,
  waiting: ["incubations", "waiting"] as const,
  cohorts: ["cohorts"] as const,
  settings: ["incubation-settings"] as const,
};

export function useIncubations(query: Partial<IncubationListState>) {
  return useQuery({
    queryKey: keys.list(query),
    queryFn: ({ signal }) => request<IncubationPage>("/api/incubations", { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useIncubation(id: string) {
  return useQuery({
    queryKey: keys.detail(id),
    queryFn: ({ signal }) => request<Incubation>(`/api/incubations/${id}`, { signal }),
  });
}

export function useOrganizationIncubations(organizationId: string | null | undefined) {
  return useQuery({
    queryKey: keys.ofOrganization(organizationId ?? ""),
    queryFn: ({ signal }) =>
      request<OrganizationIncubations>(`/api/organizations/${organizationId}/incubations`, { signal }),
    enabled: !!organizationId,
  });
}

export function useIncubationWaiting(enabled: boolean) {
  return useQuery({
    queryKey: keys.waiting,
    queryFn: ({ signal }) => request<IncubationWaiting>("/api/incubations/waiting", { signal }),
    enabled,
  });
}

export function useCohorts(enabled = true) {
  return useQuery({
    queryKey: keys.cohorts,
    queryFn: ({ signal }) => request<CohortList>("/api/cohorts", { signal }),
    enabled,
  });
}

export function useIncubationSettings() {
  return useQuery({
    queryKey: keys.settings,
    queryFn: ({ signal }) => request<IncubationSettingsView>("/api/incubation-settings", { signal }),
  });
}

export function downloadIncubations(query: Partial<IncubationListState>) {
  const { page: _p, pageSize: _s, ...filters } = query;
  return download("/api/incubations/export.xlsx", filters, "incubations.xlsx");
}

/** What an incubation act changes: the record, the lists, the cohorts' counts, the to-do. */
function useInvalidate() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: ["incubation"] }),
      client.invalidateQueries({ queryKey: ["incubations"] }),
      client.invalidateQueries({ queryKey: ["cohorts"] }),
    ]);
}

export function useEnrol() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: EnrolBody) => request<Incubation>("/api/incubations", { method: "POST", body }),
    onSuccess: () => invalidate(),
  });
}

export function useTransition(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: TransitionBody) =>
      request<Incubation>(`/api/incubations/${id}/transition`, { method: "POST", body }),
    onSuccess: () => invalidate(),
  });
}

export function useEditIncubation(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: IncubationEdit) =>
      request<Incubation>(`/api/incubations/${id}`, { method: "PATCH", body }),
    onSuccess: () => invalidate(),
  });
}

export function useBulkIncubations() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: IncubationBulk) =>
      request<IncubationBulkResult>("/api/incubations/bulk", { method: "POST", body }),
    onSuccess: () => invalidate(),
  });
}

export function useCreateCohort() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: CohortCreate) => request("/api/cohorts", { method: "POST", body }),
    onSuccess: () => invalidate(),
  });
}

export function useSaveIncubationSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: IncubationSettingsBody) =>
      request<IncubationSettingsView>("/api/incubation-settings", { method: "PUT", body }),
    onSuccess: (data) => client.setQueryData(keys.settings, data),
  });
}
