/** The track's questions as form fields, by type; every change goes to the autosave. */
import { Card, Checkbox, DatePicker, Form, Input, InputNumber, Radio, Space, Tag, Typography } from "antd";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { AnswerValue } from "../../../../../domain/answers";
import { answerMaxLength, NUMBER_ANSWER_LIMIT, numberRule, type Question } from "../../../../../domain/call";
import type { ApplicationDetail } from "../../../../../schemas/recruitment/applications";
import { dayjs } from "../../../../components/format";
import { useIsMobile } from "../../../../components/useIsMobile";
import { DocumentUpload } from "./DocumentUpload";
import { flagFor } from "./flags";
import type { Autosave } from "./useAutosave";
import { VerdictNote, VerdictTag } from "./Verdict";

/**
 * Choices and files are groups of controls: the question's label names the group (antd's radio or
 * checkbox group, a fieldset round a file question's controls), not one input.
 */
const GROUPED = new Set<Question["type"]>(["single_choice", "multiple_choice", "file"]);

export function Questions({ detail, autosave }: { detail: ApplicationDetail; autosave: Autosave }) {
  const { t } = useTranslation();
  const questions = detail.requirements.questions;
  if (questions.length === 0) return null;
  return (
    <Card
      id="section-questions"
      title={<h2 className="hatchery-card-title">{t("applications.sections.questions")}</h2>}
    >
      <Form layout="vertical" component="div" requiredMark={false}>
        {questions.map((q) => (
          <QuestionField key={q.key} question={q} detail={detail} autosave={autosave} />
        ))}
      </Form>
    </Card>
  );
}

function QuestionField({
  question: q,
  detail,
  autosave,
}: {
  question: Question;
  detail: ApplicationDetail;
  autosave: Autosave;
}) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const inputId = `q-${q.key}`;
  const labelId = `${inputId}-label`;
  const error = autosave.fieldErrors[q.key];
  const value = autosave.values[q.key];
  const set = (v: AnswerValue) => autosave.change(q.key, v);
  const flag = q.type === "file" ? flagFor(detail, `q:${q.key}`) : undefined;
  // On a phone each option is a full-width row at least 40 px tall, easy to hit with a thumb.
  const option = isMobile ? { minHeight: 40, display: "flex", alignItems: "center" } : undefined;
  const blur = () => void autosave.flush();
  const label = (
    <Space size={4} wrap>
      <span id={labelId}>{q.label}</span>
      {q.required && <Tag color="red">{t("applications.required")}</Tag>}
      <VerdictTag flag={flag} />
    </Space>
  );

  // The call's own limit (e.g. 300 字), which the server holds answers to.
  const maxLength = answerMaxLength(q) ?? undefined;
  let control: React.ReactNode;
  switch (q.type) {
    case "text":
      control = (
        <Input
          id={inputId}
          value={typeof value === "string" ? value : ""}
          maxLength={maxLength}
          placeholder={t("applications.textPlaceholder")}
          onChange={(e) => set(e.target.value)}
          onBlur={blur}
        />
      );
      break;
    case "long_text":
      control = (
        <>
          <Input.TextArea
            id={inputId}
            value={typeof value === "string" ? value : ""}
            maxLength={maxLength}
            autoSize={{ minRows: 4, maxRows: 14 }}
            placeholder={t("applications.textPlaceholder")}
            onChange={(e) => set(e.target.value)}
            onBlur={blur}
          />
          <Typography.Text type="secondary" style={{ display: "block", textAlign: "end", fontSize: 12 }}>
            {typeof value === "string" ? value.length : 0} / {maxLength}
          </Typography.Text>
        </>
      );
      break;
    case "number": {
      const rule = numberRule(q);
      control = (
        <InputNumber
          id={inputId}
          value={typeof value === "number" ? value : null}
          style={{ width: isMobile ? "100%" : 240 }}
          // No min/max/precision here: antd would silently clamp or round what was typed; the hint
          // says the rule and the autosave's answer names what is wrong.
          inputMode={rule.integer && rule.min >= 0 ? "numeric" : "decimal"}
          aria-describedby={numberHint(q, t) ? `${inputId}-hint` : undefined}
          onChange={(v) => set(typeof v === "number" ? v : null)}
          onBlur={blur}
        />
      );
      break;
    }
    case "date":
      control = (
        <DatePicker
          id={inputId}
          value={typeof value === "string" && value ? dayjs(value) : null}
          style={{ width: isMobile ? "100%" : 240 }}
          inputReadOnly={isMobile}
          onChange={(d) => {
            set(d ? d.format("YYYY-MM-DD") : null);
            void autosave.flush();
          }}
        />
      );
      break;
    case "single_choice":
      control = (
        <Radio.Group
          aria-labelledby={labelId}
          value={typeof value === "string" ? value : undefined}
          onChange={(e) => {
            set(e.target.value as string);
            void autosave.flush();
          }}
        >
          <Space orientation="vertical" size={isMobile ? 0 : 8}>
            {q.options.map((o) => (
              <Radio key={o} value={o} style={option}>
                {o}
              </Radio>
            ))}
          </Space>
        </Radio.Group>
      );
      break;
    case "multiple_choice":
      control = (
        <Checkbox.Group
          aria-labelledby={labelId}
          value={Array.isArray(value) ? value : []}
          onChange={(v) => set(v as string[])}
        >
          <Space orientation="vertical" size={isMobile ? 0 : 8}>
            {q.options.map((o) => (
              <Checkbox key={o} value={o} style={option}>
                {o}
              </Checkbox>
            ))}
          </Space>
        </Checkbox.Group>
      );
      break;
    case "file":
      control = (
        <DocumentUpload
          applicationId={detail.id}
          requirementKey={`q:${q.key}`}
          documents={detail.documents}
          replaced={detail.replacedDocuments}
          label={q.label}
        />
      );
      break;
  }

  return (
    <Form.Item
      label={label}
      htmlFor={GROUPED.has(q.type) ? undefined : inputId}
      help={error}
      validateStatus={error ? "error" : undefined}
    >
      {q.help && (
        <Typography.Paragraph type="secondary" style={{ margin: "-4px 0 6px" }}>
          {q.help}
        </Typography.Paragraph>
      )}
      {q.type === "number" && numberHint(q, t) && (
        <Typography.Paragraph id={`${inputId}-hint`} type="secondary" style={{ margin: "-4px 0 6px" }}>
          {numberHint(q, t)}
        </Typography.Paragraph>
      )}
      <VerdictNote flag={flag} />
      {q.type === "file" ? (
        // The checklist's link focuses the fieldset itself (its first input is the hidden file input).
        <fieldset
          id={inputId}
          aria-labelledby={labelId}
          tabIndex={-1}
          style={{ border: 0, margin: 0, padding: 0 }}
        >
          {control}
        </fieldset>
      ) : GROUPED.has(q.type) ? (
        // The checklist's link focuses the first choice, which a screen reader reads with its group.
        <div id={inputId}>{control}</div>
      ) : (
        control
      )}
    </Form.Item>
  );
}

/** What a number question takes, in words ("范围 0 至 1000；须为整数"); null when it takes any number. */
function numberHint(q: Question, t: TFunction): string | null {
  const { min, max, integer } = numberRule(q);
  const hasMin = min > -NUMBER_ANSWER_LIMIT;
  const hasMax = max < NUMBER_ANSWER_LIMIT;
  const parts: string[] = [];
  if (hasMin && hasMax) parts.push(t("applications.numberBetween", { min: String(min), max: String(max) }));
  else if (hasMin) parts.push(t("applications.numberAtLeast", { min: String(min) }));
  else if (hasMax) parts.push(t("applications.numberAtMost", { max: String(max) }));
  if (integer) parts.push(t("applications.numberWhole"));
  return parts.length > 0 ? parts.join(t("applications.hintSeparator")) : null;
}
