/**
 * 能力评估: one assessment, self or assessor, made for a phone (390 px) first. The dimensions one
 * after another (folding), each indicator's levels as cards to pick one of (a radio group), a
 * note and evidence files; every choice is kept on the device at once and saved as it goes
 * (useAssessmentAutosave, the shared offline draft store), so a flaky connection loses nothing.
 * Progress n of m; submit with a confirmation; read-only once submitted, with the correction.
 */
import { CheckCircleFilled, DeleteOutlined, PaperClipOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import {
  Alert,
  App,
  Button,
  Card,
  Collapse,
  Flex,
  Input,
  Progress,
  Radio,
  Space,
  Statistic,
  Typography,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import type { AssessmentDetail } from "../../../../../schemas/incubation/assessments";
import {
  correctAssessment,
  removeEvidence,
  submitAssessment,
  uploadEvidence,
  useAssessment,
} from "../../../../api/incubation/assessments";
import { fileUrl } from "../../../../api/recruitment/applications";
import { FileButton } from "../../../../components/FileButton";
import { dayjs } from "../../../../components/format";
import { ToneTag } from "../../../../components/labels";
import { PageHeader } from "../../../../components/PageHeader";
import { QueryError } from "../../../../components/QueryError";
import { errorMessage } from "../../../../components/serverErrors";
import styles from "./form.module.css";
import { useAssessmentAutosave } from "./useAssessmentAutosave";

export default function AssessmentPage() {
  const { id = "" } = useParams();
  const assessment = useAssessment(id);
  if (assessment.isError)
    return <QueryError error={assessment.error} onRetry={() => void assessment.refetch()} />;
  if (!assessment.data) return <Card loading />;
  return <AssessmentForm key={`${assessment.data.id}:${assessment.data.status}`} detail={assessment.data} />;
}

type Lang = "zhCN" | "en";
const langOf = (l: string): Lang => (l.startsWith("en") ? "en" : "zhCN");

function AssessmentForm({ detail }: { detail: AssessmentDetail }) {
  const { t, i18n } = useTranslation();
  const l = langOf(i18n.language);
  const { modal, message } = App.useApp();
  const client = useQueryClient();
  const navigate = useNavigate();
  const editable = detail.editable;
  const autosave = useAssessmentAutosave(detail, editable);
  const [evidence, setEvidence] = useState(detail.evidence);
  const content = detail.instrument.content;
  const indicators = content.dimensions.flatMap((d) => d.indicators);
  const scoreOf = (key: string) => {
    const v = autosave.values[`s:${key}`];
    return typeof v === "number" ? v : null;
  };
  const done = indicators.filter((i) => scoreOf(i.key) !== null).length;
  const result = editable ? autosave.result : detail.result;
  const title = t("assessments.formTitle", {
    phase: t(`assessments.phase.${detail.phase}`),
    side: t(`assessments.side.${detail.side}`),
    name: detail.organizationName,
  });

  const submit = async () => {
    if (!(await autosave.flush()) && autosave.pending > 0) return;
    if (done < indicators.length) {
      void message.warning(t("assessments.incomplete", { count: indicators.length - done }));
      const first = indicators.find((i) => scoreOf(i.key) === null);
      if (first) document.getElementById(`indicator-${first.key}`)?.scrollIntoView({ block: "center" });
      return;
    }
    modal.confirm({
      title: t("assessments.submit"),
      content: t("assessments.submitConfirm"),
      onOk: async () => {
        try {
          await submitAssessment(detail.id, autosave.version());
          autosave.discard();
          void message.success(t("assessments.submitted"));
          await client.invalidateQueries({ queryKey: ["assessments"] });
        } catch (error) {
          void message.error(errorMessage(error));
        }
      },
    });
  };

  const correct = () => {
    let reason = "";
    modal.confirm({
      title: t("assessments.correctTitle"),
      content: (
        <Input.TextArea
          aria-label={t("assessments.correctReason")}
          placeholder={t("assessments.correctReason")}
          maxLength={1000}
          autoSize={{ minRows: 3 }}
          onChange={(e) => {
            reason = e.target.value;
          }}
        />
      ),
      onOk: async () => {
        if (!reason.trim()) {
          void message.error(t("assessments.correctReasonRequired"));
          throw new Error("reason");
        }
        try {
          const { id } = await correctAssessment(detail.id, reason);
          void message.success(t("assessments.corrected"));
          await client.invalidateQueries({ queryKey: ["assessments"] });
          navigate(`/assessments/${id}`);
        } catch (error) {
          void message.error(errorMessage(error));
          throw error;
        }
      },
    });
  };

  const addEvidence = async (indicatorKey: string, files: File[]) => {
    for (const file of files) {
      try {
        const added = await uploadEvidence(detail.id, indicatorKey, file);
        setEvidence((list) => [...list, added]);
      } catch (error) {
        void message.error(errorMessage(error));
      }
    }
  };
  const dropEvidence = async (fileId: string) => {
    try {
      await removeEvidence(detail.id, fileId);
      setEvidence((list) => list.filter((f) => f.id !== fileId));
    } catch (error) {
      void message.error(errorMessage(error));
    }
  };

  const save = autosave.state;
  const saveLine =
    save.kind === "saving"
      ? t("assessments.save.saving")
      : save.kind === "saved"
        ? t("assessments.save.savedAt", { time: dayjs(save.at).tz("Asia/Shanghai").format("HH:mm:ss") })
        : save.kind === "offline"
          ? `${t("assessments.save.waiting", { count: autosave.pending })}${autosave.keeping === false ? ` ${t("assessments.save.notKept")}` : ""}`
          : save.kind === "error"
            ? t("assessments.save.failed", { message: save.message })
            : t("assessments.save.hint");

  return (
    <div style={{ maxWidth: 960 }}>
      <PageHeader
        title={title}
        backTo={`/incubations/${detail.incubationId}/assessments`}
        subTitle={
          <ToneTag
            tone={detail.status === "draft" ? "blue" : detail.status === "submitted" ? "green" : "default"}
          >
            {t(`assessments.status.${detail.status}`)}
          </ToneTag>
        }
      />
      <Space direction="vertical" size={4} style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">
          {t("assessments.instrument", { name: detail.instrument.name, number: detail.instrument.number })}
        </Typography.Text>
        {detail.assessor && detail.side === "assessor" && (
          <Typography.Text type="secondary">
            {t("assessments.assessor", { name: detail.assessor.name })}
          </Typography.Text>
        )}
        {detail.revision > 1 && (
          <Typography.Text type="secondary">
            {t("assessments.revision", { revision: detail.revision })}
            {detail.correctionReason &&
              ` · ${t("assessments.correctionReason", { reason: detail.correctionReason })}`}
          </Typography.Text>
        )}
      </Space>
      {detail.status === "submitted" && (
        <Alert type="success" showIcon message={t("assessments.readOnly")} style={{ marginBottom: 12 }} />
      )}
      {detail.status === "superseded" && (
        <Alert
          type="warning"
          showIcon
          message={t("assessments.supersededNote")}
          style={{ marginBottom: 12 }}
        />
      )}
      {save.kind === "conflict" && (
        <Alert
          type="error"
          showIcon
          message={t("assessments.save.conflict")}
          action={<Button onClick={() => window.location.reload()}>{t("assessments.save.reload")}</Button>}
          style={{ marginBottom: 12 }}
        />
      )}

      <div className={styles.sticky}>
        <Flex justify="space-between" align="center" wrap gap={8}>
          <Typography.Text strong>
            {t("assessments.progress", { done, total: indicators.length })}
          </Typography.Text>
          <Typography.Text>
            {editable ? t("assessments.resultLive") : t("assessments.result")}:{" "}
            <strong>{result.total === null ? "—" : result.total.toFixed(2)}</strong>
          </Typography.Text>
        </Flex>
        <Progress
          aria-label={t("assessments.progress", { done, total: indicators.length })}
          percent={Math.round((done / Math.max(1, indicators.length)) * 100)}
          showInfo={false}
          size="small"
        />
        {editable && (
          <Typography.Text
            type={save.kind === "error" ? "danger" : "secondary"}
            role="status"
            aria-live="polite"
            style={{ fontSize: 13 }}
          >
            {saveLine}
          </Typography.Text>
        )}
      </div>

      <Collapse
        defaultActiveKey={content.dimensions.map((d) => d.key)}
        style={{ marginTop: 8 }}
        items={content.dimensions.map((d) => {
          const dimDone = d.indicators.filter((i) => scoreOf(i.key) !== null).length;
          const dimScore = result.dimensions[d.key]?.score ?? null;
          return {
            key: d.key,
            label: (
              <Flex justify="space-between" wrap gap={4}>
                <span>
                  {dimDone === d.indicators.length && (
                    <CheckCircleFilled aria-hidden style={{ color: "#389e0d", marginRight: 6 }} />
                  )}
                  {t("assessments.dimensionHeader", { name: d.name[l], weight: d.weight })}
                </span>
                <Typography.Text type="secondary">
                  {t("assessments.dimensionScored", { done: dimDone, total: d.indicators.length })}
                  {dimScore !== null && ` · ${t("assessments.score", { score: dimScore.toFixed(2) })}`}
                </Typography.Text>
              </Flex>
            ),
            children: (
              <div>
                {d.description[l] && (
                  <Typography.Paragraph type="secondary">{d.description[l]}</Typography.Paragraph>
                )}
                {d.indicators.map((i) => (
                  <div key={i.key} id={`indicator-${i.key}`} className={styles.indicator}>
                    <Typography.Title level={3} style={{ fontSize: 16, marginTop: 0 }} id={`label-${i.key}`}>
                      {i.name[l]}
                    </Typography.Title>
                    {i.description[l] && (
                      <Typography.Paragraph style={{ marginBottom: 4 }}>
                        {i.description[l]}
                      </Typography.Paragraph>
                    )}
                    {i.evidence[l] && (
                      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
                        {t("assessments.evidenceHint", { evidence: i.evidence[l] })}
                      </Typography.Paragraph>
                    )}
                    <Radio.Group
                      aria-labelledby={`label-${i.key}`}
                      value={scoreOf(i.key)}
                      disabled={!editable}
                      onChange={(e) => autosave.change(`s:${i.key}`, e.target.value as number)}
                      style={{ width: "100%" }}
                    >
                      <div className={styles.levels}>
                        {i.levels.map((level) => (
                          <Radio key={level.score} value={level.score} className={styles.level}>
                            <span className={styles.levelScore}>
                              {t("assessments.level", { score: level.score })}
                            </span>
                            {level.description[l]}
                          </Radio>
                        ))}
                      </div>
                    </Radio.Group>
                    <Input.TextArea
                      aria-label={`${i.name[l]} · ${t("assessments.comment")}`}
                      placeholder={t("assessments.commentPlaceholder")}
                      value={String(autosave.values[`c:${i.key}`] ?? "")}
                      readOnly={!editable}
                      maxLength={2000}
                      autoSize={{ minRows: 1, maxRows: 6 }}
                      onChange={(e) => autosave.change(`c:${i.key}`, e.target.value)}
                      style={{ marginTop: 8 }}
                    />
                    <Flex wrap gap={8} align="center" style={{ marginTop: 8 }}>
                      {evidence
                        .filter((f) => f.indicatorKey === i.key)
                        .map((f) => (
                          <Space key={f.id} size={2}>
                            <a href={fileUrl(f.id)} target="_blank" rel="noreferrer">
                              <PaperClipOutlined aria-hidden /> {f.originalName}
                            </a>
                            {editable && (
                              <Button
                                type="text"
                                size="small"
                                icon={<DeleteOutlined />}
                                aria-label={t("assessments.evidenceRemove", { name: f.originalName })}
                                onClick={() => void dropEvidence(f.id)}
                              />
                            )}
                          </Space>
                        ))}
                      {editable && (
                        <FileButton size="small" onFiles={(files) => void addEvidence(i.key, files)}>
                          {t("assessments.evidenceAdd")}
                        </FileButton>
                      )}
                    </Flex>
                  </div>
                ))}
              </div>
            ),
          };
        })}
      />

      <Card size="small" title={t("assessments.summary")} style={{ marginTop: 16 }}>
        <Input.TextArea
          aria-label={t("assessments.summary")}
          placeholder={t("assessments.summaryPlaceholder")}
          value={String(autosave.values.summary ?? "")}
          readOnly={!editable}
          maxLength={4000}
          autoSize={{ minRows: 3, maxRows: 10 }}
          onChange={(e) => autosave.change("summary", e.target.value)}
        />
      </Card>

      <Flex wrap gap={12} align="center" justify="space-between" style={{ marginTop: 16 }}>
        <Statistic
          title={t("assessments.result")}
          value={result.total === null ? "—" : result.total.toFixed(2)}
        />
        <Space wrap>
          {detail.correctable && <Button onClick={correct}>{t("assessments.correct")}</Button>}
          {editable && (
            <Button type="primary" size="large" onClick={() => void submit()}>
              {t("assessments.submit")}
            </Button>
          )}
          <Link to={`/incubations/${detail.incubationId}/assessments`}>{t("assessments.list.title")}</Link>
        </Space>
      </Flex>
    </div>
  );
}
