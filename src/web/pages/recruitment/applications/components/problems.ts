/** The wording of a submit problem, and where on the form it points. */
import type { TFunction } from "i18next";
import type { ApplicationDetail, ApplicationProblem } from "../../../../../schemas/recruitment/applications";
import { withReturnTo } from "../../../../components/returnTo";

/** The anchor a problem links to on the form page. */
export function problemAnchor(problem: ApplicationProblem): string {
  if (problem.kind === "eligibility" || problem.kind === "profile") return "section-profile";
  if (problem.kind === "document") return `doc-${problem.key}`;
  return `q-${problem.key}`;
}

/** The organization editor, coming back to this application after saving (and at `focus`). */
export function profileEditLink(
  detail: Pick<ApplicationDetail, "id" | "organization">,
  focus?: string,
): string {
  return withReturnTo(
    `/organizations/${detail.organization.id}/edit`,
    `/my-applications/${detail.id}`,
    focus ? { focus } : {},
  );
}

/** A problem fixed on another page rather than on the form: where to fix it. */
export function problemFixLink(
  problem: ApplicationProblem,
  detail: Pick<ApplicationDetail, "id" | "organization">,
): string | null {
  if (problem.kind === "eligibility" && problem.code === "founded_on_missing") {
    return profileEditLink(detail, "foundedOn");
  }
  return null;
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
