import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { users } from "../../../src/db/schema";
import { DEMO_PASSWORD } from "../../../src/db/seed/changping";
import {
  LOCK_MINUTES,
  MAX_FAILED_LOGINS,
  MAX_FAILURES_PER_IP,
} from "../../../src/server/areas/platform/auth/service";
import { FACTORY_PASSWORD, make } from "../../factories";
import { startTestApp, type TestApp } from "../../support/app";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const login = (username: string, password: string, headers?: Record<string, string>) =>
  t.anonymous().post("/api/auth/login", { username, password }, headers);

/** A sign-in from a given client address (app.inject's remoteAddress), for the per-address limit. */
const loginFrom = (remoteAddress: string, username: string, password: string) =>
  t.app.inject({ method: "POST", url: "/api/auth/login", remoteAddress, payload: { username, password } });

describe("signing in", () => {
  it("accepts the account name (any letter case) or the mobile number", async () => {
    const byName = await login("STAFF", DEMO_PASSWORD);
    expect(byName.statusCode).toBe(200);
    expect(byName.json()).toMatchObject({
      user: { username: "staff", roles: ["staff"], baseName: "昌平区社会组织孵化基地", crossBase: false },
      csrfToken: expect.any(String),
    });
    const byMobile = await login("13800000002", DEMO_PASSWORD);
    expect(byMobile.statusCode).toBe(200);
    expect(byMobile.json().user.username).toBe("staff");
  });

  it("sets the session cookie HttpOnly and SameSite=Lax, the CSRF cookie readable by the page", async () => {
    const res = await login("staff", DEMO_PASSWORD);
    const cookies = res.cookies as { name: string; httpOnly?: boolean; sameSite?: string; path?: string }[];
    const session = cookies.find((c) => c.name === "hatchery_session");
    expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
    const csrf = cookies.find((c) => c.name === "hatchery_csrf");
    expect(csrf?.httpOnly).toBeFalsy();
    expect(csrf?.sameSite).toBe("Lax");
  });

  it("refuses a wrong password with 401 in Chinese, or in English when asked", async () => {
    const zh = await login("mentor", "Wrong-password-1");
    expect(zh.statusCode).toBe(401);
    expect(zh.json()).toMatchObject({ code: "invalid_credentials", message: "账号或密码错误" });
    const en = await login("mentor", "Wrong-password-1", { "accept-language": "en-US,en;q=0.9" });
    expect(en.json()).toMatchObject({
      code: "invalid_credentials",
      message: "Wrong account name or password",
    });
    const unknown = await login("nobody-here", DEMO_PASSWORD);
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json().code).toBe("invalid_credentials"); // the same answer: no account enumeration
    await login("mentor", DEMO_PASSWORD); // resets the failure count
  });

  it("refuses a disabled account with 403 account_disabled", async () => {
    const user = await make(t).user({ status: "disabled" });
    const res = await login(user.username, FACTORY_PASSWORD);
    expect(res.statusCode).toBe(403);
    expect(res.json()).toEqual({ code: "account_disabled", message: "账号已停用，请联系管理员" });
    expect(res.cookies).toEqual([]);
  });

  it("refuses an empty body field by field", async () => {
    const res = await t.anonymous().post("/api/auth/login", { username: "staff" });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: "validation_failed", field: "password" });
  });

  it("refuses a request body over the size limit with 413", async () => {
    const res = await t
      .anonymous()
      .post("/api/auth/login", { username: "staff", password: "x".repeat(t.config.bodyLimitBytes + 10) });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toEqual({ code: "payload_too_large", message: "提交的内容过大" });
  });
});

describe("locking after failed sign-ins", () => {
  it(`locks after ${MAX_FAILED_LOGINS} failures, refuses even the right password, until an admin unlocks`, async () => {
    const user = await make(t).user();
    for (let i = 1; i < MAX_FAILED_LOGINS; i++) {
      const res = await login(user.username, `Wrong-pass-${i}x`);
      expect(res.statusCode).toBe(401);
      // The same body as for an unknown account name: nothing tells which accounts exist.
      expect(res.json()).toEqual({ code: "invalid_credentials", message: "账号或密码错误" });
    }
    const locking = await login(user.username, "Wrong-pass-last");
    expect(locking.statusCode).toBe(423);
    expect(locking.json()).toEqual({
      code: "account_locked",
      message: `登录失败次数过多，账号已临时锁定，请在 ${LOCK_MINUTES} 分钟后再试或联系管理员`,
    });

    const right = await login(user.username, FACTORY_PASSWORD, { "accept-language": "en" });
    expect(right.statusCode).toBe(423);
    expect(right.json().message).toMatch(/locked\. Try again in \d+ minutes/);

    const admin = await t.signIn("admin");
    const locked = (await admin.get(`/api/users/${user.id}`)).json();
    expect(locked.lockedUntil).not.toBeNull();
    expect((await admin.post(`/api/users/${user.id}/unlock`, { version: locked.version })).statusCode).toBe(
      200,
    );
    expect((await login(user.username, FACTORY_PASSWORD)).statusCode).toBe(200);

    const audit = await admin.get(`/api/audit?entityType=user&entityId=${user.id}&action=auth.&pageSize=50`);
    const actions = audit.json().items.map((e: { action: string }) => e.action);
    expect(actions).toEqual([
      "auth.login",
      "auth.login_locked",
      "auth.account_locked",
      ...Array(MAX_FAILED_LOGINS - 1).fill("auth.login_failed"),
    ]);
  });

  it("an expired lock no longer refuses the right password", async () => {
    const user = await make(t).user({ lockedUntil: new Date(Date.now() - 1000) });
    expect((await login(user.username, FACTORY_PASSWORD)).statusCode).toBe(200);
    const [row] = await t.db.select().from(users).where(eq(users.id, user.id));
    expect(row).toMatchObject({ lockedUntil: null, failedLoginCount: 0 });
  });
});

describe("throttling by client address", () => {
  it(`answers 429 after ${MAX_FAILURES_PER_IP} failures from one address, for any account`, async () => {
    const address = "203.0.113.7";
    for (let i = 0; i < MAX_FAILURES_PER_IP; i++) {
      const res = await loginFrom(address, `ghost${i}`, "Wrong-pass-2026");
      expect(res.statusCode).toBe(401);
    }
    const throttled = await loginFrom(address, "ghost-next", "Wrong-pass-2026");
    expect(throttled.statusCode).toBe(429);
    expect(throttled.json()).toEqual({
      code: "too_many_attempts",
      message: "尝试次数过多，请 15 分钟后再试",
    });
    // Even the right password waits: the limit is on the address, not the account.
    expect((await loginFrom(address, "staff", DEMO_PASSWORD)).statusCode).toBe(429);
    // Another address is not affected.
    expect((await loginFrom("198.51.100.9", "staff", DEMO_PASSWORD)).statusCode).toBe(200);
  });
});

describe("parallel guessing", () => {
  it(`lets at most ${MAX_FAILED_LOGINS} of many simultaneous wrong passwords be checked, then locks`, async () => {
    const user = await make(t).user();
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) => login(user.username, `Wrong-pass-${i}x`)),
    );
    const statuses = answers.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(MAX_FAILED_LOGINS - 1);
    expect(statuses.filter((s) => s === 423).length).toBeGreaterThanOrEqual(12 - (MAX_FAILED_LOGINS - 1));
    expect((await login(user.username, FACTORY_PASSWORD)).statusCode).toBe(423);
  });
});

describe("the audit trail of signing in", () => {
  it("records sign-ins, failures and unknown names with the client address", async () => {
    const user = await make(t).user();
    await loginFrom("192.0.2.44", user.username, "Wrong-pass-2026");
    await loginFrom("192.0.2.44", user.username, FACTORY_PASSWORD);
    await loginFrom("192.0.2.44", "nobody-at-all", FACTORY_PASSWORD);
    const admin = await t.signIn("admin");
    const page = (await admin.get(`/api/audit?entityId=${user.id}`)).json();
    expect(page.items).toMatchObject([
      // A successful sign-in names the person who signed in; a failure only the account tried.
      {
        action: "auth.login",
        entityType: "user",
        ip: "192.0.2.44",
        actorId: user.id,
        actorName: user.displayName,
      },
      {
        action: "auth.login_failed",
        ip: "192.0.2.44",
        actorId: null,
        after: { username: user.username, failures: 1, lockedUntil: null },
      },
    ]);
    const unknown = (await admin.get("/api/audit?action=auth.login_unknown")).json();
    expect(unknown.items.map((e: { after: { username: string } }) => e.after.username)).toContain(
      "nobody-at-all",
    );
  });
});
