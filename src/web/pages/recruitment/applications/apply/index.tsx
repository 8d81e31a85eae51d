/**
 * One application, for its organization: the form while it is theirs to edit (draft or returned,
 * the staff's reasons on top), otherwise its status, answers, history and submitted versions. The
 * message thread with the base, and withdrawing, are at the bottom either way.
 *
 * Two columns from antd's lg breakpoint (the checklist and the submit button stick beside the
 * form); narrower, one column with the save state and the submit button in a footer that sticks
 * to the bottom of the screen while the form is in view.
 */
import { Card, Col, Flex, Grid, Row, Skeleton, Typography } from "antd";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { isEditableByApplicant } from "../../../../../domain/application";
import type { ApplicationDetail } from "../../../../../schemas/recruitment/applications";
import { useApplication } from "../../../../api/recruitment/applications";
import { formatDateTime } from "../../../../components/format";
import { MessageThread } from "../../../../components/MessageThread";
import { PageHeader } from "../../../../components/PageHeader";
import { QueryError } from "../../../../components/QueryError";
import { ApplicationStatusTag, useRecruitmentLabels } from "../../../../components/recruitmentLabels";
import { useUnsavedChangesPrompt } from "../../../../components/useUnsavedChangesPrompt";
import { DecisionCard } from "../../../admission/decisions/DecisionCard";
import { Countdown, useServerNow } from "../components/Countdown";
import { nextStepText } from "../mine";
import { Checklist } from "./Checklist";
import { History } from "./History";
import { Questions } from "./Questions";
import { ReadAnswers } from "./ReadAnswers";
import { ReturnedNotice } from "./ReturnedNotice";
import { SaveProblems, SaveStatus } from "./SaveStatus";
import { DocumentsSection, ProfileSummary } from "./Sections";
import { SubmitBar } from "./SubmitBar";
import { useAutosave } from "./useAutosave";
import { WithdrawLink } from "./Withdraw";

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

/** The app's header is sticky (64 px): what sticks to the top sits below it. */
const STICKY_TOP = 80;

/** antd's lg (992 px) and up: room for the side column. */
function useTwoColumns(): boolean {
  return Grid.useBreakpoint().lg !== false;
}

function Header({ detail }: { detail: ApplicationDetail }) {
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
    />
  );
}

function DeadlineLine({ detail, receivedAt }: { detail: ApplicationDetail; receivedAt: number }) {
  const { t } = useTranslation();
  return (
    <Flex wrap gap={8} align="center">
      <Typography.Text>
        {t("applications.deadline")}
        {t("common.colon")}
        {formatDateTime(detail.deadline)}
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
  const { t } = useTranslation();
  const autosave = useAutosave(detail);
  const now = useServerNow(detail.serverNow, receivedAt);
  const twoColumns = useTwoColumns();
  // Changes this device keeps are not lost by leaving: they go when the form is opened again.
  useUnsavedChangesPrompt(autosave.unsaved && autosave.keeping !== true);
  // The phone's sticky submit footer: a field scrolled into view (on focus, by the checklist's
  // links) must stop above it, not under it.
  useEffect(() => {
    if (twoColumns) return;
    const root = document.documentElement;
    root.style.scrollPaddingBottom = "112px";
    return () => {
      root.style.scrollPaddingBottom = "";
    };
  }, [twoColumns]);
  const canWithdraw = detail.availableEvents.includes("withdraw");
  const form = (
    <>
      {detail.status === "returned" && <ReturnedNotice detail={detail} />}
      <Card size="small">
        <DeadlineLine detail={detail} receivedAt={receivedAt} />
      </Card>
      <SaveProblems autosave={autosave} />
      <ProfileSummary detail={detail} editable />
      <Questions detail={detail} autosave={autosave} />
      <DocumentsSection detail={detail} editable />
    </>
  );
  const after = (
    <>
      {detail.events.length > 0 && <History detail={detail} />}
      <Messages detail={detail} />
      {canWithdraw && <WithdrawLink detail={detail} version={autosave.version} />}
    </>
  );
  const submit = (compact: boolean) => (
    <SubmitBar
      detail={detail}
      autosave={autosave}
      now={now}
      compact={compact}
      status={<SaveStatus autosave={autosave} />}
    />
  );
  if (!twoColumns)
    return (
      <>
        <Header detail={detail} />
        <Flex vertical gap={16}>
          {form}
          <Checklist detail={detail} />
          <Card
            size="small"
            role="region"
            aria-label={t("applications.sections.submit")}
            style={{ position: "sticky", bottom: 0, zIndex: 5, boxShadow: "0 -2px 8px rgba(0, 0, 0, 0.08)" }}
          >
            {submit(true)}
          </Card>
        </Flex>
        <Flex vertical gap={16} style={{ marginTop: 16 }}>
          {after}
        </Flex>
      </>
    );
  return (
    <>
      <Header detail={detail} />
      <Row gutter={[16, 16]} align="top">
        <Col span={16}>
          <Flex vertical gap={16}>
            {form}
            {after}
          </Flex>
        </Col>
        <Col span={8} style={{ position: "sticky", top: STICKY_TOP }}>
          <Flex vertical gap={16}>
            <Checklist detail={detail} />
            {submit(false)}
          </Flex>
        </Col>
      </Row>
    </>
  );
}

function ReadView({ detail, receivedAt }: { detail: ApplicationDetail; receivedAt: number }) {
  const { t } = useTranslation();
  const twoColumns = useTwoColumns();
  const canWithdraw = detail.availableEvents.includes("withdraw");
  const status = (
    <>
      <DecisionCard applicationId={detail.id} status={detail.status} />
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
    </>
  );
  const withdraw = canWithdraw && <WithdrawLink detail={detail} version={() => detail.version} />;
  if (!twoColumns)
    return (
      <>
        <Header detail={detail} />
        <Flex vertical gap={16}>
          {status}
          <ReadAnswers detail={detail} />
          <DocumentsSection detail={detail} editable={false} />
          <ProfileSummary detail={detail} editable={false} />
          <History detail={detail} />
          <Messages detail={detail} />
          {withdraw}
        </Flex>
      </>
    );
  return (
    <>
      <Header detail={detail} />
      <Row gutter={[16, 16]}>
        <Col span={16}>
          <Flex vertical gap={16}>
            {status}
            <ReadAnswers detail={detail} />
            <History detail={detail} />
            <Messages detail={detail} />
            {withdraw}
          </Flex>
        </Col>
        <Col span={8}>
          <Flex vertical gap={16}>
            <ProfileSummary detail={detail} editable={false} narrow />
            <DocumentsSection detail={detail} editable={false} />
          </Flex>
        </Col>
      </Row>
    </>
  );
}
