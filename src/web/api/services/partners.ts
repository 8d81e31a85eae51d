/** Partners (合作伙伴): the base's list (staff), one partner with its users, the edits. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  PartnerInput,
  PartnerListQuery,
  PartnerPage,
  PartnerUpdate,
  PartnerView,
} from "../../../schemas/services/partners";
import { request } from "../client";

export function usePartners(query: PartnerListQuery, enabled = true) {
  return useQuery({
    queryKey: ["partners", query],
    queryFn: ({ signal }) => request<PartnerPage>("/api/partners", { query, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export const fetchPartner = (id: string) => request<PartnerView>(`/api/partners/${id}`);

export function usePartner(id: string) {
  return useQuery({ queryKey: ["partner", id], queryFn: () => fetchPartner(id) });
}

function useInvalidate() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: ["partners"] }),
      client.invalidateQueries({ queryKey: ["partner"] }),
    ]);
}

export function useCreatePartner() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: PartnerInput) => request<PartnerView>("/api/partners", { method: "POST", body }),
    onSuccess: () => invalidate(),
  });
}

export function useUpdatePartner(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: PartnerUpdate) =>
      request<PartnerView>(`/api/partners/${id}`, { method: "PATCH", body }),
    onSuccess: () => invalidate(),
  });
}

export function useSetPartnerStatus(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: { to: "archive" | "restore"; version: number }) =>
      request<PartnerView>(`/api/partners/${id}/${body.to}`, {
        method: "POST",
        body: { version: body.version },
      }),
    onSuccess: () => invalidate(),
  });
}
