/** The service figures (服务数据): a base's (the server scopes them), one organization's; as .xlsx. */
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type {
  OrganizationServiceFigures,
  ServiceFigures,
  ServiceFiguresQuery,
} from "../../../schemas/services/figures";
import { download, request } from "../client";

export function useServiceFigures(query: ServiceFiguresQuery = {}, enabled = true) {
  return useQuery({
    queryKey: ["stats", "services", query],
    queryFn: ({ signal }) => request<ServiceFigures>("/api/stats/services", { query, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function downloadServiceFigures(query: ServiceFiguresQuery) {
  return download("/api/stats/services/export.xlsx", query, "service-figures.xlsx");
}

export function useOrganizationServiceFigures(organizationId: string, query: ServiceFiguresQuery = {}) {
  return useQuery({
    queryKey: ["services", "figures", organizationId, query],
    queryFn: ({ signal }) =>
      request<OrganizationServiceFigures>(`/api/organizations/${organizationId}/services/figures`, {
        query,
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

export function downloadOrganizationServiceFigures(organizationId: string, query: ServiceFiguresQuery) {
  return download(
    `/api/organizations/${organizationId}/services/figures/export.xlsx`,
    query,
    "service-figures.xlsx",
  );
}
