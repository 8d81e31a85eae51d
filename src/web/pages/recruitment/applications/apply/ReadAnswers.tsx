/**
 * 申请表, read-only: what the organization answered, once the form is no longer theirs to edit.
 * Label above answer (one column), so long answers read well on a phone; staff's intake page has
 * its own bordered table (intake/components/ApplicationSections) made for a wide screen.
 */
import { Card, Descriptions } from "antd";
import { useTranslation } from "react-i18next";
import type { AnswerValue } from "../../../../../domain/answers";
import type { Question } from "../../../../../domain/call";
import type { ApplicationDetail } from "../../../../../schemas/recruitment/applications";
import { formatDate } from "../../../../components/format";
import { DocumentUpload } from "./DocumentUpload";

export function ReadAnswers({ detail }: { detail: ApplicationDetail }) {
  const { t } = useTranslation();
  const questions = detail.requirements.questions;
  if (questions.length === 0) return null;
  return (
    <Card
      id="section-questions"
      title={<h2 className="hatchery-card-title">{t("applications.sections.questions")}</h2>}
    >
      <Descriptions
        layout="vertical"
        size="small"
        column={1}
        colon={false}
        items={questions.map((q) => ({
          key: q.key,
          label: q.label,
          children: <Answer question={q} detail={detail} />,
        }))}
      />
    </Card>
  );
}

function Answer({ question: q, detail }: { question: Question; detail: ApplicationDetail }) {
  if (q.type === "file") {
    const key = `q:${q.key}`;
    return (
      <div style={{ width: "100%", minWidth: 0 }}>
        <DocumentUpload
          applicationId={detail.id}
          requirementKey={key}
          documents={detail.documents}
          replaced={detail.replacedDocuments}
          label={q.label}
          disabled
        />
      </div>
    );
  }
  return <AnswerText question={q} value={detail.answers[q.key]} />;
}

/** One answer as read back (also the two sides of a conflict on the form). */
export function AnswerText({ question: q, value }: { question: Question; value: AnswerValue | undefined }) {
  const { t } = useTranslation();
  const empty = t("common.empty");
  if (value === undefined || value === null || value === "") return <>{empty}</>;
  if (Array.isArray(value)) return <>{value.length ? value.join(t("common.listSeparator")) : empty}</>;
  if (q.type === "date" && typeof value === "string") return <>{formatDate(value)}</>;
  return <span style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>{String(value)}</span>;
}
