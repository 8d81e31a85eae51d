import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, users } from "../../../src/db/schema";
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
const lastAudit = async (id: string) =>
  (
    await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, "user"), eq(auditLog.entityId, id)))
      .orderBy(desc(auditLog.id))
      .limit(1)
  )[0];

describe("editing an account", () => {
  it("changes profile, roles and organization link, bumps the version and audits only what changed", async () => {
    const user = await make(t).user({ roles: ["staff"], mobile: "13911112222", email: "old@example.cn" });
    const org = await make(t).organization();
    const res = await admin.patch(`/api/users/${user.id}`, {
      displayName: "钱多多",
      roles: ["org_member", "org_member"],
      organizationId: org.id,
      version: 1,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      displayName: "钱多多",
      roles: ["org_member"],
      organizationId: org.id,
      organizationName: org.name,
      mobile: "139****2222", // left out: unchanged
      email: "old@example.cn",
      version: 2,
    });
    const entry = await lastAudit(user.id);
    expect(entry).toMatchObject({
      action: "user.updated",
      actorId: adminId,
      before: { displayName: user.displayName, roles: ["staff"], organizationId: null },
      after: { displayName: "钱多多", roles: ["org_member"], organizationId: org.id },
    });
    expect(Object.keys(entry?.after as object).sort()).toEqual(["displayName", "organizationId", "roles"]);

    // The new role takes effect on the user's next request, without signing in again.
    const member = await t.signIn(user.username, FACTORY_PASSWORD);
    expect((await member.get("/api/auth/me")).json().user.organizationId).toBe(org.id);
  });

  it("clears mobile and email given empty, and drops the link with the member role", async () => {
    const org = await make(t).organization();
    const user = await make(t).user({ roles: ["org_member"], organizationId: org.id, mobile: "13911113333" });
    const res = await admin.patch(`/api/users/${user.id}`, {
      displayName: user.displayName,
      roles: ["staff"],
      mobile: "",
      email: "",
      version: 1,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ roles: ["staff"], organizationId: null, mobile: null, email: null });
    expect((await rowOf(user.id))?.mobile).toBeNull();
  });

  it("takes the masked mobile the form was given back as unchanged, and checks a new one", async () => {
    const user = await make(t).user({ mobile: "13911114444" });
    const body = { displayName: user.displayName, roles: ["staff"] };
    const kept = await admin.patch(`/api/users/${user.id}`, { ...body, mobile: "139****4444", version: 1 });
    expect(kept.statusCode).toBe(200);
    expect((await rowOf(user.id))?.mobile).toBe("13911114444");
    for (const mobile of ["139****0000", "12345"]) {
      const bad = await admin.patch(`/api/users/${user.id}`, { ...body, mobile, version: 2 });
      expect(bad.statusCode).toBe(400);
      expect(bad.json()).toEqual({
        code: "validation_failed",
        field: "mobile",
        message: "手机号码不正确：应为 1 开头的 11 位数字",
      });
    }
    const changed = await admin.patch(`/api/users/${user.id}`, {
      ...body,
      mobile: "+86 139 1111 5555",
      version: 2,
    });
    expect(changed.json().mobile).toBe("139****5555");
    expect((await rowOf(user.id))?.mobile).toBe("13911115555");
  });

  it("refuses a stale version with 409 and changes nothing", async () => {
    const user = await make(t).user();
    const body = { displayName: "第一次", roles: ["staff"], version: 1 };
    expect((await admin.patch(`/api/users/${user.id}`, body)).statusCode).toBe(200);
    const stale = await admin.patch(`/api/users/${user.id}`, { ...body, displayName: "第二次" });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: "version_conflict", details: { currentVersion: 2 } });
    expect((await rowOf(user.id))?.displayName).toBe("第一次");
  });

  it("refuses a mobile number another account has", async () => {
    const user = await make(t).user();
    const res = await admin.patch(`/api/users/${user.id}`, {
      displayName: user.displayName,
      roles: ["staff"],
      mobile: "13800000002",
      version: 1,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: "duplicate", field: "mobile" });
    expect((await rowOf(user.id))?.version).toBe(1);
  });

  it("checks the organization link as on creation", async () => {
    const user = await make(t).user();
    const base = { displayName: user.displayName, version: 1 };
    const missing = await admin.patch(`/api/users/${user.id}`, { ...base, roles: ["org_member"] });
    expect(missing.json()).toMatchObject({ field: "organizationId", message: "社会组织成员须关联所属组织" });
    const org = await make(t).organization();
    const wrongRole = await admin.patch(`/api/users/${user.id}`, {
      ...base,
      roles: ["mentor"],
      organizationId: org.id,
    });
    expect(wrongRole.statusCode).toBe(400);
    expect(wrongRole.json().field).toBe("organizationId");
    expect((await rowOf(user.id))?.roles).toEqual(["staff"]);
  });

  it("does not let an administrator remove their own administrator role", async () => {
    const me = await rowOf(adminId);
    const res = await admin.patch(
      `/api/users/${adminId}`,
      { displayName: me?.displayName, roles: ["staff"], version: me?.version },
      { "accept-language": "en" },
    );
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({
      code: "validation_failed",
      field: "roles",
      message: "You cannot remove your own administrator role",
    });
    expect((await rowOf(adminId))?.roles).toEqual(["admin"]);
    // Adding a role to oneself is fine.
    const more = await admin.patch(`/api/users/${adminId}`, {
      displayName: me?.displayName,
      roles: ["admin", "staff"],
      version: me?.version,
    });
    expect(more.statusCode).toBe(200);
    expect(more.json().roles).toEqual(["admin", "staff"]);
  });

  it("answers 404 for an unknown account and 400 for a malformed id or body", async () => {
    const body = { displayName: "某人", roles: ["staff"], version: 1 };
    expect((await admin.patch("/api/users/00000000-0000-4000-8000-000000000000", body)).statusCode).toBe(404);
    expect((await admin.patch("/api/users/123", body)).json()).toMatchObject({ field: "id" });
    const user = await make(t).user();
    const noVersion = await admin.patch(`/api/users/${user.id}`, { displayName: "某人", roles: ["staff"] });
    expect(noVersion.json()).toMatchObject({
      code: "validation_failed",
      field: "version",
      message: "此项必填",
    });
  });
});
