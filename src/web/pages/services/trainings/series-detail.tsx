/**
 * One series or talent-programme class (staff): its modules (required or elective), what a
 * certificate asks for, and each enrolled person's modules and hours against it. Once someone has
 * attended every required module, staff issue the certificate (结业证书) here; an issued one
 * opens to print.
 */
import { Alert, App, Button, Card, Popconfirm, Progress, Table } from "antd";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { TrainingSummary } from "../../../../schemas/services/trainings";
import { type SeriesView, useIssueCertificate, useSeries } from "../../../api/services/trainings";
import { ToneTag } from "../../../components/labels";
import { PageHeader } from "../../../components/PageHeader";
import { QueryError } from "../../../components/QueryError";
import { errorMessage } from "../../../components/serverErrors";
import { timeRange } from "./labels";

type ProgressRow = SeriesView["progress"][number];

/** Hours to one decimal, as the certificate states them. */
const hoursOf = (minutes: number) => Math.round((minutes / 60) * 10) / 10;

export default function TrainingSeriesPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const series = useSeries(id);
  if (series.isError) return <QueryError error={series.error} onRetry={() => void series.refetch()} />;
  const s = series.data;
  if (!s) return <Card loading />;
  return (
    <>
      <PageHeader title={s.title} backTo="/trainings/series" />
      <Card size="small" style={{ marginBottom: 16 }}>
        <p style={{ marginTop: 0 }}>
          <ToneTag tone={s.kind === "talent" ? "purple" : "default"}>
            {t(`trainings.seriesKinds.${s.kind}`)}
          </ToneTag>
        </p>
        {s.description && <p style={{ whiteSpace: "pre-wrap" }}>{s.description}</p>}
        {s.requiredModules > 0 ? (
          <p style={{ marginBottom: 0 }}>
            <strong>
              {t("trainings.seriesRequirement", {
                required: s.requiredModules,
                hours: hoursOf(s.requiredMinutes),
              })}
            </strong>
          </p>
        ) : (
          <Alert type="warning" showIcon title={t("trainings.seriesNoRequirement")} />
        )}
      </Card>
      <Modules series={s} />
      <ProgressCard series={s} />
    </>
  );
}

function Modules({ series: s }: { series: SeriesView }) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      title={<h2 className="hatchery-card-title">{t("trainings.seriesModules")}</h2>}
      style={{ marginBottom: 16 }}
    >
      <Table<TrainingSummary>
        rowKey="id"
        size="small"
        dataSource={s.trainings}
        pagination={false}
        scroll={{ x: true }}
        locale={{ emptyText: t("trainings.none") }}
        columns={[
          {
            key: "topic",
            title: t("trainings.topic"),
            render: (_, m) => <Link to={`/trainings/${m.id}`}>{m.topic}</Link>,
          },
          { key: "time", title: t("trainings.time"), render: (_, m) => timeRange(m.startsAt, m.endsAt) },
          {
            key: "required",
            title: t("trainings.requiredModule"),
            render: (_, m) =>
              m.required ? (
                <ToneTag tone="blue">{t("trainings.requiredModule")}</ToneTag>
              ) : (
                <ToneTag tone="default">{t("trainings.electiveModule")}</ToneTag>
              ),
          },
          {
            key: "status",
            title: t("trainings.status"),
            render: (_, m) => t(`trainings.statusLabels.${m.status}`),
          },
          {
            key: "people",
            title: `${t("trainings.enrolled")} / ${t("trainings.attended")}`,
            render: (_, m) => `${m.enrolled} / ${m.attended}`,
          },
        ]}
      />
    </Card>
  );
}

function ProgressCard({ series: s }: { series: SeriesView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const issue = useIssueCertificate(s.id);
  const complete = (p: ProgressRow) => p.requiredModules > 0 && p.requiredDone >= p.requiredModules;
  return (
    <Card size="small" title={<h2 className="hatchery-card-title">{t("trainings.progressTitle")}</h2>}>
      <Table<ProgressRow>
        rowKey="personId"
        size="small"
        dataSource={s.progress}
        pagination={false}
        scroll={{ x: true }}
        locale={{ emptyText: t("trainings.progressNone") }}
        columns={[
          { key: "person", title: t("trainings.person"), render: (_, p) => p.personName },
          {
            key: "required",
            title: t("trainings.requiredDone"),
            render: (_, p) => (
              <div style={{ minWidth: 140 }}>
                <span>{`${p.requiredDone} / ${p.requiredModules}`}</span>
                <Progress
                  percent={p.requiredModules ? Math.round((p.requiredDone / p.requiredModules) * 100) : 0}
                  showInfo={false}
                  size="small"
                  aria-label={`${t("trainings.requiredDone")} ${p.personName}`}
                />
              </div>
            ),
          },
          { key: "modules", title: t("trainings.modulesAttended"), render: (_, p) => p.attendedModules },
          {
            key: "hours",
            title: t("trainings.hours"),
            render: (_, p) =>
              t("trainings.hoursOf", { hours: hoursOf(p.minutes), required: hoursOf(s.requiredMinutes) }),
          },
          {
            key: "certificate",
            title: t("trainings.certificate"),
            render: (_, p) =>
              p.certificateId ? (
                <Link to={`/training-certificates/${p.certificateId}`}>
                  {t("trainings.viewCertificate", { number: p.certificateNumber })}
                </Link>
              ) : complete(p) ? (
                <Popconfirm
                  title={t("trainings.issueConfirm", { name: p.personName })}
                  onConfirm={() =>
                    issue.mutate(p.personId, {
                      onSuccess: (c) =>
                        void message.success(t("trainings.certificateIssued", { number: c.number })),
                      onError: (e) => void message.error(errorMessage(e)),
                    })
                  }
                >
                  <Button
                    type="primary"
                    size="small"
                    loading={issue.isPending && issue.variables === p.personId}
                  >
                    {t("trainings.issueCertificate")}
                  </Button>
                </Popconfirm>
              ) : (
                <ToneTag tone="default">{t("trainings.incomplete")}</ToneTag>
              ),
          },
        ]}
      />
    </Card>
  );
}
