/** "Confirmed for incubation" on an organization's page: its confirmed places; nothing when none. */
import { Alert } from "antd";
import { useTranslation } from "react-i18next";
import { usePlacements } from "../../../api/admission/meeting";
import { formatDate } from "../../../components/format";
import { useRecruitmentLabels } from "../../../components/recruitmentLabels";

export function Placements({ organizationId }: { organizationId: string }) {
  const { t } = useTranslation();
  const labels = useRecruitmentLabels();
  const placements = usePlacements(organizationId);
  const items = placements.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Alert
      type="success"
      showIcon
      style={{ marginBottom: 16 }}
      message={t("admission.decision.placements")}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          {items.map((p) => (
            <li key={p.applicationId}>
              {t("admission.decision.placementLine", {
                track: labels.track[p.track],
                round: p.roundTitle ?? "—",
                call: p.callTitle,
              })}{" "}
              · {labels.applicationStatus[p.decision as "admitted"]}{" "}
              {formatDate(p.confirmedAt ?? p.decidedAt)}
            </li>
          ))}
        </ul>
      }
    />
  );
}
