import { queryOptions, useQuery } from "@tanstack/react-query";
import type { PublicCall, PublicCallList } from "../../../schemas/recruitment/calls";
import { PORTAL_PAGE_DATA_ID, type PortalPageData } from "../../../schemas/recruitment/portal-page";
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

/**
 * What the server wrote into /portal's HTML (the calls it shows, and whether a session cookie came
 * along), taken once: the element goes, so a later visit to /portal asks the server as usual.
 */
export function takePortalPageData(): (Omit<PortalPageData, "calls"> & { calls: PortalCalls }) | null {
  const element = document.getElementById(PORTAL_PAGE_DATA_ID);
  if (!element) return null;
  element.remove();
  try {
    const data = JSON.parse(element.textContent ?? "") as PortalPageData;
    return { ...data, calls: withOffset(data.calls) };
  } catch {
    return null; // then the page asks for the calls itself
  }
}

type PortalCalls = PublicCallList & { clockOffset: number };

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
