/** Capacity assessments (能力评估): TanStack Query hooks and the calls the form makes. */
import { useQuery } from "@tanstack/react-query";
import type {
  AssessmentComparisonView,
  AssessmentDetail,
  AssessmentSave,
  AssessmentSaved,
  CohortDistribution,
  IncubationAssessments,
} from "../../../schemas/incubation/assessments";
import { request } from "../client";

export const assessmentKeys = {
  detail: (id: string) => ["assessments", "detail", id] as const,
  incubation: (id: string) => ["assessments", "incubation", id] as const,
  comparison: (first: string, second: string) => ["assessments", "compare", first, second] as const,
  cohort: (id: string) => ["assessments", "cohort", id] as const,
};

export function useAssessment(id: string) {
  return useQuery({
    queryKey: assessmentKeys.detail(id),
    queryFn: ({ signal }) => request<AssessmentDetail>(`/api/assessments/${id}`, { signal }),
  });
}

export function useIncubationAssessments(incubationId: string) {
  return useQuery({
    queryKey: assessmentKeys.incubation(incubationId),
    queryFn: ({ signal }) =>
      request<IncubationAssessments>(`/api/incubations/${incubationId}/assessments`, { signal }),
  });
}

export function useComparison(first: string, second: string) {
  return useQuery({
    queryKey: assessmentKeys.comparison(first, second),
    queryFn: ({ signal }) =>
      request<AssessmentComparisonView>(
        `/api/assessments/compare?first=${encodeURIComponent(first)}&second=${encodeURIComponent(second)}`,
        { signal },
      ),
  });
}

export function useCohortDistribution(cohortId: string) {
  return useQuery({
    queryKey: assessmentKeys.cohort(cohortId),
    queryFn: ({ signal }) =>
      request<CohortDistribution>(`/api/cohorts/${cohortId}/baseline-distribution`, { signal }),
  });
}

export function startAssessment(
  incubationId: string,
  body: { phase: string; side: string; assessorId?: string | null },
): Promise<{ id: string; created: boolean }> {
  return request(`/api/incubations/${incubationId}/assessments`, { method: "POST", body });
}

export function saveAssessment(id: string, body: AssessmentSave): Promise<AssessmentSaved> {
  return request<AssessmentSaved>(`/api/assessments/${id}`, { method: "PATCH", body });
}

export function submitAssessment(id: string, version: number): Promise<{ version: number; total: number }> {
  return request(`/api/assessments/${id}/submit`, { method: "POST", body: { version } });
}

export function correctAssessment(id: string, reason: string): Promise<{ id: string }> {
  return request(`/api/assessments/${id}/corrections`, { method: "POST", body: { reason } });
}

export interface EvidenceFile {
  id: string;
  originalName: string;
  size: number;
  mime: string;
  indicatorKey: string;
}

export function uploadEvidence(id: string, indicatorKey: string, file: File): Promise<EvidenceFile> {
  const form = new FormData();
  form.append("indicatorKey", indicatorKey);
  form.append("file", file, file.name);
  return request<EvidenceFile>(`/api/assessments/${id}/evidence`, { method: "POST", body: form });
}

export function removeEvidence(id: string, fileId: string): Promise<{ ok: true }> {
  return request(`/api/assessments/${id}/evidence/${fileId}`, { method: "DELETE" });
}
