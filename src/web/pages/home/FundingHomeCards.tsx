/**
 * What the money asks of each on the home page (src/server/areas/funding/waiting): staff one
 * to-do card (approvals and payments prepared by someone else, reports to review, overdue
 * reports and milestones); a member its reports due or returned and its queried spending; a
 * partner its fund's running grants, read only.
 */
import { MoneyCollectOutlined } from "@ant-design/icons";
import { Card, List, Row, Space, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatFen } from "../../../domain/funding/money";
import type { FundingWaiting } from "../../../schemas/funding/reports";
import { useFundingWaiting } from "../../api/funding/reports";
import { useAccess } from "../../auth/session";
import { WaitingCard } from "../../components/WaitingCard";
import { ReportKindTag, ReportStatusTag } from "../funding/reports/ReportTags";

export function FundingHomeCards() {
  const access = useAccess();
  const waiting = useFundingWaiting(access.fundingWaiting);
  if (!access.fundingWaiting || !waiting.data) return null;
  if (access.fundingManage) return <StaffCard data={waiting.data} />;
  if (access.fundingReport) return <MemberCard data={waiting.data} />;
  return <PartnerCard data={waiting.data} />;
}

function ReportLine({ r }: { r: FundingWaiting["reports"][number] }) {
  const { t } = useTranslation();
  return (
    <List.Item>
      <Space wrap size={4}>
        <Link to={`/funding/reports/${r.id}`}>
          {r.grantNumber} · {r.dueOn}
        </Link>
        <ReportKindTag kind={r.kind} />
        <ReportStatusTag status={r.status} />
        {r.late && <Typography.Text type="danger">{t("fundingReports.late")}</Typography.Text>}
      </Space>
    </List.Item>
  );
}

function StaffCard({ data }: { data: FundingWaiting }) {
  const { t } = useTranslation();
  const c = data.counts;
  const total =
    c.grantsToApprove + c.tranchesToPay + c.reportsToReview + c.reportsOverdue + c.milestonesOverdue;
  const lines = [
    [c.grantsToApprove, t("fundingReports.staffGrants", { count: c.grantsToApprove })],
    [c.tranchesToPay, t("fundingReports.staffTranches", { count: c.tranchesToPay })],
    [c.reportsToReview, t("fundingReports.staffReview", { count: c.reportsToReview })],
    [c.reportsOverdue, t("fundingReports.staffOverdue", { count: c.reportsOverdue })],
    [c.milestonesOverdue, t("fundingReports.staffMilestones", { count: c.milestonesOverdue })],
  ] as const;
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      <WaitingCard
        icon={<MoneyCollectOutlined />}
        title={t("fundingReports.staffWaitingTitle")}
        count={total}
        link="/funding/grants"
      >
        {total === 0 ? (
          <Typography.Text>{t("fundingReports.staffNothing")}</Typography.Text>
        ) : (
          <>
            {lines
              .filter(([n]) => n > 0)
              .map(([, text]) => (
                <div key={text}>
                  <Typography.Text>{text}</Typography.Text>
                </div>
              ))}
            {data.reports.length > 0 && (
              <List size="small" dataSource={data.reports} renderItem={(r) => <ReportLine r={r} />} />
            )}
          </>
        )}
      </WaitingCard>
    </Row>
  );
}

function MemberCard({ data }: { data: FundingWaiting }) {
  const { t } = useTranslation();
  if (data.counts.reportsDue === 0 && data.counts.expensesQueried === 0 && data.reports.length === 0)
    return null;
  return (
    <Card
      style={{ marginBottom: 16 }}
      title={<h2 className="hatchery-card-title">{t("fundingReports.memberTitle")}</h2>}
    >
      {data.reports.length === 0 && data.expenses.length === 0 ? (
        <Typography.Paragraph style={{ margin: 0 }}>{t("fundingReports.memberNothing")}</Typography.Paragraph>
      ) : (
        <List
          size="small"
          dataSource={[
            ...data.reports.map((r) => ({ key: r.id, node: <ReportLine r={r} /> })),
            ...data.expenses.map((e) => ({
              key: e.id,
              node: (
                <List.Item>
                  <Link to={`/funding/grants/${e.grantId}?tab=spending`}>
                    {t("fundingReports.memberQueried", {
                      description: e.description,
                      amount: formatFen(e.amountFen),
                    })}
                  </Link>
                </List.Item>
              ),
            })),
          ]}
          rowKey="key"
          renderItem={(item) => item.node}
        />
      )}
    </Card>
  );
}

function PartnerCard({ data }: { data: FundingWaiting }) {
  const { t } = useTranslation();
  return (
    <Card
      style={{ marginBottom: 16 }}
      title={<h2 className="hatchery-card-title">{t("fundingReports.partnerTitle")}</h2>}
    >
      {data.grants.length === 0 ? (
        <Typography.Paragraph style={{ margin: 0 }}>
          {t("fundingReports.partnerNothing")}
        </Typography.Paragraph>
      ) : (
        <List
          size="small"
          dataSource={data.grants}
          renderItem={(g) => (
            <List.Item>
              <Space direction="vertical" size={0}>
                <Link to={`/funding/grants/${g.id}?tab=reports`}>
                  {g.number} · {g.projectTitle}
                </Link>
                <Typography.Text type="secondary">
                  {g.organizationName} ·{" "}
                  {g.nextDueOn
                    ? t("fundingReports.partnerNext", { day: g.nextDueOn })
                    : t("fundingReports.partnerNoNext")}
                  {g.reportsLate > 0 ? ` · ${t("fundingReports.partnerLate", { count: g.reportsLate })}` : ""}
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
