/**
 * The session cache across instances: two apps on one database (one PGlite, or one PostgreSQL
 * database), each with its own cache and its own listening connection. The cache keeps an entry
 * for an hour here, so nothing but a notice or the session's own limits can end what B has
 * cached: what ends a session on A must end it on B once A's notice has arrived (waited for on
 * B's `notice` event, never a sleep), and the idle and absolute limits hold on a cached session.
 */
import { once } from "node:events";
import { eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { sessions } from "../../../src/db/schema";
import type { SessionCache, SessionNotice } from "../../../src/server/areas/platform/auth/session-cache";
import { sessionIdOf } from "../../../src/server/areas/platform/auth/sessions";
import { loadConfig } from "../../../src/server/config";
import { FACTORY_PASSWORD, make } from "../../factories";
import { type Client, startTestApp, type TestApp } from "../../support/app";
import { freshAddress, freshMobile, post, RecordingSms } from "../recruitment/registration-support";

/** Kept an hour; sessions of an hour that idle out after 30 minutes, on both instances. */
const SETTINGS = { sessionCacheSeconds: 3600, sessionAbsoluteHours: 1, sessionIdleMinutes: 30 };
let a: TestApp;
let b: TestApp;
let admin: Client;
const sms = new RecordingSms();

beforeAll(async () => {
  a = await startTestApp({ ...SETTINGS, smsProvider: sms });
  b = await startTestApp(SETTINGS, { database: a.database });
  admin = await a.signIn("admin");
});
afterAll(async () => {
  await b?.close();
  await a?.close();
});
afterEach(() => {
  vi.useRealTimers();
});

const cacheOf = (t: TestApp): SessionCache => {
  const handle = t.app.sessionCache;
  if (!handle) throw new Error("the session cache is off");
  return handle.cache;
};
const sessionOf = (client: Pick<Client, "cookies">) => sessionIdOf(client.cookies.hatchery_session as string);
const cachedOn = (t: TestApp, client: Pick<Client, "cookies">) =>
  cacheOf(t).get(sessionOf(client), Date.now()) !== undefined;
/** The same cookie, sent to another instance (as a load balancer would). */
const meOn = (t: TestApp, client: Pick<Client, "cookies">) =>
  t.app.inject({
    method: "GET",
    url: "/api/auth/me",
    cookies: { ...client.cookies },
    headers: { "accept-language": "zh-CN" },
  });
/** Resolves when `t` has applied a notice matching `match`; to be called before the change. */
const noticeOn = (t: TestApp, match: (notice: SessionNotice) => boolean) =>
  new Promise<SessionNotice>((resolve) => {
    const cache = cacheOf(t);
    const listener = (notice: SessionNotice) => {
      if (!match(notice)) return;
      cache.off("notice", listener);
      resolve(notice);
    };
    cache.on("notice", listener);
  });
const endsSession = (id: string) => (n: SessionNotice) => n.kind === "sessions" && n.ids.includes(id);
const endsUser = (userId: string) => (n: SessionNotice) => n.kind === "user" && n.userId === userId;

/** A new account signed in on A and seen once on B, so B holds its session in its cache. */
async function cachedOnB(values: Parameters<ReturnType<typeof make>["user"]>[0] = {}) {
  const user = await make(a).user(values);
  const client = await a.signIn(user.username, FACTORY_PASSWORD);
  expect((await meOn(b, client)).statusCode).toBe(200);
  expect(cachedOn(b, client)).toBe(true);
  return { user, client, cookies: { ...client.cookies } };
}

describe("two instances, one database", () => {
  it("both listen, so both keep sessions", () => {
    expect(cacheOf(a).live).toBe(true);
    expect(cacheOf(b).live).toBe(true);
  });

  it("signing out on A ends the session on B as soon as A's notice arrives, and on A at once", async () => {
    const { client, cookies } = await cachedOnB();
    expect((await meOn(b, client)).statusCode).toBe(200); // answered from B's cache
    const id = sessionOf(client);
    const arrived = noticeOn(b, endsSession(id));

    expect((await client.post("/api/auth/logout")).statusCode).toBe(200);
    // A answers its next request after its own notice: no window for the cookie on A.
    expect((await meOn(a, { cookies })).statusCode).toBe(401);
    await arrived;
    expect(cacheOf(b).get(id, Date.now())).toBeUndefined();
    const replayed = await meOn(b, { cookies });
    expect(replayed.statusCode).toBe(401);
    expect(replayed.json().code).toBe("session_expired");
  });

  it("disabling the account on A ends its session on B", async () => {
    const { user, cookies } = await cachedOnB();
    const arrived = noticeOn(b, endsUser(user.id));
    expect((await admin.post(`/api/users/${user.id}/disable`, { version: 1 })).statusCode).toBe(200);
    await arrived;
    expect((await meOn(b, { cookies })).statusCode).toBe(401);
  });

  it("an administrator's password reset on A ends the account's session on B", async () => {
    const { user, cookies } = await cachedOnB();
    const arrived = noticeOn(b, endsUser(user.id));
    const reset = await admin.post(`/api/users/${user.id}/reset-password`, {
      version: 1,
      newPassword: "Reset-by-admin-2026",
    });
    expect(reset.statusCode).toBe(200);
    await arrived;
    expect((await meOn(b, { cookies })).statusCode).toBe(401);
  });

  it("a password reset by phone code (忘记密码) on A ends the account's session on B", async () => {
    const { user, cookies } = await cachedOnB({ roles: ["org_member"], mobile: freshMobile() });
    const mobile = user.mobile as string;
    expect((await post(a, "/api/auth/reset/codes", { account: mobile }, freshAddress())).statusCode).toBe(
      200,
    );
    const arrived = noticeOn(b, endsUser(user.id));
    const done = await post(
      a,
      "/api/auth/reset",
      { account: mobile, code: sms.codeFor(mobile), newPassword: "Reset-by-phone-2026" },
      freshAddress(),
    );
    expect(done.statusCode).toBe(200);
    await arrived;
    expect((await meOn(b, { cookies })).statusCode).toBe(401);
  });

  it("changing one's password on A ends one's other sessions on B and keeps this one", async () => {
    const { user, client, cookies } = await cachedOnB();
    const other = await b.signIn(user.username, FACTORY_PASSWORD);
    expect((await meOn(b, other)).statusCode).toBe(200);
    const arrived = noticeOn(b, endsUser(user.id));
    const changed = await client.post("/api/auth/password", {
      currentPassword: FACTORY_PASSWORD,
      newPassword: "Changed-pass-2026",
    });
    expect(changed.statusCode).toBe(200);
    await arrived;
    expect((await meOn(b, other)).statusCode).toBe(401);
    expect((await meOn(b, { cookies })).statusCode).toBe(200);
  });

  it("a role change on A is what B's cached session carries next", async () => {
    const { user, cookies } = await cachedOnB({ roles: ["staff"] });
    expect((await meOn(b, { cookies })).json().user.roles).toEqual(["staff"]);
    const arrived = noticeOn(b, endsUser(user.id));
    const edited = await admin.patch(`/api/users/${user.id}`, {
      displayName: user.displayName,
      roles: ["government_viewer"],
      version: 1,
    });
    expect(edited.json()).toMatchObject({ roles: ["government_viewer"] });
    await arrived;
    const me = await meOn(b, { cookies });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.roles).toEqual(["government_viewer"]);
    // The policy reads the cached actor: staff's list is closed to a viewer now.
    const list = await b.app.inject({ method: "GET", url: "/api/users", cookies: { ...cookies } });
    expect(list.statusCode).toBe(403);
  });
});

describe("the limits of a cached session", () => {
  it("ends a session in constant use, answered from the cache, at its absolute limit", async () => {
    const { client, cookies } = await cachedOnB();
    const [row] = await a.db
      .select()
      .from(sessions)
      .where(eq(sessions.id, sessionOf(client)));
    const expiresAt = row?.expiresAt.getTime() ?? 0;
    vi.useFakeTimers({ toFake: ["Date"] });
    // Used every 25 minutes (within the idle limit) up to a second before the end.
    for (const at of [expiresAt - 35 * 60_000, expiresAt - 10 * 60_000, expiresAt - 1000]) {
      vi.setSystemTime(at);
      expect((await meOn(b, { cookies })).statusCode).toBe(200);
      expect(cachedOn(b, client)).toBe(true);
    }
    vi.setSystemTime(expiresAt + 1000);
    const res = await meOn(b, { cookies });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe("session_expired");
    expect(
      await a.db
        .select()
        .from(sessions)
        .where(eq(sessions.id, sessionOf(client))),
    ).toEqual([]);
  });

  it("ends a cached session left idle past the idle limit", async () => {
    const { client, cookies } = await cachedOnB();
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + (b.config.sessionIdleMinutes + 1) * 60_000);
    const res = await meOn(b, { cookies });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe("session_expired");
    expect(
      await a.db
        .select()
        .from(sessions)
        .where(eq(sessions.id, sessionOf(client))),
    ).toEqual([]);
  });
});

describe.skipIf(process.env.TEST_ENGINE !== "postgres")("when the listening connection drops", () => {
  it("empties the cache and reads every session from the database until it listens again", async () => {
    const { client, cookies } = await cachedOnB();
    const suspended = once(cacheOf(b), "suspended");
    const resumed = once(cacheOf(b), "resumed");
    await a.db.execute(sql`SELECT pg_terminate_backend(pid) FROM pg_stat_activity
      WHERE datname = current_database() AND application_name = 'hatchery listen hatchery_sessions'`);
    await suspended;
    expect(cacheOf(b).live).toBe(false);
    expect(cacheOf(b).size).toBe(0);

    // A session ended now sends a notice nobody hears; B must not have kept it.
    expect((await meOn(b, { cookies })).statusCode).toBe(200);
    expect(cachedOn(b, client)).toBe(false);
    await a.db.delete(sessions).where(eq(sessions.id, sessionOf(client)));
    expect((await meOn(b, { cookies })).statusCode).toBe(401);

    await resumed;
    const { client: next } = await cachedOnB();
    expect(cachedOn(b, next)).toBe(true);
  });
});

describe("configuration", () => {
  it("reads SESSION_CACHE_SECONDS (0: off) and DATABASE_DIRECT_URL (else DATABASE_URL)", () => {
    const env = { DATA_DIR: "/tmp/hatchery-test-unused", SESSION_SECRET: "s" };
    expect(loadConfig(env)).toMatchObject({ sessionCacheSeconds: 5, databaseDirectUrl: null });
    expect(loadConfig({ ...env, SESSION_CACHE_SECONDS: "0" }).sessionCacheSeconds).toBe(0);
    expect(() => loadConfig({ ...env, SESSION_CACHE_SECONDS: "-1" })).toThrow(/SESSION_CACHE_SECONDS/);
    const pooled = { ...env, DATABASE_URL: "postgres://pgbouncer:6432/h" };
    expect(loadConfig(pooled).databaseDirectUrl).toBe("postgres://pgbouncer:6432/h");
    expect(
      loadConfig({ ...pooled, DATABASE_DIRECT_URL: "postgres://primary:5432/h" }).databaseDirectUrl,
    ).toBe("postgres://primary:5432/h");
  });

  it("with the cache off, every request reads its session and a sign-out ends it", async () => {
    const off = await startTestApp({ sessionCacheSeconds: 0 }, { database: a.database });
    try {
      expect(off.app.sessionCache).toBeNull();
      const user = await make(off).user();
      const client = await off.signIn(user.username, FACTORY_PASSWORD);
      const cookies = { ...client.cookies };
      expect((await meOn(off, client)).statusCode).toBe(200);
      expect((await client.post("/api/auth/logout")).statusCode).toBe(200);
      expect((await meOn(off, { cookies })).statusCode).toBe(401);
    } finally {
      await off.close();
    }
  });
});
