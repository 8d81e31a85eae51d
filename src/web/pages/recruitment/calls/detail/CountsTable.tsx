import { Card, Table, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { APPLICATION_STATUSES, type ApplicationStatus } from "../../../../../domain/application";
import type { Track } from "../../../../../domain/call";
import type { Call } from "../../../../../schemas/recruitment/calls";
import { useRecruitmentLabels } from "../../../../components/recruitmentLabels";
import { useIsMobile } from "../../../../components/useIsMobile";

interface CountRow {
  key: string;
  track: Track | null;
  total: number;
  byStatus: Partial<Record<ApplicationStatus, number>>;
}

/** Applications per track and status; each number opens the queue filtered to it. */
export function CountsTable({ call }: { call: Call }) {
  const { t } = useTranslation();
  const labels = useRecruitmentLabels();
  const link = (track: Track | null, status: ApplicationStatus | null, n: number) => {
    if (!n) return <span style={{ color: "rgba(0,0,0,0.45)" }}>0</span>;
    const params = new URLSearchParams({ callId: call.id });
    if (track) params.set("track", track);
    if (status) params.set("status", status);
    return <Link to={`/applications?${params}`}>{n}</Link>;
  };
  const isMobile = useIsMobile();
  const rows: CountRow[] = [
    ...call.countsByTrack.map((c) => ({ key: c.track, ...c })),
    { key: "total", track: null, total: call.applicationCount, byStatus: call.countsByStatus },
  ];
  return (
    <Card
      title={<h2 style={{ margin: 0, fontSize: 16 }}>{t("calls.countsTitle")}</h2>}
      extra={<Typography.Text type="secondary">{t("calls.countsHint")}</Typography.Text>}
    >
      {isMobile ? (
        // At phone width a nine-column table would scroll sideways: one line per track instead.
        <ul style={{ listStyle: "none", margin: 0, padding: 0, display: "grid", gap: 8 }}>
          {rows.map((row) => (
            <li key={row.key}>
              <strong>{row.track ? labels.track[row.track] : t("calls.total")}</strong>{" "}
              {link(row.track, null, row.total)}
              <div style={{ fontSize: 13, color: "rgba(0,0,0,0.65)" }}>
                {APPLICATION_STATUSES.filter((s) => row.byStatus[s]).map((s, i) => (
                  <span key={s}>
                    {i > 0 && " · "}
                    {labels.applicationStatus[s]} {link(row.track, s, row.byStatus[s] ?? 0)}
                  </span>
                ))}
              </div>
            </li>
          ))}
        </ul>
      ) : (
        <Table<CountRow>
          size="small"
          rowKey="key"
          pagination={false}
          scroll={{ x: "max-content" }}
          dataSource={rows}
          columns={[
            {
              key: "track",
              title: t("calls.tracks"),
              fixed: "left",
              render: (_, row) => (row.track ? labels.track[row.track] : <strong>{t("calls.total")}</strong>),
            },
            ...APPLICATION_STATUSES.map((status) => ({
              key: status,
              title: labels.applicationStatus[status],
              align: "right" as const,
              render: (_: unknown, row: CountRow) => link(row.track, status, row.byStatus[status] ?? 0),
            })),
            {
              key: "total",
              title: t("calls.total"),
              align: "right" as const,
              render: (_, row) => link(row.track, null, row.total),
            },
          ]}
        />
      )}
    </Card>
  );
}
