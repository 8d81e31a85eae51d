/**
 * What still blocks a submit: eligibility, answers, file answers and required documents, computed
 * the same way for the form's "提交前检查" panel, the submit itself, the `missing_items` count the
 * staff queue filters on, and the demo data (which must never hold what a submit would refuse).
 */
import { type Answers, answerProblems } from "./answers";
import { type CallRules, questionsFor, type Track, trackOf } from "./call";
import { type EligibilityFacts, eligibilityProblems } from "./eligibility";
import { shanghaiDate } from "./shanghai-time";

/** One problem; `src/schemas/applications.ts` ZApplicationProblem is its wire form. */
export interface ApplicationProblem {
  kind: "eligibility" | "answer" | "document" | "profile";
  code: string;
  key?: string;
  params?: Record<string, string | number>;
}

/** The file question `key`'s documents are filed under this requirement key. */
export const questionRequirement = (key: string) => `q:${key}`;

export function applicationProblems(
  application: { track: Track; answers: Answers },
  call: { rules: Pick<CallRules, "tracks" | "questions"> },
  profile: EligibilityFacts,
  documents: { id: string; requirementKey: string }[],
  now: Date,
): ApplicationProblem[] {
  const track = trackOf(call.rules, application.track);
  if (!track) return [{ kind: "eligibility", code: "track_not_offered" }];
  const problems: ApplicationProblem[] = [];
  for (const p of eligibilityProblems(track.eligibility, profile, shanghaiDate(now))) {
    const { code, ...params } = p;
    problems.push({ kind: "eligibility", code, ...(Object.keys(params).length ? { params } : {}) });
  }
  const questions = questionsFor(call.rules, application.track);
  for (const p of answerProblems(questions, application.answers, true)) {
    const { key, code, ...params } = p;
    problems.push({ kind: "answer", code, key, ...(Object.keys(params).length ? { params } : {}) });
  }
  // A file answer must still name a document of this application filed under its question.
  for (const q of questions) {
    const value = application.answers[q.key];
    if (q.type !== "file" || typeof value !== "string" || value === "") continue;
    const ok = documents.some((d) => d.id === value && d.requirementKey === questionRequirement(q.key));
    if (!ok && q.required) problems.push({ kind: "answer", code: "required", key: q.key });
  }
  for (const doc of track.documents) {
    if (doc.required && !documents.some((d) => d.requirementKey === doc.key)) {
      problems.push({ kind: "document", code: "missing", key: doc.key });
    }
  }
  return problems;
}

/** Required answers and documents still missing (what the queue's filter counts). */
export function missingCount(problems: ApplicationProblem[]): number {
  return problems.filter(
    (p) => (p.kind === "answer" && p.code === "required") || (p.kind === "document" && p.code === "missing"),
  ).length;
}
