/**
 * Partners (合作伙伴): staff create, list, edit (versioned, the masked phone kept), archive and
 * restore; bad input is a 400 naming the field; a partner user reads its own partner and no
 * other (404); the admin links a partner account to a partner (required for that role only).
 */
import { randomUUID } from "node:crypto";
import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, bases, partners, users } from "../../../src/db/schema";
import type { PartnerView } from "../../../src/schemas/services/partners";
import { type Client, startTestApp, type TestApp } from "../../support/app";

let t: TestApp;
let staff: Client;
let admin: Client;
let partner: Client;
let member: Client;
let ownPartnerId: string;

beforeAll(async () => {
  t = await startTestApp();
  staff = await t.signIn("staff");
  admin = await t.signIn("admin");
  partner = await t.signIn("partner");
  member = await t.signIn("member");
  const [row] = await t.db.select({ p: users.partnerId }).from(users).where(eq(users.username, "partner"));
  ownPartnerId = row?.p as string;
});
afterAll(() => t.close());

const fresh = () => `测试伙伴${randomUUID().slice(0, 8)}`;
const create = async (body: Record<string, unknown> = {}): Promise<PartnerView> => {
  const res = await staff.post("/api/partners", {
    name: fresh(),
    kind: "enterprise",
    contactName: "王五",
    contactPhone: "13912345678",
    description: "提供场地",
    ...body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
};

describe("partners", () => {
  it("are created, listed and searched by staff, the phone masked, the creation audited", async () => {
    const created = await create({ kind: "foundation" });
    expect(created).toMatchObject({
      kind: "foundation",
      contactPhone: "139****5678",
      status: "active",
      version: 1,
      users: [],
    });
    const list = await staff.get(`/api/partners?q=${encodeURIComponent(created.name)}`);
    expect(list.json()).toMatchObject({ total: 1, items: [{ id: created.id, userCount: 0 }] });
    const reveal = await staff.get(`/api/partners/${created.id}/contact`);
    expect(reveal.json()).toEqual({ contactPhone: "13912345678" });
    const [audit] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, created.id), eq(auditLog.action, "partner.created")));
    expect(audit).toBeTruthy();
  });

  it("refuse bad input with the field named, and a duplicate name", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ name: "" }, "name"],
      [{ name: "A\u0000B" }, "name"],
      [{ name: "x".repeat(101) }, "name"],
      [{ kind: "bank" }, "kind"],
      [{ contactPhone: "12345" }, "contactPhone"],
      [{ email: "not-an-email" }, "email"],
      [{ description: "\u202Eevil" }, "description"],
    ];
    for (const [body, field] of cases) {
      const res = await staff.post("/api/partners", { name: fresh(), kind: "hub", ...body });
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().field, JSON.stringify(body)).toBe(field);
    }
    const first = await create();
    const dup = await staff.post("/api/partners", { name: first.name.toUpperCase(), kind: "hub" });
    expect(dup.statusCode).toBe(400);
    expect(dup.json()).toMatchObject({ field: "name" });
    expect(dup.json().message).toContain("同名");
  });

  it("are edited with a version (409 on a stale one), keeping the masked phone, then archived and restored", async () => {
    const p = await create();
    const edit = await staff.patch(`/api/partners/${p.id}`, {
      name: p.name,
      kind: "other",
      contactPhone: p.contactPhone,
      version: 1,
    });
    expect(edit.statusCode, edit.body).toBe(200);
    expect(edit.json()).toMatchObject({ kind: "other", version: 2, contactName: "王五" });
    expect((await staff.get(`/api/partners/${p.id}/contact`)).json().contactPhone).toBe("13912345678");
    const stale = await staff.patch(`/api/partners/${p.id}`, { name: "旧版本", kind: "hub", version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().details).toEqual({ currentVersion: 2 });
    const archived = await staff.post(`/api/partners/${p.id}/archive`, { version: 2 });
    expect(archived.json()).toMatchObject({ status: "archived", version: 3 });
    expect((await staff.post(`/api/partners/${p.id}/restore`, { version: 2 })).statusCode).toBe(409);
    expect((await staff.post(`/api/partners/${p.id}/restore`, { version: 3 })).json().status).toBe("active");
  });

  it("are read by a partner user for its own only; another partner, or the list, is not theirs", async () => {
    const own = await partner.get(`/api/partners/${ownPartnerId}`);
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json().users.map((u: { username: string }) => u.username)).toContain("partner");
    const other = await create();
    expect((await partner.get(`/api/partners/${other.id}`)).statusCode).toBe(404);
    expect((await partner.get("/api/partners")).statusCode).toBe(403);
    expect(
      (await partner.patch(`/api/partners/${ownPartnerId}`, { name: "改名", kind: "hub", version: 1 }))
        .statusCode,
    ).toBe(403);
    expect((await member.get(`/api/partners/${other.id}`)).statusCode).toBe(403);
    // Another base's partner does not exist for staff.
    const [base] = await t.db
      .insert(bases)
      .values({ code: `p-${randomUUID().slice(0, 8)}`, name: "另一基地", district: "别区" })
      .returning();
    const [foreign] = await t.db
      .insert(partners)
      .values({ baseId: base?.id as string, name: "别处伙伴", kind: "hub" })
      .returning();
    expect((await staff.get(`/api/partners/${foreign?.id}`)).statusCode).toBe(404);
    expect(
      (await staff.patch(`/api/partners/${foreign?.id}`, { name: "x1", kind: "hub", version: 1 })).statusCode,
    ).toBe(404);
  });
});

describe("a partner account", () => {
  const account = (body: Record<string, unknown>) =>
    admin.post("/api/users", {
      username: `partner${Math.floor(Math.random() * 1e9)}`,
      displayName: "伙伴联系人",
      password: "Partner-pass-2026",
      roles: ["partner"],
      ...body,
    });

  it("needs a partner, only for that role, of the base and not archived", async () => {
    const missing = await account({});
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({ field: "partnerId" });
    expect(missing.json().message).toContain("合作伙伴");
    const p = await create();
    const wrongRole = await account({ roles: ["mentor"], partnerId: p.id });
    expect(wrongRole.json()).toMatchObject({ field: "partnerId" });
    expect((await account({ partnerId: randomUUID() })).json().field).toBe("partnerId");
    const ok = await account({ partnerId: p.id });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ partnerId: p.id, partnerName: p.name });
    expect((await staff.get(`/api/partners/${p.id}`)).json().userCount).toBe(1);

    // Kept on an edit that leaves it out; dropped with the role.
    const user = ok.json();
    const kept = await admin.patch(`/api/users/${user.id}`, {
      displayName: "伙伴联系人二",
      roles: ["partner"],
      version: user.version,
    });
    expect(kept.json()).toMatchObject({ partnerId: p.id });
    const dropped = await admin.patch(`/api/users/${user.id}`, {
      displayName: "伙伴联系人二",
      roles: ["mentor"],
      version: kept.json().version,
    });
    expect(dropped.json()).toMatchObject({ partnerId: null });

    const archived = await create();
    await staff.post(`/api/partners/${archived.id}/archive`, { version: 1 });
    const refused = await account({ partnerId: archived.id });
    expect(refused.json()).toMatchObject({ field: "partnerId" });
    const [last] = await t.db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1);
    expect(last?.action).not.toBe("user.created");
  });
});
