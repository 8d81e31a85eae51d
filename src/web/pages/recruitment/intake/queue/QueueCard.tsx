import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { QueueRow } from "../../../../../schemas/recruitment/intake";
import { CardFacts } from "../../../../components/CardList";
import { formatDateTime } from "../../../../components/format";
import { ApplicationStatusTag, TrackText } from "../../../../components/recruitmentLabels";
import type { QueueLink } from "./queueLinks";

/** Phone width: one card per application (the list kit adds the bulk-action checkbox). */
export function QueueCard({ row, linkTo }: { row: QueueRow; linkTo: QueueLink }) {
  const { t } = useTranslation();
  return (
    <>
      <Link to={linkTo(row)} style={{ fontWeight: 600, fontSize: 15 }}>
        {row.organization.name}
      </Link>
      <div style={{ margin: "6px 0", display: "flex", flexWrap: "wrap", gap: 4 }}>
        <ApplicationStatusTag status={row.status} />
        {row.unreadMessages > 0 && (
          <Link to={linkTo(row, "#messages")}>{t("intake.queue.unread", { count: row.unreadMessages })}</Link>
        )}
      </div>
      <CardFacts
        facts={[
          [t("intake.column.call"), row.call.title],
          [t("intake.column.track"), <TrackText key="track" track={row.track} />],
          [
            t("intake.column.missingItems"),
            row.missingItems > 0
              ? t("intake.queue.missing", { count: row.missingItems })
              : t("intake.queue.complete"),
          ],
          [t("intake.column.lastSubmittedAt"), formatDateTime(row.lastSubmittedAt)],
        ]}
      />
    </>
  );
}
