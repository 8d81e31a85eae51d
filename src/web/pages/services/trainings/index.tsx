/**
 * 培训与能力建设: staff see every training of the base (today's, upcoming, past) with seat counts
 * and create new ones; members and individuals see the published ones open to them and their own
 * trainings (upcoming, to check in, feedback to give) and certificates.
 */

import { PlusOutlined } from "@ant-design/icons";
import { Button, Card, Segmented, Space, Table, Tag } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { TrainingSummary } from "../../../../schemas/services/trainings";
import { useMyTrainings, useTrainings } from "../../../api/services/trainings";
import { useAccess } from "../../../auth/session";
import { ToneTag } from "../../../components/labels";
import { PageHeader } from "../../../components/PageHeader";
import { QueryError } from "../../../components/QueryError";
import { timeRange } from "./labels";

type When = "upcoming" | "today" | "past" | "all";

export default function TrainingListPage() {
  const { t } = useTranslation();
  const access = useAccess();
  const [when, setWhen] = useState<When>("upcoming");
  const list = useTrainings(when);
  return (
    <>
      <PageHeader
        title={t("trainings.title")}
        extra={
          access.trainingManage && (
            <Space wrap>
              <Link to="/trainings/series">
                <Button>{t("trainings.seriesNav")}</Button>
              </Link>
              <Link to="/trainings/new">
                <Button type="primary" icon={<PlusOutlined aria-hidden />}>
                  {t("trainings.create")}
                </Button>
              </Link>
            </Space>
          )
        }
      />
      {access.trainingAttend && !access.trainingManage && <MyTrainingsCard />}
      <Card size="small">
        <Segmented<When>
          value={when}
          onChange={setWhen}
          options={(["upcoming", "today", "past", "all"] as const).map((w) => ({
            value: w,
            label: t(`trainings.${w}`),
          }))}
          style={{ marginBottom: 12 }}
        />
        {list.isError ? (
          <QueryError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <TrainingTable items={list.data?.items ?? []} loading={list.isFetching} />
        )}
      </Card>
    </>
  );
}

export function TrainingTable({ items, loading }: { items: TrainingSummary[]; loading?: boolean }) {
  const { t } = useTranslation();
  return (
    <Table<TrainingSummary>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={items}
      pagination={false}
      scroll={{ x: true }}
      locale={{ emptyText: t("trainings.none") }}
      columns={[
        {
          key: "topic",
          title: t("trainings.topic"),
          render: (_, r) => (
            <Space direction="vertical" size={0}>
              <Link to={`/trainings/${r.id}`}>{r.topic}</Link>
              {r.seriesTitle && <span className="hatchery-secondary">{r.seriesTitle}</span>}
            </Space>
          ),
        },
        { key: "time", title: t("trainings.time"), render: (_, r) => timeRange(r.startsAt, r.endsAt) },
        { key: "trainer", title: t("trainings.trainer"), render: (_, r) => r.trainerName },
        {
          key: "seats",
          title: t("trainings.seats"),
          align: "right",
          render: (_, r) =>
            `${r.enrolled} / ${r.capacity}${r.waiting ? ` (+${r.waiting} ${t("trainings.waiting")})` : ""}`,
        },
        {
          key: "status",
          title: t("trainings.status"),
          render: (_, r) => (
            <Tag color={r.status === "published" ? "blue" : r.status === "cancelled" ? "red" : undefined}>
              {t(`trainings.statusLabels.${r.status}`)}
            </Tag>
          ),
        },
      ]}
    />
  );
}

/** The participant's own trainings: upcoming, waiting, feedback due; and certificates. */
export function MyTrainingsCard({ hideWhenEmpty = false }: { hideWhenEmpty?: boolean }) {
  const { t } = useTranslation();
  const mine = useMyTrainings();
  if (mine.isError) return <QueryError error={mine.error} onRetry={() => void mine.refetch()} />;
  const items = mine.data?.items ?? [];
  if (hideWhenEmpty && items.length === 0 && !mine.data?.certificates.length) return null;
  return (
    <Card
      size="small"
      title={<h2 className="hatchery-card-title">{t("trainings.mine")}</h2>}
      style={{ marginBottom: 16 }}
    >
      {items.length === 0 && <p className="hatchery-secondary">{t("trainings.none")}</p>}
      <ul style={{ listStyle: "none", padding: 0, margin: 0 }}>
        {items.map((i) => (
          <li key={i.enrolmentId} style={{ padding: "6px 0", borderBottom: "1px solid #f0f0f0" }}>
            <Link to={`/trainings/${i.id}`}>{i.topic}</Link>
            <div className="hatchery-secondary">{timeRange(i.startsAt, i.endsAt)}</div>
            <Space size={4} wrap>
              {i.enrolmentStatus === "waiting" ? (
                <ToneTag tone="orange">{t("trainings.waitlisted", { position: i.waitPosition })}</ToneTag>
              ) : i.attendedAt ? (
                <ToneTag tone="green">{t("trainings.attended")}</ToneTag>
              ) : (
                <Tag color="blue">{t("trainings.enrolled")}</Tag>
              )}
              {i.feedbackDue && <ToneTag tone="gold">{t("trainings.feedbackDue")}</ToneTag>}
            </Space>
          </li>
        ))}
      </ul>
      {(mine.data?.certificates.length ?? 0) > 0 && (
        <>
          <h3 style={{ marginTop: 12 }}>{t("trainings.certificates")}</h3>
          {mine.data?.certificates.map((c) => (
            <div key={c.id}>
              <Link to={`/training-certificates/${c.id}`}>
                {c.seriesTitle}（{c.number}）
              </Link>
            </div>
          ))}
        </>
      )}
    </Card>
  );
}
