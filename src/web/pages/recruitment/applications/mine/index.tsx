/**
 * 我的申请: the organization's applications as cards (phone first), each with its next step, and
 * the way to the portal's other open calls.
 */
import { CompassOutlined } from "@ant-design/icons";
import { Button, Card, Col, Empty, Flex, Row, Skeleton, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { isEditableByApplicant } from "../../../../../domain/application";
import type { ApplicationSummary } from "../../../../../schemas/recruitment/applications";
import { useMyApplications } from "../../../../api/recruitment/applications";
import { formatDateTime } from "../../../../components/format";
import { PageHeader } from "../../../../components/PageHeader";
import { QueryError } from "../../../../components/QueryError";
import { ApplicationStatusTag, useRecruitmentLabels } from "../../../../components/recruitmentLabels";
import { DecisionCard } from "../../../admission/decisions/DecisionCard";
import { Countdown } from "../components/Countdown";

export default function MyApplicationsPage() {
  const { t } = useTranslation();
  const mine = useMyApplications();
  const empty = mine.data?.items.length === 0;

  return (
    <>
      <PageHeader
        title={t("applications.mineTitle")}
        // The empty state below carries the same link.
        extra={!empty && <PortalLink />}
      />
      {mine.isError ? (
        <QueryError error={mine.error} onRetry={() => void mine.refetch()} />
      ) : !mine.data ? (
        <Card>
          <Skeleton active />
        </Card>
      ) : mine.data.items.length === 0 ? (
        <Card>
          <Empty description={t("applications.mineEmpty")}>
            <PortalLink />
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

/** A link that looks like a button: it goes to another page (the public portal). */
function PortalLink() {
  const { t } = useTranslation();
  return (
    <Link
      to="/portal"
      style={{
        display: "inline-flex",
        alignItems: "center",
        gap: 6,
        minHeight: 40,
        paddingInline: 15,
        border: "1px solid #d9d9d9",
        borderRadius: 6,
        background: "#fff",
      }}
    >
      <CompassOutlined aria-hidden />
      {t("applications.toPortal")}
    </Link>
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
          {t("applications.track")}
          {t("common.colon")}
          {labels.track[item.track]}
        </Typography.Text>
        <Flex wrap gap={8} align="center">
          <Typography.Text type="secondary">
            {t("applications.deadline")}
            {t("common.colon")}
            {formatDateTime(item.deadline)}
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
        <DecisionCard applicationId={item.id} status={item.status} compact />
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
