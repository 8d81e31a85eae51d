/** The inspection's words in the UI language, and its status as a tag. */
import type { InspectionStatus } from "../../../../../domain/inspection";
import { INSPECTION_LABELS, type InspectionLabels } from "../../../../../schemas/admission/inspection-labels";
import { type Tone, ToneTag } from "../../../../components/labels";
import { useLang } from "../../../../i18n";

export function useInspectionLabels(): InspectionLabels {
  return INSPECTION_LABELS[useLang()];
}

const COLORS: Record<InspectionStatus, Tone> = {
  planned: "blue",
  recording: "gold",
  signed_off: "green",
  cancelled: "default",
};

export function InspectionStatusTag({ status }: { status: InspectionStatus }) {
  const labels = useInspectionLabels();
  return <ToneTag tone={COLORS[status]}>{labels.status[status]}</ToneTag>;
}
