import { useQuery } from "@tanstack/react-query";
import type { IncubationFigures } from "../../../schemas/incubation/figures";
import { request } from "../client";

/** The incubation figures; the server decides their scope (base, every base, or a liaison's town). */
export function useIncubationFigures() {
  return useQuery({
    queryKey: ["stats", "incubation"],
    queryFn: () => request<IncubationFigures>("/api/stats/incubation"),
  });
}
