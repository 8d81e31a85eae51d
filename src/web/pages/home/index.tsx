import {
  AuditOutlined,
  CloudOutlined,
  HomeOutlined,
  ShopOutlined,
  TeamOutlined,
  UsergroupAddOutlined,
} from "@ant-design/icons";
import { Card, Col, Row, Skeleton, Statistic } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useHomeStats } from "../../api/platform/reference";
import { useAccess, useCurrentUser } from "../../auth/session";
import { RoleTags } from "../../components/labels";
import { PageHeader } from "../../components/PageHeader";
import { QueryError } from "../../components/QueryError";
import { AdmissionWaiting } from "../admission/decisions/AdmissionWaiting";
import { MyReviewsCard } from "../admission/reviews/MyReviewsCard";
import { RoundsShortCard } from "../admission/rounds/RoundsShortCard";
import {
  MyIncubationCard,
  StaffIncubationWaiting,
} from "../incubation/incubations/components/IncubationHomeCards";
import { ServiceFiguresCard } from "../services/figures/ServiceFiguresCard";
import {
  MemberSessionsCard,
  MentorHomeCards,
  StaffMentoringWaiting,
} from "../services/mentoring/home/MentoringHomeCards";
import { IndividualHomeCard } from "../services/people/HomeCard";
import { NewPostsCard } from "../services/posts/components/NewPostsCard";
import { HandlerRequestsCard } from "../services/requests/HandlerHomeCard";
import { MemberRequestsCard } from "../services/requests/MemberRequestsCard";
import { StaffServiceWaiting } from "../services/requests/StaffServiceWaiting";
import { TrainingHomeCard } from "../services/trainings/HomeCards";
import { ExpertCard, PendingInvitations } from "./ExpertCard";
import { FundingHomeCards } from "./FundingHomeCards";
import { FiguresHome } from "./figures/FiguresHome";
import { GuestHome } from "./GuestHome";
import { MyApplicationsCard } from "./MyApplicationsCard";
import { MyInspectionsCard } from "./MyInspectionsCard";
import { ShareList } from "./ShareList";
import { StaffWaiting } from "./StaffWaiting";

export default function HomePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const access = useAccess();
  // Viewers and liaisons read the recruitment figures (which include the registry's); staff
  // keep their to-do and the registry figures below.
  const figuresHome = access.recruitmentFigures && !access.applicationQueue;
  // The registry's figures are the base's business; a member would see their own organization
  // counted as "1 of 1" (the server scopes them), which tells them nothing.
  const registryStats = access.organizationList && !figuresHome;
  const stats = useHomeStats({ enabled: registryStats });

  return (
    <>
      <PageHeader
        title={t("home.title")}
        subTitle={
          <span style={{ display: "inline-flex", flexWrap: "wrap", gap: 8, alignItems: "center" }}>
            <span>{t("home.welcome", { name: user.displayName })}</span>
            <span>{t("home.base", { base: user.baseName })}</span>
            <RoleTags roles={user.roles} />
          </span>
        }
      />
      <MentorHomeCards />
      <HandlerRequestsCard />
      <MemberSessionsCard />
      <MemberRequestsCard />
      {/* A member's and a partner's funding card; staff's is with the to-do below. */}
      {!access.fundingManage && <FundingHomeCards />}
      <MyIncubationCard />
      <IndividualHomeCard />
      <TrainingHomeCard />
      <NewPostsCard />
      <MyApplicationsCard />
      <StaffWaiting />
      <StaffIncubationWaiting />
      {access.fundingManage && <FundingHomeCards />}
      {access.serviceManage && (
        // The 4Z services' to-do: one row, the mentor pairings' card and the service desk's.
        <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
          <StaffMentoringWaiting />
          <StaffServiceWaiting />
        </Row>
      )}
      <PendingInvitations />
      <ExpertCard />
      <RoundsShortCard />
      <MyReviewsCard />
      <AdmissionWaiting />
      <MyInspectionsCard />
      <GuestHome />
      {figuresHome && <ServiceFiguresCard />}
      {figuresHome && <FiguresHome />}
      {!registryStats ? null : stats.isError ? (
        <QueryError error={stats.error} onRetry={() => void stats.refetch()} />
      ) : !stats.data ? (
        <Card>
          <Skeleton active />
        </Card>
      ) : (
        <>
          <Row gutter={[16, 16]}>
            <StatCard
              title={t("home.organizations")}
              value={stats.data.organizations}
              icon={<ShopOutlined />}
            />
            <StatCard title={t("home.resident")} value={stats.data.resident} icon={<HomeOutlined />} />
            <StatCard title={t("home.virtual")} value={stats.data.virtual} icon={<CloudOutlined />} />
            <StatCard
              title={t("home.unregistered")}
              value={stats.data.unregistered}
              icon={<UsergroupAddOutlined />}
            />
            {stats.data.users !== null && (
              <StatCard title={t("home.users")} value={stats.data.users} icon={<TeamOutlined />} />
            )}
            {stats.data.auditToday !== null && (
              <StatCard title={t("home.auditToday")} value={stats.data.auditToday} icon={<AuditOutlined />} />
            )}
          </Row>
          <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
            <Col xs={24} lg={12}>
              <Card title={<h2 className="hatchery-card-title">{t("home.byField")}</h2>}>
                <ShareList
                  total={stats.data.organizations}
                  rows={stats.data.byField.map((row) => ({
                    key: row.field,
                    label: t(`field.${row.field}`, { defaultValue: row.field }),
                    count: row.count,
                  }))}
                />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card title={<h2 className="hatchery-card-title">{t("home.byTown")}</h2>}>
                <ShareList
                  total={stats.data.organizations}
                  rows={stats.data.byTown.map((row) => ({
                    key: row.townId,
                    label: row.townName,
                    count: row.count,
                  }))}
                />
              </Card>
            </Col>
          </Row>
        </>
      )}
    </>
  );
}

function StatCard({ title, value, icon }: { title: string; value: number; icon: ReactNode }) {
  return (
    <Col xs={12} md={12} xl={6}>
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
