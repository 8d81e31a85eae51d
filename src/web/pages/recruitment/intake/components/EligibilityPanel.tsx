/**
 * How the applicant meets the track's conditions, judged by the server on the registry's current
 * record (ApplicationDetail.eligibility): each rule with met / not met / cannot tell and the value
 * it was judged on. The staff page shows it as a list; the dossier prints the same words.
 */
import { CheckCircleFilled, CloseCircleFilled, QuestionCircleFilled } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import type { EligibilityResult } from "../../../../../domain/eligibility";
import type { EligibilityReport } from "../../../../../schemas/recruitment/applications";
import {
  eligibilityRuleText,
  eligibilityValueText,
} from "../../../../../schemas/recruitment/eligibility-words";
import { type Tone, ToneTag } from "../../../../components/labels";
import { useRecruitmentLabels } from "../../../../components/recruitmentLabels";
import { useLang } from "../../../../i18n";

const RESULT_TONE: Record<EligibilityResult, Tone> = { met: "green", not_met: "red", unknown: "gold" };
const RESULT_ICON = {
  met: <CheckCircleFilled aria-hidden />,
  not_met: <CloseCircleFilled aria-hidden />,
  unknown: <QuestionCircleFilled aria-hidden />,
};

export function EligibilityResultTag({ result }: { result: EligibilityResult }) {
  const labels = useRecruitmentLabels();
  return (
    <ToneTag tone={RESULT_TONE[result]}>
      {RESULT_ICON[result]} {labels.eligibilityResult[result]}
    </ToneTag>
  );
}

/** The words of each check in the UI language: rule, result, value. */
export function useEligibilityLines(report: EligibilityReport) {
  const lang = useLang();
  return report.checks.map((check, index) => ({
    key: `${check.rule}-${index}`,
    rule: eligibilityRuleText(check, lang),
    result: check.result,
    value: eligibilityValueText(check, lang),
  }));
}

/** The "as of" line: which day the founding age is counted to, and why that day. */
export function useEligibilityBasis(report: EligibilityReport, submitted: boolean) {
  const { t } = useTranslation();
  return t("intake.eligibility.asOf", {
    date: report.onDate,
    basis: submitted ? t("intake.eligibility.basisSubmitted") : t("intake.eligibility.basisToday"),
  });
}

export function EligibilityPanel({
  report,
  submitted,
}: {
  report: EligibilityReport | null;
  submitted: boolean;
}) {
  const { t } = useTranslation();
  if (!report) return <p style={{ margin: 0 }}>{t("intake.eligibility.trackGone")}</p>;
  return <EligibilityList report={report} submitted={submitted} />;
}

function EligibilityList({ report, submitted }: { report: EligibilityReport; submitted: boolean }) {
  const lines = useEligibilityLines(report);
  const basis = useEligibilityBasis(report, submitted);
  return (
    <>
      <ul style={{ listStyle: "none", margin: 0, padding: 0, display: "grid", gap: 10 }}>
        {lines.map((line) => (
          <li key={line.key} style={{ display: "flex", gap: 8, alignItems: "baseline" }}>
            <span style={{ flex: "none" }}>
              <EligibilityResultTag result={line.result} />
            </span>
            <span style={{ minWidth: 0, overflowWrap: "anywhere" }}>
              <strong>{line.rule}</strong>
              <br />
              <span style={{ color: "rgba(0,0,0,0.68)" }}>{line.value}</span>
            </span>
          </li>
        ))}
      </ul>
      <p style={{ margin: "10px 0 0", fontSize: 12, color: "rgba(0,0,0,0.68)" }}>{basis}</p>
    </>
  );
}
