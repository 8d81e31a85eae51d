/** 我的申请: the organization's applications as cards (phone first), each with its next step. */
import { Button, Card, Col, Empty, Flex, Row, Skeleton, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { isEditableByApplicant } from "../../../../domain/application";
import type { ApplicationSummary } from "../../../../schemas/applications";
import { useMyApplications } from "../../../api/applications";
import { formatDateTime } from "../../../components/format";
import { PageHeader } from "../../../components/PageHeader";
import { QueryError } from "../../../components/QueryError";
import { ApplicationStatusTag, useRecruitmentLabels } from "../../../components/recruitmentLabels";
import { Countdown } from "../components/Countdown";

export default function MyApplicationsPage() {
  const { t } = useTranslation();
  const mine = useMyApplications();

  return (
    <>
      <PageHeader title={t("applications.mineTitle")} />
      {mine.isError ? (
        <QueryError error={mine.error} onRetry={() => void mine.refetch()} />
      ) : !mine.data ? (
        <Card>
          <Skeleton active />
        </Card>
      ) : mine.data.items.length === 0 ? (
        <Card>
          <Empty description={t("applications.mineEmpty")}>
            <Link to="/portal">{t("applications.toPortal")}</Link>
          </Empty>
        </Card>
      ) : (
        <Row gutter={[16, 16]}>
          {mine.data.items.map((item) => (
            <Col key={item.id} xs={24} md={12} xl={8}>
              <ApplicationCard item={item} serverNow={mine.data.serverNow} receivedAt={mine.dataUpdatedAt} />
            </Col>
          ))}
        </Row>
      )}
    </>
  );
}

export function nextStepText(
  item: Pick<ApplicationSummary, "status" | "missingItems">,
  t: (k: string, o?: object) => string,
) {
  if (item.status === "draft" && item.missingItems > 0)
    return t("applications.next.draftMissing", { count: item.missingItems });
  return t(`applications.next.${item.status}`);
}

function ApplicationCard({
  item,
  serverNow,
  receivedAt,
}: {
  item: ApplicationSummary;
  serverNow: string;
  receivedAt: number;
}) {
  const { t } = useTranslation();
  const labels = useRecruitmentLabels();
  const navigate = useNavigate();
  const editable = isEditableByApplicant(item.status);
  const titleId = `app-${item.id}-title`;
  return (
    <Card aria-labelledby={titleId} style={{ height: "100%" }} styles={{ body: { padding: 16 } }}>
      <Flex vertical gap={10}>
        <Flex justify="space-between" align="start" gap={8}>
          <h2
            id={titleId}
            className="hatchery-card-title"
            style={{ margin: 0, fontSize: 16, lineHeight: 1.4 }}
          >
            {item.callTitle}
          </h2>
          <ApplicationStatusTag status={item.status} />
        </Flex>
        <Typography.Text type="secondary">
          {t("applications.track")}：{labels.track[item.track]}
        </Typography.Text>
        <Flex wrap gap={8} align="center">
          <Typography.Text type="secondary">
            {t("applications.deadline")}：{formatDateTime(item.deadline)}
          </Typography.Text>
          {editable && (
            <Countdown
              deadline={item.deadline}
              opensAt={item.opensAt}
              serverNow={serverNow}
              receivedAt={receivedAt}
            />
          )}
        </Flex>
        <Typography.Text strong>{nextStepText(item, t as never)}</Typography.Text>
        <Button
          type={editable ? "primary" : "default"}
          block
          onClick={() => navigate(`/my-applications/${item.id}`)}
        >
          {editable ? t("applications.continue") : t("applications.open")}
        </Button>
      </Flex>
    </Card>
  );
}
