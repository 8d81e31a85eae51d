/**
 * The recruitment funnel: the ECharts drawing (its own lazily loaded chunk) beside a data table
 * of the same numbers, which is what screen readers read and where the stage names are.
 */
import { Card, Col, Row, Skeleton, Typography } from "antd";
import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";
import type { FiguresSection } from "../../../../schemas/recruitment/figures";
import { FUNNEL_COLORS, FUNNEL_STAGES } from "./stages";

const FunnelChart = lazy(() => import("./FunnelChart"));

export function FunnelCard({
  funnel,
  heading,
}: {
  funnel: FiguresSection["applications"]["funnel"];
  heading: "h3" | "h4";
}) {
  const { t } = useTranslation();
  const Heading = heading;
  const stages = FUNNEL_STAGES.map((key) => ({
    key,
    name: t(`homes.figures.stage.${key}`),
    value: funnel[key],
  }));
  return (
    <Card
      title={<Heading className="hatchery-card-title">{t("homes.figures.funnel")}</Heading>}
      style={{ height: "100%" }}
    >
      <Row gutter={[24, 16]} align="middle">
        <Col xs={24} md={10}>
          {funnel.started === 0 ? (
            <Typography.Text type="secondary">{t("homes.figures.noApplications")}</Typography.Text>
          ) : (
            <Suspense fallback={<Skeleton.Node active style={{ width: "100%", height: 220 }} />}>
              <FunnelChart stages={stages} />
            </Suspense>
          )}
        </Col>
        <Col xs={24} md={14}>
          <table className="hatchery-figure-table">
            <caption className="hatchery-visually-hidden">{t("homes.figures.funnelTable")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("homes.figures.stageColumn")}</th>
                <th scope="col" className="number">
                  {t("homes.figures.countColumn")}
                </th>
                <th scope="col" className="number">
                  {t("homes.figures.rateColumn")}
                </th>
              </tr>
            </thead>
            <tbody>
              {stages.map((stage, i) => {
                const before = i > 0 ? stages[i - 1]?.value : undefined;
                return (
                  <tr key={stage.key}>
                    <th scope="row">
                      <span className="stage">
                        <span
                          aria-hidden
                          className="swatch"
                          style={{ background: FUNNEL_COLORS[stage.key] }}
                        />
                        {stage.name}
                      </span>
                    </th>
                    <td className="number">{stage.value}</td>
                    <td className="number">
                      {before ? `${Math.round((stage.value / before) * 100)}%` : t("common.empty")}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0, fontSize: 13 }}>
            {t("homes.figures.funnelHint")}
          </Typography.Paragraph>
        </Col>
      </Row>
    </Card>
  );
}
