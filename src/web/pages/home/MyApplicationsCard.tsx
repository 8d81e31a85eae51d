/** The member's home: their organization's applications at a glance, each with its next step. */
import { Card, Flex, List, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useMyApplications } from "../../api/recruitment/applications";
import { useAccess } from "../../auth/session";
import { ApplicationStatusTag } from "../../components/recruitmentLabels";
import { nextStepText } from "../recruitment/applications/mine";

export function MyApplicationsCard() {
  const { t } = useTranslation();
  const access = useAccess();
  const mine = useMyApplications(access.canApply);
  if (!access.canApply) return null;
  const items = mine.data?.items.slice(0, 3) ?? [];
  return (
    <Card
      style={{ marginBottom: 16 }}
      loading={mine.isPending}
      title={<h2 className="hatchery-card-title">{t("applications.homeCardTitle")}</h2>}
      extra={<Link to="/my-applications">{t("applications.homeCardMore")}</Link>}
    >
      <List
        size="small"
        locale={{
          emptyText: <Typography.Text type="secondary">{t("applications.homeCardEmpty")}</Typography.Text>,
        }}
        dataSource={items}
        renderItem={(item) => (
          <List.Item style={{ paddingInline: 0 }}>
            <Flex vertical gap={2} style={{ width: "100%", minWidth: 0 }}>
              <Flex justify="space-between" gap={8} align="center">
                <Link to={`/my-applications/${item.id}`} style={{ minWidth: 0 }}>
                  {item.callTitle}
                </Link>
                <ApplicationStatusTag status={item.status} />
              </Flex>
              <Typography.Text type="secondary">{nextStepText(item, t as never)}</Typography.Text>
            </Flex>
          </List.Item>
        )}
      />
      {/* A member applies from the portal; without this the app offers no way back to it. */}
      <Link to="/portal" style={{ display: "inline-block", paddingBlock: 10 }}>
        {t("home.openCalls")}
      </Link>
    </Card>
  );
}
