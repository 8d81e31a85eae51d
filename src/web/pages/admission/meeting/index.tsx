/**
 * The review meeting (评审会) of one round, for base staff: per track the ranking with the quota
 * line drawn after the last place, every method side by side (the switch orders the table), the
 * disagreement flags and the experts far off the panel, a breakdown per application, the notes,
 * the decision buttons and, on demand, the charts.
 */
import { DownloadOutlined, NotificationOutlined, WarningOutlined } from "@ant-design/icons";
import {
  Alert,
  App,
  Button,
  Card,
  Collapse,
  Drawer,
  Flex,
  Popconfirm,
  Segmented,
  Skeleton,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from "antd";
import { lazy, Suspense, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { Track } from "../../../../domain/call";
import { RANK_METHODS, type RankMethod } from "../../../../domain/review/track-ranking";
import type {
  RankedApplication,
  RankingPage,
  RankingQuery,
  TrackTotals,
} from "../../../../schemas/admission/ranking";
import { downloadRanking, useDecisionAct, useRanking } from "../../../api/admission/meeting";
import { ToneTag } from "../../../components/labels";
import { PageHeader } from "../../../components/PageHeader";
import { QueryError } from "../../../components/QueryError";
import { ApplicationStatusTag, useRecruitmentLabels } from "../../../components/recruitmentLabels";
import { DecideDialog, type DecideTarget } from "../decisions/DecideDialog";
import { Notes } from "./Notes";

const Charts = lazy(() => import("./Charts"));

const num = (n: number | null, digits = 2) => (n === null ? "—" : n.toFixed(digits));

export default function MeetingPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const labels = useRecruitmentLabels();
  const [query, setQuery] = useState<Query>({ page: 1, pageSize: 20 });
  const ranking = useRanking(id, query);
  const data = ranking.data;
  const title = data ? t("admission.meeting.title", { title: data.title }) : t("app.loading");
  return (
    <>
      <PageHeader
        title={title}
        extra={
          <Space wrap>
            <Button icon={<DownloadOutlined />} onClick={() => void downloadRanking(id)}>
              {t("admission.meeting.export")}
            </Button>
            <Link to={`/notices?roundId=${id}`}>
              <Button icon={<NotificationOutlined />}>{t("admission.meeting.publish")}</Button>
            </Link>
          </Space>
        }
      />
      {ranking.isError && !data ? (
        <QueryError error={ranking.error} onRetry={() => void ranking.refetch()} />
      ) : !data ? (
        <Card>
          <Skeleton active />
        </Card>
      ) : !data.track ? (
        <Card>{t("admission.meeting.empty")}</Card>
      ) : (
        <Tabs
          activeKey={data.track.track}
          // A new track starts at its first page in the round's method.
          onChange={(track) => setQuery({ page: 1, pageSize: query.pageSize, track: track as Track })}
          items={data.tracks.map((totals) => ({
            key: totals.track,
            label: labels.track[totals.track],
            children:
              data.track?.track === totals.track ? (
                <TrackView
                  roundId={id}
                  data={data}
                  totals={totals}
                  loading={ranking.isFetching}
                  onQuery={(patch) => setQuery((q) => ({ ...q, track: totals.track, ...patch }))}
                />
              ) : (
                <Skeleton active />
              ),
          }))}
        />
      )}
      {data && <Notes roundId={id} items={data.items} />}
    </>
  );
}

type Query = RankingQuery;

function TrackView({
  roundId,
  data,
  totals,
  loading,
  onQuery,
}: {
  roundId: string;
  data: RankingPage;
  totals: TrackTotals;
  loading: boolean;
  onQuery: (patch: Partial<Query>) => void;
}) {
  const { t } = useTranslation();
  const track = data.track as NonNullable<RankingPage["track"]>;
  const method = data.sort;
  const [open, setOpen] = useState<RankedApplication | null>(null);
  const [deciding, setDeciding] = useState<DecideTarget | null>(null);
  const rows = data.items;
  const quota = totals.quota;
  const quotaFull = quota !== null && totals.admitted >= quota;
  const next = totals.nextOnWaitlist;
  const decide = (
    a: { applicationId: string; organizationName: string; applicationVersion: number },
    kind: DecideTarget["kind"],
  ) =>
    setDeciding({
      applicationId: a.applicationId,
      organizationName: a.organizationName,
      version: a.applicationVersion,
      kind,
      quotaFull,
    });

  return (
    <Flex vertical gap={16}>
      <Flex wrap gap={12} align="center" justify="space-between">
        <Flex wrap gap={8} align="center" style={{ maxWidth: "100%" }}>
          <Typography.Text strong>{t("admission.meeting.method")}</Typography.Text>
          {/* On a phone the five methods scroll sideways rather than run off the screen. */}
          <div style={{ maxWidth: "100%", overflowX: "auto" }}>
            <Segmented<RankMethod>
              value={method}
              onChange={(sort) => onQuery({ sort, order: "asc", page: 1 })}
              options={RANK_METHODS.map((m) => ({
                value: m,
                label:
                  m === data.method
                    ? `${t(`admission.meeting.methods.${m}`)}（${t("admission.meeting.roundMethod")}）`
                    : t(`admission.meeting.methods.${m}`),
              }))}
            />
          </div>
        </Flex>
        <Space wrap>
          <ToneTag tone={quotaFull ? "red" : "blue"}>
            {quota === null
              ? t("admission.meeting.noQuota")
              : t("admission.meeting.quota", { quota, admitted: totals.admitted })}
          </ToneTag>
          <ToneTag tone={totals.methodsAgree ? "green" : "orange"}>
            {totals.methodsAgree ? t("admission.meeting.methodsAgree") : t("admission.meeting.methodsDiffer")}
          </ToneTag>
        </Space>
      </Flex>
      {next && (
        <Alert
          type="info"
          showIcon
          message={t("admission.meeting.nextOnWaitlist", { name: next.organizationName })}
          action={
            <Button size="small" type="primary" onClick={() => decide(next, "offer")}>
              {t("admission.decide.offer")}
            </Button>
          }
        />
      )}
      <Table<RankedApplication>
        rowKey="applicationId"
        dataSource={rows}
        loading={loading}
        pagination={{
          current: data.page,
          pageSize: data.pageSize,
          total: data.total,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          showTotal: (total) => t("common.total", { count: total }),
        }}
        onChange={(pagination, _filters, sorter) => {
          const order = !Array.isArray(sorter) && sorter.order === "descend" ? "desc" : "asc";
          onQuery({
            page: pagination.pageSize !== data.pageSize ? 1 : (pagination.current ?? 1),
            pageSize: pagination.pageSize ?? data.pageSize,
            order,
          });
        }}
        size="middle"
        scroll={{ x: 1100 }}
        // The red rule under the last place within the quota, wherever the page starts.
        rowClassName={(a) =>
          track.quotaLine && a.ranks[method] === track.quotaLine.position ? "hatchery-quota-last" : ""
        }
        caption={
          quota !== null ? (
            <Typography.Text
              type="secondary"
              style={{ display: "block", textAlign: "start", padding: "4px 0" }}
            >
              <span className="hatchery-quota-key" aria-hidden />{" "}
              {t("admission.meeting.quotaLine", { quota })}
            </Typography.Text>
          ) : undefined
        }
        columns={[
          {
            title: t("admission.meeting.position"),
            key: "rank",
            width: 64,
            fixed: "left",
            // Server-side: the arrow reverses the method's order.
            sorter: true,
            sortOrder: data.order === "desc" ? "descend" : "ascend",
            sortDirections: ["ascend", "descend", "ascend"],
            render: (_, a) => a.ranks[method] ?? "—",
          },
          {
            title: t("admission.meeting.organization"),
            key: "org",
            fixed: "left",
            width: 200,
            render: (_, a) => (
              <Button
                type="link"
                style={{ padding: 0, height: "auto", whiteSpace: "normal", textAlign: "start" }}
                onClick={() => setOpen(a)}
              >
                {a.organizationName}
              </Button>
            ),
          },
          { title: t("admission.meeting.reviews"), dataIndex: "count", width: 70 },
          ...(["mean", "median", "trimmedMean", "zScore"] as const).map((m) => ({
            title: t(`admission.meeting.methods.${m}`),
            key: m,
            width: 100,
            render: (_: unknown, a: RankedApplication) => (
              <span style={{ fontWeight: m === method ? 600 : undefined }}>
                {a[m] === null ? (
                  "—"
                ) : (
                  <>
                    {num(a[m], m === "zScore" ? 3 : 2)}{" "}
                    <Typography.Text type="secondary">#{a.ranks[m]}</Typography.Text>
                  </>
                )}
              </span>
            ),
          })),
          {
            title: t("admission.meeting.methods.schulze"),
            key: "schulze",
            width: 90,
            render: (_, a) => (
              <span style={{ fontWeight: method === "schulze" ? 600 : undefined }}>#{a.ranks.schulze}</span>
            ),
          },
          {
            title: t("admission.meeting.spread"),
            key: "spread",
            width: 70,
            render: (_, a) => num(a.spread, 1),
          },
          {
            title: t("admission.meeting.flags"),
            key: "flags",
            width: 150,
            render: (_, a) => (
              <Space size={4} wrap>
                {a.disagreement && (
                  <ToneTag tone="red">
                    <WarningOutlined aria-hidden />
                    {t("admission.meeting.disagreement")}
                  </ToneTag>
                )}
                {a.ranksDiffer && <ToneTag tone="orange">{t("admission.meeting.ranksDiffer")}</ToneTag>}
              </Space>
            ),
          },
          {
            title: t("admission.meeting.decision"),
            key: "decision",
            width: 130,
            render: (_, a) => (
              <Space size={4} wrap>
                <ApplicationStatusTag status={a.status as never} />
                {a.decision && (
                  <Tag>
                    {a.decision.final ? t("admission.decide.final") : t("admission.decide.provisional")}
                  </Tag>
                )}
              </Space>
            ),
          },
          {
            title: t("common.actions"),
            key: "actions",
            width: 230,
            render: (_, a) => (
              <DecisionButtons a={a} roundId={roundId} onDecide={(kind) => decide(a, kind)} />
            ),
          },
        ]}
      />
      {totals.unreviewed > 0 && (
        <Typography.Text type="secondary">
          {t("admission.meeting.unreviewed", {
            names:
              track.unreviewed.map((u) => u.organizationName).join("、") +
              (totals.unreviewed > track.unreviewed.length ? " …" : ""),
          })}
        </Typography.Text>
      )}
      <Card size="small" title={t("admission.meeting.experts")}>
        <Flex wrap gap={8}>
          {track.experts.map((e) => (
            <Tag
              key={e.expertId}
              color={e.flagged ? "red" : e.constant ? "default" : "blue"}
              style={{ padding: "2px 8px" }}
            >
              {e.expertName} · {t("admission.meeting.total")} {num(e.mean, 1)} ·{" "}
              {t("admission.meeting.expertDeviation")}{" "}
              {e.deviation === null ? "—" : `${e.deviation > 0 ? "+" : ""}${num(e.deviation, 1)}`}
              {e.flagged && ` · ${t("admission.meeting.expertFlagged")}`}
              {e.constant && ` · ${t("admission.meeting.constant")}`}
            </Tag>
          ))}
        </Flex>
        <Typography.Paragraph type="secondary" style={{ margin: "8px 0 0", fontSize: 12 }}>
          {t("admission.meeting.schulzeCost", totals.schulzeCost)}
        </Typography.Paragraph>
      </Card>
      <Collapse
        items={[
          {
            key: "charts",
            label: t("admission.meeting.charts"),
            children: (
              <Suspense fallback={<Skeleton active />}>
                <Charts track={track} />
              </Suspense>
            ),
          },
        ]}
      />
      <Breakdown track={track} application={open} onClose={() => setOpen(null)} />
      {deciding && <DecideDialog roundId={roundId} target={deciding} onClose={() => setDeciding(null)} />}
    </Flex>
  );
}

function DecisionButtons({
  a,
  roundId,
  onDecide,
}: {
  a: RankedApplication;
  roundId: string;
  onDecide: (kind: DecideTarget["kind"]) => void;
}) {
  const { t } = useTranslation();
  const final = a.decision?.final ?? false;
  const confirmBy = a.decision?.confirmBy ?? null;
  if (final && a.status === "admitted" && confirmBy && Date.parse(confirmBy) < Date.now()) {
    return <LapseButton a={a} roundId={roundId} />;
  }
  if (a.status === "in_review") {
    return (
      <Space size={4} wrap>
        <Button size="small" type="primary" onClick={() => onDecide("admitted")}>
          {t("admission.decide.admit")}
        </Button>
        <Button size="small" onClick={() => onDecide("waitlisted")}>
          {t("admission.decide.waitlist")}
        </Button>
        <Button size="small" danger onClick={() => onDecide("rejected")}>
          {t("admission.decide.reject")}
        </Button>
      </Space>
    );
  }
  if (final) {
    return a.status === "waitlisted" ? (
      <Button size="small" onClick={() => onDecide("offer")}>
        {t("admission.decide.offer")}
      </Button>
    ) : null;
  }
  if (!["admitted", "waitlisted", "rejected"].includes(a.status)) return null;
  return (
    <Space size={4} wrap>
      {a.status === "waitlisted" && (
        <Button size="small" onClick={() => onDecide("admitted")}>
          {t("admission.decide.admit")}
        </Button>
      )}
      <Button size="small" onClick={() => onDecide("reconsider")}>
        {t("admission.decide.reconsider")}
      </Button>
    </Space>
  );
}

/** The confirmation date passed without an answer: staff record it, and the place is free. */
function LapseButton({ a, roundId }: { a: RankedApplication; roundId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const act = useDecisionAct(roundId);
  return (
    <Popconfirm
      title={t("admission.decide.lapseConfirm")}
      onConfirm={() =>
        act
          .mutateAsync({ kind: "lapse", id: a.applicationId, body: { version: a.applicationVersion } })
          .then(() => void message.success(t("admission.decide.done")))
          .catch(
            (error: unknown) => void message.error(error instanceof Error ? error.message : String(error)),
          )
      }
    >
      <Button size="small" danger loading={act.isPending}>
        {t("admission.decide.lapse")}
      </Button>
    </Popconfirm>
  );
}

/** Each expert's scores and comments of one application, with their totals. */
function Breakdown(props: {
  track: NonNullable<RankingPage["track"]>;
  application: RankedApplication | null;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const a = props.application;
  return (
    <Drawer
      open={!!a}
      onClose={props.onClose}
      width={Math.min(640, typeof window === "undefined" ? 640 : window.innerWidth)}
      title={a ? t("admission.meeting.breakdownTitle", { name: a.organizationName }) : ""}
    >
      {a?.reviews.map((r) => (
        <Card
          key={r.expertId}
          size="small"
          style={{ marginBottom: 12 }}
          title={r.expertName}
          extra={`${t("admission.meeting.total")} ${num(r.total, 2)}`}
        >
          <table style={{ width: "100%", borderCollapse: "collapse" }}>
            <tbody>
              {props.track.criteria.map((c) => (
                <tr key={c.key} style={{ borderBottom: "1px solid #f0f0f0" }}>
                  <th
                    scope="row"
                    style={{
                      textAlign: "start",
                      fontWeight: 500,
                      padding: "4px 8px 4px 0",
                      whiteSpace: "nowrap",
                    }}
                  >
                    {i18n.language === "en" ? c.nameEn : c.nameZh}
                  </th>
                  <td style={{ padding: 4, whiteSpace: "nowrap" }}>
                    {r.scores[c.key] ?? "—"} / {c.max}
                  </td>
                  <td style={{ padding: 4, color: "rgba(0,0,0,0.68)" }}>{r.comments[c.key] ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Typography.Paragraph style={{ margin: "8px 0 0" }}>
            {t("admission.meeting.zScore")}: {num(r.zScore, 3)}
          </Typography.Paragraph>
          {r.overallComment && (
            <Typography.Paragraph style={{ margin: "4px 0 0", whiteSpace: "pre-wrap" }}>
              {t("admission.meeting.overall")}：{r.overallComment}
            </Typography.Paragraph>
          )}
        </Card>
      ))}
    </Drawer>
  );
}
