/**
 * 资金数据 (/funding/figures): the base's money committed, disbursed and spent by fund, fund kind,
 * track and year, what is owed, indicator achievement by track and projects by status, with one
 * chart and the .xlsx of the same numbers. For staff and government viewers.
 */
import { DownloadOutlined } from "@ant-design/icons";
import { App, Button, Card, Col, Flex, Row, Select, Skeleton, Statistic, Table, Typography } from "antd";
import { lazy, Suspense, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { FundKind, ProjectStatus } from "../../../../domain/funding/grant";
import { formatFen } from "../../../../domain/funding/money";
import type { FundingFigures, Money } from "../../../../schemas/funding/figures";
import { downloadFundingFigures, useFundingFigures } from "../../../api/funding/results";
import { PageHeader } from "../../../components/PageHeader";
import { QueryError } from "../../../components/QueryError";
import { useRecruitmentLabels } from "../../../components/recruitmentLabels";
import { percentOf } from "../results";

const MoneyBars = lazy(() => import("../results/FundingCharts").then((m) => ({ default: m.MoneyBars })));

function MoneyTable<T extends Money>({
  id,
  title,
  rows,
  label,
  labelTitle,
  total,
}: {
  id: string;
  title: string;
  rows: T[];
  label: (row: T) => string;
  labelTitle: string;
  total: Money;
}) {
  const { t } = useTranslation();
  const money = (key: keyof Money, name: string) => ({
    title: name,
    dataIndex: key,
    align: "right" as const,
    render: (fen: number) => formatFen(fen),
  });
  return (
    <Card style={{ marginTop: 16 }}>
      <h2 id={id} className="hatchery-section-title">
        {title}
      </h2>
      <Table
        size="small"
        pagination={false}
        scroll={{ x: true }}
        aria-labelledby={id}
        dataSource={[
          ...rows.map((r, i) => ({ ...r, key: String(i), label: label(r) })),
          { ...total, key: "total", label: "合计" },
        ]}
        columns={[
          { title: labelTitle, dataIndex: "label" },
          money("committedFen", t("fundingResults.figures.committed")),
          money("disbursedFen", t("fundingResults.figures.disbursed")),
          money("spentFen", t("fundingResults.figures.spent")),
        ]}
      />
    </Card>
  );
}

function Figures({ f }: { f: FundingFigures }) {
  const { t } = useTranslation();
  const labels = useRecruitmentLabels();
  const kind = (k: FundKind) => t(`fundingResults.kind.${k}` as const);
  return (
    <>
      <Row gutter={[16, 16]}>
        {(
          [
            ["committed", f.totals.committedFen],
            ["disbursed", f.totals.disbursedFen],
            ["spent", f.totals.spentFen],
            ["owed", f.totals.owedFen],
          ] as const
        ).map(([key, fen]) => (
          <Col key={key} xs={12} lg={6}>
            <Card size="small">
              <Statistic title={`${t(`fundingResults.figures.${key}`)}（元）`} value={formatFen(fen)} />
            </Card>
          </Col>
        ))}
      </Row>
      <Card style={{ marginTop: 16 }}>
        <h2 className="hatchery-section-title">{t("fundingResults.figures.chart")}</h2>
        <Suspense fallback={<div style={{ height: 280 }} />}>
          <MoneyBars
            categories={f.byFund.map((x) => x.name)}
            series={[
              {
                name: t("fundingResults.figures.committed"),
                fen: f.byFund.map((x) => x.committedFen),
                color: "#1677ff",
              },
              {
                name: t("fundingResults.figures.disbursed"),
                fen: f.byFund.map((x) => x.disbursedFen),
                color: "#13a8a8",
              },
              {
                name: t("fundingResults.figures.spent"),
                fen: f.byFund.map((x) => x.spentFen),
                color: "#d48806",
              },
            ]}
          />
        </Suspense>
        <Table
          size="small"
          pagination={false}
          scroll={{ x: true }}
          rowKey="fundId"
          aria-label={t("fundingResults.figures.byFund")}
          dataSource={f.byFund}
          columns={[
            { title: t("fundingResults.figures.fund"), dataIndex: "name" },
            { title: t("fundingResults.figures.kind"), dataIndex: "kind", render: kind },
            ...(
              [
                ["capacityFen", t("fundingResults.figures.capacity")],
                ["committedFen", t("fundingResults.figures.committed")],
                ["disbursedFen", t("fundingResults.figures.disbursed")],
                ["spentFen", t("fundingResults.figures.spent")],
                ["owedFen", t("fundingResults.figures.owed")],
              ] as const
            ).map(([key, title]) => ({
              title,
              dataIndex: key,
              align: "right" as const,
              render: (fen: number) => formatFen(fen),
            })),
          ]}
        />
      </Card>
      <Card style={{ marginTop: 16 }}>
        <h2 id="figures-top" className="hatchery-section-title">
          {t("fundingResults.figures.topProjects")}
        </h2>
        <Table
          size="small"
          pagination={false}
          scroll={{ x: true }}
          rowKey="projectId"
          aria-labelledby="figures-top"
          dataSource={f.topProjects}
          columns={[
            {
              title: t("fundingResults.figures.project"),
              dataIndex: "title",
              render: (title: string, p) => (
                <Link to={`/funding/projects/${p.projectId}/results`}>{title}</Link>
              ),
            },
            { title: t("fundingResults.results.organization"), dataIndex: "organizationName" },
            {
              title: t("fundingResults.figures.status"),
              dataIndex: "status",
              render: (s: ProjectStatus) => t(`fundingResults.projectStatus.${s}` as const),
            },
            ...(
              [
                ["committedFen", t("fundingResults.figures.committed")],
                ["disbursedFen", t("fundingResults.figures.disbursed")],
                ["spentFen", t("fundingResults.figures.spent")],
              ] as const
            ).map(([key, title]) => ({
              title,
              dataIndex: key,
              align: "right" as const,
              render: (fen: number) => formatFen(fen),
            })),
          ]}
        />
      </Card>
      <MoneyTable
        id="figures-kind"
        title={t("fundingResults.figures.byKind")}
        labelTitle={t("fundingResults.figures.kind")}
        rows={f.byKind}
        label={(r) => kind(r.kind)}
        total={f.totals}
      />
      <MoneyTable
        id="figures-track"
        title={t("fundingResults.figures.byTrack")}
        labelTitle={t("fundingResults.figures.track")}
        rows={f.byTrack}
        label={(r) => labels.track[r.track]}
        total={f.totals}
      />
      <MoneyTable
        id="figures-year"
        title={t("fundingResults.figures.byYear")}
        labelTitle={t("fundingResults.figures.year")}
        rows={f.byYear}
        label={(r) => String(r.year)}
        total={f.totals}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card style={{ marginTop: 16 }}>
            <h2 id="figures-achievement" className="hatchery-section-title">
              {t("fundingResults.figures.achievement")}
            </h2>
            <Table
              size="small"
              pagination={false}
              scroll={{ x: true }}
              rowKey="track"
              aria-labelledby="figures-achievement"
              dataSource={f.achievement}
              columns={[
                {
                  title: t("fundingResults.figures.track"),
                  dataIndex: "track",
                  render: (k: keyof typeof labels.track) => labels.track[k],
                },
                {
                  title: t("fundingResults.figures.indicators"),
                  dataIndex: "indicators",
                  align: "right" as const,
                },
                {
                  title: t("fundingResults.figures.measured"),
                  dataIndex: "measured",
                  align: "right" as const,
                },
                { title: t("fundingResults.figures.metCount"), dataIndex: "met", align: "right" as const },
                {
                  title: t("fundingResults.figures.metShare"),
                  dataIndex: "metBp",
                  align: "right" as const,
                  render: percentOf,
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card style={{ marginTop: 16 }}>
            <h2 id="figures-projects" className="hatchery-section-title">
              {t("fundingResults.figures.projects")}
            </h2>
            <Table
              size="small"
              pagination={false}
              rowKey="status"
              aria-labelledby="figures-projects"
              dataSource={f.projectsByStatus}
              columns={[
                {
                  title: t("fundingResults.figures.status"),
                  dataIndex: "status",
                  render: (s: ProjectStatus) => t(`fundingResults.projectStatus.${s}` as const),
                },
                { title: t("fundingResults.figures.count"), dataIndex: "projects", align: "right" as const },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}

export default function FundingFiguresPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [year, setYear] = useState<number | undefined>(undefined);
  const query = year ? { year } : {};
  const figures = useFundingFigures(query);
  const now = new Date().getFullYear();
  const exportFile = () =>
    downloadFundingFigures(query).catch((error: Error) => void message.error(error.message));
  return (
    <div aria-busy={figures.isFetching}>
      <PageHeader
        title={t("fundingResults.figures.title")}
        extra={
          <Button icon={<DownloadOutlined aria-hidden />} onClick={exportFile}>
            {t("fundingResults.figures.export")}
          </Button>
        }
      />
      <Typography.Paragraph type="secondary">{t("fundingResults.figures.intro")}</Typography.Paragraph>
      <Flex wrap gap={8} align="center" style={{ marginBottom: 16 }}>
        <span id="funding-year">{t("fundingResults.figures.year")}</span>
        <Select
          aria-labelledby="funding-year"
          style={{ width: 140 }}
          value={year ?? 0}
          onChange={(v) => setYear(v === 0 ? undefined : v)}
          options={[
            { value: 0, label: t("fundingResults.figures.allYears") },
            ...Array.from({ length: 5 }, (_, i) => ({ value: now - i, label: String(now - i) })),
          ]}
        />
      </Flex>
      {figures.isError ? (
        <QueryError error={figures.error} onRetry={() => void figures.refetch()} />
      ) : !figures.data ? (
        <Card>
          <Skeleton active />
        </Card>
      ) : (
        <Figures f={figures.data} />
      )}
    </div>
  );
}
