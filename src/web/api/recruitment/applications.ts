/**
 * The applicant's side of applications (and the detail staff see too): the typed calls and
 * TanStack Query hooks. Uploads go through FormData so the field comes before the file.
 */
import { useQuery } from "@tanstack/react-query";
import type { UploadedFile } from "../../../schemas/platform/files";
import type {
  ApplicationCreate,
  ApplicationDetail,
  ApplicationDocument,
  ApplicationDraft,
  ApplicationSummary,
  MyApplications,
  SubmissionCompare,
  SubmitResult,
} from "../../../schemas/recruitment/applications";
import { request } from "../client";

export type { ApplicationDetail, ApplicationSummary };

export const applicationKeys = {
  detail: (id: string) => ["application", id] as const,
  mine: ["applications", "mine"] as const,
  compare: (id: string, from: number, to: number) => ["application", id, "compare", from, to] as const,
};

export function createApplication(body: ApplicationCreate): Promise<ApplicationDetail> {
  return request<ApplicationDetail>("/api/applications", { method: "POST", body });
}

export function getApplication(id: string, signal?: AbortSignal): Promise<ApplicationDetail> {
  return request<ApplicationDetail>(`/api/applications/${id}`, { signal });
}

export function useApplication(id: string | undefined) {
  return useQuery({
    queryKey: applicationKeys.detail(id ?? ""),
    queryFn: ({ signal }) => getApplication(id ?? "", signal),
    enabled: !!id,
  });
}

export function useMyApplications(enabled = true) {
  return useQuery({
    queryKey: applicationKeys.mine,
    queryFn: ({ signal }) => request<MyApplications>("/api/applications/mine", { signal }),
    enabled,
  });
}

export function saveDraft(id: string, body: ApplicationDraft): Promise<ApplicationDetail> {
  return request<ApplicationDetail>(`/api/applications/${id}`, { method: "PATCH", body });
}

/** `idempotencyKey` is fresh per attempt and reused when the same attempt is retried. */
export function submitApplication(
  id: string,
  version: number,
  idempotencyKey: string,
): Promise<SubmitResult> {
  return request<SubmitResult>(`/api/applications/${id}/submit`, {
    method: "POST",
    body: { version },
    idempotencyKey,
  });
}

export function withdrawApplication(id: string, version: number, reason: string | null) {
  return request<ApplicationDetail>(`/api/applications/${id}/withdraw`, {
    method: "POST",
    body: { version, reason },
  });
}

export function uploadDocument(id: string, requirementKey: string, file: File): Promise<ApplicationDocument> {
  const form = new FormData();
  form.append("requirementKey", requirementKey);
  form.append("file", file, file.name);
  return request<ApplicationDocument>(`/api/applications/${id}/documents`, { method: "POST", body: form });
}

/** A corrected file in place of a current document (the old one moves to the item's history). */
export function replaceDocument(id: string, documentId: string, file: File): Promise<ApplicationDocument> {
  const form = new FormData();
  form.append("file", file, file.name);
  return request<ApplicationDocument>(`/api/applications/${id}/documents/${documentId}/replacement`, {
    method: "POST",
    body: form,
  });
}

export function removeDocument(id: string, documentId: string): Promise<void> {
  return request<void>(`/api/applications/${id}/documents/${documentId}`, { method: "DELETE" });
}

/** A message attachment (the message thread sends the returned id with the message). */
export function uploadFile(applicationId: string, file: File): Promise<UploadedFile> {
  const form = new FormData();
  form.append("applicationId", applicationId);
  form.append("file", file, file.name);
  return request<UploadedFile>("/api/files", { method: "POST", body: form });
}

/** The download address of a file (a plain link: the browser keeps the session cookie). */
export function fileUrl(fileId: string): string {
  return `/api/files/${fileId}`;
}

/** The address that shows a PDF or an image in the page (other types are still downloaded). */
export function inlineFileUrl(fileId: string): string {
  return `/api/files/${fileId}?inline=1`;
}

export function useCompare(id: string, from: number | null, to: number | null) {
  return useQuery({
    queryKey: applicationKeys.compare(id, from ?? 0, to ?? 0),
    queryFn: ({ signal }) =>
      request<SubmissionCompare>(`/api/applications/${id}/compare`, { query: { from, to }, signal }),
    enabled: from !== null && to !== null,
  });
}
