import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { organizations, users } from "../../../src/db/schema";
import type { Organization } from "../../../src/schemas/platform/organizations";
import { make, validCreditCode } from "../../factories";
import { type Client, startTestApp, type TestApp } from "../../support/app";
import { auditRows } from "./organizations-support";

let t: TestApp;
let staff: Client;

beforeAll(async () => {
  t = await startTestApp();
  staff = await t.signIn("staff");
});
afterAll(() => t.close());

async function stored(id: string) {
  const [row] = await t.db.select().from(organizations).where(eq(organizations.id, id));
  if (!row) throw new Error("no such organization");
  return row;
}

/** What the edit form sends back: the detail as shown (masked phone included), minus read-only keys. */
async function formOf(client: Client, id: string) {
  const detail: Organization = (await client.get(`/api/organizations/${id}`)).json();
  const {
    id: _id,
    baseId: _baseId,
    townName: _town,
    communityNames: _communities,
    hubOrganizationName: _hub,
    contactPhoneMasked: _masked,
    createdAt: _created,
    updatedAt: _updated,
    ...form
  } = detail;
  return form;
}

describe("PATCH /api/organizations/:id by staff", () => {
  it("saves a form round-trip without overwriting the phone with its mask, and audits the change", async () => {
    const org = await make(t).organization({ name: "昌平区原名服务社", contactPhone: "13912345678" });
    const form = await formOf(staff, org.id);
    expect(form.contactPhone).toBe("139****5678");

    const res = await staff.patch(`/api/organizations/${org.id}`, { ...form, name: "昌平区新名服务社" });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ name: "昌平区新名服务社", version: 2, contactPhone: "139****5678" });
    expect(await stored(org.id)).toMatchObject({
      name: "昌平区新名服务社",
      contactPhone: "13912345678",
      version: 2,
    });

    const entries = await auditRows(t, "organization.updated", org.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]?.before).toEqual({ name: "昌平区原名服务社" });
    expect(entries[0]?.after).toEqual({ name: "昌平区新名服务社" });
  });

  it("replaces the phone when a new number is given, and refuses someone else's mask", async () => {
    const org = await make(t).organization({ contactPhone: "13912345678" });
    const wrongMask = await staff.patch(`/api/organizations/${org.id}`, {
      ...(await formOf(staff, org.id)),
      contactPhone: "138****5678",
    });
    expect(wrongMask.statusCode).toBe(400);
    expect(wrongMask.json()).toMatchObject({
      field: "contactPhone",
      message: expect.stringContaining("手机号码"),
    });

    const res = await staff.patch(`/api/organizations/${org.id}`, {
      ...(await formOf(staff, org.id)),
      contactPhone: "+86 150-0000-1111",
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((await stored(org.id)).contactPhone).toBe("15000001111");
  });

  it("keeps what the body leaves out", async () => {
    const org = await make(t).organization({
      fields: ["culture", "sport"],
      residency: "resident",
      staffCount: 9,
    });
    const res = await staff.patch(`/api/organizations/${org.id}`, {
      name: org.name,
      registrationStatus: org.registrationStatus,
      description: "新的简介",
      version: 1,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(await stored(org.id)).toMatchObject({
      fields: ["culture", "sport"],
      residency: "resident",
      staffCount: 9,
      creditCode: org.creditCode,
      description: "新的简介",
    });
  });

  it("refuses a stale version with 409, changing nothing and auditing nothing", async () => {
    const org = await make(t).organization({ name: "昌平区版本测试社" });
    const form = await formOf(staff, org.id);
    expect(
      (await staff.patch(`/api/organizations/${org.id}`, { ...form, address: "第一次" })).statusCode,
    ).toBe(200);

    const stale = await staff.patch(`/api/organizations/${org.id}`, { ...form, name: "昌平区过期修改社" });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: "version_conflict", details: { currentVersion: 2 } });
    expect(stale.json().message).toContain("已被他人修改");
    expect(await stored(org.id)).toMatchObject({ name: "昌平区版本测试社", address: "第一次", version: 2 });
    expect(await auditRows(t, "organization.updated", org.id)).toHaveLength(1);
  });

  it("lets exactly one of two simultaneous edits of one version win, with one audit row", async () => {
    const org = await make(t).organization();
    const form = await formOf(staff, org.id);
    const results = await Promise.all([
      staff.patch(`/api/organizations/${org.id}`, { ...form, address: "甲" }),
      staff.patch(`/api/organizations/${org.id}`, { ...form, address: "乙" }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const winner = results.find((r) => r.statusCode === 200)?.json().address;
    expect(await stored(org.id)).toMatchObject({ address: winner, version: 2 });
    expect(await auditRows(t, "organization.updated", org.id)).toHaveLength(1);
  });

  it("refuses a credit code another organization holds, even in a race, without half-saving", async () => {
    const holder = await make(t).organization();
    const org = await make(t).organization();
    const res = await staff.patch(`/api/organizations/${org.id}`, {
      ...(await formOf(staff, org.id)),
      creditCode: holder.creditCode,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: "duplicate", field: "creditCode" });
    expect((await stored(org.id)).version).toBe(1);
    expect(await auditRows(t, "organization.updated", org.id)).toHaveLength(0);

    // Two organizations claim one new code at once: one wins; the loser's audit row is rolled back.
    const a = await make(t).organization();
    const b = await make(t).organization();
    const code = validCreditCode();
    const [ra, rb] = await Promise.all(
      [a, b].map(async (o) =>
        staff.patch(`/api/organizations/${o.id}`, { ...(await formOf(staff, o.id)), creditCode: code }),
      ),
    );
    expect([ra?.statusCode, rb?.statusCode].sort()).toEqual([200, 409]);
    const updated = [
      ...(await auditRows(t, "organization.updated", a.id)),
      ...(await auditRows(t, "organization.updated", b.id)),
    ];
    expect(updated).toHaveLength(1);
  });

  it("refuses invalid edits field by field and keeps the record", async () => {
    const org = await make(t).organization();
    const form = await formOf(staff, org.id);
    const cases: [Record<string, unknown>, string][] = [
      [{ creditCode: "91110000600037341X" }, "creditCode"],
      [{ creditCode: null }, "creditCode"],
      [{ foundedOn: "2999-01-01" }, "foundedOn"],
      [{ foundedOn: "1024-05-01" }, "foundedOn"], // a typo for 2024: before 1950
      [{ hubOrganizationId: org.id }, "hubOrganizationId"],
      [{ townId: randomUUID() }, "townId"],
      [{ version: 0 }, "version"],
    ];
    for (const [change, field] of cases) {
      const res = await staff.patch(`/api/organizations/${org.id}`, { ...form, ...change });
      expect(res.statusCode, JSON.stringify(change)).toBe(400);
      expect(res.json().field).toBe(field);
    }
    expect(await stored(org.id)).toMatchObject({ version: 1, creditCode: org.creditCode });
    expect(await auditRows(t, "organization.updated", org.id)).toHaveLength(0);
  });

  it("answers 404 for an unknown organization and 403 for read-only roles", async () => {
    const org = await make(t).organization();
    const body = { name: "昌平区某某社", registrationStatus: "unregistered", version: 1 };
    expect((await staff.patch(`/api/organizations/${randomUUID()}`, body)).statusCode).toBe(404);
    for (const role of ["viewer", "liaison", "expert"]) {
      const res = await (await t.signIn(role)).patch(`/api/organizations/${org.id}`, body);
      expect(res.statusCode, role).toBe(403);
    }
    expect((await stored(org.id)).version).toBe(1);
  });
});

describe("PATCH /api/organizations/:id by an organization member", () => {
  let member: Client;
  let ownId: string;
  beforeAll(async () => {
    member = await t.signIn("member");
    const [account] = await t.db.select().from(users).where(eq(users.username, "member"));
    ownId = account?.organizationId as string;
  });

  it("edits its own profile, phone included", async () => {
    const form = await formOf(member, ownId);
    expect(form.contactPhone).toMatch(/^1\d{10}$/);
    const res = await member.patch(`/api/organizations/${ownId}`, {
      ...form,
      description: "我们的新简介",
      contactPhone: "13600001234",
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      description: "我们的新简介",
      contactPhone: "13600001234",
      contactPhoneMasked: false,
    });
  });

  it("may not change what base staff decide (403, nothing saved)", async () => {
    const current = await stored(ownId);
    const hub = await make(t).organization({ registrationStatus: "social_group" });
    const changes: Record<string, unknown>[] = [
      { residency: current.residency === "resident" ? "virtual" : "resident" },
      { registrationStatus: current.registrationStatus === "foundation" ? "social_group" : "foundation" },
      { hubOrganizationId: hub.id },
    ];
    for (const change of changes) {
      const form = await formOf(member, ownId);
      const res = await member.patch(`/api/organizations/${ownId}`, {
        ...form,
        name: "昌平区越权修改社",
        ...change,
      });
      expect(res.statusCode, JSON.stringify(change)).toBe(403);
      expect(res.json().code).toBe("forbidden");
    }
    expect(await stored(ownId)).toMatchObject({ name: current.name, version: current.version });
  });

  it("does not see or edit another organization", async () => {
    const other = await make(t).organization();
    const res = await member.patch(`/api/organizations/${other.id}`, {
      name: "昌平区别人的组织",
      registrationStatus: other.registrationStatus,
      version: 1,
    });
    expect(res.statusCode).toBe(404);
    expect((await stored(other.id)).name).toBe(other.name);
  });
});
