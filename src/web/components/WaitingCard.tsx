/**
 * One card of a staff home's to-do: an icon, a title with the count (red when anything waits),
 * "view all" to the filtered list, and the first few items. The recruitment's, the inspections'
 * and the incubations' cards are all this one.
 */
import { Badge, Card, Col } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

export function WaitingCard(props: {
  icon: ReactNode;
  title: string;
  count: number;
  link?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    // Four abreast only on very wide screens: at a laptop's 1366 px a title, its count and
    // "view all" do not fit in a quarter.
    <Col xs={24} md={12} xl={8} xxl={6}>
      <Card
        size="small"
        style={{ height: "100%" }}
        title={
          <h2 className="hatchery-card-title" style={{ display: "flex", gap: 8, alignItems: "center" }}>
            <span aria-hidden style={{ color: "#0958d9" }}>
              {props.icon}
            </span>
            {props.title}
            <Badge
              count={props.count}
              showZero
              color={props.count > 0 ? "#cf1322" : "#8c8c8c"}
              overflowCount={999}
            />
          </h2>
        }
        extra={props.link && props.count > 0 ? <Link to={props.link}>{t("common.viewAll")}</Link> : null}
      >
        {props.children}
      </Card>
    </Col>
  );
}
