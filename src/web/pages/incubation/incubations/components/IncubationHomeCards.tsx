/**
 * The incubations on the home page: staff see their to-do (baselines overdue, plans not agreed,
 * plan actions overdue, exits due within the window), an organization's member sees "我的孵化" (its incubation's status and dates).
 */
import { CarryOutOutlined, ExperimentOutlined, FieldTimeOutlined, ScheduleOutlined } from "@ant-design/icons";
import { Alert, Card, Empty, Row, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { IncubationWaiting } from "../../../../../schemas/incubation/incubations";
import { useDecision } from "../../../../api/admission/meeting";
import { useIncubationWaiting, useOrganizationIncubations } from "../../../../api/incubation/incubations";
import { useAccess } from "../../../../auth/session";
import { formatDate } from "../../../../components/format";
import { WaitingCard } from "../../../../components/WaitingCard";
import { IncubationWork } from "./IncubationWork";
import { IncubationStatusTag } from "./labels";

export function StaffIncubationWaiting() {
  const { t } = useTranslation();
  const access = useAccess();
  const waiting = useIncubationWaiting(access.incubationManage);
  if (!access.incubationManage || !waiting.data) return null;
  const w = waiting.data;
  const list = (items: IncubationWaiting["exitDue"]["items"], line: (day: string) => string) =>
    items.length === 0 ? (
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("incubations.home.nothing")} />
    ) : (
      <ul style={{ listStyle: "none", margin: 0, padding: 0 }}>
        {items.map((i) => (
          <li key={i.id} style={{ padding: "6px 0", borderBottom: "1px solid #f0f0f0" }}>
            <Link to={`/incubations/${i.id}`} style={{ fontWeight: 500 }}>
              {i.organizationName}
            </Link>
            <div style={{ fontSize: 12, color: "rgba(0,0,0,0.68)" }}>
              {i.cohortName} · {line(formatDate(i.day))}
            </div>
          </li>
        ))}
      </ul>
    );
  return (
    <section aria-label={t("incubations.home.title")} style={{ marginBottom: 16 }}>
      <Row gutter={[16, 16]}>
        <WaitingCard
          icon={<ExperimentOutlined />}
          title={t("incubations.home.baselineOverdue")}
          count={w.baselineOverdue.count}
          link="/incubations?due=baseline&sort=startOn&order=asc"
        >
          {list(w.baselineOverdue.items, (d) => t("incubations.home.started", { date: d }))}
        </WaitingCard>
        <WaitingCard
          icon={<ScheduleOutlined />}
          title={t("incubations.home.planNotAgreed")}
          count={w.planNotAgreed.count}
          link="/incubations?due=plan&sort=startOn&order=asc"
        >
          {list(w.planNotAgreed.items, (d) => t("incubations.home.started", { date: d }))}
        </WaitingCard>
        <WaitingCard
          icon={<CarryOutOutlined />}
          title={t("incubations.home.actionsOverdue")}
          count={w.actionsOverdue.count}
          link="/incubations?due=actions&sort=startOn&order=asc"
        >
          {list(w.actionsOverdue.items, (d) => t("incubations.home.started", { date: d }))}
        </WaitingCard>
        <WaitingCard
          icon={<FieldTimeOutlined />}
          title={t("incubations.home.exitDue")}
          count={w.exitDue.count}
          link="/incubations?due=exit&sort=plannedEndOn&order=asc"
        >
          {list(w.exitDue.items, (d) => t("incubations.home.ends", { date: d }))}
        </WaitingCard>
      </Row>
    </section>
  );
}

/** 我的孵化: the member's organization's incubations (the open one first). */
export function MyIncubationCard() {
  const { t } = useTranslation();
  const access = useAccess();
  const incubations = useOrganizationIncubations(access.isOrgMember ? access.myOrganizationId : null);
  if (!access.isOrgMember || !access.myOrganizationId || !incubations.data) return null;
  const items = incubations.data.items;
  const open = items.find((i) => i.status !== "graduated" && i.status !== "terminated");
  return (
    <>
      <Card
        style={{ marginBottom: 16 }}
        title={<h2 className="hatchery-card-title">{t("incubations.mine.title")}</h2>}
        data-testid="my-incubation"
      >
        {items.length === 0 ? (
          <Typography.Text type="secondary">{t("incubations.mine.none")}</Typography.Text>
        ) : (
          <ul style={{ listStyle: "none", margin: 0, padding: 0 }}>
            {items.map((i) => (
              <li key={i.id} style={{ padding: "6px 0" }}>
                <Link to={`/incubations/${i.id}`} style={{ fontWeight: 500 }}>
                  {i.cohortName}
                </Link>{" "}
                <IncubationStatusTag status={i.status} />
                <div style={{ fontSize: 13, color: "rgba(0,0,0,0.68)" }}>
                  {t("incubations.mine.period", {
                    start: formatDate(i.startOn),
                    end: formatDate(i.endedOn ?? i.plannedEndOn),
                  })}
                </div>
              </li>
            ))}
          </ul>
        )}
      </Card>
      {open && (
        <div style={{ marginBottom: 16 }}>
          <IncubationWork incubationId={open.id} organizationId={access.myOrganizationId} />
        </div>
      )}
    </>
  );
}

/** On an organization's page: its incubations, each linked; nothing when none. */
export function OrganizationIncubations({ organizationId }: { organizationId: string }) {
  const { t } = useTranslation();
  const incubations = useOrganizationIncubations(organizationId);
  const items = incubations.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      title={<h2 className="hatchery-card-title">{t("incubations.organization.title")}</h2>}
    >
      <ul style={{ margin: 0, paddingInlineStart: 18 }}>
        {items.map((i) => (
          <li key={i.id}>
            {/* Underlined: a link inside a line of text must not rely on its colour alone. */}
            <Link to={`/incubations/${i.id}`} style={{ textDecoration: "underline" }}>
              {i.cohortName}
            </Link>{" "}
            <IncubationStatusTag status={i.status} />{" "}
            {t("incubations.mine.period", {
              start: formatDate(i.startOn),
              end: formatDate(i.endedOn ?? i.plannedEndOn),
            })}
          </li>
        ))}
      </ul>
    </Card>
  );
}

/** On an admission decision: the incubation the confirmed place started. */
export function DecisionIncubationLink({ incubationId }: { incubationId: string | null | undefined }) {
  const { t } = useTranslation();
  if (!incubationId) return null;
  return (
    <Link to={`/incubations/${incubationId}`} data-testid="decision-incubation-link">
      {t("incubations.decisionLink")}
    </Link>
  );
}

/** On the staff's application page: once the place is confirmed, the incubation it started. */
export function ApplicationIncubationAlert({
  applicationId,
  status,
}: {
  applicationId: string;
  status: string;
}) {
  const decision = useDecision(applicationId, status === "confirmed");
  if (status !== "confirmed" || !decision.data?.incubationId) return null;
  return (
    <Alert
      type="success"
      showIcon
      style={{ marginBottom: 16 }}
      message={<DecisionIncubationLink incubationId={decision.data.incubationId} />}
    />
  );
}
