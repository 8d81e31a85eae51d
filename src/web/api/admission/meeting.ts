/**
 * The review meeting and the admission decisions: a round's ranking, its .xlsx, the notes, and
 * the staff's acts on one application (decide, reconsider, lapse, offer from the waitlist).
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  DecisionBody,
  DecisionView,
  OfferBody,
  PlaceBody,
  Placements,
  ReconsiderBody,
} from "../../../schemas/admission/decisions";
import type { Note, NoteInput, RankingPage, RankingQuery } from "../../../schemas/admission/ranking";
import { download, request } from "../client";

const keys = {
  ranking: (id: string, query?: RankingQuery) => ["round", id, "ranking", ...(query ? [query] : [])] as const,
  notes: (id: string) => ["round", id, "notes"] as const,
  decision: (id: string) => ["application", id, "decision"] as const,
  placements: (id: string) => ["organization", id, "placements"] as const,
};

/** One page of one track of the round's ranking; the previous page stays on screen while the next loads. */
export function useRanking(roundId: string, query: RankingQuery) {
  const params = new URLSearchParams(
    Object.entries(query).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]])),
  );
  return useQuery({
    queryKey: keys.ranking(roundId, query),
    queryFn: ({ signal }) => request<RankingPage>(`/api/rounds/${roundId}/ranking?${params}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function downloadRanking(roundId: string) {
  return download(`/api/rounds/${roundId}/ranking.xlsx`, undefined, "ranking.xlsx");
}

export function useNotes(roundId: string) {
  return useQuery({
    queryKey: keys.notes(roundId),
    queryFn: ({ signal }) => request<{ items: Note[] }>(`/api/rounds/${roundId}/notes`, { signal }),
  });
}

export function useAddNote(roundId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NoteInput) => request<Note>(`/api/rounds/${roundId}/notes`, { method: "POST", body }),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.notes(roundId) }),
  });
}

/** Staff's acts on one application; the round's ranking is read again after each. */
export function useDecisionAct(roundId?: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (
      act:
        | { kind: "decision"; id: string; body: DecisionBody }
        | { kind: "reconsider"; id: string; body: ReconsiderBody }
        | { kind: "offer"; id: string; body: OfferBody }
        | { kind: "lapse"; id: string; body: { version: number } },
    ) => request<DecisionView>(`/api/applications/${act.id}/${act.kind}`, { method: "POST", body: act.body }),
    onSuccess: (view) => {
      client.setQueryData(keys.decision(view.applicationId), view);
      if (roundId) void client.invalidateQueries({ queryKey: keys.ranking(roundId) });
    },
  });
}

export function useDecision(applicationId: string, enabled = true) {
  return useQuery({
    queryKey: keys.decision(applicationId),
    queryFn: ({ signal }) => request<DecisionView>(`/api/applications/${applicationId}/decision`, { signal }),
    enabled,
  });
}

export function useAnswerPlace(applicationId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: PlaceBody) =>
      request<DecisionView>(`/api/applications/${applicationId}/place`, { method: "POST", body }),
    onSuccess: (view) => {
      client.setQueryData(keys.decision(applicationId), view);
      void client.invalidateQueries({ queryKey: ["application", applicationId] });
    },
  });
}

export function usePlacements(organizationId: string | undefined) {
  return useQuery({
    queryKey: keys.placements(organizationId ?? ""),
    queryFn: ({ signal }) =>
      request<Placements>(`/api/organizations/${organizationId}/placements`, { signal }),
    enabled: !!organizationId,
  });
}
