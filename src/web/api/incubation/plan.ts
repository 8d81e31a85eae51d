/** Diagnosis and the incubation plan: the needs, the plan page's one read, and every change to them. */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ActionStatus, PlanEvent, PlanStatus } from "../../../domain/incubation/plan";
import type {
  Need,
  NeedCreate,
  NeedList,
  NeedUpdate,
  PlanSave,
  PlanView,
} from "../../../schemas/incubation/plan";
import { request } from "../client";

const planKeys = {
  plan: (incubationId: string) => ["incubation", incubationId, "plan"] as const,
  needs: (incubationId: string) => ["incubation", incubationId, "needs"] as const,
};

export function usePlan(incubationId: string) {
  return useQuery({
    queryKey: planKeys.plan(incubationId),
    queryFn: ({ signal }) => request<PlanView>(`/api/incubations/${incubationId}/plan`, { signal }),
  });
}

export function useNeeds(incubationId: string) {
  return useQuery({
    queryKey: planKeys.needs(incubationId),
    queryFn: ({ signal }) => request<NeedList>(`/api/incubations/${incubationId}/needs`, { signal }),
  });
}

/** After any change: the plan and the needs read again. */
function useRefresh(incubationId: string) {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ["incubation", incubationId] });
}

export function useRecordNeed(incubationId: string) {
  const refresh = useRefresh(incubationId);
  return useMutation({
    mutationFn: (body: NeedCreate) =>
      request<Need>(`/api/incubations/${incubationId}/needs`, { method: "POST", body }),
    onSuccess: refresh,
  });
}

export function useUpdateNeed(incubationId: string) {
  const refresh = useRefresh(incubationId);
  return useMutation({
    mutationFn: ({ id, ...body }: NeedUpdate & { id: string }) =>
      request<Need>(`/api/incubations/${incubationId}/needs/${id}`, { method: "PATCH", body }),
    onSuccess: refresh,
  });
}

export function useSavePlan(incubationId: string) {
  const refresh = useRefresh(incubationId);
  return useMutation({
    mutationFn: (body: PlanSave) =>
      request<{ version: number; status: PlanStatus }>(`/api/incubations/${incubationId}/plan`, {
        method: "PUT",
        body,
      }),
    onSuccess: refresh,
  });
}

export function usePlanStep(incubationId: string) {
  const refresh = useRefresh(incubationId);
  return useMutation({
    mutationFn: ({ event, ...body }: { event: PlanEvent; version: number; note?: string | null }) =>
      request<{ version: number; status: PlanStatus }>(`/api/incubations/${incubationId}/plan/${event}`, {
        method: "POST",
        body,
      }),
    onSuccess: refresh,
  });
}

export function useReportAction(incubationId: string) {
  const refresh = useRefresh(incubationId);
  return useMutation({
    mutationFn: ({
      id,
      ...body
    }: {
      id: string;
      version: number;
      status: ActionStatus;
      note?: string | null;
    }) =>
      request<{ version: number; status: ActionStatus }>(
        `/api/incubations/${incubationId}/plan/actions/${id}`,
        {
          method: "PATCH",
          body,
        },
      ),
    onSuccess: refresh,
  });
}
