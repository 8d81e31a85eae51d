import { describe, expect, it } from "vitest";
import {
  type CachedSession,
  parseSessionNotice,
  SessionCache,
} from "../../src/server/areas/platform/auth/session-cache";

const session = (userId: string): CachedSession => ({
  actor: {
    userId,
    baseId: "base",
    roles: ["staff"],
    organizationId: null,
    crossBase: false,
    townId: null,
    partnerId: null,
    displayName: userId,
    sessionId: `session of ${userId}`,
    mustChangePassword: false,
  },
  expiresAt: 10_000_000,
  lastSeenAt: 0,
});

/** A listening cache of at most `maxEntries`, entries kept 5 s. */
function liveCache(maxEntries = 3): SessionCache {
  const cache = new SessionCache({ maxEntries, maxAgeMs: 5000 });
  cache.resume();
  return cache;
}
const keep = (cache: SessionCache, id: string, userId = id, readAt = 0) =>
  cache.put(id, session(userId), readAt, cache.epoch());
const held = (cache: SessionCache, now = 0) =>
  ["s1", "s2", "s3", "s4"].filter((id) => cache.get(id, now) !== undefined);

describe("session cache bounds", () => {
  it("holds at most maxEntries, the least recently used leaving first", () => {
    const cache = liveCache(3);
    for (const id of ["s1", "s2", "s3"]) keep(cache, id);
    expect(cache.get("s1", 0)).toBeDefined(); // s1 used: s2 is now the least recent
    keep(cache, "s4");
    expect(cache.size).toBe(3);
    expect(held(cache)).toEqual(["s1", "s3", "s4"]);
  });

  it("lets an entry go once it is maxAge old, counted from the read", () => {
    const cache = liveCache();
    keep(cache, "s1", "u1", 1000);
    expect(cache.get("s1", 5999)).toBeDefined();
    expect(cache.get("s1", 6000)).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it("keeps nothing while not listening, and empties itself when listening stops", () => {
    const cache = new SessionCache({ maxEntries: 3, maxAgeMs: 5000 });
    expect(keep(cache, "s1")).toBe(false);
    cache.resume();
    expect(keep(cache, "s1")).toBe(true);
    cache.suspend(new Error("connection lost"));
    expect(cache.live).toBe(false);
    expect(cache.size).toBe(0);
    expect(keep(cache, "s1")).toBe(false);
  });

  it("refuses an answer read before a notice that arrived during the read", () => {
    const cache = liveCache();
    const epoch = cache.epoch();
    cache.apply({ kind: "sessions", ids: ["elsewhere"] });
    expect(cache.put("s1", session("u1"), 0, epoch)).toBe(false);
    // A read started after the notice is kept; so is one across a resume only if it began after.
    expect(keep(cache, "s1")).toBe(true);
    const before = cache.epoch();
    cache.resume();
    expect(cache.put("s2", session("u2"), 0, before)).toBe(false);
  });
});

describe("notices", () => {
  it("drop the sessions named, every session of a user, or everything", () => {
    const cache = liveCache(10);
    keep(cache, "s1", "u1");
    keep(cache, "s2", "u1");
    keep(cache, "s3", "u2");
    keep(cache, "s4", "u3");
    cache.apply({ kind: "user", userId: "u1" });
    expect(held(cache)).toEqual(["s3", "s4"]);
    cache.apply({ kind: "sessions", ids: ["s3", "unknown"] });
    expect(held(cache)).toEqual(["s4"]);
    cache.apply({ kind: "all" });
    expect(cache.size).toBe(0);
  });

  it("are read from the triggers' payloads", () => {
    expect(parseSessionNotice("s:a,b")).toEqual({ kind: "sessions", ids: ["a", "b"] });
    expect(parseSessionNotice("u:6f1c")).toEqual({ kind: "user", userId: "6f1c" });
    expect(parseSessionNotice("*")).toEqual({ kind: "all" });
    expect(parseSessionNotice("sync:abc:1")).toEqual({ kind: "sync", token: "abc:1" });
    expect(parseSessionNotice("s:")).toBeNull();
    expect(parseSessionNotice("what")).toBeNull();
  });

  it("share a frozen actor, so no request can change what the next one reads", () => {
    const cache = liveCache();
    keep(cache, "s1", "u1");
    const actor = cache.get("s1", 0)?.actor;
    expect(Object.isFrozen(actor)).toBe(true);
    expect(Object.isFrozen(actor?.roles)).toBe(true);
  });
});
