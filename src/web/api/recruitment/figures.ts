import { useQuery } from "@tanstack/react-query";
import type { RecruitmentFigures } from "../../../schemas/recruitment/figures";
import { request } from "../client";

/** The recruitment figures; the server decides their scope (base, every base, or a liaison's town). */
export function useRecruitmentFigures(options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: ["stats", "recruitment"],
    queryFn: () => request<RecruitmentFigures>("/api/stats/recruitment"),
    enabled: options.enabled ?? true,
  });
}
