/**
 * The grant page (/funding/grants/:id): its terms and money, and three tabs chosen by `?tab=`:
 * 概况 (terms, budget, tranches with who prepared and paid them, milestones, history), 支出 and
 * 进展报告 (their own components). Staff get the lifecycle buttons; the preparer's approve button
 * is disabled with the reason; members and partners read it.
 */
import { Alert, Button, Card, Descriptions, Space, Tabs } from "antd";
import { useTranslation } from "react-i18next";
import { Link, useParams, useSearchParams } from "react-router";
import { useGrant } from "../../../api/funding/grants";
import { formatDate } from "../../../components/format";
import { PageHeader } from "../../../components/PageHeader";
import { QueryError } from "../../../components/QueryError";
import { GrantActions } from "./GrantActions";
import { GrantOverview } from "./GrantOverview";
import { GrantReports } from "./GrantReports";
import { GrantSpending } from "./GrantSpending";
import { GrantStatusTag, Yuan } from "./parts";

const TABS = ["overview", "spending", "reports"] as const;

export default function GrantPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const grant = useGrant(id);
  if (grant.isError) return <QueryError error={grant.error} onRetry={() => void grant.refetch()} />;
  const g = grant.data;
  if (!g) return <Card loading aria-busy />;
  const tab = TABS.find((x) => x === params.get("tab")) ?? "overview";
  return (
    <>
      <PageHeader
        title={g.project.title}
        subTitle={
          <Space wrap size={4}>
            <span>{g.number}</span>
            <span>·</span>
            <span>{g.organization.name}</span>
            <GrantStatusTag status={g.status} />
          </Space>
        }
        backTo="/funding/grants"
        extra={
          <Space wrap>
            {g.may.edit && (
              <Link to={`/funding/grants/${g.id}/edit`}>
                <Button>{t("grants.edit")}</Button>
              </Link>
            )}
            <Link to={`/funding/grants/${g.id}/agreement`}>
              <Button>{t("grants.agreement")}</Button>
            </Link>
          </Space>
        }
      />
      {g.may.manage ? (
        <GrantActions grant={g} />
      ) : (
        <Alert type="info" showIcon title={t("grants.readOnly")} />
      )}
      <Card size="small" style={{ margin: "16px 0" }}>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label={t("grants.amount")}>
            <Yuan fen={g.amountFen} />
          </Descriptions.Item>
          <Descriptions.Item label={t("grants.disbursed")}>
            <Yuan fen={g.disbursedFen} />
          </Descriptions.Item>
          <Descriptions.Item label={t("grants.fund")}>
            {g.fund.name}（{t(`grants.fundKind.${g.fund.kind}`)}）
          </Descriptions.Item>
          <Descriptions.Item label={t("grants.period")}>
            {formatDate(g.startsOn)} – {formatDate(g.endsOn)}
          </Descriptions.Item>
          <Descriptions.Item label={t("grants.preparedBy")}>{g.preparedBy?.name ?? "—"}</Descriptions.Item>
          <Descriptions.Item label={t("grants.approvedBy")}>{g.approvedBy?.name ?? "—"}</Descriptions.Item>
          {g.signedOn && (
            <Descriptions.Item label={t("grants.signedOn")}>{formatDate(g.signedOn)}</Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === "overview" ? {} : { tab: key }, { replace: true })}
        items={[
          { key: "overview", label: t("grants.tabs.overview"), children: <GrantOverview grant={g} /> },
          { key: "spending", label: t("grants.tabs.spending"), children: <GrantSpending grantId={g.id} /> },
          { key: "reports", label: t("grants.tabs.reports"), children: <GrantReports grantId={g.id} /> },
        ]}
      />
    </>
  );
}
