/** Funding's settings, flagship programmes, funds, projects and replication sites. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Fund, FundInput, FundList, FundUpdate } from "../../../schemas/funding/funds";
import type {
  ProjectInput,
  ProjectPage,
  ProjectQuery,
  ProjectUpdate,
  ProjectView,
  ReplicationSite,
  ReplicationSiteInput,
} from "../../../schemas/funding/projects";
import type {
  FundingSettingsBody,
  FundingSettingsView,
  Programme,
  ProgrammeInput,
  ProgrammeList,
} from "../../../schemas/funding/settings";
import { request } from "../client";

function useInvalidate(...keys: string[]) {
  const client = useQueryClient();
  return () => Promise.all(keys.map((k) => client.invalidateQueries({ queryKey: [k] })));
}

// Settings and programmes -----------------------------------------------------------------------

export const fetchFundingSettings = () => request<FundingSettingsView>("/api/funding/settings");

export function useFundingSettings() {
  return useQuery({ queryKey: ["funding-settings"], queryFn: fetchFundingSettings });
}

export function useSaveFundingSettings() {
  const invalidate = useInvalidate("funding-settings");
  return useMutation({
    mutationFn: (body: FundingSettingsBody) =>
      request<FundingSettingsView>("/api/funding/settings", { method: "PUT", body }),
    onSuccess: () => invalidate(),
  });
}

export function useProgrammes(all: boolean, enabled = true) {
  return useQuery({
    queryKey: ["funding-programmes", all],
    queryFn: () => request<ProgrammeList>("/api/funding/programmes", { query: all ? { all: "true" } : {} }),
    enabled,
  });
}

export function useSaveProgramme() {
  const invalidate = useInvalidate("funding-programmes");
  return useMutation({
    mutationFn: ({ id, ...body }: ProgrammeInput & { id?: string }) =>
      id
        ? request<Programme>(`/api/funding/programmes/${id}`, { method: "PUT", body })
        : request<Programme>("/api/funding/programmes", { method: "POST", body }),
    onSuccess: () => invalidate(),
  });
}

export function useRetireProgramme() {
  const invalidate = useInvalidate("funding-programmes");
  return useMutation({
    mutationFn: (id: string) =>
      request<Programme>(`/api/funding/programmes/${id}/retire`, { method: "POST" }),
    onSuccess: () => invalidate(),
  });
}

// Funds -------------------------------------------------------------------------------------------

export function useFunds() {
  return useQuery({ queryKey: ["funds"], queryFn: () => request<FundList>("/api/funds") });
}

export function useSaveFund() {
  const invalidate = useInvalidate("funds");
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: FundInput | FundUpdate }) =>
      id
        ? request<Fund>(`/api/funds/${id}`, { method: "PUT", body })
        : request<Fund>("/api/funds", { method: "POST", body }),
    onSuccess: () => invalidate(),
  });
}

export function useCloseFund() {
  const invalidate = useInvalidate("funds");
  return useMutation({
    mutationFn: (fund: Fund) =>
      request<Fund>(`/api/funds/${fund.id}/close`, { method: "POST", body: { version: fund.version } }),
    onSuccess: () => invalidate(),
  });
}

// Projects ----------------------------------------------------------------------------------------

export function useProjects(query: ProjectQuery) {
  return useQuery({
    queryKey: ["projects", query],
    queryFn: ({ signal }) => request<ProjectPage>("/api/projects", { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export const fetchProject = (id: string) => request<ProjectView>(`/api/projects/${id}`);

export function useProject(id: string) {
  return useQuery({ queryKey: ["project", id], queryFn: () => fetchProject(id) });
}

export function useCreateProject() {
  const invalidate = useInvalidate("projects");
  return useMutation({
    mutationFn: (body: ProjectInput) => request<ProjectView>("/api/projects", { method: "POST", body }),
    onSuccess: () => invalidate(),
  });
}

export function useUpdateProject(id: string) {
  const invalidate = useInvalidate("projects", "project");
  return useMutation({
    mutationFn: (body: ProjectUpdate) => request<ProjectView>(`/api/projects/${id}`, { method: "PUT", body }),
    onSuccess: () => invalidate(),
  });
}

export function useProjectEvent(id: string) {
  const invalidate = useInvalidate("projects", "project");
  return useMutation({
    mutationFn: ({ event, version }: { event: "close" | "cancel"; version: number }) =>
      request<ProjectView>(`/api/projects/${id}/${event}`, { method: "POST", body: { version } }),
    onSuccess: () => invalidate(),
  });
}

export function useAddSite(projectId: string) {
  const invalidate = useInvalidate("project");
  return useMutation({
    mutationFn: (body: ReplicationSiteInput) =>
      request<ReplicationSite>(`/api/projects/${projectId}/replication-sites`, { method: "POST", body }),
    onSuccess: () => invalidate(),
  });
}

export function useRemoveSite(projectId: string) {
  const invalidate = useInvalidate("project");
  return useMutation({
    mutationFn: (siteId: string) =>
      request<{ ok: true }>(`/api/projects/${projectId}/replication-sites/${siteId}`, { method: "DELETE" }),
    onSuccess: () => invalidate(),
  });
}
