/**
 * What still blocks a submit, computed the same way for the form's "提交前检查" panel, the
 * submit itself, and the `missing_items` count the staff queue filters on.
 */
import { eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { applications } from "../../../db/schema";
import { answerProblems } from "../../../domain/answers";
import { questionsFor, trackOf } from "../../../domain/call";
import { eligibilityProblems } from "../../../domain/eligibility";
import { shanghaiDate } from "../../../domain/shanghai-time";
import type { ApplicationProblem } from "../../../schemas/applications";
import {
  type ApplicationRow,
  activeDocuments,
  type CallRow,
  type DocumentRow,
  loadCall,
  loadProfile,
  type ProfileRow,
} from "./load";

/** The file question `key`'s documents are filed under this requirement key. */
export const questionRequirement = (key: string) => `q:${key}`;

export function applicationProblems(
  application: Pick<ApplicationRow, "track" | "answers">,
  call: Pick<CallRow, "rules">,
  profile: Pick<ProfileRow, "registrationStatus" | "foundedOn">,
  documents: Pick<DocumentRow, "id" | "requirementKey">[],
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

/** Recomputes and stores `missing_items` after a write (no version bump: it is derived). */
export async function refreshMissingItems(
  tx: Db,
  application: ApplicationRow,
): Promise<ApplicationProblem[]> {
  const [call, profile, documents] = await Promise.all([
    loadCall(tx, application.callId),
    loadProfile(tx, application.organizationId),
    activeDocuments(tx, application.id),
  ]);
  const problems = applicationProblems(application, call, profile, documents, new Date());
  const missingItems = missingCount(problems);
  if (missingItems !== application.missingItems) {
    await tx.update(applications).set({ missingItems }).where(eq(applications.id, application.id));
  }
  return problems;
}
