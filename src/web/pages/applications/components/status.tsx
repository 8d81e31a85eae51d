/** Status words and colours of applications, and the wording of a submit problem. */
import type { TFunction } from "i18next";
import type { ApplicationStatus } from "../../../../domain/application";
import type { ApplicationDetail, ApplicationProblem } from "../../../../schemas/applications";
import { RECRUITMENT_LABELS } from "../../../../schemas/recruitment-labels";
import { type Tone, ToneTag } from "../../../components/labels";
import { useLang } from "../../../i18n";

export function useRecruitmentLabels() {
  return RECRUITMENT_LABELS[useLang()];
}

const STATUS_TONE: Record<ApplicationStatus, Tone> = {
  draft: "default",
  submitted: "blue",
  returned: "orange",
  resubmitted: "geekblue",
  accepted: "green",
  ineligible: "red",
  withdrawn: "default",
};

export function ApplicationStatusTag({ status }: { status: ApplicationStatus }) {
  const labels = useRecruitmentLabels();
  return <ToneTag tone={STATUS_TONE[status]}>{labels.applicationStatus[status]}</ToneTag>;
}

/** The anchor a problem links to on the form page. */
export function problemAnchor(problem: ApplicationProblem): string {
  if (problem.kind === "eligibility" || problem.kind === "profile") return "section-profile";
  if (problem.kind === "document") return `doc-${problem.key}`;
  return `q-${problem.key}`;
}

export function problemText(
  problem: ApplicationProblem,
  detail: Pick<ApplicationDetail, "requirements">,
  t: TFunction,
): string {
  const params = problem.params ?? {};
  if (problem.kind === "answer") {
    const label = detail.requirements.questions.find((q) => q.key === problem.key)?.label ?? problem.key;
    return t(`applications.problem.answer.${problem.code}` as "applications.problem.answer.required", {
      label,
      ...params,
      defaultValue: label,
    });
  }
  if (problem.kind === "document") {
    const label = detail.requirements.documents.find((d) => d.key === problem.key)?.label ?? problem.key;
    return t("applications.problem.document.missing", { label });
  }
  return t(
    `applications.problem.eligibility.${problem.code}` as "applications.problem.eligibility.founded_on_missing",
    {
      ...params,
      defaultValue: problem.code,
    },
  );
}
