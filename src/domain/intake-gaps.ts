/**
 * What still stands between an application and "accepted for screening" in the completeness
 * check (材料审核): items nobody has checked, verdicts given before the current file was
 * uploaded, and findings (missing / needs correction). Accepting over any of them needs an
 * explicit confirmation naming them; the web app shows the same list the server enforces.
 */
import type { IntakeVerdictStatus } from "./application";
import { type CallRules, questionsFor, type Track, trackOf } from "./call";

/** Why an item holds back an acceptance. */
export const INTAKE_GAP_STATES = ["unchecked", "stale", "missing", "needs_correction"] as const;
export type IntakeGapState = (typeof INTAKE_GAP_STATES)[number];

/** One item the check goes through: a document of the track, or a file question (`q:<key>`). */
export interface IntakeItem {
  key: string;
  label: string;
  required: boolean;
}

export interface IntakeGap {
  key: string;
  label: string;
  state: IntakeGapState;
}

type Instant = Date | string;
const time = (t: Instant) => (typeof t === "string" ? Date.parse(t) : t.getTime());

/** The track's documents, then its file questions: what staff check, in the order they see it. */
export function intakeItems(rules: Pick<CallRules, "tracks" | "questions">, track: Track): IntakeItem[] {
  const documents = trackOf(rules, track)?.documents ?? [];
  return [
    ...documents.map((d) => ({ key: d.key, label: d.label, required: d.required })),
    ...questionsFor(rules, track)
      .filter((q) => q.type === "file")
      .map((q) => ({ key: `q:${q.key}`, label: q.label, required: q.required })),
  ];
}

/**
 * A verdict is stale when a file of its item was uploaded after it: it speaks of a file that is
 * no longer the one handed in. "Pending" is no verdict, so it is never stale.
 */
export function isVerdictStale(
  verdict: { status: IntakeVerdictStatus; checkedAt: Instant },
  uploadedAt: Instant[],
): boolean {
  if (verdict.status === "pending") return false;
  const checked = time(verdict.checkedAt);
  return uploadedAt.some((u) => time(u) > checked);
}

/**
 * The items that hold back an acceptance, in the items' order. An optional item with no file and
 * no verdict is nothing to check (the applicant chose not to hand it in), so it is not listed.
 */
export function intakeGaps(
  items: IntakeItem[],
  verdicts: { requirementKey: string; status: IntakeVerdictStatus; checkedAt: Instant }[],
  documents: { requirementKey: string; uploadedAt: Instant }[],
): IntakeGap[] {
  const gaps: IntakeGap[] = [];
  for (const item of items) {
    const uploads = documents.filter((d) => d.requirementKey === item.key).map((d) => d.uploadedAt);
    const verdict = verdicts.find((v) => v.requirementKey === item.key);
    let state: IntakeGapState | null;
    if (verdict && isVerdictStale(verdict, uploads)) state = "stale";
    else if (!verdict || verdict.status === "pending")
      state = uploads.length > 0 || item.required ? "unchecked" : null;
    else state = verdict.status === "ok" ? null : verdict.status;
    if (state) gaps.push({ key: item.key, label: item.label, state });
  }
  return gaps;
}

/**
 * Does a confirmation cover these gaps? Every gap must have been shown in the same state: an item
 * that became a finding, or stale, after staff looked is something they have not confirmed.
 */
export function gapsConfirmed(
  gaps: IntakeGap[],
  confirmed: { key: string; state: IntakeGapState }[],
): boolean {
  return gaps.every((g) => confirmed.some((c) => c.key === g.key && c.state === g.state));
}
