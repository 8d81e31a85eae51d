/** The funnel's stages in order and their colours, shared by the (lazy) chart and its table. */
export const FUNNEL_STAGES = ["started", "submitted", "accepted"] as const;
export type FunnelStageKey = (typeof FUNNEL_STAGES)[number];

/** Dark blue to teal: white counts on each stay above 4.5:1 contrast. */
export const FUNNEL_COLORS: Record<FunnelStageKey, string> = {
  started: "#003eb3",
  submitted: "#0958d9",
  accepted: "#006d75",
};
