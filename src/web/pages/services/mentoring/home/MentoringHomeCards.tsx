/**
 * The mentor programme on the homes: a mentor's organizations and action items coming due (phone
 * and laptop), a member's sessions to confirm, and the staff's to-do card (incubations without a
 * mentor, disputed sessions).
 */

import { TeamOutlined } from "@ant-design/icons";
import { Button, Card, Col, Empty, Flex, List, Row, Space, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useMentorHome, useMentoringWaiting, useSessionsToAnswer } from "../../../../api/services/mentoring";
import { useCurrentUser } from "../../../../auth/session";
import { ToneTag } from "../../../../components/labels";
import { QueryError } from "../../../../components/QueryError";
import { WaitingCard } from "../../../../components/WaitingCard";
import { SessionItem } from "../incubation/SessionList";

export function MentorHomeCards() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const home = useMentorHome(user.roles.includes("mentor"));
  if (!user.roles.includes("mentor")) return null;
  if (home.error) return <QueryError error={home.error} onRetry={() => void home.refetch()} />;
  if (!home.data) return null;
  const { organizations, dueActions } = home.data;
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      <Col xs={24} lg={14}>
        <Card title={<h2 className="hatchery-card-title">{t("mentoring.home.mentorTitle")}</h2>}>
          {organizations.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("mentoring.home.none")} />
          ) : (
            <List
              dataSource={organizations}
              renderItem={(o) => (
                <List.Item>
                  <Flex vertical gap={4} style={{ width: "100%" }}>
                    <Flex justify="space-between" gap={8} wrap align="center">
                      <Link to={`/incubations/${o.incubationId}/mentoring`}>
                        <Typography.Text strong>{o.organizationName}</Typography.Text>
                      </Link>
                      <Link to={`/incubations/${o.incubationId}/mentoring`}>
                        <Button size="small" type={o.sessionDue ? "primary" : "default"}>
                          {t("mentoring.log")}
                        </Button>
                      </Link>
                    </Flex>
                    <Space wrap size={[8, 4]}>
                      <Typography.Text type="secondary">
                        {t("mentoring.home.lastSession")}：{o.lastSessionOn ?? t("mentoring.home.never")}
                      </Typography.Text>
                      {o.sessionDue && <ToneTag tone="orange">{t("mentoring.home.due")}</ToneTag>}
                      {o.openActions > 0 && (
                        <Tag>{t("mentoring.home.openActions", { count: o.openActions })}</Tag>
                      )}
                      {o.overdueActions > 0 && (
                        <ToneTag tone="red">
                          {t("mentoring.home.overdueActions", { count: o.overdueActions })}
                        </ToneTag>
                      )}
                    </Space>
                  </Flex>
                </List.Item>
              )}
            />
          )}
        </Card>
      </Col>
      <Col xs={24} lg={10}>
        <Card title={<h2 className="hatchery-card-title">{t("mentoring.home.dueTitle")}</h2>}>
          {dueActions.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("mentoring.home.noDue")} />
          ) : (
            <List
              dataSource={dueActions}
              renderItem={(a) => (
                <List.Item>
                  <Flex vertical gap={2}>
                    <Link to={`/incubations/${a.incubationId}/mentoring`}>{a.title}</Link>
                    <Space wrap size={[8, 4]}>
                      <Typography.Text type="secondary">
                        {a.organizationName} · {t(`mentoring.ownerOf.${a.owner}`)} · {a.dueOn}
                      </Typography.Text>
                      {a.overdue && <ToneTag tone="red">{t("mentoring.home.overdue")}</ToneTag>}
                    </Space>
                  </Flex>
                </List.Item>
              )}
            />
          )}
        </Card>
      </Col>
    </Row>
  );
}

export function MemberSessionsCard() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const isMember = user.roles.includes("org_member") && !!user.organizationId;
  const sessions = useSessionsToAnswer(isMember);
  if (!isMember || !sessions.data || sessions.data.items.length === 0) return null;
  return (
    <Card
      title={<h2 className="hatchery-card-title">{t("mentoring.home.toAnswerTitle")}</h2>}
      style={{ marginBottom: 16 }}
    >
      <Typography.Paragraph type="secondary">{t("mentoring.home.toAnswerHelp")}</Typography.Paragraph>
      <List dataSource={sessions.data.items} renderItem={(s) => <SessionItem session={s} />} />
    </Card>
  );
}

export function StaffMentoringWaiting() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const isStaff = user.roles.some((r) => r === "staff" || r === "admin");
  const waiting = useMentoringWaiting(isStaff);
  if (!isStaff || !waiting.data) return null;
  const { withoutMentor, firstWithoutMentor, disputed } = waiting.data;
  // A card (a column) of the home's services row.
  return (
    <WaitingCard icon={<TeamOutlined />} title={t("mentoring.home.withoutMentor")} count={withoutMentor}>
      <Flex vertical gap={4}>
        <Typography.Text type={withoutMentor > 0 ? undefined : "secondary"}>
          {withoutMentor > 0
            ? t("mentoring.home.withoutMentorHelp", { count: withoutMentor })
            : t("mentoring.home.allPaired")}
        </Typography.Text>
        {/* Each on its own line: pairing happens on the incubation's mentoring page. */}
        {firstWithoutMentor.map((i) => (
          <Link key={i.incubationId} to={`/incubations/${i.incubationId}/mentoring`}>
            {i.organizationName}
          </Link>
        ))}
        {disputed > 0 && (
          <Typography.Text type="danger">{t("mentoring.home.disputed", { count: disputed })}</Typography.Text>
        )}
        <Link to="/mentors">{t("mentoring.home.toDirectory")}</Link>
      </Flex>
    </WaitingCard>
  );
}
