import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Track } from "../../../domain/call";
import type {
  AssignmentView,
  AutoAssignResult,
  DropOutResult,
  PairBody,
  Round,
  RoundCandidates,
  RoundCreate,
  RoundDetail,
  RoundEdit,
  RoundPage,
  RoundQuery,
} from "../../../schemas/admission/rounds";
import type { RubricEdit, RubricList } from "../../../schemas/admission/rubrics";
import { request } from "../client";

const roundKeys = {
  list: (query: RoundQuery) => ["rounds", "list", query] as const,
  detail: (id: string) => ["rounds", "detail", id] as const,
  candidates: (id: string) => ["rounds", "candidates", id] as const,
  assignment: (id: string) => ["rounds", "assignment", id] as const,
};

export function useRoundList(query: RoundQuery, enabled = true) {
  return useQuery({
    queryKey: roundKeys.list(query),
    queryFn: ({ signal }) => request<RoundPage>("/api/rounds", { query, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useRound(id: string) {
  return useQuery({
    queryKey: roundKeys.detail(id),
    queryFn: ({ signal }) => request<RoundDetail>(`/api/rounds/${id}`, { signal }),
  });
}

export function useRoundCandidates(id: string) {
  return useQuery({
    queryKey: roundKeys.candidates(id),
    queryFn: ({ signal }) => request<RoundCandidates>(`/api/rounds/${id}/candidates`, { signal }),
  });
}

export function useAssignment(id: string) {
  return useQuery({
    queryKey: roundKeys.assignment(id),
    queryFn: ({ signal }) => request<AssignmentView>(`/api/rounds/${id}/assignment`, { signal }),
  });
}

/** Every write to a round refetches what shows it. */
function useRoundWrite<I, O>(id: string, send: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => client.invalidateQueries({ queryKey: ["rounds"] }),
    // the id keeps the hook's identity per round
    mutationKey: ["rounds", id],
  });
}

export function useCreateRound() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: RoundCreate) => request<Round>("/api/rounds", { method: "POST", body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["rounds", "list"] }),
  });
}

export const useEditRound = (id: string) =>
  useRoundWrite(id, (body: RoundEdit) => request<Round>(`/api/rounds/${id}`, { method: "PATCH", body }));
export const useMoveRound = (id: string) =>
  useRoundWrite(id, ({ event, version }: { event: "open" | "close" | "reopen"; version: number }) =>
    request<Round>(`/api/rounds/${id}/${event}`, { method: "POST", body: { version } }),
  );
export const useAddSubjects = (id: string) =>
  useRoundWrite(id, (applicationIds: string[]) =>
    request<RoundDetail>(`/api/rounds/${id}/subjects`, { method: "POST", body: { applicationIds } }),
  );
export const useRemoveSubject = (id: string) =>
  useRoundWrite(id, ({ subjectId, confirm }: { subjectId: string; confirm?: boolean }) =>
    request<RoundDetail>(`/api/rounds/${id}/subjects/${subjectId}`, {
      method: "DELETE",
      query: confirm ? { confirm: "true" } : {},
    }),
  );
export const useAddExperts = (id: string) =>
  useRoundWrite(id, (expertIds: string[]) =>
    request<RoundDetail>(`/api/rounds/${id}/experts`, { method: "POST", body: { expertIds } }),
  );
export const useRemoveExpert = (id: string) =>
  useRoundWrite(id, (expertId: string) =>
    request<RoundDetail>(`/api/rounds/${id}/experts/${expertId}`, { method: "DELETE" }),
  );
export const useDropOut = (id: string) =>
  useRoundWrite(id, (expertId: string) =>
    request<DropOutResult>(`/api/rounds/${id}/experts/${expertId}/drop-out`, { method: "POST" }),
  );
export const useAutoAssign = (id: string) =>
  useRoundWrite(id, () => request<AutoAssignResult>(`/api/rounds/${id}/assignment/auto`, { method: "POST" }));
export const useAddPair = (id: string) =>
  useRoundWrite(id, (body: PairBody) =>
    request<AssignmentView>(`/api/rounds/${id}/assignment/pairs`, { method: "POST", body }),
  );
export const useRemovePair = (id: string) =>
  useRoundWrite(id, (body: PairBody) =>
    request<AssignmentView>(`/api/rounds/${id}/assignment/pairs/remove`, { method: "POST", body }),
  );

export function useRubrics() {
  return useQuery({
    queryKey: ["rubrics"],
    queryFn: ({ signal }) => request<RubricList>("/api/rubrics", { signal }),
  });
}

export function useEditRubric() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ track, body }: { track: Track; body: RubricEdit }) =>
      request(`/api/rubrics/${track}`, { method: "PUT", body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["rubrics"] }),
  });
}
