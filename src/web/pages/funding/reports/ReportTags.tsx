/** A report's kind and status as tags, in the reader's language. */
import { useTranslation } from "react-i18next";
import type { ReportKind, ReportStatus } from "../../../../domain/funding/grant";
import { type Tone, ToneTag } from "../../../components/labels";

const STATUS_TONE: Record<ReportStatus, Tone> = {
  due: "blue",
  submitted: "geekblue",
  accepted: "green",
  returned: "red",
  failed: "red",
};

export function ReportStatusTag({ status }: { status: ReportStatus }) {
  const { t } = useTranslation();
  return <ToneTag tone={STATUS_TONE[status]}>{t(`fundingReports.statusLabel.${status}`)}</ToneTag>;
}

export function ReportKindTag({ kind }: { kind: ReportKind }) {
  const { t } = useTranslation();
  return (
    <ToneTag tone={kind === "periodic" ? "default" : "purple"}>
      {t(`fundingReports.kindLabel.${kind}`)}
    </ToneTag>
  );
}
