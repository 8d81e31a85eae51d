/**
 * The stories of the demo applications (when each was created and what happened to it, in days
 * before now) and the pure helpers that turn them into times, tracks and answers.
 */
import type { Answers } from "../../domain/answers";
import type { ApplicationEvent } from "../../domain/application";
import { type Question, questionsFor, type Track, trackOf } from "../../domain/call";
import { type EligibilityFacts, eligibilityProblems } from "../../domain/eligibility";
import { shanghaiDate } from "../../domain/shanghai-time";
import { FIVE_GOOD_OF, motivationText } from "./application-texts";
import type { ProfileRow, SeedCall } from "./application-writer";
import { pickerOf } from "./generate";

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export type Thread = "waitingAfterSubmit" | "askAfterReturn" | "afterResubmit" | "acceptedQuestion";
export interface Script {
  /** Days ago of the creation, then of each event. */
  days: number[];
  events: ApplicationEvent[];
  thread?: Thread;
  /** Staff began checking the items (some marked ok) but did not decide yet. */
  partialIntake?: boolean;
  tracks?: Track[];
}
export const S = (days: number[], events: ApplicationEvent[], extra: Partial<Script> = {}): Script => ({
  days,
  events,
  ...extra,
});

export const OPEN_SCRIPTS: Script[] = [
  S([9, 7], ["submit"], { partialIntake: true, thread: "waitingAfterSubmit" }),
  S([8, 6], ["submit"]),
  S([6, 4], ["submit"]),
  S([5, 3], ["submit"]),
  S([4, 2], ["submit"]),
  S([2, 1], ["submit"]),
  S([1, 0], ["submit"]),
  S([9, 8, 6, 2], ["submit", "return", "resubmit"], { thread: "afterResubmit" }),
  S([7, 6, 4, 1], ["submit", "return", "resubmit"]),
  S([8, 7, 5], ["submit", "return"]),
  S([6, 5, 3], ["submit", "return"]),
  S([4, 3, 1], ["submit", "return"], { thread: "askAfterReturn" }),
  S([9, 8, 5], ["submit", "accept"], { thread: "acceptedQuestion" }),
  S([9, 7, 4], ["submit", "accept"]),
  S([8, 6, 3], ["submit", "accept"]),
  S([7, 5, 2], ["submit", "accept"]),
  S([5, 3, 1], ["submit", "accept"]),
  S([9, 8, 7, 5, 2], ["submit", "return", "resubmit", "accept"]),
  S([8, 6, 3], ["submit", "mark_ineligible"]),
  S([7, 5, 2], ["submit", "withdraw"]),
  S([6], []),
  S([3], []),
  S([2], []),
  S([0], []),
];
export const CLOSED_SCRIPTS: Script[] = [
  S([127, 125, 118], ["submit", "accept"]),
  S([122, 119, 112], ["submit", "accept"]),
  S([118, 99, 97], ["submit", "return"]), // never corrected: overdue once the call closed
  // The rest of the first batch's accepted applications: its admission review (src/db/seed/admission.ts).
  S([126, 124, 117], ["submit", "accept"]),
  S([125, 123, 116], ["submit", "accept"]),
  S([124, 121, 115], ["submit", "accept"]),
  S([123, 120, 114], ["submit", "accept"]),
  S([121, 118, 113], ["submit", "accept"]),
  S([120, 117, 111], ["submit", "accept"]),
  S([119, 116, 110], ["submit", "accept"]),
  S([117, 114, 109], ["submit", "accept"]),
  S([116, 113, 108], ["submit", "accept"]),
  S([115, 112, 107], ["submit", "accept"]),
  S([114, 111, 106], ["submit", "accept"]),
  S([113, 110, 105], ["submit", "accept"]),
  S([112, 109, 104], ["submit", "accept"]),
  S([111, 107, 103], ["submit", "accept"]),
];
/** The track each story asks for in turn (one that the rules refuse falls back to another). */
export const TRACK_TURNS: Track[] = ["org", "project", "combined", "space", "project", "combined", "space"];

/** `days` ago at hh:mm Shanghai time (UTC+8, no daylight saving). */
export function shanghaiTime(now: Date, daysAgo: number, hour: number, minute: number): Date {
  const local = new Date(now.getTime() + 8 * HOUR - daysAgo * DAY);
  local.setUTCHours(hour, minute, 0, 0);
  return new Date(local.getTime() - 8 * HOUR);
}

export const between = (a: Date, b: Date, f: number) =>
  new Date(a.getTime() + (b.getTime() - a.getTime()) * f);

/** Documents go up in the 50 minutes before the first submit (a draft's, just after it is created). */
export const UPLOAD_WINDOW = 50 * MINUTE;

/** Working-hour times for a story's days, strictly increasing and all before `now`. */
export function timelineOf(now: Date, random: () => number, days: number[]): Date[] {
  const out: Date[] = [];
  for (const d of days) {
    const prev = out.at(-1);
    // Three draws every time, used or not: the stories stay the same whatever the hour of `now`.
    const [hour, minute, gap] = [random(), random(), random()];
    let t = shanghaiTime(now, d, 9 + Math.floor(hour * 9), Math.floor(minute * 60));
    if (prev && t.getTime() < prev.getTime() + 30 * MINUTE) {
      t = new Date(prev.getTime() + (30 + Math.floor(gap * 90)) * MINUTE);
    }
    if (t.getTime() > now.getTime() - 5 * MINUTE) {
      t = between(prev ?? new Date(now.getTime() - 6 * HOUR), now, 0.5);
    }
    out.push(t);
  }
  return out;
}

/**
 * Tracks the rules let this organization use at every submit (or now, for a draft), whose
 * documents have not changed since `uploadsFrom` (when the applicant began uploading).
 */
export function eligibleTracks(
  call: SeedCall,
  facts: EligibilityFacts,
  times: Date[],
  uploadsFrom: Date,
  now: Date,
): Track[] {
  const latest = call.revisions.at(-1)?.rules ?? call.rules;
  const atCreation = call.revisions.filter((r) => r.createdAt <= uploadsFrom).at(-1)?.rules ?? latest;
  return latest.tracks
    .filter((t) =>
      times.every((at) => eligibilityProblems(t.eligibility, facts, shanghaiDate(at)).length === 0),
    )
    .filter((t) => eligibilityProblems(t.eligibility, facts, shanghaiDate(now)).length === 0)
    .filter(
      // A track whose documents changed since is left out, so each submission's documents
      // match the revision it was made against.
      (t) => JSON.stringify(trackOf(atCreation, t.track)?.documents) === JSON.stringify(t.documents),
    )
    .map((t) => t.track);
}

/** Answers to a track's questions, taken from the organization's profile where it can. */
export function answersMaker(now: Date, random: () => number) {
  const pick = pickerOf(random);
  const answerFor = (q: Question, profile: ProfileRow): Answers[string] => {
    switch (q.type) {
      case "long_text": {
        const theme = /围绕(.+?)开展/.exec(profile.description ?? "")?.[1] ?? "社区公益";
        return motivationText(pick, theme, profile.townName ?? "昌平区");
      }
      case "number":
        return 10 * (30 + Math.floor(random() * 600));
      case "multiple_choice": {
        const mine = profile.fields.map((f) => FIVE_GOOD_OF[f]).filter((o): o is string => !!o);
        const chosen = mine.filter((o) => q.options.includes(o));
        return chosen.length > 0 ? chosen : [pick(q.options)];
      }
      case "single_choice":
        return pick(q.options);
      case "date":
        return shanghaiDate(now);
      default:
        return "详见附件材料";
    }
  };

  const answersFor = (call: SeedCall, track: Track, profile: ProfileRow, keep: (q: Question) => boolean) => {
    const answers: Answers = {};
    for (const q of questionsFor(call.rules, track)) if (keep(q)) answers[q.key] = answerFor(q, profile);
    return answers;
  };
  return answersFor;
}
