/** One base's (or one town's) figures: calls, the funnel, statuses, tracks, towns, the registry. */
import {
  CheckCircleOutlined,
  ClockCircleOutlined,
  FileTextOutlined,
  NotificationOutlined,
} from "@ant-design/icons";
import { Card, Col, Row, Statistic } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { FiguresSection } from "../../../../schemas/recruitment/figures";
import { useRecruitmentLabels } from "../../../components/recruitmentLabels";
import { ShareList } from "../ShareList";
import { FunnelCard } from "./FunnelCard";
import { StageTable } from "./StageTable";

export function FiguresSectionView({ section, heading }: { section: FiguresSection; heading: "h3" | "h4" }) {
  const { t } = useTranslation();
  const labels = useRecruitmentLabels();
  const Heading = heading;
  const title = (text: string) => <Heading className="hatchery-card-title">{text}</Heading>;
  const { calls, applications, organizations } = section;
  const hasTowns = applications.byTown.length > 0; // a liaison's figures are one town's
  return (
    <>
      <Row gutter={[16, 16]}>
        <Figure title={t("homes.figures.callsOpen")} value={calls.open} icon={<NotificationOutlined />} />
        <Figure
          title={t("homes.figures.callsUpcoming")}
          value={calls.upcoming}
          icon={<ClockCircleOutlined />}
        />
        <Figure title={t("homes.figures.callsClosed")} value={calls.closed} icon={<CheckCircleOutlined />} />
        <Figure
          title={t("homes.figures.applications")}
          value={applications.funnel.started}
          icon={<FileTextOutlined />}
        />
      </Row>
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} xl={14}>
          <FunnelCard funnel={applications.funnel} heading={heading} />
        </Col>
        <Col xs={24} xl={10}>
          <Card title={title(t("homes.figures.byStatus"))} style={{ height: "100%" }}>
            <ShareList
              total={applications.funnel.started}
              countText={(count) => t("homes.figures.applicationCount", { count })}
              labelWidth="minmax(96px, 40%)"
              rows={applications.byStatus.map((row) => ({
                key: row.status,
                label: labels.applicationStatus[row.status],
                count: row.count,
              }))}
            />
          </Card>
        </Col>
        {/* In pairs of about the same height: tracks beside kinds (four rows each), towns beside fields. */}
        <Col xs={24} lg={12}>
          <Card title={title(t("homes.figures.byTrack"))} style={{ height: "100%" }}>
            <StageTable
              caption={t("homes.figures.byTrack")}
              labelColumn={t("homes.figures.trackColumn")}
              rows={applications.byTrack.map((row) => ({
                key: row.track,
                label: labels.track[row.track],
                ...row,
              }))}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card
            title={title(t("homes.figures.byKind"))}
            extra={t("homes.figures.organizationsTotal", { count: organizations.total })}
            style={{ height: "100%" }}
          >
            <ShareList
              total={organizations.total}
              rows={organizations.byKind.map((row) => ({
                key: row.kind,
                label: t(`registrationStatus.${row.kind}`),
                count: row.count,
              }))}
            />
          </Card>
        </Col>
        {hasTowns && (
          <Col xs={24} lg={12}>
            <Card title={title(t("homes.figures.byTown"))} style={{ height: "100%" }}>
              <StageTable
                caption={t("homes.figures.byTown")}
                labelColumn={t("homes.figures.townColumn")}
                rows={applications.byTown.map((row) => ({
                  key: row.townId ?? "none",
                  label: row.townName ?? t("homes.figures.noTown"),
                  ...row,
                }))}
              />
            </Card>
          </Col>
        )}
        <Col xs={24} lg={hasTowns ? 12 : 24}>
          <Card title={title(t("homes.figures.byField"))} style={{ height: "100%" }}>
            <ShareList
              total={organizations.total}
              rows={organizations.byField.map((row) => ({
                key: row.field,
                label: t(`field.${row.field}`, { defaultValue: row.field }),
                count: row.count,
              }))}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}

function Figure({ title, value, icon }: { title: string; value: number; icon: ReactNode }) {
  return (
    <Col xs={12} xl={6}>
      <Card size="small" styles={{ body: { padding: "16px 20px" } }}>
        <Statistic
          title={title}
          value={value}
          prefix={
            <span aria-hidden style={{ color: "#0958d9", marginInlineEnd: 4 }}>
              {icon}
            </span>
          }
        />
      </Card>
    </Col>
  );
}
