import { Checkbox } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { CardFacts, CardList } from "../../../../components/CardList";
import { formatDateTime } from "../../../../components/format";
import { ApplicationStatusTag, TrackText } from "../../../../components/recruitmentLabels";
import type { QueueViewProps as Props } from "./useQueueQuery";

/** Phone width: one card per application, with a checkbox for bulk actions. */
export function QueueCards({ items, total, loading, state, selected, onSelect, onChange, linkTo }: Props) {
  const { t } = useTranslation();
  return (
    <CardList
      items={items}
      loading={loading}
      page={state.page}
      pageSize={state.pageSize}
      total={total}
      onPage={(page) => onChange({ page })}
      renderCard={(row) => (
        <div style={{ display: "flex", gap: 8, alignItems: "flex-start" }}>
          {/* Padding makes a 40×40 tap target; the negative margin keeps the box where it was. */}
          <Checkbox
            style={{ padding: 12, margin: "-12px -8px -12px -12px" }}
            aria-label={row.organization.name}
            checked={selected.includes(row.id)}
            onChange={(e) =>
              onSelect(e.target.checked ? [...selected, row.id] : selected.filter((id) => id !== row.id))
            }
          />
          <div style={{ minWidth: 0, flex: 1 }}>
            <Link to={linkTo(row)} style={{ fontWeight: 600, fontSize: 15 }}>
              {row.organization.name}
            </Link>
            <div style={{ margin: "6px 0", display: "flex", flexWrap: "wrap", gap: 4 }}>
              <ApplicationStatusTag status={row.status} />
              {row.unreadMessages > 0 && (
                <Link to={linkTo(row, "#messages")}>
                  {t("intake.queue.unread", { count: row.unreadMessages })}
                </Link>
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
          </div>
        </div>
      )}
    />
  );
}
