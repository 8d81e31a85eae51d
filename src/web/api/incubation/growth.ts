/** The growth file (组织成长档案) of an organization: by page, and as .xlsx. */
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { GrowthFile, GrowthQuery } from "../../../schemas/incubation/growth";
import { download, request } from "../client";

export function useGrowthFile(organizationId: string, query: GrowthQuery) {
  return useQuery({
    queryKey: ["growth", organizationId, query],
    queryFn: ({ signal }) =>
      request<GrowthFile>(`/api/organizations/${organizationId}/growth`, { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function downloadGrowthFile(organizationId: string, query: Omit<GrowthQuery, "page" | "pageSize">) {
  return download(`/api/organizations/${organizationId}/growth/export.xlsx`, query, "growth-file.xlsx");
}
