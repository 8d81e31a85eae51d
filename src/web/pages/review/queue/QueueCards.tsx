import { Card, Checkbox, Empty, Pagination, Spin } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { QueueRow } from "../../../../schemas/review";
import { formatDateTime } from "../../../components/format";
import { StatusTag, TrackText } from "../components/labels";
import type { QueueState } from "./useQueueQuery";

interface Props {
  items: QueueRow[];
  total: number;
  loading: boolean;
  state: QueueState;
  selected: string[];
  onSelect: (ids: string[]) => void;
  onChange: (patch: Partial<QueueState>) => void;
}

/** Phone width: one card per application, with a checkbox for bulk actions. */
export function QueueCards({ items, total, loading, state, selected, onSelect, onChange }: Props) {
  const { t } = useTranslation();
  const dt = { color: "rgba(0,0,0,0.68)" };
  return (
    <Spin spinning={loading}>
      {items.length === 0 && !loading ? (
        <Card>
          <Empty />
        </Card>
      ) : (
        <ul style={{ listStyle: "none", padding: 0, margin: 0, display: "grid", gap: 12 }}>
          {items.map((row) => (
            <li key={row.id}>
              <Card size="small">
                <div style={{ display: "flex", gap: 8, alignItems: "flex-start" }}>
                  <Checkbox
                    aria-label={row.organization.name}
                    checked={selected.includes(row.id)}
                    onChange={(e) =>
                      onSelect(
                        e.target.checked ? [...selected, row.id] : selected.filter((id) => id !== row.id),
                      )
                    }
                  />
                  <div style={{ minWidth: 0, flex: 1 }}>
                    <Link to={`/applications/${row.id}`} style={{ fontWeight: 600, fontSize: 15 }}>
                      {row.organization.name}
                    </Link>
                    <div style={{ margin: "6px 0", display: "flex", flexWrap: "wrap", gap: 4 }}>
                      <StatusTag status={row.status} />
                      {row.unreadMessages > 0 && (
                        <Link to={`/applications/${row.id}#messages`}>
                          {t("review.queue.unread", { count: row.unreadMessages })}
                        </Link>
                      )}
                    </div>
                    <dl
                      style={{
                        margin: 0,
                        display: "grid",
                        gridTemplateColumns: "auto 1fr",
                        gap: "4px 12px",
                        fontSize: 13,
                      }}
                    >
                      <dt style={dt}>{t("review.column.call")}</dt>
                      <dd style={{ margin: 0 }}>{row.call.title}</dd>
                      <dt style={dt}>{t("review.column.track")}</dt>
                      <dd style={{ margin: 0 }}>
                        <TrackText track={row.track} />
                      </dd>
                      <dt style={dt}>{t("review.column.missingItems")}</dt>
                      <dd style={{ margin: 0 }}>
                        {row.missingItems > 0
                          ? t("review.queue.missing", { count: row.missingItems })
                          : t("review.queue.complete")}
                      </dd>
                      <dt style={dt}>{t("review.column.lastSubmittedAt")}</dt>
                      <dd style={{ margin: 0 }}>{formatDateTime(row.lastSubmittedAt)}</dd>
                    </dl>
                  </div>
                </div>
              </Card>
            </li>
          ))}
        </ul>
      )}
      <Pagination
        style={{ marginTop: 16, justifyContent: "center" }}
        size="small"
        current={state.page}
        pageSize={state.pageSize}
        total={total}
        showSizeChanger={false}
        showTotal={(count) => t("common.total", { count })}
        onChange={(page) => {
          onChange({ page });
          window.scrollTo({ top: 0 });
        }}
      />
    </Spin>
  );
}
