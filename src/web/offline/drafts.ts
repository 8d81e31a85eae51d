/**
 * What an offline draft is and how it changes, without IndexedDB: the store (draftStore.ts) reads
 * and writes records of this shape and leaves every decision to these functions, so they are
 * tested in Node.
 *
 * A draft holds only the changes not yet sent (the keys the user edited, with their values), the
 * version of the record they were made against, and when it was last written. It is scoped to
 * the signed-in user: the user id leads its key, so one account never reads another's drafts.
 */

/** A JSON value a form field holds (answers, scores, notes). */
export type DraftValue = string | number | boolean | null | readonly DraftValue[];
export type DraftChanges = Record<string, DraftValue>;

/** Which record, of what kind, for whom. `kind` names the form: "application", later "inspection"… */
export interface DraftScope {
  userId: string;
  kind: string;
  recordId: string;
}

export interface Draft extends DraftScope {
  /** The record version the changes were made against: the save sends it, so a 409 tells of a change meanwhile. */
  baseVersion: number;
  changes: DraftChanges;
  /** ISO time of the last write. */
  savedAt: string;
}

/** The IndexedDB key: an array, so the user id is a prefix that a key range can select on. */
export type DraftKey = [userId: string, kind: string, recordId: string];

export function draftKey(scope: DraftScope): DraftKey {
  return [scope.userId, scope.kind, scope.recordId];
}

/**
 * The key range of one user's drafts: from [userId] up to [userId, []]. In IndexedDB's order a
 * shorter array sorts before its extensions and an array after every string, so this holds
 * exactly the keys that start with userId (not "u10"'s when the user is "u1").
 */
export function userKeyBounds(userId: string): { lower: [string]; upper: [string, never[]] } {
  return { lower: [userId], upper: [userId, []] };
}

/** Empty answers are one value: the form's "" or [] and the server's null say the same. */
function normalized(value: DraftValue | undefined): DraftValue {
  if (value === undefined || value === "" || (Array.isArray(value) && value.length === 0)) return null;
  return value;
}

export function sameValue(a: DraftValue | undefined, b: DraftValue | undefined): boolean {
  return JSON.stringify(normalized(a)) === JSON.stringify(normalized(b));
}

/**
 * New changes on top of a stored draft. The base version stays the one the first unsent change
 * was made against: the record may have moved on since, and that is what the save must find out.
 */
export function mergeChanges(
  existing: Draft | undefined,
  scope: DraftScope,
  changes: DraftChanges,
  baseVersion: number,
  now: Date,
): Draft {
  return {
    ...draftKeyFields(scope),
    baseVersion: existing?.baseVersion ?? baseVersion,
    changes: { ...existing?.changes, ...changes },
    savedAt: now.toISOString(),
  };
}

/**
 * After a save went through: drop the keys sent with the value they still hold (a key typed again
 * while the save was on its way stays), and base what is left on the version the save returned.
 * null when nothing is left: the draft is deleted.
 */
export function withoutSent(
  existing: Draft | undefined,
  sent: DraftChanges,
  newVersion: number,
): Draft | null {
  if (!existing) return null;
  const changes: DraftChanges = {};
  for (const [key, value] of Object.entries(existing.changes)) {
    if (!(key in sent) || !sameValue(sent[key], value)) changes[key] = value;
  }
  if (Object.keys(changes).length === 0) return null;
  return { ...existing, baseVersion: newVersion, changes };
}

/**
 * The changes of a draft that the record does not hold yet. A save can reach the server and its
 * answer be lost (the connection dropped, the page closed): those keys are already there.
 */
export function unsentAgainst(draft: Draft, current: Record<string, DraftValue | undefined>): DraftChanges {
  const unsent: DraftChanges = {};
  for (const [key, value] of Object.entries(draft.changes)) {
    if (!sameValue(value, current[key])) unsent[key] = value;
  }
  return unsent;
}

function draftKeyFields(scope: DraftScope): DraftScope {
  return { userId: scope.userId, kind: scope.kind, recordId: scope.recordId };
}
