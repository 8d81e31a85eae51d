import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, bases, users } from "../../../src/db/schema";
import { maskMobile } from "../../../src/domain/phone";
import { make } from "../../factories";
import { type Client, startTestApp, type TestApp } from "../../support/app";

let t: TestApp;
let admin: Client;
let serial = 0;
const mobile = () => `1391${String(Date.now() % 1e5).padStart(5, "0")}${String(++serial).padStart(2, "0")}`;
const newUser = (over: Record<string, unknown> = {}) => ({
  username: `clerk${Date.now() % 1e6}${++serial}`,
  displayName: "赵新（测试账号）",
  mobile: mobile(),
  email: "clerk@example.cn",
  roles: ["staff"],
  password: "Welcome-2026x",
  ...over,
});
const userCount = async () => (await t.db.select({ n: count() }).from(users))[0]?.n;

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.signIn("admin");
});
afterAll(() => t.close());

describe("listing accounts", () => {
  it("lists the base's accounts with the mobile masked and no password hash", async () => {
    const res = await admin.get("/api/users?pageSize=200");
    expect(res.statusCode).toBe(200);
    const page = res.json();
    expect(page.total).toBeGreaterThanOrEqual(8);
    const staff = page.items.find((u: { username: string }) => u.username === "staff");
    expect(staff).toMatchObject({
      displayName: "李晓梅",
      mobile: "138****0002",
      roles: ["staff"],
    });
    expect(res.body).not.toContain("passwordHash");
    expect(res.body).not.toContain("13800000002");
  });

  it("searches by account name, display name and mobile number", async () => {
    const expected: [string, string[]][] = [
      ["STAF", ["staff", "staff2"]],
      ["李晓梅", ["staff"]],
      ["13800000002", ["staff"]],
    ];
    for (const [q, usernames] of expected) {
      const page = (await admin.get(`/api/users?q=${encodeURIComponent(q)}`)).json();
      expect(page.items.map((u: { username: string }) => u.username).sort()).toEqual(usernames);
    }
    const none = (await admin.get("/api/users?q=%25")).json();
    expect(none.total).toBe(0); // a literal "%" is not a wildcard
  });

  it("filters by role and status, and pages", async () => {
    const members = (await admin.get("/api/users?role=org_member")).json();
    expect(members.items.length).toBeGreaterThan(0);
    for (const u of members.items) expect(u.roles).toContain("org_member");
    const disabled = await make(t).user({ status: "disabled" });
    const list = (await admin.get("/api/users?status=disabled&pageSize=200")).json();
    expect(list.items.map((u: { id: string }) => u.id)).toContain(disabled.id);
    for (const u of list.items) expect(u.status).toBe("disabled");

    const all = (await admin.get("/api/users?pageSize=200")).json();
    const second = (await admin.get("/api/users?page=2&pageSize=3")).json();
    expect(second).toMatchObject({ page: 2, pageSize: 3, total: all.total });
    expect(second.items.map((u: { id: string }) => u.id)).toEqual(
      all.items.slice(3, 6).map((u: { id: string }) => u.id),
    );
  });

  it("refuses a bad filter with the field that failed", async () => {
    const role = await admin.get("/api/users?role=king");
    expect(role.statusCode).toBe(400);
    expect(role.json()).toMatchObject({ code: "validation_failed", field: "role" });
    const size = await admin.get("/api/users?pageSize=500");
    expect(size.json()).toMatchObject({ code: "validation_failed", field: "pageSize" });
  });

  it("reads one account; another base's accounts do not exist for this administrator", async () => {
    const [staff] = await t.db.select().from(users).where(eq(users.username, "staff"));
    const one = await admin.get(`/api/users/${staff?.id}`);
    expect(one.statusCode).toBe(200);
    expect(one.json()).toMatchObject({ username: "staff", mobile: "138****0002", version: staff?.version });

    const [other] = await t.db
      .insert(bases)
      .values({ code: "yanqing", name: "延庆区社会组织孵化基地", district: "北京市延庆区" })
      .returning();
    const stranger = await make({ db: t.db, baseId: other?.id as string }).user();
    expect((await admin.get(`/api/users/${stranger.id}`)).statusCode).toBe(404);
    const listed = (await admin.get("/api/users?pageSize=200")).json();
    expect(listed.items.map((u: { id: string }) => u.id)).not.toContain(stranger.id);

    expect((await admin.get("/api/users/00000000-0000-4000-8000-000000000000")).statusCode).toBe(404);
    expect((await admin.get("/api/users/not-a-uuid")).json()).toMatchObject({
      code: "validation_failed",
      field: "id",
    });
  });

  it("is for administrators only", async () => {
    const staff = await t.signIn("staff");
    expect((await staff.get("/api/users")).statusCode).toBe(403);
    expect((await staff.post("/api/users", newUser())).statusCode).toBe(403);
  });
});

describe("creating an account", () => {
  it("creates it with a must-change password, audits it without the hash, and it can sign in", async () => {
    const input = newUser();
    const res = await admin.post("/api/users", input);
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({
      username: input.username,
      displayName: input.displayName,
      mobile: `${input.mobile.slice(0, 3)}****${input.mobile.slice(-4)}`,
      email: "clerk@example.cn",
      roles: ["staff"],
      status: "active",
      version: 1,
      organizationId: null,
    });
    const [row] = await t.db.select().from(users).where(eq(users.id, created.id));
    expect(row?.mustChangePassword).toBe(true);
    expect(row?.baseId).toBe(t.baseId);

    const [entry] = await t.db.select().from(auditLog).where(eq(auditLog.entityId, created.id));
    expect(entry).toMatchObject({ action: "user.created", entityType: "user" });
    expect(entry?.after).toMatchObject({
      username: input.username,
      roles: ["staff"],
      mobile: maskMobile(input.mobile as string),
    });
    expect(JSON.stringify(entry)).not.toMatch(/passwordHash|argon2|Welcome-2026x/);
    expect(JSON.stringify(entry)).not.toContain(input.mobile as string);

    const newcomer = await t.signIn(input.username, input.password);
    expect((await newcomer.get("/api/auth/me")).json().user.mustChangePassword).toBe(true);
  });

  it.each([
    ["username", { username: "ab" }, "长度不能少于 3 个字符"],
    ["username", { username: "9lives" }, "账号须以字母开头，只含字母、数字、下划线、点或横线"],
    ["displayName", { displayName: "  " }, "此项必填"],
    ["mobile", { mobile: "12345" }, "手机号码不正确：应为 1 开头的 11 位数字"],
    ["email", { email: "clerk@" }, "邮箱格式不正确"],
    ["roles", { roles: [] }, "至少选择一个角色"],
    ["roles.0", { roles: ["king"] }, "不是可选的值"],
    ["organizationId", { organizationId: "x" }, "编号格式不正确"],
    ["password", { password: "" }, "此项必填"],
  ])("refuses a bad %s with its message, creating nothing", async (field, over, message) => {
    const before = await userCount();
    const res = await admin.post("/api/users", newUser(over));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ code: "validation_failed", field, message });
    expect(await userCount()).toBe(before);
  });

  it("applies the password policy and lists every unmet rule", async () => {
    const res = await admin.post("/api/users", newUser({ password: "short" }));
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body).toMatchObject({ code: "password_policy", field: "password" });
    expect(body.details.problems).toEqual(["too_short", "needs_letter_and_digit"]);
    expect(body.message).toContain("至少 10 个字符");
    const identity = await admin.post("/api/users", newUser({ username: "lihua", password: "lihua2026abc" }));
    expect(identity.json().details.problems).toEqual(["contains_identity"]);
  });

  it("refuses a taken account name (any letter case) or mobile with 409 and the field", async () => {
    const name = await admin.post("/api/users", newUser({ username: "STAFF" }));
    expect(name.statusCode).toBe(409);
    expect(name.json()).toMatchObject({ code: "duplicate", field: "username", message: "该账号已存在" });
    const phone = await admin.post("/api/users", newUser({ mobile: "138-0000-0002" }));
    expect(phone.statusCode).toBe(409);
    expect(phone.json()).toMatchObject({ code: "duplicate", field: "mobile", message: "该手机号已存在" });
    const en = await admin.post("/api/users", newUser({ username: "Staff" }), { "accept-language": "en" });
    expect(en.json().message).toBe("The account name already exists");
  });

  it("links an organization member to an organization of the base, and only members", async () => {
    const org = await make(t).organization();
    const ok = await admin.post("/api/users", newUser({ roles: ["org_member"], organizationId: org.id }));
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ organizationId: org.id, organizationName: org.name });

    const missing = await admin.post("/api/users", newUser({ roles: ["org_member"] }));
    expect(missing.json()).toEqual({
      code: "validation_failed",
      field: "organizationId",
      message: "社会组织成员须关联所属组织",
    });
    const [other] = await t.db
      .insert(bases)
      .values({ code: "huairou", name: "怀柔区社会组织孵化基地", district: "北京市怀柔区" })
      .returning();
    const foreign = await make({ db: t.db, baseId: other?.id as string }).organization();
    for (const organizationId of [foreign.id, "00000000-0000-4000-8000-000000000000"]) {
      const res = await admin.post("/api/users", newUser({ roles: ["org_member"], organizationId }));
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ field: "organizationId", message: "引用的记录不存在" });
    }
    const notMember = await admin.post("/api/users", newUser({ roles: ["staff"], organizationId: org.id }));
    expect(notMember.statusCode).toBe(400);
    expect(notMember.json()).toMatchObject({
      field: "organizationId",
      message: "只有“社会组织成员”角色的账号才能关联组织",
    });
  });
});
