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
  /**
   * A text answer's limit in characters, as the call states it (e.g. "300 字以内"); null or
   * absent (calls saved before it existed): the type's own limit.
   */
  maxLength?: number | null;
  /** A number answer's smallest and largest value; null or absent: none (within ±2^53). */
  min?: number | null;
  max?: number | null;
  /** A number answer must be whole; absent (calls saved before it existed): decimals allowed. */
  integer?: boolean;
}

/**
 * The largest magnitude a number answer may have, whatever a call says: beyond it a double no
 * longer holds every whole number, so 9007199254740993 would be stored as something else.
 */
export const NUMBER_ANSWER_LIMIT = Number.MAX_SAFE_INTEGER;

/** The range and kind a number question takes: the call's own bounds within the safe range. */
export function numberRule(q: Pick<Question, "min" | "max" | "integer">): {
  min: number;
  max: number;
  integer: boolean;
} {
  return {
    min: Math.max(q.min ?? -NUMBER_ANSWER_LIMIT, -NUMBER_ANSWER_LIMIT),
    max: Math.min(q.max ?? NUMBER_ANSWER_LIMIT, NUMBER_ANSWER_LIMIT),
    integer: q.integer === true,
  };
}

/** The longest answer a text question takes, whatever a call says: one line, or a page. */
export const TEXT_ANSWER_MAX = { text: 200, long_text: 5000 } as const;

/** The limit that holds for one text question: the call's own, within the type's. */
export function answerMaxLength(q: Pick<Question, "type" | "maxLength">): number | null {
  if (q.type !== "text" && q.type !== "long_text") return null;
  const typeMax = TEXT_ANSWER_MAX[q.type];
  return q.maxLength ? Math.min(q.maxLength, typeMax) : typeMax;
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
 * May an applicant submit now? Server time decides. An extension staff granted to one
 * application lets it submit until the extension ends, after the closing time and even after
 * staff closed the call (closing stops everyone else; it must not strand an application staff
 * returned for completion).
 */
export function canSubmitAt(
  call: { status: CallStatus; opensAt: string | Date; closesAt: string | Date },
  now: Date,
  extendedUntil: string | Date | null,
): boolean {
  if (call.status === "draft" || now < new Date(call.opensAt)) return false;
  if (extendedUntil !== null && now < new Date(extendedUntil)) return true;
  return callWindow(call, now) === "open";
}

export function trackOf(rules: Pick<CallRules, "tracks">, track: Track): CallTrack | undefined {
  return rules.tracks.find((t) => t.track === track);
}

/** The questions one track's applicants answer. */
export function questionsFor(rules: Pick<CallRules, "questions">, track: Track): Question[] {
  return rules.questions.filter((q) => q.tracks === null || q.tracks.includes(track));
}

/** A problem with a call's rules: the failing field (a path into the call input) and why. */
export interface CallRulesProblem {
  field: string;
  code:
    | "tracks_required"
    | "track_duplicate"
    | "too_small"
    | "max_below_quota"
    | "months_range"
    | "closes_before_opens"
    | "key_duplicate"
    | "options_too_few"
    | "question_track_not_offered"
    | "number_range"
    | "too_big";
  params?: Record<string, unknown>;
}

/**
 * Everything that must hold before a call is published (and after, for every revision). Drafts
 * are saved with these problems still open; the editor shows them and publishing refuses them.
 */
export function callRulesProblems(rules: CallRules): CallRulesProblem[] {
  const problems: CallRulesProblem[] = [];
  const at = (path: string) => `rules.${path}`;
  if (rules.tracks.length === 0) problems.push({ field: at("tracks"), code: "tracks_required" });
  const seenTracks = new Set<Track>();
  rules.tracks.forEach((t, i) => {
    if (seenTracks.has(t.track)) problems.push({ field: at(`tracks.${i}.track`), code: "track_duplicate" });
    seenTracks.add(t.track);
    if (t.quota < 1)
      problems.push({ field: at(`tracks.${i}.quota`), code: "too_small", params: { minimum: 1 } });
    if (t.maxApplications !== null && t.maxApplications < t.quota) {
      problems.push({ field: at(`tracks.${i}.maxApplications`), code: "max_below_quota" });
    }
    const { minMonthsFounded: min, maxMonthsFounded: max } = t.eligibility;
    if (min !== null && max !== null && min > max) {
      problems.push({ field: at(`tracks.${i}.eligibility.maxMonthsFounded`), code: "months_range" });
    }
    const keys = new Set<string>();
    t.documents.forEach((d, j) => {
      if (keys.has(d.key))
        problems.push({ field: at(`tracks.${i}.documents.${j}.key`), code: "key_duplicate" });
      keys.add(d.key);
    });
  });
  if (new Date(rules.closesAt) <= new Date(rules.opensAt)) {
    problems.push({ field: at("closesAt"), code: "closes_before_opens" });
  }
  const questionKeys = new Set<string>();
  rules.questions.forEach((q, i) => {
    if (questionKeys.has(q.key)) problems.push({ field: at(`questions.${i}.key`), code: "key_duplicate" });
    questionKeys.add(q.key);
    if (
      (q.type === "text" || q.type === "long_text") &&
      q.maxLength &&
      q.maxLength > TEXT_ANSWER_MAX[q.type]
    ) {
      problems.push({
        field: at(`questions.${i}.maxLength`),
        code: "too_big",
        params: { maximum: TEXT_ANSWER_MAX[q.type] },
      });
    }
    if (q.type === "number" && q.min != null && q.max != null && q.min > q.max) {
      problems.push({ field: at(`questions.${i}.max`), code: "number_range" });
    }
    if ((q.type === "single_choice" || q.type === "multiple_choice") && new Set(q.options).size < 2) {
      problems.push({ field: at(`questions.${i}.options`), code: "options_too_few" });
    }
    if (q.tracks?.some((t) => !seenTracks.has(t))) {
      problems.push({ field: at(`questions.${i}.tracks`), code: "question_track_not_offered" });
    }
  });
  return problems;
}

/** The tracks offered before and no longer after an edit (refused when they hold applications). */
export function removedTracks(before: Pick<CallRules, "tracks">, after: Pick<CallRules, "tracks">): Track[] {
  const kept = new Set(after.tracks.map((t) => t.track));
  return before.tracks.map((t) => t.track).filter((t) => !kept.has(t));
}
