/**
 * Recruitment calls (招募): what a call offers, who may apply to which track, what they must hand
 * in, and when. Pure rules; the server stores calls and applies these.
 */

/** The "3+1" model: organization, project, organization+project, and desk residency. */
export const TRACKS = ["org", "project", "combined", "space"] as const;
export type Track = (typeof TRACKS)[number];

export const CALL_STATUSES = ["draft", "published", "closed"] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];

/** Who may apply to one track. Months are counted from the founding date to the submit day. */
export interface EligibilityRule {
  /** e.g. 12 for project incubation ("founded over one year"). */
  minMonthsFounded: number | null;
  /** e.g. 36 for organization incubation ("founded about one year"). */
  maxMonthsFounded: number | null;
  /** Unregistered teams (no credit code) may apply, as for combined incubation. */
  allowUnregistered: boolean;
  /** A free-text note shown to applicants, e.g. "须在本区开展服务". */
  note: string | null;
}

/** One document a track requires (or asks for), e.g. the registration certificate. */
export interface DocumentRequirement {
  key: string;
  label: string;
  description: string | null;
  required: boolean;
}

export interface CallTrack {
  track: Track;
  /** Places to admit in this track (enforced at admission, shown to applicants). */
  quota: number;
  /** Optional cap on submitted applications (first come, e.g. desks); null = no cap. */
  maxApplications: number | null;
  eligibility: EligibilityRule;
  documents: DocumentRequirement[];
}

export const QUESTION_TYPES = [
  "text",
  "long_text",
  "number",
  "date",
  "single_choice",
  "multiple_choice",
  "file",
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** An extra question of one call. `tracks` null means every track of the call. */
export interface Question {
  key: string;
  label: string;
  type: QuestionType;
  required: boolean;
  options: string[];
  help: string | null;
  tracks: Track[] | null;
}

/** The rules applicants rely on; after publishing, a change makes a new revision. */
export interface CallRules {
  tracks: CallTrack[];
  questions: Question[];
  opensAt: string; // ISO timestamp (UTC)
  closesAt: string;
}

export type CallWindow = "not_open" | "open" | "closed";

/** Where a published call stands at `now`; a closed status wins over the dates. */
export function callWindow(
  call: { status: CallStatus; opensAt: string | Date; closesAt: string | Date },
  now: Date,
): CallWindow {
  if (call.status === "closed") return "closed";
  if (call.status !== "published") return "not_open";
  if (now < new Date(call.opensAt)) return "not_open";
  if (now >= new Date(call.closesAt)) return "closed";
  return "open";
}

/**
 * May an applicant submit now? Server time decides. A granted extension lets one application
 * submit after the call's closing time (never after the call was closed by staff).
 */
export function canSubmitAt(
  call: { status: CallStatus; opensAt: string | Date; closesAt: string | Date },
  now: Date,
  extendedUntil: string | Date | null,
): boolean {
  const window = callWindow(call, now);
  if (window === "open") return true;
  if (call.status !== "published" || now < new Date(call.opensAt)) return false;
  return extendedUntil !== null && now < new Date(extendedUntil);
}

export function trackOf(rules: Pick<CallRules, "tracks">, track: Track): CallTrack | undefined {
  return rules.tracks.find((t) => t.track === track);
}

/** The questions one track's applicants answer. */
export function questionsFor(rules: Pick<CallRules, "questions">, track: Track): Question[] {
  return rules.questions.filter((q) => q.tracks === null || q.tracks.includes(track));
}
