import { ArrowLeftOutlined, ClockCircleOutlined } from "@ant-design/icons";
import { Button, Col, Flex, Row, Skeleton } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import type { Track } from "../../../../../domain/call";
import type { PublicCall } from "../../../../../schemas/recruitment/calls";
import { isApiError } from "../../../../api/client";
import { createApplication } from "../../../../api/recruitment/applications";
import { usePortalCall } from "../../../../api/recruitment/portal";
import { useAccess, useSession } from "../../../../auth/session";
import { formatDateTime } from "../../../../components/format";
import { ToneTag } from "../../../../components/labels";
import { useDocumentTitle } from "../../../../components/PageHeader";
import { Panel } from "../../../../components/Panel";
import { QueryError } from "../../../../components/QueryError";
import { useRecruitmentLabels } from "../../../../components/recruitmentLabels";
import { StatusMessage } from "../../../../components/StatusMessage";
import { errorMessage } from "../../../../components/serverErrors";
import { Countdown } from "../components/Countdown";
import { RevisionList } from "../components/RevisionList";
import { TrackRules } from "../components/TrackRules";

/**
 * One call for applicants: tracks with eligibility and documents, questions, countdown, revisions.
 * Opened on phones from a shared link, so it is built from light parts (Panel, StatusMessage, plain
 * text) rather than antd's Card, Typography, Descriptions and Result.
 */
export default function PortalCallPage() {
  const { id } = useParams<{ id: string }>();
  const { t } = useTranslation();
  const call = usePortalCall(id);
  useDocumentTitle(call.data?.title ?? t("portal.homeTitle"));

  if (call.isError) {
    if (isApiError(call.error) && call.error.status === 404) {
      return (
        <StatusMessage
          status="warning"
          title={<h1 className="hatchery-page-title">{t("portal.notFound")}</h1>}
          extra={
            <Link to="/portal">
              <ArrowLeftOutlined aria-hidden /> {t("portal.backHome")}
            </Link>
          }
        />
      );
    }
    return <QueryError error={call.error} onRetry={() => void call.refetch()} />;
  }
  if (!call.data) return <Skeleton active paragraph={{ rows: 12 }} />;
  return <CallView call={call.data} />;
}

function CallView({ call }: { call: PublicCall & { clockOffset: number } }) {
  const { t } = useTranslation();
  const labels = useRecruitmentLabels();
  const tone = call.window === "open" ? "green" : call.window === "not_open" ? "blue" : "default";
  return (
    <Flex vertical gap={16}>
      <Link to="/portal">
        <ArrowLeftOutlined aria-hidden /> {t("portal.backHome")}
      </Link>
      <Panel>
        <Flex vertical gap={12}>
          <Flex wrap gap={8} align="center">
            <h1 className="hatchery-page-title" style={{ margin: 0 }}>
              {call.title}
            </h1>
            <ToneTag tone={tone}>{labels.callWindow[call.window]}</ToneTag>
          </Flex>
          <span className="hatchery-secondary">{t("portal.callBy", { base: call.baseName })}</span>
          {call.window !== "closed" && (
            <div
              role="timer"
              aria-live="off"
              style={{
                background: "#fff7e6",
                border: "1px solid #ffd591",
                borderRadius: 8,
                padding: "10px 14px",
              }}
            >
              <ClockCircleOutlined aria-hidden style={{ color: "#873800", marginInlineEnd: 8 }} />
              <span style={{ color: "#873800" }}>
                {call.window === "open" ? t("portal.countdownLeft") : t("portal.countdownOpens")}{" "}
              </span>
              <strong style={{ fontSize: 18, color: "#873800" }}>
                <Countdown
                  target={call.window === "open" ? call.closesAt : call.opensAt}
                  clockOffset={call.clockOffset}
                />
              </strong>
            </div>
          )}
          <div>
            <span className="hatchery-secondary">
              {t("portal.window")}
              {t("common.colon")}
            </span>
            {`${formatDateTime(call.opensAt)} ~ ${formatDateTime(call.closesAt)}（${t("portal.beijingTime")}）`}
          </div>
        </Flex>
      </Panel>

      {call.description && (
        <Panel title={<h2 style={{ margin: 0, fontSize: 16 }}>{t("portal.descriptionTitle")}</h2>}>
          <p style={{ whiteSpace: "pre-wrap", margin: 0, lineHeight: 1.8 }}>{call.description}</p>
        </Panel>
      )}

      <section aria-labelledby="tracks-title">
        <h2 id="tracks-title" style={{ fontSize: 18, margin: "0 0 12px" }}>
          {t("portal.tracksTitle")}
        </h2>
        <Row gutter={[16, 16]}>
          {call.tracks.map((track) => (
            <Col key={track.track} xs={24} lg={12}>
              <TrackRules
                track={track}
                questions={call.questions}
                action={<ApplyButton call={call} track={track.track} full={track.full} />}
              />
            </Col>
          ))}
        </Row>
      </section>

      {call.questions.length > 0 && <QuestionsPreview call={call} />}

      {call.revisions.length > 0 && (
        <Panel title={<h2 style={{ margin: 0, fontSize: 16 }}>{t("portal.revisionsTitle")}</h2>}>
          <RevisionList revisions={call.revisions} />
        </Panel>
      )}
    </Flex>
  );
}

function QuestionsPreview({ call }: { call: PublicCall }) {
  const { t } = useTranslation();
  const labels = useRecruitmentLabels();
  return (
    <Panel title={<h2 style={{ margin: 0, fontSize: 16 }}>{t("portal.questionsTitle")}</h2>}>
      <p className="hatchery-secondary" style={{ margin: "0 0 1em" }}>
        {t("portal.questionsHint")}
      </p>
      <ol style={{ margin: 0, paddingInlineStart: 20, display: "grid", gap: 8 }}>
        {call.questions.map((q) => (
          <li key={q.key}>
            <span>
              {q.label}
              {q.required && <span style={{ color: "#cf1322" }}> *</span>}
            </span>{" "}
            <ToneTag tone="default">{labels.questionType[q.type]}</ToneTag>
            <span className="hatchery-secondary" style={{ fontSize: 13 }}>
              {q.tracks
                ? q.tracks.map((x) => labels.track[x]).join(t("common.listSeparator"))
                : t("portal.allTracks")}
            </span>
            {q.options.length > 0 && (
              <div style={{ fontSize: 13, color: "rgba(0,0,0,0.65)" }}>{q.options.join(" / ")}</div>
            )}
            {q.help && <div style={{ fontSize: 13, color: "rgba(0,0,0,0.65)" }}>{q.help}</div>}
          </li>
        ))}
      </ol>
    </Panel>
  );
}

/**
 * Apply to one track: a member of an organization starts (or reopens) the application; someone
 * not signed in registers first (or signs in and comes back); other accounts cannot apply.
 */
function ApplyButton({ call, track, full }: { call: PublicCall; track: Track; full: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const session = useSession();
  const access = useAccess();
  const labels = useRecruitmentLabels();
  const [busy, setBusy] = useState(false);
  // Shown under the button rather than as a toast: it stays until the applicant has read it.
  const [failure, setFailure] = useState<string | null>(null);
  const name = `${t("portal.apply")}${t("common.colon")}${labels.track[track]}`;

  if (call.window !== "open" || full) {
    const reason = full
      ? t("portal.full")
      : call.window === "not_open"
        ? t("portal.notOpenYet")
        : t("portal.closed");
    return (
      <Button disabled block aria-label={`${reason}${t("common.colon")}${labels.track[track]}`}>
        {reason}
      </Button>
    );
  }
  if (session.isPending) return null;
  if (!session.data) {
    return (
      <Flex vertical gap={4} style={{ width: "100%" }}>
        <Button
          type="primary"
          block
          aria-label={name}
          onClick={() => navigate(`/register?call=${call.id}&track=${track}`)}
        >
          {t("portal.apply")}
        </Button>
        <span className="hatchery-secondary" style={{ fontSize: 13, textAlign: "center" }}>
          {t("portal.applyHint")}{" "}
          <Link to={`/login?next=${encodeURIComponent(`/portal/calls/${call.id}`)}`}>
            {t("portal.loginToApply")}
          </Link>
        </span>
      </Flex>
    );
  }
  if (!access.canApply) {
    return (
      <Button disabled block aria-label={`${t("portal.orgOnly")}${t("common.colon")}${labels.track[track]}`}>
        {t("portal.orgOnly")}
      </Button>
    );
  }
  const apply = async () => {
    setBusy(true);
    setFailure(null);
    try {
      const application = await createApplication({ callId: call.id, track });
      navigate(`/my-applications/${application.id}`);
    } catch (error) {
      const existing =
        isApiError(error) && error.code === "already_applied" ? error.details?.applicationId : null;
      if (typeof existing === "string") navigate(`/my-applications/${existing}`);
      else setFailure(`${t("portal.applyFailed")}${t("common.colon")}${errorMessage(error)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Flex vertical gap={4} style={{ width: "100%" }}>
      <Button type="primary" block loading={busy} aria-label={name} onClick={() => void apply()}>
        {t("portal.apply")}
      </Button>
      {failure && (
        <div role="alert" style={{ color: "#cf1322" }}>
          {failure}
        </div>
      )}
    </Flex>
  );
}
