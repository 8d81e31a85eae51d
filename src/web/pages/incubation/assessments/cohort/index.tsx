/**
 * 基线分布 (staff): a cohort's submitted base assessments at the baseline, per dimension a box
 * (lowest, quartiles, median, highest; ECharts, loaded only here) with the figures in a table,
 * and the organizations that have no baseline yet.
 */
import { Card, Empty, List, Table, Typography } from "antd";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { CohortDistribution } from "../../../../../schemas/incubation/assessments";
import { useCohortDistribution } from "../../../../api/incubation/assessments";
import { PageHeader } from "../../../../components/PageHeader";
import { QueryError } from "../../../../components/QueryError";

type Lang = "zhCN" | "en";
const fixed = (v: number | null) => (v === null ? "—" : v.toFixed(2));

export default function CohortBaselinePage() {
  const { id = "" } = useParams();
  const query = useCohortDistribution(id);
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <Card loading />;
  return <Distribution data={query.data} />;
}

function Distribution({ data }: { data: CohortDistribution }) {
  const { t, i18n } = useTranslation();
  const l: Lang = i18n.language.startsWith("en") ? "en" : "zhCN";
  return (
    <div style={{ maxWidth: 1100 }}>
      <PageHeader title={t("assessments.cohort.title", { name: data.cohort.name })} />
      <Typography.Paragraph type="secondary">{t("assessments.cohort.help")}</Typography.Paragraph>
      {data.total.n > 0 && (
        <Typography.Paragraph>
          {t("assessments.cohort.totalMedian", { value: fixed(data.total.median), n: data.total.n })}
        </Typography.Paragraph>
      )}
      <Card size="small" title={t("assessments.cohort.chart")} style={{ marginBottom: 16 }}>
        {data.total.n === 0 ? <Empty /> : <BoxPlot data={data} lang={l} />}
      </Card>
      <Table
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={data.dimensions}
        columns={[
          {
            title: t("assessments.comparison.dimension"),
            dataIndex: "name",
            render: (n: { zhCN: string; en: string }) => n[l],
          },
          { title: t("assessments.cohort.n"), dataIndex: "n", align: "right" },
          { title: t("assessments.cohort.min"), dataIndex: "min", align: "right", render: fixed },
          { title: t("assessments.cohort.q1"), dataIndex: "q1", align: "right", render: fixed },
          { title: t("assessments.cohort.median"), dataIndex: "median", align: "right", render: fixed },
          { title: t("assessments.cohort.q3"), dataIndex: "q3", align: "right", render: fixed },
          { title: t("assessments.cohort.max"), dataIndex: "max", align: "right", render: fixed },
        ]}
      />
      <Card
        size="small"
        title={t("assessments.cohort.missing", { count: data.missing.length })}
        style={{ marginTop: 16 }}
      >
        {data.missing.length === 0 ? (
          <Typography.Text type="secondary">{t("assessments.cohort.none")}</Typography.Text>
        ) : (
          <List
            size="small"
            dataSource={data.missing}
            renderItem={(m) => (
              <List.Item>
                <Link to={`/incubations/${m.incubationId}/assessments`}>{m.organizationName}</Link>
              </List.Item>
            )}
          />
        )}
      </Card>
    </div>
  );
}

function BoxPlot({ data, lang }: { data: CohortDistribution; lang: Lang }) {
  const ref = useRef<HTMLDivElement>(null);
  const { t } = useTranslation();
  useEffect(() => {
    let disposed = false;
    let chart: { dispose(): void; resize(): void } | null = null;
    const onResize = () => chart?.resize();
    void import("echarts").then((echarts) => {
      if (disposed || !ref.current) return;
      const dims = data.dimensions.filter((d) => d.n > 0);
      const instance = echarts.init(ref.current, undefined, { renderer: "svg" });
      instance.setOption({
        aria: { enabled: true, label: { description: t("assessments.cohort.chart") } },
        animation: false,
        tooltip: { trigger: "item" },
        grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
        xAxis: { type: "category", data: dims.map((d) => d.name[lang]), axisLabel: { interval: 0 } },
        yAxis: { type: "value", min: 0, max: 100 },
        series: [
          {
            type: "boxplot",
            data: dims.map((d) => [d.min, d.q1, d.median, d.q3, d.max]),
            itemStyle: { color: "#e6f4ff", borderColor: "#1677ff" },
          },
          {
            type: "scatter",
            symbolSize: 6,
            itemStyle: { color: "#595959" },
            data: dims.flatMap((d, i) => d.values.map((v) => [i, v])),
          },
        ],
      });
      chart = instance;
      window.addEventListener("resize", onResize);
    });
    return () => {
      disposed = true;
      window.removeEventListener("resize", onResize);
      chart?.dispose();
    };
  }, [data, lang, t]);
  return <div ref={ref} style={{ width: "100%", height: 360 }} data-testid="cohort-boxplot" />;
}
