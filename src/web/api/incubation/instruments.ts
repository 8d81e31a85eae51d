/** The capacity instruments (staff): the list, one version, and the draft's edits. */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Track } from "../../../domain/call";
import type {
  Instrument,
  InstrumentCreate,
  InstrumentDraftSave,
  InstrumentList,
  InstrumentVersionView,
} from "../../../schemas/incubation/instruments";
import { request } from "../client";

const keys = {
  list: ["instruments", "list"] as const,
  version: (id: string) => ["instruments", "version", id] as const,
};

export const fetchInstrumentVersion = (id: string, signal?: AbortSignal) =>
  request<InstrumentVersionView>(`/api/instrument-versions/${id}`, { signal });

export function useInstruments() {
  return useQuery({
    queryKey: keys.list,
    queryFn: ({ signal }) => request<InstrumentList>("/api/instruments", { signal }),
  });
}

export function useInstrumentVersion(id: string) {
  return useQuery({
    queryKey: keys.version(id),
    queryFn: ({ signal }) => fetchInstrumentVersion(id, signal),
  });
}

/** After any write: the list and every version read again. */
function useInvalidate() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ["instruments"] });
}

export function useCreateInstrument() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: InstrumentCreate) => request<Instrument>("/api/instruments", { method: "POST", body }),
    onSuccess: invalidate,
  });
}

export function useStartDraft() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (instrumentId: string) =>
      request<InstrumentVersionView>(`/api/instruments/${instrumentId}/draft`, { method: "POST" }),
    onSuccess: invalidate,
  });
}

export function useSaveDraft(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: InstrumentDraftSave) =>
      request<InstrumentVersionView>(`/api/instrument-versions/${id}`, { method: "PUT", body }),
    onSuccess: invalidate,
  });
}

export function usePublishVersion(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (version: number) =>
      request<InstrumentVersionView>(`/api/instrument-versions/${id}/publish`, {
        method: "POST",
        body: { version },
      }),
    onSuccess: invalidate,
  });
}

export function useDeleteDraft() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (id: string) => request(`/api/instrument-versions/${id}`, { method: "DELETE" }),
    onSuccess: invalidate,
  });
}

export function useSetActive() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ track, versionId }: { track: Track; versionId: string }) =>
      request(`/api/instrument-tracks/${track}`, { method: "PUT", body: { versionId } }),
    onSuccess: invalidate,
  });
}
