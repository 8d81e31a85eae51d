import { Alert, Card, Col, Descriptions, Row, Skeleton } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation, useParams } from "react-router";
import { useApplication } from "../../../../api/recruitment/applications";
import { formatDateTime } from "../../../../components/format";
import { MessageThread } from "../../../../components/MessageThread";
import { PageHeader } from "../../../../components/PageHeader";
import { QueryError } from "../../../../components/QueryError";
import { ApplicationStatusTag, TrackText } from "../../../../components/recruitmentLabels";
import { ApplicationInspectionCard } from "../../../admission/inspections/components/ApplicationInspectionCard";
import { ApplicationIncubationAlert } from "../../../incubation/incubations/components/IncubationHomeCards";
import { Answers, OrganizationProfile } from "../components/ApplicationSections";
import { EligibilityPanel } from "../components/EligibilityPanel";
import { ChangesCard } from "./ChangesCard";
import { DecisionBar } from "./DecisionBar";
import { DocumentsCard } from "./DocumentsCard";
import { HistoryTimeline } from "./HistoryTimeline";
import { DecidedBanner, NextButton } from "./QueueStep";
import { useQueueNext } from "./useQueueNext";

const h2 = (text: string) => <h2 className="hatchery-card-title">{text}</h2>;

/** One application for staff: status and decisions, profile, answers, documents with their verdict, changes, history, messages. */
export default function IntakeApplicationPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const location = useLocation();
  const application = useApplication(id);
  const detail = application.data;
  const step = useQueueNext(id);
  // The decision just taken here (kept per application: "下一份" shows another one).
  const [decided, setDecided] = useState<{ id: string; action: string } | null>(null);

  // Links from the queue and the home page jump to the thread (#messages).
  useEffect(() => {
    if (detail && location.hash === "#messages") document.getElementById("messages")?.scrollIntoView();
  }, [detail, location.hash]);

  if (application.isError) {
    return (
      <>
        <PageHeader title={t("intake.queue.title")} backTo={step.queueUrl} />
        <QueryError error={application.error} onRetry={() => void application.refetch()} />
      </>
    );
  }
  if (!detail) {
    return (
      <Card>
        <Skeleton active />
      </Card>
    );
  }
  const resubmitted = detail.submissionCount >= 2;
  return (
    <>
      <PageHeader
        title={t("intake.detail.title", { name: detail.organization.name })}
        backTo={step.queueUrl}
        subTitle={
          <span>
            {detail.call.title} · <TrackText track={detail.track} />
          </span>
        }
        extra={
          <>
            <DecisionBar
              detail={detail}
              onStale={() => void application.refetch()}
              onDecided={(action) => setDecided({ id: detail.id, action })}
            />
            <NextButton step={step} />
          </>
        }
      />
      {decided?.id === detail.id && <DecidedBanner step={step} action={decided.action} />}
      <ApplicationIncubationAlert applicationId={detail.id} status={detail.status} />
      {detail.statusReason && (detail.status === "returned" || detail.status === "ineligible") && (
        <Alert
          type={detail.status === "ineligible" ? "error" : "warning"}
          showIcon
          style={{ marginBottom: 16 }}
          title={t("intake.detail.statusReason")}
          description={<span style={{ whiteSpace: "pre-wrap" }}>{detail.statusReason}</span>}
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <div style={{ display: "grid", gap: 16 }}>
            <Card size="small">
              <Descriptions size="small" column={{ xs: 1, sm: 2, xxl: 4 }}>
                <Descriptions.Item label={t("intake.detail.status")}>
                  <ApplicationStatusTag status={detail.status} />
                </Descriptions.Item>
                <Descriptions.Item label={t("intake.detail.deadline")}>
                  {formatDateTime(detail.deadline)}
                </Descriptions.Item>
                <Descriptions.Item label={t("intake.detail.submissions")}>
                  {detail.submissionCount}
                </Descriptions.Item>
                <Descriptions.Item label={t("intake.detail.lastSubmittedAt")}>
                  {formatDateTime(detail.lastSubmittedAt)}
                </Descriptions.Item>
              </Descriptions>
            </Card>
            {/* Whether the applicant may apply at all comes before what it handed in. */}
            {detail.eligibility !== undefined && (
              <Card size="small" title={h2(t("intake.eligibility.title"))}>
                <EligibilityPanel report={detail.eligibility} submitted={detail.lastSubmittedAt !== null} />
              </Card>
            )}
            {/* After a resubmit, what changed is what staff check first. */}
            {resubmitted && <ChangesCard detail={detail} />}
            <DocumentsCard detail={detail} />
            <Card size="small" title={h2(t("intake.detail.answers"))}>
              <Answers detail={detail} />
            </Card>
            <Card size="small" title={h2(t("intake.detail.organization"))}>
              <OrganizationProfile detail={detail} />
            </Card>
            {!resubmitted && <ChangesCard detail={detail} />}
          </div>
        </Col>
        <Col xs={24} xl={9}>
          <div style={{ display: "grid", gap: 16 }}>
            <ApplicationInspectionCard detail={detail} onChanged={() => void application.refetch()} />
            <Card size="small" id="messages" title={h2(t("intake.detail.messages"))}>
              <MessageThread applicationId={detail.id} side="staff" />
            </Card>
            <Card size="small" title={h2(t("intake.detail.history"))}>
              <HistoryTimeline detail={detail} />
            </Card>
          </div>
        </Col>
      </Row>
    </>
  );
}
