/** The incubation's words in the UI language, and its status as a tag. */
import type { IncubationStatus } from "../../../../../domain/incubation/lifecycle";
import { INCUBATION_LABELS } from "../../../../../schemas/incubation/incubation-labels";
import { type Tone, ToneTag } from "../../../../components/labels";
import { useLang } from "../../../../i18n";

export function useIncubationLabels() {
  return INCUBATION_LABELS[useLang()];
}

const COLORS: Record<IncubationStatus, Tone> = {
  active: "green",
  suspended: "gold",
  extended: "blue",
  in_exit_review: "purple",
  graduated: "cyan",
  terminated: "default",
};

export function IncubationStatusTag({ status }: { status: IncubationStatus }) {
  const labels = useIncubationLabels();
  return <ToneTag tone={COLORS[status]}>{labels.status[status]}</ToneTag>;
}
