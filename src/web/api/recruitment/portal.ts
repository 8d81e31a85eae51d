import { useQuery } from "@tanstack/react-query";
import type { PublicCall, PublicCallList } from "../../../schemas/recruitment/calls";
import { request } from "../client";

/**
 * The public portal's calls. Each answer carries the server's clock; `clockOffset` (server minus
 * this device, in ms) lets countdowns run right even when the phone's clock is wrong.
 */
export function usePortalCalls() {
  return useQuery({
    queryKey: ["portal", "calls"],
    queryFn: async ({ signal }) => withOffset(await request<PublicCallList>("/api/portal/calls", { signal })),
  });
}

export function usePortalCall(id: string | undefined) {
  return useQuery({
    queryKey: ["portal", "call", id],
    queryFn: async ({ signal }) =>
      withOffset(await request<PublicCall>(`/api/portal/calls/${id}`, { signal })),
    enabled: !!id,
  });
}

function withOffset<T extends { serverNow: string }>(answer: T): T & { clockOffset: number } {
  return { ...answer, clockOffset: Date.parse(answer.serverNow) - Date.now() };
}
