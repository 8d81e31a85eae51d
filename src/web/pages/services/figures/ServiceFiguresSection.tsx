/**
 * One set of service figures (a base's, a town's, an organization's): the totals, the 4Z
 * category × month chart with the same numbers in a table, and the deliveries by kind.
 */
import { Card, Col, Row, Statistic, Table, Typography } from "antd";
import { lazy, Suspense, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { type DeliveryKind, SERVICE_CATEGORIES } from "../../../../domain/services/categories";
import type { ServiceFiguresView } from "../../../../schemas/services/figures";

const CategoryMonthChart = lazy(() => import("./CategoryMonthChart"));

const percent = (n: number | null) => (n === null ? "—" : `${Math.round(n * 1000) / 10}%`);

export function ServiceTotals({ view, compact = false }: { view: ServiceFiguresView; compact?: boolean }) {
  const { t } = useTranslation();
  const { totals } = view;
  const span = compact ? { xs: 12, sm: 8 } : { xs: 12, sm: 8, lg: 4 };
  return (
    <Row gutter={[16, 16]}>
      <Col {...span}>
        <Statistic title={t("serviceFigures.deliveries")} value={totals.deliveries} />
      </Col>
      <Col {...span}>
        <Statistic title={t("serviceFigures.hours")} value={totals.hours} />
      </Col>
      <Col {...span}>
        <Statistic title={t("serviceFigures.organizations")} value={totals.organizations} />
      </Col>
      <Col {...span}>
        <Statistic
          title={t("serviceFigures.virtualShare")}
          value={totals.virtualOrganizations}
          suffix={<small>（{percent(totals.virtualShare)}）</small>}
        />
      </Col>
      <Col {...span}>
        <Statistic title={t("serviceFigures.persons")} value={totals.persons} />
      </Col>
      <Col {...span}>
        <Statistic
          title={t("serviceFigures.satisfaction")}
          value={totals.ratingMean ?? "—"}
          suffix={
            <small>
              {totals.ratingMean === null
                ? t("serviceFigures.notRated")
                : `/ 5 · ${t("serviceFigures.ratedShare", { share: percent(totals.ratedShare) })}`}
            </small>
          }
        />
      </Col>
    </Row>
  );
}

export function ServiceFiguresSection({ view, titleId }: { view: ServiceFiguresView; titleId: string }) {
  const { t } = useTranslation();
  const months = useMemo(() => view.byMonth.map((m) => m.month), [view]);
  const series = useMemo(
    () =>
      SERVICE_CATEGORIES.map((category) => ({
        category,
        name: t(`serviceFigures.category.${category}`),
        values: view.byMonth.map((m) => m.byCategory.find((c) => c.category === category)?.deliveries ?? 0),
      })),
    [view, t],
  );
  const rows = view.byMonth.map((m) => ({
    key: m.month,
    month: m.month,
    total: m.deliveries,
    hours: Math.round(m.minutes / 6) / 10,
    ...Object.fromEntries(m.byCategory.map((c) => [c.category, c.deliveries])),
  }));
  return (
    <>
      <ServiceTotals view={view} />
      <Card style={{ marginTop: 16 }}>
        <h3 id={titleId} className="hatchery-section-title">
          {t("serviceFigures.byCategoryMonth")}
        </h3>
        {view.totals.deliveries === 0 ? (
          <Typography.Paragraph type="secondary">{t("serviceFigures.none")}</Typography.Paragraph>
        ) : (
          <Suspense fallback={<div style={{ height: 280 }} />}>
            <CategoryMonthChart months={months} series={series} />
          </Suspense>
        )}
        <Table
          size="small"
          pagination={false}
          scroll={{ x: true }}
          dataSource={rows}
          aria-labelledby={titleId}
          columns={[
            { title: t("serviceFigures.month"), dataIndex: "month" },
            ...SERVICE_CATEGORIES.map((c) => ({
              title: t(`serviceFigures.category.${c}`),
              dataIndex: c,
              align: "right" as const,
            })),
            { title: t("serviceFigures.total"), dataIndex: "total", align: "right" as const },
            { title: t("serviceFigures.hours"), dataIndex: "hours", align: "right" as const },
          ]}
        />
      </Card>
      <Card style={{ marginTop: 16 }}>
        <h3 className="hatchery-section-title">{t("serviceFigures.byKind")}</h3>
        <Table
          size="small"
          pagination={false}
          dataSource={view.byKind.map((k) => ({ key: k.kind, ...k, hours: Math.round(k.minutes / 6) / 10 }))}
          columns={[
            {
              title: t("serviceFigures.kindColumn"),
              dataIndex: "kind",
              render: (k: DeliveryKind) => t(`serviceFigures.kind.${k}`),
            },
            { title: t("serviceFigures.deliveries"), dataIndex: "deliveries", align: "right" as const },
            { title: t("serviceFigures.hours"), dataIndex: "hours", align: "right" as const },
          ]}
        />
      </Card>
    </>
  );
}
