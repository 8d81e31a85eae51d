import { useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type { HomeStats, Town, ZHubOrganization } from "../../../schemas/platform/reference";
import { request } from "../client";

export type HubOrganization = z.infer<typeof ZHubOrganization>;

/** Towns and hub organizations change a few times a year: cache them for the session. */
const REFERENCE_STALE_MS = 30 * 60 * 1000;

export function useTowns() {
  return useQuery({
    queryKey: ["towns"],
    queryFn: async () => (await request<{ items: Town[] }>("/api/towns")).items,
    staleTime: REFERENCE_STALE_MS,
  });
}

export function useHubOrganizations() {
  return useQuery({
    queryKey: ["hub-organizations"],
    queryFn: async () => (await request<{ items: HubOrganization[] }>("/api/hub-organizations")).items,
    staleTime: REFERENCE_STALE_MS,
  });
}

export function useHomeStats(options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: ["stats", "home"],
    queryFn: () => request<HomeStats>("/api/stats/home"),
    enabled: options.enabled ?? true,
  });
}
