import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, sessions, users } from "../../../src/db/schema";
import { FACTORY_PASSWORD, make } from "../../factories";
import { type Client, startTestApp, type TestApp } from "../../support/app";

let t: TestApp;
let admin: Client;
let adminId: string;

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.signIn("admin");
  adminId = (await admin.get("/api/auth/me")).json().user.id;
});
afterAll(() => t.close());

const rowOf = async (id: string) => (await t.db.select().from(users).where(eq(users.id, id)))[0];
const sessionCount = async (id: string) =>
  (await t.db.select().from(sessions).where(eq(sessions.userId, id))).length;
const lastAudit = async (id: string) =>
  (
    await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, "user"), eq(auditLog.entityId, id)))
      .orderBy(desc(auditLog.id))
      .limit(1)
  )[0];
const login = (username: string, password = FACTORY_PASSWORD) =>
  t.anonymous().post("/api/auth/login", { username, password });

describe("disabling and enabling", () => {
  it("disables an account: its session stops working and it cannot sign in; enabling restores it", async () => {
    const user = await make(t).user();
    const them = await t.signIn(user.username, FACTORY_PASSWORD);
    expect((await them.get("/api/auth/me")).statusCode).toBe(200);

    const res = await admin.post(`/api/users/${user.id}/disable`, { version: 1 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: "disabled", version: 2 });
    expect(await sessionCount(user.id)).toBe(0);
    expect((await them.get("/api/auth/me")).statusCode).toBe(401);
    expect(await lastAudit(user.id)).toMatchObject({
      action: "user.disabled",
      actorId: adminId,
      before: { status: "active" },
      after: { status: "disabled" },
    });
    const refused = await login(user.username);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe("account_disabled");

    const enabled = await admin.post(`/api/users/${user.id}/enable`, { version: 2 });
    expect(enabled.json()).toMatchObject({ status: "active", version: 3 });
    expect(await lastAudit(user.id)).toMatchObject({ action: "user.enabled", after: { status: "active" } });
    expect((await login(user.username)).statusCode).toBe(200);
  });

  it("refuses to let an administrator disable themselves", async () => {
    const me = await rowOf(adminId);
    const res = await admin.post(`/api/users/${adminId}/disable`, { version: me?.version });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ code: "cannot_disable_self", message: "不能停用自己的账号" });
    expect((await rowOf(adminId))?.status).toBe("active");
    expect((await admin.get("/api/auth/me")).statusCode).toBe(200);
  });

  it("refuses a stale version, an unknown account and a missing version", async () => {
    const user = await make(t).user();
    const stale = await admin.post(`/api/users/${user.id}/disable`, { version: 7 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: "version_conflict", details: { currentVersion: 1 } });
    expect((await rowOf(user.id))?.status).toBe("active");
    const unknown = "00000000-0000-4000-8000-000000000000";
    expect((await admin.post(`/api/users/${unknown}/enable`, { version: 1 })).statusCode).toBe(404);
    const noVersion = await admin.post(`/api/users/${user.id}/unlock`, {});
    expect(noVersion.json()).toMatchObject({ code: "validation_failed", field: "version" });
  });
});

describe("unlocking", () => {
  it("lifts a lock and resets the failure count", async () => {
    const lockedUntil = new Date(Date.now() + 10 * 60_000);
    const user = await make(t).user({ lockedUntil, failedLoginCount: 3 });
    expect((await admin.get(`/api/users/${user.id}`)).json().lockedUntil).toBe(lockedUntil.toISOString());
    expect((await login(user.username)).statusCode).toBe(423);

    const res = await admin.post(`/api/users/${user.id}/unlock`, { version: 1 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ lockedUntil: null, version: 2 });
    const row = await rowOf(user.id);
    expect(row).toMatchObject({ lockedUntil: null, failedLoginCount: 0 });
    expect(await lastAudit(user.id)).toMatchObject({
      action: "user.unlocked",
      before: { failedLoginCount: 3 },
      after: { lockedUntil: null, failedLoginCount: 0 },
    });
    expect((await login(user.username)).statusCode).toBe(200);
  });
});

describe("resetting a password", () => {
  it("applies the policy and changes nothing when it fails", async () => {
    const user = await make(t).user({ mobile: "13922224444" });
    const res = await admin.post(`/api/users/${user.id}/reset-password`, {
      version: 1,
      newPassword: "13922224444a",
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: "password_policy",
      field: "newPassword",
      details: { problems: ["contains_identity"] },
    });
    expect((await rowOf(user.id))?.version).toBe(1);
  });

  it("sets the new password, forces a change at next sign-in and ends the user's sessions", async () => {
    const user = await make(t).user();
    const them = await t.signIn(user.username, FACTORY_PASSWORD);
    const res = await admin.post(`/api/users/${user.id}/reset-password`, {
      version: 1,
      newPassword: "Temporary-2026",
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().version).toBe(2);
    expect((await them.get("/api/auth/me")).statusCode).toBe(401);
    expect((await login(user.username)).statusCode).toBe(401);

    const again = await t.signIn(user.username, "Temporary-2026");
    expect((await again.get("/api/auth/me")).json().user.mustChangePassword).toBe(true);
    const changed = await again.post("/api/auth/password", {
      currentPassword: "Temporary-2026",
      newPassword: "Mine-own-2027",
    });
    expect(changed.statusCode).toBe(200);
    expect((await again.get("/api/auth/me")).json().user.mustChangePassword).toBe(false);

    const [reset] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, user.id), eq(auditLog.action, "user.password_reset")));
    expect(reset).toMatchObject({
      before: { mustChangePassword: false },
      after: { mustChangePassword: true },
    });
    expect(JSON.stringify(reset)).not.toMatch(/Temporary-2026|argon2|passwordHash/);
  });

  it("keeps the administrator's own session when they reset their own password", async () => {
    const me = await rowOf(adminId);
    const second = await t.signIn("admin");
    const res = await admin.post(`/api/users/${adminId}/reset-password`, {
      version: me?.version,
      newPassword: "Keeper-new-2026",
    });
    expect(res.statusCode).toBe(200);
    expect((await admin.get("/api/auth/me")).statusCode).toBe(200);
    expect((await second.get("/api/auth/me")).statusCode).toBe(401);
  });
});
