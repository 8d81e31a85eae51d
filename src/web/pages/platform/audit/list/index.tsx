import { Typography } from "antd";
import { useTranslation } from "react-i18next";
import { ZAuditQuery } from "../../../../../schemas/platform/audit";
import { useAuditLog } from "../../../../api/platform/audit";
import { CardFacts } from "../../../../components/CardList";
import { formatDateTime } from "../../../../components/format";
import { ListResults } from "../../../../components/list/ListResults";
import { useUrlQuery } from "../../../../components/list/useUrlQuery";
import { PageHeader } from "../../../../components/PageHeader";
import { AuditDiff } from "./components/AuditDiff";
import { AuditFilters } from "./components/AuditFilters";
import { useActionLabel, useEntityLabel } from "./labels";

/** 审计日志: who did what to which record, newest first, each change's before and after. */
export default function AuditLogPage() {
  const { t } = useTranslation();
  const { state, update } = useUrlQuery(ZAuditQuery);
  const log = useAuditLog(state);
  const { page: _page, pageSize: _pageSize, ...filters } = state;

  const actionLabel = useActionLabel();
  const entityLabel = useEntityLabel();

  return (
    <>
      <PageHeader title={t("audit.title")} />
      <AuditFilters value={filters} onSearch={update} />
      <ListResults
        result={log}
        state={state}
        onChange={update}
        table={{
          expandable: {
            expandedRowRender: (entry) => <AuditDiff entry={entry} />,
            rowExpandable: (entry) => entry.before !== null || entry.after !== null,
          },
        }}
        renderCard={(entry) => (
          <>
            <div style={{ fontWeight: 600 }}>{actionLabel(entry.action)}</div>
            <CardFacts
              facts={[
                [t("audit.attr.at"), formatDateTime(entry.at)],
                [t("audit.attr.actorName"), entry.actorName ?? t("common.empty")],
                [t("audit.attr.entityType"), entityLabel(entry.entityType)],
              ]}
            />
            {(entry.before !== null || entry.after !== null) && (
              <details style={{ marginTop: 8 }}>
                <summary>{t("audit.changes")}</summary>
                <AuditDiff entry={entry} />
              </details>
            )}
          </>
        )}
        columns={[
          {
            key: "at",
            title: t("audit.attr.at"),
            dataIndex: "at",
            width: 150,
            render: (at: string) => formatDateTime(at),
          },
          {
            key: "actor",
            title: t("audit.attr.actorName"),
            dataIndex: "actorName",
            width: 120,
            render: (name: string | null) => name ?? t("common.empty"),
          },
          {
            key: "action",
            title: t("audit.attr.action"),
            dataIndex: "action",
            width: 200,
            render: (action: string) => (
              <span>
                {actionLabel(action)}
                <Typography.Text code style={{ display: "block", fontSize: 12, color: "rgba(0,0,0,0.68)" }}>
                  {action}
                </Typography.Text>
              </span>
            ),
          },
          {
            key: "entityType",
            title: t("audit.attr.entityType"),
            dataIndex: "entityType",
            width: 110,
            render: (type: string) => entityLabel(type),
          },
          {
            key: "entityId",
            responsive: ["md"],
            title: t("audit.attr.entityId"),
            dataIndex: "entityId",
            width: 150,
            render: (id: string | null) =>
              id ? (
                <Typography.Text style={{ fontFamily: "monospace", fontSize: 12 }} copyable={{ text: id }}>
                  {id.slice(0, 8)}…
                </Typography.Text>
              ) : (
                t("common.empty")
              ),
          },
          {
            key: "ip",
            responsive: ["md"],
            title: t("audit.attr.ip"),
            dataIndex: "ip",
            width: 130,
            render: (ip: string | null) => ip ?? t("common.empty"),
          },
        ]}
      />
    </>
  );
}
