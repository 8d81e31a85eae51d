import { Timeline } from "antd";
import type { ApplicationDetail } from "../../../../../schemas/recruitment/applications";
import { formatDateTime } from "../../../../components/format";
import { useRecruitmentLabels } from "../../../../components/recruitmentLabels";

/** Every status change (and extension) with who, when and why. */
export function HistoryTimeline({ detail }: { detail: ApplicationDetail }) {
  const labels = useRecruitmentLabels();
  return (
    <Timeline
      items={[...detail.events].reverse().map((e) => ({
        key: e.id,
        color: e.side === "staff" ? "blue" : "gray",
        content: (
          <>
            <div>
              <strong>{labels.applicationEvent[e.event]}</strong>
              {e.toStatus && e.fromStatus !== e.toStatus && ` → ${labels.applicationStatus[e.toStatus]}`}
            </div>
            <div style={{ fontSize: 12, color: "rgba(0,0,0,0.68)" }}>
              {[e.actorName, formatDateTime(e.createdAt)].filter(Boolean).join(" · ")}
            </div>
            {e.reason && <div style={{ whiteSpace: "pre-wrap" }}>{e.reason}</div>}
          </>
        ),
      }))}
    />
  );
}
