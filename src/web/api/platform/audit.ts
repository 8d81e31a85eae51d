import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type { AuditQuery, ZAuditPage } from "../../../schemas/platform/audit";
import { request } from "../client";

export type AuditPage = z.infer<typeof ZAuditPage>;

export function useAuditLog(query: AuditQuery) {
  return useQuery({
    queryKey: ["audit", query],
    queryFn: ({ signal }) => request<AuditPage>("/api/audit", { query, signal }),
    placeholderData: keepPreviousData,
  });
}
