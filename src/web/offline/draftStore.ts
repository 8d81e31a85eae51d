/**
 * The app's one offline draft store: unsent form changes kept in IndexedDB, so a dropped
 * connection, a closed tab or a reload loses nothing. Any form over a versioned record uses it
 * (the application form now; the inspection and scoring forms later) with its own `kind`.
 *
 * Through `idb` (a thin promise wrapper over IndexedDB, typed by a schema) rather than idb-keyval:
 * a draft is read and rewritten in one transaction (two quick edits must not lose one), and one
 * user's drafts are listed by a key range, neither of which a plain get/set store offers.
 *
 * Where IndexedDB is missing or refuses to open (some private modes, storage turned off),
 * `draftStore()` gives null and the form autosaves online only, saying so.
 */
import { type DBSchema, type IDBPDatabase, openDB } from "idb";
import {
  type Draft,
  type DraftChanges,
  type DraftKey,
  type DraftScope,
  draftKey,
  mergeChanges,
  userKeyBounds,
  withoutSent,
} from "./drafts";

interface DraftDB extends DBSchema {
  drafts: { key: DraftKey; value: Draft };
}

const DB_NAME = "hatchery-offline";
const STORE = "drafts";

export interface DraftStore {
  get(scope: DraftScope): Promise<Draft | undefined>;
  /** Adds changes to the scope's draft (made against `baseVersion` when there is none yet). */
  save(scope: DraftScope, changes: DraftChanges, baseVersion: number): Promise<void>;
  /** A save went through: drops what it sent, and the draft when nothing is left. */
  markSent(scope: DraftScope, sent: DraftChanges, newVersion: number): Promise<void>;
  discard(scope: DraftScope): Promise<void>;
  /** The user's drafts, every kind; each holds at least one unsent change. */
  listForUser(userId: string): Promise<Draft[]>;
}

export async function openDraftStore(name = DB_NAME): Promise<DraftStore | null> {
  if (typeof indexedDB === "undefined") return null;
  let db: IDBPDatabase<DraftDB>;
  try {
    db = await openDB<DraftDB>(name, 1, {
      upgrade(database) {
        database.createObjectStore(STORE, { keyPath: ["userId", "kind", "recordId"] });
      },
    });
  } catch {
    return null;
  }
  return {
    get: (scope) => db.get(STORE, draftKey(scope)),
    async save(scope, changes, baseVersion) {
      if (Object.keys(changes).length === 0) return;
      // Read and write in one transaction: transactions on one store run in order, so quick
      // successive edits each land on the one before.
      const tx = db.transaction(STORE, "readwrite");
      const existing = await tx.store.get(draftKey(scope));
      await tx.store.put(mergeChanges(existing, scope, changes, baseVersion, new Date()));
      await tx.done;
    },
    async markSent(scope, sent, newVersion) {
      const tx = db.transaction(STORE, "readwrite");
      const left = withoutSent(await tx.store.get(draftKey(scope)), sent, newVersion);
      if (left) await tx.store.put(left);
      else await tx.store.delete(draftKey(scope));
      await tx.done;
    },
    discard: (scope) => db.delete(STORE, draftKey(scope)),
    listForUser(userId) {
      const { lower, upper } = userKeyBounds(userId);
      return db.getAll(STORE, IDBKeyRange.bound(lower, upper));
    },
  };
}

let shared: Promise<DraftStore | null> | null = null;

/** The page's one connection, opened on first use. */
export function draftStore(): Promise<DraftStore | null> {
  shared ??= openDraftStore();
  return shared;
}
