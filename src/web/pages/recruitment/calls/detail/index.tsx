import { CheckOutlined, EditOutlined, GlobalOutlined, StopOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Col, Descriptions, Empty, Flex, Row, Skeleton, Typography } from "antd";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import type { Call } from "../../../../../schemas/recruitment/calls";
import { useCall, useCallAction } from "../../../../api/recruitment/calls";
import { formatDateTime } from "../../../../components/format";
import { PageHeader } from "../../../../components/PageHeader";
import { QueryError } from "../../../../components/QueryError";
import { useRecruitmentLabels } from "../../../../components/recruitmentLabels";
import { errorMessage } from "../../../../components/serverErrors";
import { useServerNow } from "../../portal/components/Countdown";
import { RevisionList } from "../../portal/components/RevisionList";
import { TrackRules } from "../../portal/components/TrackRules";
import { CallStatusTag, WindowTag } from "../components/CallTags";
import { CountsTable } from "./CountsTable";

/** One call for staff: its rules as applicants see them, counts per track and status, revisions. */
export default function CallDetailPage() {
  const { id } = useParams<{ id: string }>();
  const call = useCall(id);
  if (call.isError) return <QueryError error={call.error} onRetry={() => void call.refetch()} />;
  if (!call.data) return <Skeleton active paragraph={{ rows: 12 }} />;
  return <CallDetail call={call.data} />;
}

function CallDetail({ call }: { call: Call }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const navigate = useNavigate();
  const action = useCallAction(call.id);
  // Measured once per answer: recomputing it on every render would restart the clock each time.
  const offset = useMemo(() => Date.parse(call.serverNow) - Date.now(), [call.serverNow]);
  const now = useServerNow(offset, 60_000);

  const confirm = (kind: "publish" | "close") =>
    modal.confirm({
      title: t(kind === "publish" ? "calls.publishConfirm" : "calls.closeConfirm"),
      content: t(kind === "publish" ? "calls.publishConfirmBody" : "calls.closeConfirmBody"),
      okText: t(kind === "publish" ? "calls.publish" : "calls.close"),
      okButtonProps: { danger: kind === "close" },
      cancelText: t("common.cancel"),
      onOk: async () => {
        try {
          await action.mutateAsync({ action: kind, version: call.version });
          message.success(t(kind === "publish" ? "calls.published" : "calls.closed"));
        } catch (error) {
          message.error(errorMessage(error));
        }
      },
    });

  return (
    <>
      <PageHeader
        title={call.title}
        backTo="/calls"
        subTitle={
          <Flex gap={4} wrap>
            <CallStatusTag status={call.status} />
            <WindowTag call={call} now={now} />
          </Flex>
        }
        extra={
          <>
            {call.status !== "closed" && (
              <Button icon={<EditOutlined aria-hidden />} onClick={() => navigate(`/calls/${call.id}/edit`)}>
                {t("common.edit")}
              </Button>
            )}
            {call.status === "draft" && (
              <Button
                type="primary"
                icon={<CheckOutlined aria-hidden />}
                disabled={call.publishProblems.length > 0}
                onClick={() => confirm("publish")}
              >
                {t("calls.publish")}
              </Button>
            )}
            {call.status === "published" && (
              <Button danger icon={<StopOutlined aria-hidden />} onClick={() => confirm("close")}>
                {t("calls.close")}
              </Button>
            )}
            {call.status !== "draft" && (
              <Button
                icon={<GlobalOutlined aria-hidden />}
                onClick={() => navigate(`/portal/calls/${call.id}`)}
              >
                {t("calls.viewOnPortal")}
              </Button>
            )}
          </>
        }
      />
      <Flex vertical gap={16}>
        {call.publishProblems.length > 0 && (
          <Alert
            type="warning"
            showIcon
            title={t("calls.problemsTitle")}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {call.publishProblems.map((p) => (
                  <li key={`${p.field}-${p.message}`}>{p.message}</li>
                ))}
              </ul>
            }
          />
        )}
        <Card title={<h2 style={{ margin: 0, fontSize: 16 }}>{t("calls.basics")}</h2>}>
          <Descriptions
            size="small"
            column={{ xs: 1, md: 2 }}
            items={[
              { key: "opensAt", label: t("calls.opensAt"), children: formatDateTime(call.opensAt) },
              { key: "closesAt", label: t("calls.closesAt"), children: formatDateTime(call.closesAt) },
              {
                key: "publishedAt",
                label: t("calls.publishedAt"),
                children: formatDateTime(call.publishedAt),
              },
              {
                key: "revision",
                label: t("calls.revision"),
                children:
                  call.revision > 0
                    ? t("calls.revisionNo", { revision: call.revision })
                    : t("calls.noRevisions"),
              },
              ...(call.closedAt
                ? [{ key: "closedAt", label: t("calls.closedAt"), children: formatDateTime(call.closedAt) }]
                : []),
            ]}
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t("calls.timesInShanghai")}
          </Typography.Text>
          {call.description && (
            <Typography.Paragraph style={{ whiteSpace: "pre-wrap", marginTop: 12, marginBottom: 0 }}>
              {call.description}
            </Typography.Paragraph>
          )}
        </Card>
        <CountsTable call={call} />
        <section aria-labelledby="rules-title">
          <h2 id="rules-title" style={{ fontSize: 16, margin: "0 0 12px" }}>
            {t("calls.rulesTitle")}
          </h2>
          {call.rules.tracks.length === 0 ? (
            <Card>
              <Empty />
            </Card>
          ) : (
            <Row gutter={[16, 16]}>
              {call.rules.tracks.map((track) => (
                <Col key={track.track} xs={24} lg={12}>
                  <TrackRules track={track} questions={call.rules.questions} />
                </Col>
              ))}
            </Row>
          )}
        </section>
        <QuestionsCard call={call} />
        <Card title={<h2 style={{ margin: 0, fontSize: 16 }}>{t("calls.revisionsTitle")}</h2>}>
          {call.revisions.length === 0 ? (
            <Typography.Text type="secondary">{t("calls.noRevisions")}</Typography.Text>
          ) : (
            <RevisionList revisions={call.revisions} />
          )}
        </Card>
      </Flex>
    </>
  );
}

function QuestionsCard({ call }: { call: Call }) {
  const { t } = useTranslation();
  const labels = useRecruitmentLabels();
  return (
    <Card title={<h2 style={{ margin: 0, fontSize: 16 }}>{t("calls.sectionQuestions")}</h2>}>
      {call.rules.questions.length === 0 ? (
        <Typography.Text type="secondary">{t("calls.noQuestions")}</Typography.Text>
      ) : (
        <ol style={{ margin: 0, paddingInlineStart: 20, display: "grid", gap: 6 }}>
          {call.rules.questions.map((q) => (
            <li key={q.key}>
              {q.label}
              {q.required && <span style={{ color: "#cf1322" }}> *</span>}{" "}
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {t("calls.questionMeta", {
                  type: labels.questionType[q.type],
                  tracks: q.tracks
                    ? q.tracks.map((x) => labels.track[x]).join(t("common.listSeparator"))
                    : t("portal.allTracks"),
                })}
              </Typography.Text>
              {q.options.length > 0 && (
                <div style={{ fontSize: 13, color: "rgba(0,0,0,0.65)" }}>{q.options.join(" / ")}</div>
              )}
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
