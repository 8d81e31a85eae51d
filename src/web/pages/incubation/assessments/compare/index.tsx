/**
 * 评估对比: two assessments of one organization on one instrument version (self against the
 * base's, or the baseline against a later phase): a table per dimension, a radar (ECharts, loaded
 * only here), and in words the largest gaps and the weakest dimensions. Printable on A4 (the
 * print stylesheet hides the app around it).
 */
import { PrinterOutlined } from "@ant-design/icons";
import { Button, Card, Flex, Table, Typography } from "antd";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import type { AssessmentComparisonView } from "../../../../../schemas/incubation/assessments";
import { useComparison } from "../../../../api/incubation/assessments";
import { formatDateTime } from "../../../../components/format";
import { PageHeader } from "../../../../components/PageHeader";
import { QueryError } from "../../../../components/QueryError";
import styles from "./print.module.css";

type Lang = "zhCN" | "en";
const langOf = (l: string): Lang => (l.startsWith("en") ? "en" : "zhCN");
const fixed = (v: number | null) => (v === null ? "—" : v.toFixed(2));
const signed = (v: number | null) => (v === null ? "—" : `${v > 0 ? "+" : ""}${v.toFixed(2)}`);

export default function ComparisonPage() {
  const [params] = useSearchParams();
  const first = params.get("first") ?? "";
  const second = params.get("second") ?? "";
  const query = useComparison(first, second);
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <Card loading />;
  return <Comparison data={query.data} />;
}

function Comparison({ data }: { data: AssessmentComparisonView }) {
  const { t, i18n } = useTranslation();
  const l = langOf(i18n.language);
  const label = (side: AssessmentComparisonView["first"]) =>
    `${t(`assessments.phase.${side.phase}`)} · ${t(`assessments.side.${side.side}`)}`;
  const firstLabel = label(data.first);
  const secondLabel = label(data.second);
  const names = new Map(data.dimensions.map((d) => [d.key, d]));
  const sep = t("assessments.comparison.listSeparator");
  const gaps = data.largestGaps
    .map((k) => names.get(k))
    .filter((d) => d !== undefined)
    .map((d) => t("assessments.comparison.gapItem", { name: d.name[l], difference: signed(d.difference) }))
    .join(sep);
  const weakest = data.weakest
    .map((k) => names.get(k))
    .filter((d) => d !== undefined)
    .map((d) => t("assessments.comparison.weakestItem", { name: d.name[l], score: fixed(d.second) }))
    .join(sep);

  return (
    <div className={styles.page}>
      <PageHeader
        title={t("assessments.comparison.title", { name: data.organizationName })}
        subTitle={t("assessments.comparison.subtitle", { first: firstLabel, second: secondLabel })}
        extra={
          <Button icon={<PrinterOutlined />} onClick={() => window.print()} className={styles.noPrint}>
            {t("assessments.comparison.print")}
          </Button>
        }
      />
      <Typography.Paragraph type="secondary">
        {t("assessments.instrument", { name: data.instrument.name, number: data.instrument.number })}
      </Typography.Paragraph>
      <Card size="small" title={t("assessments.comparison.radar")} style={{ marginBottom: 16 }}>
        <Radar data={data} lang={l} firstLabel={firstLabel} secondLabel={secondLabel} />
      </Card>
      <Table
        size="small"
        pagination={false}
        rowKey="key"
        dataSource={data.dimensions}
        columns={[
          {
            title: t("assessments.comparison.dimension"),
            dataIndex: "name",
            render: (n: { zhCN: string; en: string }) => n[l],
          },
          { title: t("assessments.comparison.weight"), dataIndex: "weight", align: "right" },
          { title: firstLabel, dataIndex: "first", align: "right", render: fixed },
          { title: secondLabel, dataIndex: "second", align: "right", render: fixed },
          {
            title: t("assessments.comparison.difference"),
            dataIndex: "difference",
            align: "right",
            render: signed,
          },
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>
              <strong>{t("assessments.comparison.total")}</strong>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">
              100
            </Table.Summary.Cell>
            <Table.Summary.Cell index={2} align="right">
              <strong>{fixed(data.total.first)}</strong>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={3} align="right">
              <strong>{fixed(data.total.second)}</strong>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={4} align="right">
              <strong>{signed(data.total.difference)}</strong>
            </Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
      <div className={styles.words}>
        <Typography.Paragraph>
          {gaps ? t("assessments.comparison.gaps", { list: gaps }) : t("assessments.comparison.noGaps")}
        </Typography.Paragraph>
        {weakest && (
          <Typography.Paragraph>
            {t("assessments.comparison.weakest", { second: secondLabel, list: weakest })}
          </Typography.Paragraph>
        )}
      </div>
      <Flex className={styles.printOnly}>
        <Typography.Text type="secondary">
          {t("assessments.comparison.printedAt", { time: formatDateTime(new Date().toISOString()) })}
        </Typography.Text>
      </Flex>
    </div>
  );
}

function Radar({
  data,
  lang,
  firstLabel,
  secondLabel,
}: {
  data: AssessmentComparisonView;
  lang: Lang;
  firstLabel: string;
  secondLabel: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const { t } = useTranslation();
  useEffect(() => {
    let disposed = false;
    let chart: { dispose(): void; resize(): void } | null = null;
    const onResize = () => chart?.resize();
    void import("echarts").then((echarts) => {
      if (disposed || !ref.current) return;
      const instance = echarts.init(ref.current, undefined, { renderer: "svg" });
      instance.setOption({
        aria: { enabled: true, label: { description: t("assessments.comparison.radar") } },
        animation: false,
        legend: { bottom: 0, itemGap: 24, data: [firstLabel, secondLabel] },
        tooltip: {},
        radar: {
          radius: "62%",
          center: ["50%", "46%"],
          indicator: data.dimensions.map((d) => ({ name: d.name[lang], max: 100, min: 0 })),
          axisName: { color: "#333" },
        },
        series: [
          {
            type: "radar",
            data: [
              {
                name: firstLabel,
                value: data.dimensions.map((d) => d.first ?? 0),
                itemStyle: { color: "#8c8c8c" },
                lineStyle: { type: "dashed" },
              },
              {
                name: secondLabel,
                value: data.dimensions.map((d) => d.second ?? 0),
                itemStyle: { color: "#1677ff" },
                areaStyle: { opacity: 0.15 },
              },
            ],
          },
        ],
      });
      chart = instance;
      window.addEventListener("resize", onResize);
      window.addEventListener("beforeprint", onResize);
    });
    return () => {
      disposed = true;
      window.removeEventListener("resize", onResize);
      window.removeEventListener("beforeprint", onResize);
      chart?.dispose();
    };
  }, [data, lang, firstLabel, secondLabel, t]);
  return <div ref={ref} className={styles.radar} data-testid="assessment-radar" />;
}
