/**
 * The applicant's admission result on their application page: nothing until the decision is
 * final (after the public notice), then the outcome, the reason and the summary the base
 * released (never an expert's comment), and for an admission the confirm / decline buttons with
 * the date to answer by.
 */
import { Alert, Button, Card, Descriptions, message, Popconfirm, Space, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useAnswerPlace, useDecision } from "../../../api/admission/meeting";
import { formatDate } from "../../../components/format";
import { errorMessage } from "../../../components/serverErrors";
import { DecisionIncubationLink } from "../../incubation/incubations/components/IncubationHomeCards";

const DECIDED = ["admitted", "waitlisted", "rejected", "confirmed", "declined"];

export function DecisionCard({
  applicationId,
  status,
  compact = false,
}: {
  applicationId: string;
  status: string;
  /** On the list's card: the outcome, the reason and the date, without the buttons. */
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const view = useDecision(applicationId, DECIDED.includes(status));
  const answer = useAnswerPlace(applicationId);
  if (!DECIDED.includes(status) || !view.data) return null;
  const d = view.data;
  if (compact) {
    if (!d.final || !d.decision) return null;
    return (
      <Alert
        type={d.decision === "admitted" ? "success" : d.decision === "waitlisted" ? "warning" : "info"}
        message={t(`admission.decision.${d.decision}`)}
        description={
          <>
            <div style={{ whiteSpace: "pre-wrap" }}>
              {t("admission.decision.reason")}
              {t("common.colon")}
              {d.reason}
            </div>
            {d.status === "admitted" && d.confirmBy && (
              <strong>{t("admission.decision.confirmBy", { date: formatDate(d.confirmBy) })}</strong>
            )}
          </>
        }
      />
    );
  }
  if (!d.final || !d.decision) {
    return (
      <Card
        title={<h2 style={{ fontSize: 16, margin: 0 }}>{t("admission.decision.title")}</h2>}
        style={{ marginBottom: 16 }}
      >
        <Typography.Text>{t("admission.decision.pending")}</Typography.Text>
      </Card>
    );
  }
  const place = async (value: "confirm" | "decline") => {
    try {
      await answer.mutateAsync({ answer: value, version: d.applicationVersion });
      void message.success(
        t(value === "confirm" ? "admission.decision.confirmed_toast" : "admission.decision.declined_toast"),
      );
    } catch (error) {
      void message.error(errorMessage(error));
    }
  };
  const headline =
    d.status === "confirmed"
      ? t("admission.decision.confirmed")
      : d.status === "declined"
        ? t("admission.decision.declined")
        : t(`admission.decision.${d.decision}`);
  return (
    <Card
      title={<h2 style={{ fontSize: 16, margin: 0 }}>{t("admission.decision.title")}</h2>}
      style={{ marginBottom: 16 }}
      data-testid="decision-card"
    >
      <Alert
        type={d.decision === "admitted" ? "success" : d.decision === "waitlisted" ? "warning" : "info"}
        showIcon
        message={<strong>{headline}</strong>}
        description={d.incubationId ? <DecisionIncubationLink incubationId={d.incubationId} /> : undefined}
        style={{ marginBottom: 12 }}
      />
      <Descriptions column={1} size="small" styles={{ label: { whiteSpace: "nowrap" } }}>
        <Descriptions.Item label={t("admission.decision.reason")}>
          <span style={{ whiteSpace: "pre-wrap" }}>{d.reason}</span>
        </Descriptions.Item>
        {d.releasedSummary && (
          <Descriptions.Item label={t("admission.decision.summary")}>
            <span style={{ whiteSpace: "pre-wrap" }}>{d.releasedSummary}</span>
          </Descriptions.Item>
        )}
        {d.roundTitle && (
          <Descriptions.Item label={t("admission.decision.round")}>{d.roundTitle}</Descriptions.Item>
        )}
      </Descriptions>
      {d.status === "admitted" && d.confirmBy && (
        <>
          <Typography.Paragraph strong style={{ margin: "12px 0" }}>
            {t("admission.decision.confirmBy", { date: formatDate(d.confirmBy) })}
          </Typography.Paragraph>
          <Space wrap>
            <Button
              type="primary"
              size="large"
              loading={answer.isPending}
              onClick={() => void place("confirm")}
            >
              {t("admission.decision.confirm")}
            </Button>
            <Popconfirm
              title={t("admission.decision.declineConfirm")}
              onConfirm={() => void place("decline")}
            >
              <Button size="large" danger>
                {t("admission.decision.decline")}
              </Button>
            </Popconfirm>
          </Space>
        </>
      )}
    </Card>
  );
}
