/**
 * What changed between two submitted versions of one application: staff re-check only that
 * after a resubmit. Pure; the snapshots are what the server froze at each submit.
 */
import type { Answers, AnswerValue } from "./answers";
import type { Track } from "./call";

export interface SnapshotDocument {
  fileId: string;
  requirementKey: string;
  originalName: string;
  sha256: string;
}

export interface SubmissionSnapshotLike {
  track: Track;
  callRevision: number;
  answers: Answers;
  organization: Record<string, unknown>;
  documents: SnapshotDocument[];
}

type DocumentRef = Pick<SnapshotDocument, "fileId" | "originalName" | "sha256">;

export interface SubmissionDiff {
  track: { before: Track; after: Track } | null;
  callRevision: { before: number; after: number } | null;
  answers: { key: string; before: AnswerValue; after: AnswerValue }[];
  profile: { field: string; before: unknown; after: unknown }[];
  documents: { requirementKey: string; added: DocumentRef[]; removed: DocumentRef[] }[];
}

/** Values compare by content; arrays of options ignore order, empty means unanswered. */
function sameValue(a: unknown, b: unknown): boolean {
  const norm = (v: unknown) => {
    if (v === undefined || v === "" || (Array.isArray(v) && v.length === 0)) return null;
    if (Array.isArray(v)) return [...v].map(String).sort();
    return v;
  };
  return JSON.stringify(norm(a)) === JSON.stringify(norm(b));
}

function keysOf(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
}

export function diffSubmissions(from: SubmissionSnapshotLike, to: SubmissionSnapshotLike): SubmissionDiff {
  const answers = keysOf(from.answers, to.answers)
    .filter((key) => !sameValue(from.answers[key], to.answers[key]))
    .map((key) => ({ key, before: from.answers[key] ?? null, after: to.answers[key] ?? null }));

  const profile = keysOf(from.organization, to.organization)
    .filter((field) => !sameValue(from.organization[field], to.organization[field]))
    .map((field) => ({
      field,
      before: from.organization[field] ?? null,
      after: to.organization[field] ?? null,
    }));

  // A document is "the same" when the same bytes stay under the same requirement, whatever its row.
  const requirementKeys = [
    ...new Set([...from.documents, ...to.documents].map((d) => d.requirementKey)),
  ].sort();
  const documents = requirementKeys
    .map((requirementKey) => {
      const before = from.documents.filter((d) => d.requirementKey === requirementKey);
      const after = to.documents.filter((d) => d.requirementKey === requirementKey);
      const ref = ({ fileId, originalName, sha256 }: SnapshotDocument): DocumentRef => ({
        fileId,
        originalName,
        sha256,
      });
      return {
        requirementKey,
        added: after.filter((d) => !before.some((b) => b.sha256 === d.sha256)).map(ref),
        removed: before.filter((d) => !after.some((a) => a.sha256 === d.sha256)).map(ref),
      };
    })
    .filter((d) => d.added.length > 0 || d.removed.length > 0);

  return {
    track: from.track === to.track ? null : { before: from.track, after: to.track },
    callRevision:
      from.callRevision === to.callRevision ? null : { before: from.callRevision, after: to.callRevision },
    answers,
    profile,
    documents,
  };
}
