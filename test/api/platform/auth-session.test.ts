import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, sessions, users } from "../../../src/db/schema";
import { sessionIdOf } from "../../../src/server/areas/platform/auth/sessions";
import { FACTORY_PASSWORD, make } from "../../factories";
import { type Client, startTestApp, type TestApp } from "../../support/app";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const sessionOf = (client: Client) => sessionIdOf(client.cookies.hatchery_session as string);
const sessionRow = async (client: Client) =>
  (
    await t.db
      .select()
      .from(sessions)
      .where(eq(sessions.id, sessionOf(client)))
  )[0];
const signInNew = async () => {
  const user = await make(t).user();
  return { user, client: await t.signIn(user.username, FACTORY_PASSWORD) };
};

describe("session expiry", () => {
  it("ends a session idle for longer than the idle timeout", async () => {
    const { client } = await signInNew();
    expect((await client.get("/api/auth/me")).statusCode).toBe(200);
    const idle = new Date(Date.now() - (t.config.sessionIdleMinutes + 1) * 60_000);
    await t.db
      .update(sessions)
      .set({ lastSeenAt: idle })
      .where(eq(sessions.id, sessionOf(client)));
    // A write from outside reaches the app's session cache by notice, as another instance's does.
    await t.app.sessionCache?.sync();
    const cookie = client.cookies.hatchery_session as string;

    const res = await client.get("/api/auth/me");
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({ code: "session_expired", message: "登录已过期，请重新登录" });
    expect(
      await t.db
        .select()
        .from(sessions)
        .where(eq(sessions.id, sessionIdOf(cookie))),
    ).toEqual([]);
    expect(client.cookies.hatchery_session).toBeUndefined(); // the reply cleared the cookie
  });

  it("ends a session past its absolute lifetime even while in use", async () => {
    const { client } = await signInNew();
    const id = sessionOf(client);
    await t.db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000), lastSeenAt: new Date() })
      .where(eq(sessions.id, id));
    await t.app.sessionCache?.sync();
    const res = await client.get("/api/auth/me");
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe("session_expired");
    expect(await t.db.select().from(sessions).where(eq(sessions.id, id))).toEqual([]);
  });

  it("keeps an active session and answers 401 unauthenticated without one", async () => {
    const { client } = await signInNew();
    expect((await sessionRow(client))?.expiresAt.getTime()).toBeGreaterThan(
      Date.now() + (t.config.sessionAbsoluteHours - 1) * 3_600_000,
    );
    expect((await client.get("/api/auth/me")).statusCode).toBe(200);
    const anonymous = await t.anonymous().get("/api/auth/me");
    expect(anonymous.json()).toEqual({ code: "unauthenticated", message: "请先登录" });
  });
});

describe("signing out", () => {
  it("ends the session: the same cookie no longer works", async () => {
    const { user, client } = await signInNew();
    const cookie = { ...client.cookies };
    const res = await client.post("/api/auth/logout");
    expect(res.statusCode).toBe(200);
    const id = sessionIdOf(cookie.hatchery_session as string);
    expect(await t.db.select().from(sessions).where(eq(sessions.id, id))).toEqual([]);
    const replay = await t.app.inject({ method: "GET", url: "/api/auth/me", cookies: cookie });
    expect(replay.statusCode).toBe(401);
    const [entry] = await t.db.select().from(auditLog).where(eq(auditLog.action, "auth.logout"));
    expect(entry).toMatchObject({ entityId: user.id, actorId: user.id });
  });
});

describe("CSRF protection", () => {
  it("refuses a state-changing request without the token, or with a wrong one, and changes nothing", async () => {
    const admin = await t.signIn("admin");
    const [{ n: before } = { n: 0 }] = await t.db.select({ n: count() }).from(users);
    const body = {
      username: "csrfvictim",
      displayName: "跨站请求",
      roles: ["admin"],
      password: "Forged-pass-2026",
    };
    const missing = await t.app.inject({
      method: "POST",
      url: "/api/users",
      cookies: admin.cookies,
      payload: body,
    });
    expect(missing.statusCode).toBe(403);
    expect(missing.json()).toEqual({ code: "csrf_failed", message: "请求校验失败，请刷新页面后重试" });
    const wrong = await admin.post("/api/users", body, { "x-csrf-token": "not-the-token" });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().code).toBe("csrf_failed");
    // Another session's token does not fit this session either.
    const other = await t.signIn("admin");
    const foreign = await admin.post("/api/users", body, { "x-csrf-token": other.csrfToken as string });
    expect(foreign.json().code).toBe("csrf_failed");
    const [{ n: after } = { n: 0 }] = await t.db.select({ n: count() }).from(users);
    expect(after).toBe(before);

    // Signing out is state-changing too: a forged logout leaves the session alone.
    const logout = await t.app.inject({ method: "POST", url: "/api/auth/logout", cookies: admin.cookies });
    expect(logout.statusCode).toBe(403);
    expect((await admin.get("/api/auth/me")).statusCode).toBe(200);
    // With the token, the same request goes through.
    expect((await admin.post("/api/users", body)).statusCode).toBe(201);
  });
});

describe("changing one's own password", () => {
  it("requires the current password", async () => {
    const { client } = await signInNew();
    const res = await client.post("/api/auth/password", {
      currentPassword: "Not-my-password-1",
      newPassword: "Brand-new-2026",
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({
      code: "wrong_password",
      field: "currentPassword",
      message: "当前密码不正确",
    });
  });

  it("lists every unmet rule of the policy", async () => {
    const { user, client } = await signInNew();
    const short = await client.post(
      "/api/auth/password",
      { currentPassword: FACTORY_PASSWORD, newPassword: "abc" },
      { "accept-language": "en" },
    );
    expect(short.statusCode).toBe(400);
    expect(short.json()).toEqual({
      code: "password_policy",
      field: "newPassword",
      message: "The password does not meet the policy: at least 10 characters; both letters and digits",
      details: { problems: ["too_short", "needs_letter_and_digit"] },
    });
    const identity = await client.post("/api/auth/password", {
      currentPassword: FACTORY_PASSWORD,
      newPassword: `${user.username}-2026`,
    });
    expect(identity.json().details.problems).toEqual(["contains_identity"]);
    expect(identity.json().message).toBe("密码不符合要求：不能包含账号名或手机号");
  });

  it("changes it, ends the account's other sessions and keeps this one", async () => {
    const { user, client } = await signInNew();
    const elsewhere = await t.signIn(user.username, FACTORY_PASSWORD);
    const res = await client.post("/api/auth/password", {
      currentPassword: FACTORY_PASSWORD,
      newPassword: "Brand-new-2026",
    });
    expect(res.statusCode).toBe(200);
    expect((await client.get("/api/auth/me")).statusCode).toBe(200);
    expect((await elsewhere.get("/api/auth/me")).statusCode).toBe(401);
    expect(
      (await t.anonymous().post("/api/auth/login", { username: user.username, password: FACTORY_PASSWORD }))
        .statusCode,
    ).toBe(401);
    await t.signIn(user.username, "Brand-new-2026");
    const [entry] = await t.db.select().from(auditLog).where(eq(auditLog.action, "auth.password_changed"));
    expect(entry?.entityId).toBe(user.id);
    expect(JSON.stringify(entry)).not.toContain("Brand-new-2026");
  });
});

describe("a password that must be changed", () => {
  it("opens only who-am-I, the password change and sign-out until it is changed", async () => {
    const user = await make(t).user({ roles: ["staff"], mustChangePassword: true });
    const client = await t.signIn(user.username, FACTORY_PASSWORD);
    const blocked = await client.get("/api/organizations");
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json()).toEqual({
      code: "password_change_required",
      message: "请先修改密码，再继续使用平台",
    });
    expect((await client.get("/api/auth/me")).json().user.mustChangePassword).toBe(true);

    const changed = await client.post("/api/auth/password", {
      currentPassword: FACTORY_PASSWORD,
      newPassword: "Fresh-start-2026",
    });
    expect(changed.statusCode).toBe(200);
    expect((await client.get("/api/organizations")).statusCode).toBe(200);
  });
});
