import { MessageOutlined } from "@ant-design/icons";
import { Badge, Table, type TableProps } from "antd";
import { cloneElement, isValidElement } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { QueueRow } from "../../../../../schemas/recruitment/intake";
import { formatDateTime } from "../../../../components/format";
import { ApplicationStatusTag, TrackText } from "../../../../components/recruitmentLabels";
import type { QueueViewProps as Props } from "./useQueueQuery";

const SORTABLE = {
  name: "name",
  lastSubmittedAt: "lastSubmittedAt",
  statusChangedAt: "statusChangedAt",
  missingItems: "missingItems",
} as const;

/** The app's header (antd Layout.Header, 64px) is sticky too: the table's header stays under it. */
const STICKY_HEADER_CELL = { position: "sticky", top: 64, zIndex: 3 } as const;

export function QueueTable({ items, total, loading, state, selected, onSelect, onChange, linkTo }: Props) {
  const { t } = useTranslation();
  const sortOrder = (key: keyof typeof SORTABLE) =>
    state.sort === key ? (state.order === "asc" ? ("ascend" as const) : ("descend" as const)) : null;
  const columns: TableProps<QueueRow>["columns"] = [
    {
      key: "name",
      title: t("intake.column.organization"),
      width: 220,
      sorter: true,
      sortOrder: sortOrder("name"),
      render: (_, row) => (
        <>
          <Link to={linkTo(row)} style={{ fontWeight: 500 }}>
            {row.organization.name}
          </Link>
          {row.organization.townName && (
            <div style={{ fontSize: 12, color: "rgba(0,0,0,0.68)" }}>{row.organization.townName}</div>
          )}
        </>
      ),
    },
    {
      key: "call",
      title: t("intake.column.call"),
      width: 200,
      render: (_, row) => (
        <>
          <div style={{ overflowWrap: "anywhere" }}>{row.call.title}</div>
          <div style={{ fontSize: 12, color: "rgba(0,0,0,0.68)" }}>
            <TrackText track={row.track} />
          </div>
        </>
      ),
    },
    {
      key: "status",
      title: t("intake.column.status"),
      width: 140,
      render: (_, row) => (
        <>
          <ApplicationStatusTag status={row.status} />
          {row.extendedUntil && (
            <div style={{ fontSize: 12, color: "rgba(0,0,0,0.68)" }}>
              {t("intake.queue.extendedUntil", { time: formatDateTime(row.extendedUntil) })}
            </div>
          )}
        </>
      ),
    },
    {
      key: "missingItems",
      title: t("intake.column.missingItems"),
      sorter: true,
      sortOrder: sortOrder("missingItems"),
      width: 100,
      render: (_, row) =>
        row.missingItems > 0 ? (
          <span style={{ color: "#a8071a" }}>{t("intake.queue.missing", { count: row.missingItems })}</span>
        ) : (
          t("intake.queue.complete")
        ),
    },
    {
      key: "lastSubmittedAt",
      title: t("intake.column.lastSubmittedAt"),
      sorter: true,
      sortOrder: sortOrder("lastSubmittedAt"),
      width: 150,
      render: (_, row) => (
        <>
          {formatDateTime(row.lastSubmittedAt)}
          {row.submissionCount > 1 && (
            <div style={{ fontSize: 12, color: "rgba(0,0,0,0.68)" }}>
              {t("intake.queue.submissions", { count: row.submissionCount })}
            </div>
          )}
        </>
      ),
    },
    {
      key: "statusChangedAt",
      title: t("intake.column.statusChangedAt"),
      sorter: true,
      sortOrder: sortOrder("statusChangedAt"),
      width: 150,
      render: (_, row) => formatDateTime(row.statusChangedAt),
    },
    {
      key: "messages",
      title: t("intake.column.messages"),
      width: 64,
      render: (_, row) =>
        row.unreadMessages > 0 ? (
          <Link
            to={linkTo(row, "#messages")}
            aria-label={t("intake.queue.unread", { count: row.unreadMessages })}
          >
            <Badge count={row.unreadMessages} size="small">
              <MessageOutlined style={{ fontSize: 16 }} aria-hidden />
            </Badge>
          </Link>
        ) : null,
    },
  ];
  // No `scroll` and no `sticky` on purpose: with either antd renders a hidden measure row that
  // repeats the header's select-all checkbox (a focusable control inside aria-hidden). The header
  // cells stick below the app's header by CSS instead, which needs no scrolling box around the
  // table; the columns wrap to fit from the md breakpoint up.
  return (
    <Table<QueueRow>
      rowKey="id"
      size="middle"
      styles={{ header: { cell: STICKY_HEADER_CELL } }}
      columns={columns}
      dataSource={items}
      loading={loading}
      rowSelection={{
        selectedRowKeys: selected,
        onChange: (keys) => onSelect(keys as string[]),
        preserveSelectedRowKeys: true,
        // antd names these checkboxes in English ("Select all", "Select row 3") whatever the
        // locale: they get the page's language, and each row the organization it selects.
        getCheckboxProps: (row) => ({
          "aria-label": t("intake.queue.selectRow", { name: row.organization.name }),
        }),
        columnTitle: (checkbox) =>
          isValidElement<{ "aria-label"?: string }>(checkbox)
            ? cloneElement(checkbox, { "aria-label": t("intake.queue.selectAll") })
            : checkbox,
      }}
      pagination={{
        current: state.page,
        pageSize: state.pageSize,
        total,
        showSizeChanger: true,
        pageSizeOptions: [20, 50, 100, 200],
        showTotal: (count) => t("common.total", { count }),
      }}
      onChange={(pagination, _filters, sorter) => {
        const s = Array.isArray(sorter) ? sorter[0] : sorter;
        const key = s?.order ? (s.columnKey as keyof typeof SORTABLE) : undefined;
        onChange({
          page: pagination.pageSize !== state.pageSize ? 1 : (pagination.current ?? 1),
          pageSize: pagination.pageSize ?? 20,
          sort: key ? SORTABLE[key] : "statusChangedAt",
          order: key ? (s?.order === "ascend" ? "asc" : "desc") : "desc",
        });
      }}
    />
  );
}
