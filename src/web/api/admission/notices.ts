/** The public notice (公示): staff's notices and objections, the staff home's to-do, the portal's reading. */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  AdmissionWaiting,
  AnswerInput,
  CloseInput,
  NoticeInput,
  ObjectionInput,
  PublicNotice,
  StaffNotice,
} from "../../../schemas/admission/notices";
import { request } from "../client";

const keys = {
  staff: ["notices"] as const,
  waiting: ["notices", "waiting"] as const,
  portal: ["portal", "notices"] as const,
  portalOne: (id: string) => ["portal", "notices", id] as const,
};

export function useStaffNotices() {
  return useQuery({
    queryKey: keys.staff,
    queryFn: ({ signal }) => request<{ items: StaffNotice[] }>("/api/notices", { signal }),
  });
}

export function useAdmissionWaiting(enabled: boolean) {
  return useQuery({
    queryKey: keys.waiting,
    queryFn: ({ signal }) => request<AdmissionWaiting>("/api/notices/waiting", { signal }),
    enabled,
  });
}

export function useNoticeAct() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (
      act:
        | { kind: "publish"; body: NoticeInput }
        | { kind: "objection"; id: string; body: ObjectionInput }
        | { kind: "answer"; id: string; objectionId: string; body: AnswerInput }
        | { kind: "close"; id: string; body: CloseInput },
    ) => {
      switch (act.kind) {
        case "publish":
          return request<unknown>("/api/notices", { method: "POST", body: act.body });
        case "objection":
          return request<unknown>(`/api/notices/${act.id}/objections`, { method: "POST", body: act.body });
        case "answer":
          return request<unknown>(`/api/notices/${act.id}/objections/${act.objectionId}/answer`, {
            method: "POST",
            body: act.body,
          });
        case "close":
          return request<unknown>(`/api/notices/${act.id}/close`, { method: "POST", body: act.body });
      }
    },
    onSuccess: () => client.invalidateQueries({ queryKey: keys.staff }),
  });
}

export function usePortalNotices() {
  return useQuery({
    queryKey: keys.portal,
    queryFn: ({ signal }) =>
      request<{ items: Omit<PublicNotice, "listed" | "body">[] }>("/api/portal/notices", { signal }),
  });
}

export function usePortalNotice(id: string) {
  return useQuery({
    queryKey: keys.portalOne(id),
    queryFn: ({ signal }) => request<PublicNotice>(`/api/portal/notices/${id}`, { signal }),
  });
}
