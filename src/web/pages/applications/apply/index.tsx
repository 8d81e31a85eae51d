/**
 * One application, for its organization: the form while it is theirs to edit (draft or returned,
 * the staff's reasons on top), otherwise its status, history and submitted versions. The message
 * thread with the base is at the bottom either way.
 */
import { Card, Col, Flex, Row, Skeleton, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { isEditableByApplicant } from "../../../../domain/application";
import type { ApplicationDetail } from "../../../../schemas/applications";
import { useApplication } from "../../../api/applications";
import { formatDateTime } from "../../../components/format";
import { MessageThread } from "../../../components/MessageThread";
import { PageHeader } from "../../../components/PageHeader";
import { QueryError } from "../../../components/QueryError";
import { ApplicationStatusTag, useRecruitmentLabels } from "../../../components/recruitmentLabels";
import { useUnsavedChangesPrompt } from "../../../components/useUnsavedChangesPrompt";
import { Countdown, useServerNow } from "../components/Countdown";
import { nextStepText } from "../mine";
import { Checklist } from "./Checklist";
import { History } from "./History";
import { Questions } from "./Questions";
import { ReturnedNotice } from "./ReturnedNotice";
import { SaveProblems, SaveStatus } from "./SaveStatus";
import { DocumentsSection, ProfileSummary } from "./Sections";
import { SubmitBar } from "./SubmitBar";
import { useAutosave } from "./useAutosave";
import { WithdrawButton } from "./Withdraw";

export default function ApplyPage() {
  const { id } = useParams<{ id: string }>();
  const { t } = useTranslation();
  const query = useApplication(id);
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data)
    return (
      <>
        <PageHeader title={t("applications.applyTitle")} backTo="/my-applications" />
        <Card>
          <Skeleton active paragraph={{ rows: 8 }} />
        </Card>
      </>
    );
  const detail = query.data;
  return isEditableByApplicant(detail.status) ? (
    <EditView key={detail.id} detail={detail} receivedAt={query.dataUpdatedAt} />
  ) : (
    <ReadView detail={detail} receivedAt={query.dataUpdatedAt} />
  );
}

function Header({ detail, extra }: { detail: ApplicationDetail; extra?: React.ReactNode }) {
  const labels = useRecruitmentLabels();
  return (
    <PageHeader
      title={detail.call.title}
      backTo="/my-applications"
      subTitle={
        <Flex wrap gap={8} align="center">
          <span>{labels.track[detail.track]}</span>
          <ApplicationStatusTag status={detail.status} />
        </Flex>
      }
      extra={extra}
    />
  );
}

function DeadlineLine({ detail, receivedAt }: { detail: ApplicationDetail; receivedAt: number }) {
  const { t } = useTranslation();
  return (
    <Flex wrap gap={8} align="center">
      <Typography.Text>
        {t("applications.deadline")}：{formatDateTime(detail.deadline)}
      </Typography.Text>
      <Countdown
        deadline={detail.deadline}
        opensAt={detail.call.opensAt}
        serverNow={detail.serverNow}
        receivedAt={receivedAt}
      />
      {detail.extendedUntil && (
        <Typography.Text type="secondary">
          {t("applications.countdown.extended", { time: formatDateTime(detail.extendedUntil) })}
        </Typography.Text>
      )}
    </Flex>
  );
}

function Messages({ detail }: { detail: ApplicationDetail }) {
  const { t } = useTranslation();
  return (
    <Card
      id="section-messages"
      title={<h2 className="hatchery-card-title">{t("applications.sections.messages")}</h2>}
    >
      <MessageThread applicationId={detail.id} side="applicant" />
    </Card>
  );
}

function EditView({ detail, receivedAt }: { detail: ApplicationDetail; receivedAt: number }) {
  const autosave = useAutosave(detail);
  const now = useServerNow(detail.serverNow, receivedAt);
  useUnsavedChangesPrompt(autosave.unsaved);
  const canWithdraw = detail.availableEvents.includes("withdraw");
  return (
    <>
      <Header
        detail={detail}
        extra={canWithdraw && <WithdrawButton detail={detail} version={autosave.version} />}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Flex vertical gap={16}>
            {detail.status === "returned" && <ReturnedNotice detail={detail} />}
            <Card size="small">
              <Flex wrap justify="space-between" gap={8} align="center">
                <DeadlineLine detail={detail} receivedAt={receivedAt} />
                <SaveStatus autosave={autosave} />
              </Flex>
            </Card>
            <SaveProblems autosave={autosave} />
            <ProfileSummary detail={detail} editable />
            <Questions detail={detail} autosave={autosave} />
            <DocumentsSection detail={detail} editable />
          </Flex>
        </Col>
        <Col xs={24} lg={8}>
          <Flex vertical gap={16} style={{ position: "sticky", top: 16 }}>
            <Checklist detail={detail} />
            <SubmitBar detail={detail} autosave={autosave} now={now} />
          </Flex>
        </Col>
        <Col xs={24} lg={16}>
          <Flex vertical gap={16}>
            {detail.events.length > 0 && <History detail={detail} />}
            <Messages detail={detail} />
          </Flex>
        </Col>
      </Row>
    </>
  );
}

function ReadView({ detail, receivedAt }: { detail: ApplicationDetail; receivedAt: number }) {
  const { t } = useTranslation();
  const canWithdraw = detail.availableEvents.includes("withdraw");
  return (
    <>
      <Header
        detail={detail}
        extra={canWithdraw && <WithdrawButton detail={detail} version={() => detail.version} />}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Flex vertical gap={16}>
            <Card size="small">
              <Flex vertical gap={6}>
                <Typography.Text strong>{nextStepText(detail, t as never)}</Typography.Text>
                {detail.statusReason && (detail.status === "ineligible" || detail.status === "withdrawn") && (
                  <Typography.Text style={{ whiteSpace: "pre-wrap" }}>{detail.statusReason}</Typography.Text>
                )}
                {detail.lastSubmittedAt ? (
                  <Typography.Text type="secondary">
                    {t("applications.versionLine", {
                      number: detail.submissionCount,
                      time: formatDateTime(detail.lastSubmittedAt),
                    })}
                  </Typography.Text>
                ) : (
                  <DeadlineLine detail={detail} receivedAt={receivedAt} />
                )}
              </Flex>
            </Card>
            <History detail={detail} />
            <Messages detail={detail} />
          </Flex>
        </Col>
        <Col xs={24} lg={8}>
          <Flex vertical gap={16}>
            <ProfileSummary detail={detail} editable={false} narrow />
            <DocumentsSection detail={detail} editable={false} />
          </Flex>
        </Col>
      </Row>
    </>
  );
}
