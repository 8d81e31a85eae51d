import { queryOptions, useQuery } from "@tanstack/react-query";
import type { PublicCall, PublicCallList } from "../../../schemas/recruitment/calls";
import { request } from "../client";

/**
 * The public portal's calls. Each answer carries the server's clock; `clockOffset` (server minus
 * this device, in ms) lets countdowns run right even when the phone's clock is wrong.
 */
export const portalCallsQuery = queryOptions({
  queryKey: ["portal", "calls"],
  queryFn: async ({ signal }) => withOffset(await request<PublicCallList>("/api/portal/calls", { signal })),
});

export function usePortalCalls() {
  return useQuery(portalCallsQuery);
}

export function portalCallQuery(id: string | undefined) {
  return queryOptions({
    queryKey: ["portal", "call", id],
    queryFn: async ({ signal }) =>
      withOffset(await request<PublicCall>(`/api/portal/calls/${id}`, { signal })),
    enabled: !!id,
  });
}

export function usePortalCall(id: string | undefined) {
  return useQuery(portalCallQuery(id));
}

function withOffset<T extends { serverNow: string }>(answer: T): T & { clockOffset: number } {
  return { ...answer, clockOffset: Date.parse(answer.serverNow) - Date.now() };
}
