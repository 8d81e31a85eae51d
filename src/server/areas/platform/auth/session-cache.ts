/**
 * The sessions this instance has read lately, so a signed-in request need not read its session
 * and account from the database every time. Bounded three ways:
 * - size: at most `maxEntries` sessions, the least recently used leaving first;
 * - age: an entry is read again from the database `maxAgeMs` after it was read, whatever else;
 * - notices: whatever ends or changes a session or its account notifies every instance on commit
 *   (migration 0015's triggers, session-notices.ts), and the matching entries leave at once.
 * While this instance is not listening for the notices (not yet, or the connection dropped) the
 * cache is empty and refuses entries, so every request reads the database as before.
 *
 * An answer read from the database before a change committed must not be kept after the change's
 * notice has gone by: each notice moves `epoch` on, and an entry is only kept if no notice
 * arrived between the start of its read and its `put`.
 */
import { EventEmitter } from "node:events";
import type { SignedInActor } from "../../../context";

export interface CachedSession {
  /** Frozen: shared by every request of the session while it stays here. */
  actor: Readonly<SignedInActor>;
  expiresAt: number;
  /** As this instance last read or wrote it (another instance may have touched it since). */
  lastSeenAt: number;
}

/** What a notice on the channel says (migration 0015 writes them). */
export type SessionNotice =
  | { kind: "sessions"; ids: string[] }
  | { kind: "user"; userId: string }
  | { kind: "all" }
  /** This instance's own marker (session-notices.ts `sync`); ends nothing. */
  | { kind: "sync"; token: string };

export function parseSessionNotice(payload: string): SessionNotice | null {
  if (payload === "*") return { kind: "all" };
  const [kind, rest] = [payload.slice(0, 2), payload.slice(2)];
  if (!rest) return null;
  if (kind === "s:") return { kind: "sessions", ids: rest.split(",") };
  if (kind === "u:") return { kind: "user", userId: rest };
  if (payload.startsWith("sync:")) return { kind: "sync", token: payload.slice(5) };
  return null;
}

interface Entry {
  session: CachedSession;
  readAt: number;
}

interface SessionCacheEvents {
  /** A notice that ends or changes sessions was applied (tests wait on it). */
  notice: [SessionNotice];
  /** Listening again: entries are kept from now on. */
  resumed: [];
  /** Not listening: emptied, and bypassed until resumed. */
  suspended: [Error];
}

export class SessionCache extends EventEmitter<SessionCacheEvents> {
  readonly #entries = new Map<string, Entry>();
  #epoch = 0;
  #live = false;

  constructor(readonly limits: { maxEntries: number; maxAgeMs: number }) {
    super();
  }

  /** Whether entries are kept: only while every notice is known to arrive. */
  get live(): boolean {
    return this.#live;
  }

  get size(): number {
    return this.#entries.size;
  }

  get(id: string, now: number): CachedSession | undefined {
    const entry = this.#entries.get(id);
    if (!entry) return undefined;
    this.#entries.delete(id);
    if (now - entry.readAt >= this.limits.maxAgeMs) return undefined;
    this.#entries.set(id, entry); // the most recently used goes last
    return entry.session;
  }

  /** Taken before reading the database; `put` refuses what a notice may have outdated. */
  epoch(): number {
    return this.#epoch;
  }

  /** Keeps a session read at `readAt` (taken before the read); false when refused. */
  put(id: string, session: CachedSession, readAt: number, epoch: number): boolean {
    if (!this.#live || epoch !== this.#epoch) return false;
    this.#entries.delete(id);
    this.#entries.set(id, { session: { ...session, actor: freezeActor(session.actor) }, readAt });
    for (const oldest of this.#entries.keys()) {
      if (this.#entries.size <= this.limits.maxEntries) break;
      this.#entries.delete(oldest);
    }
    return true;
  }

  /** This instance ended the session itself (found expired): no need to wait for the notice. */
  forget(id: string): void {
    this.#epoch++;
    this.#entries.delete(id);
  }

  apply(notice: SessionNotice): void {
    if (notice.kind === "sync") return;
    this.#epoch++;
    if (notice.kind === "all") this.#entries.clear();
    else if (notice.kind === "sessions") for (const id of notice.ids) this.#entries.delete(id);
    else
      for (const [id, entry] of this.#entries)
        if (entry.session.actor.userId === notice.userId) this.#entries.delete(id);
    this.emit("notice", notice);
  }

  suspend(error: Error): void {
    this.#epoch++;
    const wasLive = this.#live;
    this.#live = false;
    this.#entries.clear();
    if (wasLive) this.emit("suspended", error);
  }

  resume(): void {
    this.#epoch++;
    this.#live = true;
    this.emit("resumed");
  }
}

function freezeActor(actor: SignedInActor): Readonly<SignedInActor> {
  Object.freeze(actor.roles);
  return Object.freeze(actor);
}
