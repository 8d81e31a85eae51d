/** A project's results (项目成效) and the base's money figures (资金数据), with its .xlsx. */
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { FundingFigures, FundingFiguresQuery } from "../../../schemas/funding/figures";
import type { ProjectResults } from "../../../schemas/funding/results";
import { download, request } from "../client";

export function useProjectResults(projectId: string) {
  return useQuery({
    queryKey: ["funding", "results", projectId],
    queryFn: ({ signal }) => request<ProjectResults>(`/api/projects/${projectId}/results`, { signal }),
  });
}

export function useFundingFigures(query: FundingFiguresQuery) {
  return useQuery({
    queryKey: ["funding", "figures", query],
    queryFn: ({ signal }) => request<FundingFigures>("/api/funding/figures", { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function downloadFundingFigures(query: FundingFiguresQuery) {
  return download("/api/funding/figures.xlsx", query, "funding-figures.xlsx");
}
