/**
 * 评分: one assigned application on one side (the dossier, its documents viewable in the page, the
 * signed-off inspection record) and the rubric form on the other (stacked on a phone). Made for
 * the keyboard: the criteria in order, typing a number sets the score, Enter or Tab moves on,
 * Ctrl+Enter (or the focused button) submits; every keystroke is kept as a draft on the device and
 * saved to the server as it goes.
 */

import { useQueryClient } from "@tanstack/react-query";
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Flex,
  Grid,
  Input,
  InputNumber,
  Row,
  Space,
  Tag,
  Typography,
} from "antd";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import type { ReviewDetail } from "../../../../../schemas/admission/reviews";
import type { CriterionInput } from "../../../../../schemas/admission/rubrics";
import { submitReview, useReview } from "../../../../api/admission/reviews";
import { isApiError } from "../../../../api/client";
import { inlineFileUrl } from "../../../../api/recruitment/applications";
import { formatDateTime } from "../../../../components/format";
import { ToneTag } from "../../../../components/labels";
import { PageHeader } from "../../../../components/PageHeader";
import { QueryError } from "../../../../components/QueryError";
import { Answers, OrganizationProfile } from "../../../recruitment/intake/components/ApplicationSections";
import { InspectionRecordTable } from "../../inspections/components/InspectionDossier";
import recordStyles from "../../inspections/components/record.module.css";
import { type ReviewValues, useReviewAutosave } from "./useReviewAutosave";

export default function ScoringPage() {
  const { id = "" } = useParams();
  const review = useReview(id);
  if (review.isError) return <QueryError error={review.error} onRetry={() => void review.refetch()} />;
  if (!review.data) return <Card loading />;
  return <Scoring key={review.data.id} detail={review.data} />;
}

const lang = (i18nLang: string) => (i18nLang.startsWith("en") ? "en" : "zhCN");

function Scoring({ detail }: { detail: ReviewDetail }) {
  const { t, i18n } = useTranslation();
  const l = lang(i18n.language);
  const { modal, message } = App.useApp();
  const navigate = useNavigate();
  const client = useQueryClient();
  const scorable = detail.status !== "submitted" && detail.round.status === "open";
  const autosave = useReviewAutosave(detail, scorable);
  const inputs = useRef<(HTMLInputElement | null)[]>([]);
  const submitButton = useRef<HTMLButtonElement | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const criteria = detail.rubric.criteria;
  const name = detail.application.organization.name;
  const wide = Grid.useBreakpoint().lg === true;

  const submit = async () => {
    if (!scorable) return;
    if (!(await autosave.flush()) && autosave.pending > 0) return;
    modal.confirm({
      title: t("reviews.submit"),
      content: t("reviews.submitConfirm"),
      autoFocusButton: "ok",
      onOk: async () => {
        try {
          await submitReview(detail.id, autosave.version());
          autosave.discard();
          setErrors({});
          void message.success(t("reviews.submitted"));
          await client.invalidateQueries({ queryKey: ["reviews"] });
          const next = detail.siblings.find((s) => s.id !== detail.id && s.status !== "submitted");
          if (next) navigate(`/reviews/${next.id}`);
        } catch (error) {
          if (isApiError(error) && error.status === 400) {
            const problems = (error.details?.problems as
              | { field: string; message: string }[]
              | undefined) ?? [{ field: error.field ?? "", message: error.message }];
            setErrors(Object.fromEntries(problems.map((p) => [p.field, p.message])));
            const first = problems[0]?.field ?? "";
            const index = criteria.findIndex((c) => first.endsWith(`.${c.key}`));
            const target = first.startsWith("comments.")
              ? document.getElementById(`comment-${criteria[index]?.key}`)
              : inputs.current[index];
            target?.focus();
          } else {
            void message.error(error instanceof Error ? error.message : String(error));
          }
        }
      },
    });
  };
  const submitRef = useRef(submit);
  submitRef.current = submit;

  // Ctrl+Enter (⌘+Enter) submits from anywhere on the page.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        void submitRef.current();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  const unscored = criteria.filter((c) => typeof autosave.values[`s:${c.key}`] !== "number").length;
  const total = unscored === 0 ? weighted(criteria, autosave.values) : null;

  return (
    <>
      <PageHeader
        title={t("reviews.scoringTitle", { name })}
        backTo="/reviews"
        subTitle={
          <Space wrap size={8}>
            <span>{detail.round.title}</span>
            <span>{t("reviews.deadline", { time: formatDateTime(detail.round.deadline) })}</span>
            <ToneTag tone={detail.status === "submitted" ? "green" : "blue"}>
              {t(`reviews.status.${detail.status}`)}
            </ToneTag>
          </Space>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={{ span: 24, order: 2 }} lg={{ span: 13, order: 1 }}>
          <Dossier detail={detail} />
        </Col>
        <Col xs={{ span: 24, order: 1 }} lg={{ span: 11, order: 2 }}>
          {/* Beside the dossier on a desktop it stays in view; on a phone it is simply first. */}
          <div style={wide ? { position: "sticky", top: 16 } : undefined}>
            <Card
              title={`${t("reviews.rubric")} · ${detail.rubric.title}`}
              extra={
                <SaveLine state={autosave.state} pending={autosave.pending} keeping={autosave.keeping} />
              }
              styles={wide ? { body: { maxHeight: "calc(100vh - 160px)", overflowY: "auto" } } : undefined}
            >
              {!scorable && (
                <Alert
                  type="info"
                  showIcon
                  style={{ marginBottom: 12 }}
                  title={detail.status === "submitted" ? t("reviews.readOnly") : t("reviews.closed")}
                />
              )}
              {autosave.state.kind === "conflict" && (
                <Alert
                  type="warning"
                  showIcon
                  style={{ marginBottom: 12 }}
                  title={t("reviews.conflict")}
                  action={<Button onClick={() => window.location.reload()}>{t("reviews.reload")}</Button>}
                />
              )}
              <form
                aria-label={t("reviews.rubric")}
                onSubmit={(e) => {
                  e.preventDefault();
                  void submit();
                }}
              >
                {criteria.map((c, i) => (
                  <CriterionField
                    key={c.key}
                    criterion={c}
                    l={l}
                    disabled={!scorable}
                    score={autosave.values[`s:${c.key}`]}
                    comment={autosave.values[`c:${c.key}`]}
                    scoreError={
                      errors[`scores.${c.key}`] ??
                      (autosave.state.kind === "error" && autosave.state.field === `scores.${c.key}`
                        ? autosave.state.message
                        : undefined)
                    }
                    commentError={errors[`comments.${c.key}`]}
                    inputRef={(el) => {
                      inputs.current[i] = el;
                    }}
                    onScore={(v) => {
                      autosave.change(`s:${c.key}`, v);
                      setErrors(({ [`scores.${c.key}`]: _a, ...rest }) => rest);
                    }}
                    onComment={(v) => {
                      autosave.change(`c:${c.key}`, v);
                      setErrors(({ [`comments.${c.key}`]: _a, ...rest }) => rest);
                    }}
                    onNext={() => (inputs.current[i + 1] ?? submitButton.current)?.focus()}
                  />
                ))}
                <label htmlFor="overall-comment" style={{ fontWeight: 600, display: "block", marginTop: 8 }}>
                  {t("reviews.overall")}
                </label>
                <Input.TextArea
                  id="overall-comment"
                  autoSize={{ minRows: 2, maxRows: 6 }}
                  maxLength={4000}
                  disabled={!scorable}
                  value={String(autosave.values.overall ?? "")}
                  onChange={(e) => autosave.change("overall", e.target.value)}
                />
                <Flex wrap align="center" justify="space-between" gap={8} style={{ marginTop: 16 }}>
                  <Typography.Text strong>
                    {total !== null
                      ? t("reviews.total", { total: total.toFixed(1) })
                      : t("reviews.totalIncomplete", { count: unscored })}
                  </Typography.Text>
                  <Button type="primary" htmlType="submit" disabled={!scorable} ref={submitButton}>
                    {t("reviews.submit")}
                  </Button>
                </Flex>
                <Typography.Paragraph
                  type="secondary"
                  style={{ fontSize: 12, marginTop: 8, marginBottom: 0 }}
                >
                  {t("reviews.submitHint")}
                </Typography.Paragraph>
              </form>
              {detail.others && <Others detail={detail} />}
            </Card>
          </div>
        </Col>
      </Row>
    </>
  );
}

/** The weighted total on 0-100, as the server computes it. */
function weighted(criteria: readonly CriterionInput[], values: ReviewValues): number {
  let sum = 0;
  let weights = 0;
  for (const c of criteria) {
    const s = values[`s:${c.key}`] as number;
    sum += (c.weight * (s - c.min)) / (c.max - c.min);
    weights += c.weight;
  }
  return (sum * 100) / weights;
}

function CriterionField(props: {
  criterion: CriterionInput;
  l: "zhCN" | "en";
  disabled: boolean;
  score: unknown;
  comment: unknown;
  scoreError?: string;
  commentError?: string;
  inputRef: (el: HTMLInputElement | null) => void;
  onScore: (v: number | null) => void;
  onComment: (v: string) => void;
  onNext: () => void;
}) {
  const { t } = useTranslation();
  const c = props.criterion;
  const label = c.name[props.l] || c.name.zhCN;
  const score = typeof props.score === "number" ? props.score : null;
  const atEnd = score !== null && (score === c.min || score === c.max);
  const band = c.levels.find((b) => score !== null && score >= b.min && score <= b.max);
  return (
    <fieldset
      style={{ border: 0, borderBottom: "1px solid #f0f0f0", padding: "0 0 12px", margin: "0 0 12px" }}
    >
      <legend style={{ fontWeight: 600, fontSize: 15, marginBottom: 4 }}>
        {label}{" "}
        <span style={{ fontWeight: 400, color: "rgba(0,0,0,0.6)" }}>
          · {t("rounds.weight")} {c.weight}
        </span>
      </legend>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 6, fontSize: 13 }}>
        {c.description[props.l] || c.description.zhCN}
      </Typography.Paragraph>
      <details style={{ fontSize: 12, marginBottom: 6 }}>
        <summary>{t("reviews.levelsOf")}</summary>
        <ul style={{ margin: "4px 0", paddingInlineStart: 18 }}>
          {c.levels.map((b) => (
            <li key={b.min}>
              {b.min}–{b.max}：{b.meaning[props.l] || b.meaning.zhCN}
            </li>
          ))}
        </ul>
      </details>
      <Flex wrap gap={8} align="center">
        <label htmlFor={`score-${c.key}`}>
          {t("reviews.scoreLabel", { name: label, min: c.min, max: c.max })}
        </label>
        <InputNumber
          id={`score-${c.key}`}
          ref={props.inputRef}
          min={c.min}
          max={c.max}
          precision={0}
          disabled={props.disabled}
          value={score}
          status={props.scoreError ? "error" : undefined}
          aria-invalid={!!props.scoreError}
          aria-describedby={props.scoreError ? `score-${c.key}-error` : undefined}
          onChange={(v) => props.onScore(typeof v === "number" ? v : null)}
          onPressEnter={(e) => {
            e.preventDefault();
            if ((e as unknown as KeyboardEvent).ctrlKey) return;
            props.onNext();
          }}
          style={{ width: 96 }}
        />
        {band && <Tag>{band.meaning[props.l] || band.meaning.zhCN}</Tag>}
      </Flex>
      {props.scoreError && (
        <div id={`score-${c.key}-error`} role="alert" style={{ color: "#cf1322", fontSize: 13 }}>
          {props.scoreError}
        </div>
      )}
      <label htmlFor={`comment-${c.key}`} style={{ display: "block", marginTop: 6, fontSize: 13 }}>
        {t("reviews.comment")}
        {atEnd && <span style={{ color: "#ad4e00" }}>（{t("reviews.commentRequired")}）</span>}
      </label>
      <Input.TextArea
        id={`comment-${c.key}`}
        autoSize={{ minRows: 1, maxRows: 4 }}
        maxLength={2000}
        disabled={props.disabled}
        value={String(props.comment ?? "")}
        status={props.commentError ? "error" : undefined}
        aria-invalid={!!props.commentError}
        onChange={(e) => props.onComment(e.target.value)}
      />
      {props.commentError && (
        <div role="alert" style={{ color: "#cf1322", fontSize: 13 }}>
          {props.commentError}
        </div>
      )}
    </fieldset>
  );
}

function SaveLine(props: {
  state: ReturnType<typeof useReviewAutosave>["state"];
  pending: number;
  keeping: boolean | null;
}) {
  const { t } = useTranslation();
  const s = props.state;
  const text =
    s.kind === "saving"
      ? t("reviews.saving")
      : s.kind === "offline"
        ? `${t("reviews.waiting", { count: props.pending })}${props.keeping ? `（${t("reviews.keptOnDevice")}）` : ""}`
        : s.kind === "saved"
          ? t("reviews.savedAt", { time: s.at.toLocaleTimeString() })
          : "";
  return (
    <span
      role="status"
      aria-live="polite"
      style={{ fontSize: 12, color: s.kind === "offline" ? "#ad4e00" : "rgba(0,0,0,0.6)" }}
    >
      {text}
    </span>
  );
}

function Others({ detail }: { detail: ReviewDetail }) {
  const { t } = useTranslation();
  const others = detail.others;
  if (!others) return null;
  return (
    <div style={{ marginTop: 16 }}>
      <Typography.Title level={2} style={{ fontSize: 15 }}>
        {t("reviews.others")}
      </Typography.Title>
      <ul>
        {others.reviews.map((r) => (
          <li key={r.label}>
            {t("reviews.otherLabel", { label: r.label })}：{r.total.toFixed(1)}
          </li>
        ))}
      </ul>
      {others.mean !== null && <div>{t("reviews.mean", { mean: others.mean.toFixed(1) })}</div>}
    </div>
  );
}

function Dossier({ detail }: { detail: ReviewDetail }) {
  const { t } = useTranslation();
  const app = detail.application;
  const [fileId, setFileId] = useState<string | null>(app.documents[0]?.file.id ?? null);
  const labelOf = (key: string) =>
    app.requirements.documents.find((d) => d.key === key)?.label ??
    app.requirements.questions.find((q) => `q:${q.key}` === key)?.label ??
    key;
  return (
    <Flex vertical gap={16}>
      <Card title={t("reviews.organization")} size="small">
        <OrganizationProfile detail={app} />
      </Card>
      <Card title={t("reviews.answers")} size="small">
        <Answers detail={app} />
      </Card>
      <Card title={t("reviews.documents")} size="small">
        {app.documents.length === 0 ? (
          t("reviews.noDocuments")
        ) : (
          <>
            <Flex wrap gap={8} style={{ marginBottom: 8 }}>
              {app.documents.map((d) => (
                <Button
                  key={d.id}
                  size="small"
                  type={d.file.id === fileId ? "primary" : "default"}
                  aria-pressed={d.file.id === fileId}
                  onClick={() => setFileId(d.file.id)}
                >
                  {labelOf(d.requirementKey)} · {d.file.originalName}
                </Button>
              ))}
            </Flex>
            <Viewer file={app.documents.find((d) => d.file.id === fileId)?.file} />
          </>
        )}
      </Card>
      <Card title={t("reviews.inspection")} size="small">
        {detail.inspection ? (
          <InspectionRecordTable id={detail.inspection.id} styles={recordStyles} />
        ) : (
          t("reviews.noInspection")
        )}
      </Card>
    </Flex>
  );
}

/** A PDF in a frame or an image, as staff read documents (served inline by the same file route). */
function Viewer({ file }: { file?: { id: string; originalName: string; mime: string } }) {
  if (!file) return null;
  if (file.mime === "application/pdf") {
    return (
      <iframe
        key={file.id}
        src={inlineFileUrl(file.id)}
        title={file.originalName}
        style={{ width: "100%", height: "60vh", border: "1px solid #f0f0f0", background: "#fff" }}
      />
    );
  }
  if (file.mime.startsWith("image/")) {
    return (
      <img
        src={inlineFileUrl(file.id)}
        alt={file.originalName}
        style={{ maxWidth: "100%", height: "auto" }}
      />
    );
  }
  return (
    <a href={inlineFileUrl(file.id)} target="_blank" rel="noreferrer">
      {file.originalName}
    </a>
  );
}
