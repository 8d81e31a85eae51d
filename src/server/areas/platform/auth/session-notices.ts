/**
 * Keeps this instance's session cache true to the database: listens on `hatchery_sessions`
 * (the notices of migration 0015's triggers) and applies each notice to the cache; while not
 * listening, the cache is suspended (emptied and bypassed).
 *
 * `sync()` makes this instance see its own writes at once: on PostgreSQL a notice reaches the
 * listening connection a moment after the commit, so a request answered right after its
 * transaction (a sign-out) could race its own notice. `sync` sends a marker notice and waits
 * for it; PostgreSQL delivers notices in commit order, so by then every notice committed before
 * has been applied. PGlite delivers during the commit: nothing to wait for.
 */
import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Database } from "../../../../db/client";
import { type ChannelListener, listenTo } from "../../../../db/listen";
import { parseSessionNotice, type SessionCache } from "./session-cache";

const CHANNEL = "hatchery_sessions";
/** A marker slower than this means the connection is not delivering: start it again. */
const SYNC_TIMEOUT_MS = 5_000;

export interface SessionNotices {
  /** Never throws: a failure suspends the cache instead. */
  sync(): Promise<void>;
  stop(): Promise<void>;
}

export async function startSessionNotices(
  database: Database,
  cache: SessionCache,
  log: { warn(message: string): void; info(message: string): void },
): Promise<SessionNotices> {
  const instance = randomBytes(6).toString("hex");
  const waiting = new Map<string, () => void>();
  let serial = 0;
  let everUp = false;

  const listener: ChannelListener = await listenTo(database, CHANNEL, {
    onNotice(payload) {
      const notice = parseSessionNotice(payload);
      if (!notice) return log.warn(`session notice not understood: ${payload.slice(0, 80)}`);
      if (notice.kind === "sync") waiting.get(notice.token)?.();
      else cache.apply(notice);
    },
    onUp() {
      if (everUp) log.info("session notices: listening again, the session cache is back");
      everUp = true;
      cache.resume();
    },
    onDown(error) {
      log.warn(`session notices: not listening (${error.message}); the session cache is off until they are`);
      cache.suspend(error);
      // Whoever waits for a marker waits no more: the cache is empty now.
      for (const release of waiting.values()) release();
    },
  });

  return {
    async sync() {
      if (database.pglite || !cache.live) return;
      const token = `${instance}:${++serial}`;
      let release = () => {};
      const arrived = new Promise<void>((resolve) => {
        release = resolve;
      });
      waiting.set(token, release);
      let timer: NodeJS.Timeout | undefined;
      try {
        await database.db.execute(sql`SELECT pg_notify(${CHANNEL}, ${`sync:${token}`})`);
        // Timed from the commit, not from the wait for a pool connection, which load can lengthen.
        timer = setTimeout(() => {
          listener.reconnect();
          release();
        }, SYNC_TIMEOUT_MS);
        await arrived;
      } catch {
        // The request's own answer stands; the cache must not, until listening is proven again.
        listener.reconnect();
      } finally {
        clearTimeout(timer);
        waiting.delete(token);
      }
    },
    stop: () => listener.stop(),
  };
}
