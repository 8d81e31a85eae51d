/** Progress reports (进展报告): a grant's list and schedule, one report, writing and reviewing it, the funding to-do. */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  FundingWaiting,
  GrantReportsView,
  ReportContent,
  ReportEndGrant,
  ReportFail,
  ReportReview,
  ReportScheduleInput,
  ReportView,
} from "../../../schemas/funding/reports";
import type { UploadedFile } from "../../../schemas/platform/files";
import { request } from "../client";

type Done = { id: string; status: string; version: number };

function useRefresh() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ["funding"] });
}

export function useGrantReports(grantId: string) {
  return useQuery({
    queryKey: ["funding", "grant-reports", grantId],
    queryFn: ({ signal }) => request<GrantReportsView>(`/api/grants/${grantId}/reports`, { signal }),
  });
}

export function useScheduleReports(grantId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: ReportScheduleInput) =>
      request<{ added: number }>(`/api/grants/${grantId}/reports/schedule`, { method: "POST", body }),
    onSuccess: refresh,
  });
}

export function fetchReport(id: string): Promise<ReportView> {
  return request<ReportView>(`/api/reports/${id}`);
}

export function useReport(id: string) {
  return useQuery({ queryKey: ["funding", "report", id], queryFn: () => fetchReport(id) });
}

/** Saves the draft, or (`submit`) hands the report in. */
export function useWriteReport(id: string, submit: boolean) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: ReportContent) =>
      request<Done>(submit ? `/api/reports/${id}/submit` : `/api/reports/${id}`, {
        method: submit ? "POST" : "PUT",
        body,
      }),
    onSuccess: refresh,
  });
}

export function uploadReportFile(reportId: string, file: File): Promise<UploadedFile> {
  const form = new FormData();
  form.append("file", file, file.name);
  return request<UploadedFile>(`/api/reports/${reportId}/files`, { method: "POST", body: form });
}

export type ReviewStep =
  | { event: "accept" | "return"; body: ReportReview }
  | { event: "fail"; body: ReportFail }
  | { event: "end-grant"; body: ReportEndGrant };

export function useReviewReport(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (step: ReviewStep) =>
      request<Done>(`/api/reports/${id}/${step.event}`, { method: "POST", body: step.body }),
    onSuccess: refresh,
  });
}

export function useFundingWaiting(enabled: boolean) {
  return useQuery({
    queryKey: ["funding", "waiting"],
    queryFn: ({ signal }) => request<FundingWaiting>("/api/funding/waiting", { signal }),
    enabled,
  });
}
