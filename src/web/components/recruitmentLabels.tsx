/**
 * Tracks, statuses and question types in the UI language (the same words as exports and emails),
 * and the status tags every recruitment page shows in the same colours.
 */
import type { ApplicationStatus, DocumentReviewStatus } from "../../domain/application";
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
};

export function ApplicationStatusTag({ status }: { status: ApplicationStatus }) {
  const labels = useRecruitmentLabels();
  return <ToneTag tone={STATUS_TONE[status]}>{labels.applicationStatus[status]}</ToneTag>;
}

const REVIEW_TONE: Record<DocumentReviewStatus, Tone> = {
  pending: "default",
  ok: "green",
  missing: "red",
  needs_correction: "orange",
};

export function ReviewTag({ status }: { status: DocumentReviewStatus }) {
  const labels = useRecruitmentLabels();
  return <ToneTag tone={REVIEW_TONE[status]}>{labels.documentReview[status]}</ToneTag>;
}

export function TrackText({ track }: { track: Track }) {
  return <>{useRecruitmentLabels().track[track]}</>;
}
