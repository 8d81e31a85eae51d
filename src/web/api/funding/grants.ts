/** Grants (资助): the list, one grant, the set-up facts, proposing and editing, the steps. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  GrantCreate,
  GrantListItem,
  GrantQuery,
  GrantSetup,
  GrantStep,
  GrantUpdate,
  GrantView,
  MilestoneMark,
  TrancheStep,
} from "../../../schemas/funding/grants";
import { request } from "../client";

type Done = { id: string; status: string; version: number };
type Page = { items: GrantListItem[]; total: number; page: number; pageSize: number };

export function useGrants(query: GrantQuery) {
  return useQuery({
    queryKey: ["grants", query],
    queryFn: ({ signal }) => request<Page>("/api/grants", { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export const fetchGrant = (id: string) => request<GrantView>(`/api/grants/${id}`);

export function useGrant(id: string) {
  return useQuery({ queryKey: ["grant", id], queryFn: () => fetchGrant(id) });
}

export function useGrantSetup(projectId: string | null, grantId?: string) {
  return useQuery({
    queryKey: ["grant-setup", projectId, grantId],
    queryFn: () =>
      request<GrantSetup>("/api/grants/setup", {
        query: { ...(projectId ? { projectId } : {}), ...(grantId ? { grantId } : {}) },
      }),
  });
}

function useInvalidate() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: ["grants"] }),
      client.invalidateQueries({ queryKey: ["grant"] }),
      client.invalidateQueries({ queryKey: ["grant-setup"] }),
    ]);
}

export function useProposeGrant() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: GrantCreate) => request<Done>("/api/grants", { method: "POST", body }),
    onSuccess: () => invalidate(),
  });
}

export function useUpdateGrant(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: GrantUpdate) => request<Done>(`/api/grants/${id}`, { method: "PUT", body }),
    onSuccess: () => invalidate(),
  });
}

export function useGrantStep(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ event, ...body }: GrantStep & { event: string }) =>
      request<Done>(`/api/grants/${id}/${event}`, { method: "POST", body }),
    onSuccess: () => invalidate(),
  });
}

export function useTrancheStep(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ trancheId, event, ...body }: TrancheStep & { trancheId: string; event: string }) =>
      request<Done>(`/api/grants/${id}/tranches/${trancheId}/${event}`, { method: "POST", body }),
    onSuccess: () => invalidate(),
  });
}

export function useMarkMilestone(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ milestoneId, ...body }: MilestoneMark & { milestoneId: string }) =>
      request<Done>(`/api/grants/${id}/milestones/${milestoneId}`, { method: "POST", body }),
    onSuccess: () => invalidate(),
  });
}
