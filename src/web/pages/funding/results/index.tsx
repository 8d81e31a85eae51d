/**
 * 项目成效 (/funding/projects/:id/results): what one project's money bought — KPIs, each
 * indicator's line against its dashed target with the same values in a table, spending against
 * budget, the grants, the replication sites. Staff, the organization, the granting partner and
 * the incubation's mentors read it (the server decides; others get its 404).
 */
import { Card, Col, Empty, Row, Skeleton, Statistic, Table, Tag, Typography } from "antd";
import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { formatFen } from "../../../../domain/funding/money";
import { parseHundredths } from "../../../../domain/funding/results";
import type { ProjectResults, ResultsIndicator } from "../../../../schemas/funding/results";
import { useProjectResults } from "../../../api/funding/results";
import { PageHeader } from "../../../components/PageHeader";
import { QueryError } from "../../../components/QueryError";

const IndicatorChart = lazy(() => import("./FundingCharts").then((m) => ({ default: m.IndicatorChart })));
const MoneyBars = lazy(() => import("./FundingCharts").then((m) => ({ default: m.MoneyBars })));

export const percentOf = (bp: number | null) => (bp === null ? "—" : `${(bp / 100).toFixed(2)}%`);
const num = (text: string) => (parseHundredths(text) ?? 0) / 100;

function Indicator({ indicator, index }: { indicator: ResultsIndicator; index: number }) {
  const { t } = useTranslation();
  const titleId = `indicator-${index}`;
  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      <h3 id={titleId} className="hatchery-section-title">
        {indicator.name}（{indicator.unit}）{" "}
        <Tag>{indicator.met ? t("fundingResults.results.met") : t("fundingResults.results.notMet")}</Tag>
      </h3>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t("fundingResults.results.baseline")} {indicator.baseline} · {t("fundingResults.results.target")}{" "}
        {indicator.target} · {t("fundingResults.results.latest")} {indicator.latest ?? "—"} ·{" "}
        {t("fundingResults.results.achievement")} {percentOf(indicator.achievementBp)}
      </Typography.Paragraph>
      {indicator.series.length > 1 ? (
        <Suspense fallback={<div style={{ height: 220 }} />}>
          <IndicatorChart
            points={indicator.series.map((p) => ({ on: p.on, value: num(p.value) }))}
            target={num(indicator.target)}
            unit={indicator.unit}
            names={{ value: t("fundingResults.results.value"), target: t("fundingResults.results.target") }}
          />
        </Suspense>
      ) : (
        <Typography.Paragraph type="secondary">{t("fundingResults.results.noValues")}</Typography.Paragraph>
      )}
      <Table
        size="small"
        pagination={false}
        aria-labelledby={titleId}
        rowKey={(p) => `${p.on}-${p.reportId ?? "baseline"}`}
        dataSource={indicator.series}
        columns={[
          { title: t("fundingResults.results.on"), dataIndex: "on" },
          {
            title: t("fundingResults.results.value"),
            dataIndex: "value",
            align: "right" as const,
            render: (v: string, p) => (p.baseline ? `${v}（${t("fundingResults.results.baseline")}）` : v),
          },
        ]}
      />
    </Card>
  );
}

function Spending({ r }: { r: ProjectResults }) {
  const { t } = useTranslation();
  const s = r.spending;
  const rows = [
    { key: "budget", label: t("fundingResults.results.budget"), fen: s.budgetFen },
    { key: "paid", label: t("fundingResults.results.paid"), fen: s.paidFen },
    { key: "spent", label: t("fundingResults.results.spent"), fen: s.spentFen },
    { key: "verified", label: t("fundingResults.results.verified"), fen: s.verifiedFen },
    { key: "remaining", label: t("fundingResults.results.remaining"), fen: s.remainingFen },
    { key: "owed", label: t("fundingResults.results.owed"), fen: s.owedFen },
  ];
  return (
    <Card style={{ marginTop: 16 }}>
      <h2 id="results-spending" className="hatchery-section-title">
        {t("fundingResults.results.spending")}
      </h2>
      <Suspense fallback={<div style={{ height: 280 }} />}>
        <MoneyBars
          categories={rows.slice(0, 4).map((x) => x.label)}
          series={[
            {
              name: t("fundingResults.results.amount"),
              fen: rows.slice(0, 4).map((x) => x.fen),
              color: "#1677ff",
            },
          ]}
        />
      </Suspense>
      <Table
        size="small"
        pagination={false}
        aria-labelledby="results-spending"
        dataSource={rows}
        columns={[
          { title: t("fundingResults.results.item"), dataIndex: "label" },
          {
            title: t("fundingResults.results.amount"),
            dataIndex: "fen",
            align: "right" as const,
            render: formatFen,
          },
        ]}
      />
    </Card>
  );
}

export default function ProjectResultsPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const results = useProjectResults(id);
  if (results.isError) return <QueryError error={results.error} onRetry={() => void results.refetch()} />;
  const r = results.data;
  return (
    <div aria-busy={results.isFetching}>
      <PageHeader
        title={
          r ? `${t("fundingResults.results.title")}：${r.project.title}` : t("fundingResults.results.title")
        }
      />
      {!r ? (
        <Card>
          <Skeleton active />
        </Card>
      ) : (
        <>
          <Typography.Paragraph type="secondary">
            {t("fundingResults.results.organization")}：{r.project.organizationName}。
            {t("fundingResults.results.intro")}
          </Typography.Paragraph>
          <Row gutter={[16, 16]}>
            {[
              [t("fundingResults.results.committed"), formatFen(r.spending.committedFen)],
              [t("fundingResults.results.paid"), formatFen(r.spending.paidFen)],
              [t("fundingResults.results.spent"), formatFen(r.spending.spentFen)],
              [t("fundingResults.results.people"), String(r.people)],
              [
                t("fundingResults.results.costPerPerson"),
                r.costPerPersonFen === null ? "—" : formatFen(r.costPerPersonFen),
              ],
              [t("fundingResults.results.owed"), formatFen(r.spending.owedFen)],
            ].map(([title, value]) => (
              <Col key={title} xs={12} sm={8} lg={4}>
                <Card size="small">
                  <Statistic title={title} value={value} />
                </Card>
              </Col>
            ))}
          </Row>
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
            {t("fundingResults.results.peopleHint")}
          </Typography.Paragraph>
          <h2 className="hatchery-section-title" style={{ marginTop: 16 }}>
            {t("fundingResults.results.indicators")}
          </h2>
          {r.indicators.length === 0 ? (
            <Empty description={t("fundingResults.results.noIndicators")} />
          ) : (
            r.indicators.map((i, n) => <Indicator key={i.id} indicator={i} index={n} />)
          )}
          <Spending r={r} />
          <Card style={{ marginTop: 16 }}>
            <h2 id="results-grants" className="hatchery-section-title">
              {t("fundingResults.results.grants")}
            </h2>
            <Table
              size="small"
              pagination={false}
              scroll={{ x: true }}
              rowKey="id"
              aria-labelledby="results-grants"
              dataSource={r.grants}
              columns={[
                { title: t("fundingResults.results.grantNumber"), dataIndex: "number" },
                { title: t("fundingResults.results.fund"), dataIndex: "fundName" },
                {
                  title: t("fundingResults.results.amount"),
                  dataIndex: "amountFen",
                  align: "right" as const,
                  render: formatFen,
                },
                {
                  title: t("fundingResults.results.paid"),
                  dataIndex: "paidFen",
                  align: "right" as const,
                  render: formatFen,
                },
                {
                  title: t("fundingResults.results.spent"),
                  dataIndex: "spentFen",
                  align: "right" as const,
                  render: formatFen,
                },
                {
                  title: t("fundingResults.results.period"),
                  key: "period",
                  render: (_: unknown, g) => `${g.startsOn} – ${g.endsOn}`,
                },
              ]}
            />
          </Card>
          <Card style={{ marginTop: 16 }}>
            <h2 id="results-sites" className="hatchery-section-title">
              {t("fundingResults.results.sites")}
            </h2>
            {r.replicationSites.length === 0 ? (
              <Typography.Paragraph>{t("fundingResults.results.noSites")}</Typography.Paragraph>
            ) : (
              <Table
                size="small"
                pagination={false}
                rowKey="id"
                aria-labelledby="results-sites"
                dataSource={r.replicationSites}
                columns={[
                  { title: t("fundingResults.results.town"), dataIndex: "town" },
                  { title: t("fundingResults.results.community"), dataIndex: "community" },
                  { title: t("fundingResults.results.year"), dataIndex: "year" },
                  { title: t("fundingResults.results.fundedBy"), dataIndex: "fundedBy" },
                ]}
              />
            )}
          </Card>
        </>
      )}
    </div>
  );
}
