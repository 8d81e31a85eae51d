import { MessageOutlined } from "@ant-design/icons";
import { Badge, type TableProps } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { QueueRow } from "../../../../../schemas/recruitment/intake";
import { formatDateTime } from "../../../../components/format";
import { ApplicationStatusTag, TrackText } from "../../../../components/recruitmentLabels";
import type { QueueLink } from "./queueLinks";

/** The app's header (antd Layout.Header, 64px) is sticky too: the table's header stays under it. */
export const STICKY_HEADER_CELL = { position: "sticky", top: 64, zIndex: 3 } as const;

/** The queue's columns on wide screens; sorting by name, submission, status change and gaps. */
export function useQueueColumns(linkTo: QueueLink) {
  const { t } = useTranslation();
  const columns: NonNullable<TableProps<QueueRow>["columns"]> = [
    {
      key: "name",
      title: t("intake.column.organization"),
      width: 220,
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
  return columns;
}
