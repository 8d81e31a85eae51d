/** Trainings (能力建设): lists, one training, its changes, enrolment, check-in, feedback, certificates. */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { TrainingEvent } from "../../../domain/services/trainings";
import type {
  EnrolmentCandidate,
  EnrolmentEntry,
  PortalTraining,
  TrainingInput,
  TrainingSummary,
  TrainingView,
  ZCertificateView,
  ZCheckInCodeEntry,
  ZCheckInEntry,
  ZMyTrainings,
  ZSeriesEntry,
  ZSeriesView,
  ZTopicSuggestions,
} from "../../../schemas/services/trainings";
import { download, request } from "../client";

export type MyTrainings = z.infer<typeof ZMyTrainings>;
export type CheckInCode = z.infer<typeof ZCheckInCodeEntry>;
export type CertificateView = z.infer<typeof ZCertificateView>;
export type SeriesEntry = z.infer<typeof ZSeriesEntry>;
export type SeriesView = z.infer<typeof ZSeriesView>;

const keys = { all: ["trainings"] as const };

export function useTrainings(when: "upcoming" | "past" | "today" | "all" = "all") {
  return useQuery({
    queryKey: [...keys.all, "list", when],
    queryFn: ({ signal }) =>
      request<{ items: TrainingSummary[] }>("/api/trainings", { signal, query: { when } }),
  });
}

export function useMyTrainings(enabled = true) {
  return useQuery({
    queryKey: [...keys.all, "mine"],
    queryFn: ({ signal }) => request<MyTrainings>("/api/trainings/mine", { signal }),
    enabled,
  });
}

export function useTraining(id: string) {
  return useQuery({
    queryKey: [...keys.all, id],
    queryFn: ({ signal }) => request<TrainingView>(`/api/trainings/${id}`, { signal }),
  });
}

/** The latest training as saved, for the editor's conflict banner ("load the latest"). */
export const fetchTraining = (id: string) => request<TrainingView>(`/api/trainings/${id}`);

/** Whom staff may enrol: an organization's members, or people by name. */
export function useEnrolmentCandidates(
  id: string,
  organizationId: string | undefined,
  q: string,
  enabled: boolean,
) {
  return useQuery({
    queryKey: [...keys.all, id, "candidates", organizationId ?? "", q],
    queryFn: ({ signal }) =>
      request<{ items: EnrolmentCandidate[] }>(`/api/trainings/${id}/enrolment-candidates`, {
        signal,
        query: { organizationId, q: q || undefined },
      }),
    enabled,
  });
}

export function useSeriesList(enabled = true) {
  return useQuery({
    queryKey: [...keys.all, "series"],
    queryFn: ({ signal }) => request<{ items: SeriesEntry[] }>("/api/training-series", { signal }),
    enabled,
  });
}

export function useSeries(id: string) {
  return useQuery({
    queryKey: [...keys.all, "series", id],
    queryFn: ({ signal }) => request<SeriesView>(`/api/training-series/${id}`, { signal }),
  });
}

export function useCreateSeries() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: { kind: SeriesEntry["kind"]; title: string; description: string }) =>
      request<SeriesEntry>("/api/training-series", { method: "POST", body }),
    onSuccess: refresh,
  });
}

export function useIssueCertificate(seriesId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (personId: string) =>
      request<CertificateView>(`/api/training-series/${seriesId}/certificates`, {
        method: "POST",
        body: { personId },
      }),
    onSuccess: refresh,
  });
}

export function useTopicSuggestions(enabled: boolean) {
  return useQuery({
    queryKey: [...keys.all, "topics"],
    queryFn: ({ signal }) =>
      request<z.infer<typeof ZTopicSuggestions>>("/api/trainings/topic-suggestions", { signal }),
    enabled,
  });
}

export function usePortalTrainings() {
  return useQuery({
    queryKey: ["portal", "trainings"],
    queryFn: ({ signal }) => request<{ items: PortalTraining[] }>("/api/portal/trainings", { signal }),
  });
}

export function usePortalTraining(id: string) {
  return useQuery({
    queryKey: ["portal", "trainings", id],
    queryFn: ({ signal }) => request<PortalTraining>(`/api/portal/trainings/${id}`, { signal }),
    retry: false,
  });
}

/** The current check-in code, read again every few seconds (it rotates every 30). */
export function useCheckInCode(id: string) {
  return useQuery({
    queryKey: [...keys.all, id, "code"],
    queryFn: ({ signal }) => request<CheckInCode>(`/api/trainings/${id}/check-in-code`, { signal }),
    refetchInterval: 5_000,
  });
}

export function useCertificate(id: string) {
  return useQuery({
    queryKey: ["training-certificates", id],
    queryFn: ({ signal }) => request<CertificateView>(`/api/training-certificates/${id}`, { signal }),
  });
}

function useRefresh() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: keys.all });
}

export function useSaveTraining(id?: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: TrainingInput & { version?: number }) =>
      id
        ? request<TrainingView>(`/api/trainings/${id}`, { method: "PATCH", body })
        : request<TrainingView>("/api/trainings", { method: "POST", body }),
    onSuccess: refresh,
  });
}

export function useTrainingStep(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ event, version }: { event: TrainingEvent; version: number }) =>
      request<TrainingView>(`/api/trainings/${id}/${event}`, { method: "POST", body: { version } }),
    onSuccess: refresh,
  });
}

export function useEnrol(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: { organizationId?: string | null; personId?: string | null }) =>
      request<EnrolmentEntry>(`/api/trainings/${id}/enrolments`, { method: "POST", body }),
    onSuccess: refresh,
  });
}

export function useCancelEnrolment(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (enrolmentId: string) =>
      request<{ ok: true }>(`/api/trainings/${id}/enrolments/${enrolmentId}`, { method: "DELETE" }),
    onSuccess: refresh,
  });
}

export function useSetAttendance(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ enrolmentId, ...body }: { enrolmentId: string; attended: boolean; version: number }) =>
      request<{ ok: true }>(`/api/trainings/${id}/enrolments/${enrolmentId}/attendance`, {
        method: "PUT",
        body,
      }),
    onSuccess: refresh,
  });
}

export function useCheckIn(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (code: string) =>
      request<z.infer<typeof ZCheckInEntry>>(`/api/trainings/${id}/check-in`, {
        method: "POST",
        body: { code },
      }),
    onSuccess: refresh,
  });
}

export function useGiveFeedback(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: { rating: number; useful: string; suggestions: string }) =>
      request<{ ok: true }>(`/api/trainings/${id}/feedback`, { method: "POST", body }),
    onSuccess: refresh,
  });
}

export const downloadAttendance = (id: string) =>
  download(`/api/trainings/${id}/attendance.xlsx`, undefined, `attendance-${id}.xlsx`);
