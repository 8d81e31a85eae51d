import { Card, Table, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { AuditEntry } from "../../../../../schemas/platform/audit";
import { useAuditLog } from "../../../../api/platform/audit";
import { formatDateTime } from "../../../../components/format";
import { PageHeader } from "../../../../components/PageHeader";
import { QueryError } from "../../../../components/QueryError";
import { AuditDiff } from "./components/AuditDiff";
import { AuditFilters, type AuditFilterValue } from "./components/AuditFilters";
import { useActionLabel, useEntityLabel } from "./labels";

export default function AuditLogPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<AuditFilterValue>({});
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const log = useAuditLog({ ...filters, ...page });

  const actionLabel = useActionLabel();
  const entityLabel = useEntityLabel();

  return (
    <>
      <PageHeader title={t("audit.title")} />
      <AuditFilters
        onSearch={(next) => {
          setFilters(next);
          setPage((p) => ({ ...p, page: 1 }));
        }}
      />
      {log.isError && !log.data ? (
        <QueryError error={log.error} onRetry={() => void log.refetch()} />
      ) : (
        <Card size="small" styles={{ body: { padding: 0 } }}>
          <Table<AuditEntry>
            rowKey="id"
            loading={log.isFetching}
            dataSource={log.data?.items ?? []}
            scroll={{ x: "max-content" }}
            expandable={{
              expandedRowRender: (entry) => <AuditDiff entry={entry} />,
              rowExpandable: (entry) => entry.before !== null || entry.after !== null,
            }}
            pagination={{
              current: page.page,
              pageSize: page.pageSize,
              total: log.data?.total ?? 0,
              showSizeChanger: true,
              showTotal: (count) => t("common.total", { count }),
              onChange: (current, pageSize) => setPage({ page: current, pageSize }),
            }}
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
                    <Typography.Text
                      code
                      style={{ display: "block", fontSize: 12, color: "rgba(0,0,0,0.68)" }}
                    >
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
                    <Typography.Text
                      style={{ fontFamily: "monospace", fontSize: 12 }}
                      copyable={{ text: id }}
                    >
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
        </Card>
      )}
    </>
  );
}
