/**
 * Tracks, statuses and question types in the UI language (the same words as exports and emails),
 * and the status tags every recruitment page shows in the same colours.
 */
import type { ApplicationStatus, IntakeVerdictStatus } from "../../domain/application";
import type { Track } from "../../domain/call";
import { RECRUITMENT_LABELS } from "../../schemas/recruitment/labels";
import { useLang } from "../i18n";
import { type Tone, ToneTag } from "./labels";

export function useRecruitmentLabels() {
  return RECRUITMENT_LABELS[useLang()];
}

const STATUS_TONE: Record<ApplicationStatus, Tone> = {
  draft: "default",
  submitted: "blue",
  resubmitted: "geekblue",
  returned: "orange",
  accepted: "green",
  ineligible: "red",
  withdrawn: "default",
  in_inspection: "cyan",
  inspected: "green",
  screened_out: "red",
  in_review: "purple",
  admitted: "green",
  waitlisted: "gold",
  rejected: "red",
  confirmed: "green",
  declined: "default",
};

export function ApplicationStatusTag({ status }: { status: ApplicationStatus }) {
  const labels = useRecruitmentLabels();
  return <ToneTag tone={STATUS_TONE[status]}>{labels.applicationStatus[status]}</ToneTag>;
}

const VERDICT_TONE: Record<IntakeVerdictStatus, Tone> = {
  pending: "default",
  ok: "green",
  missing: "red",
  needs_correction: "orange",
};

export function IntakeVerdictTag({ status }: { status: IntakeVerdictStatus }) {
  const labels = useRecruitmentLabels();
  return <ToneTag tone={VERDICT_TONE[status]}>{labels.intakeVerdict[status]}</ToneTag>;
}

export function TrackText({ track }: { track: Track }) {
  return <>{useRecruitmentLabels().track[track]}</>;
}
