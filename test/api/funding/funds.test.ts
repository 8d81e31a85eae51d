/**
 * Funding settings, flagship programmes and funds: the settings' defaults, versioned save and
 * audit; programmes added, renamed, retired; funds created (a partner's fund names an active
 * partner), their committed / disbursed / available computed from the grants to the fen, the
 * capacity never below what is committed, closing; a partner user sees only its partner's funds.
 */
import { randomUUID } from "node:crypto";
import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, grantTranches, partners, users } from "../../../src/db/schema";
import type { Fund } from "../../../src/schemas/funding/funds";
import { make } from "../../factories";
import { type Client, startTestApp, type TestApp } from "../../support/app";
import { fund, grant, project } from "./support";

let t: TestApp;
let staff: Client;
let partner: Client;
let member: Client;
let ownPartnerId: string;

beforeAll(async () => {
  t = await startTestApp();
  staff = await t.signIn("staff");
  partner = await t.signIn("partner");
  member = await t.signIn("member");
  const [row] = await t.db.select({ p: users.partnerId }).from(users).where(eq(users.username, "partner"));
  ownPartnerId = row?.p as string;
});
afterAll(() => t.close());

const name = () => `测试资金${randomUUID().slice(0, 8)}`;

describe("funding settings", () => {
  it("start at the defaults, save with the version (409 when stale), audited; bad input is 400 by field", async () => {
    const first = await staff.get("/api/funding/settings");
    expect(first.json()).toEqual({
      projectGrantCapFen: 30_000_000,
      reportGraceDays: 15,
      varianceThresholdBp: 1000,
      version: 1,
      saved: false,
    });
    const body = {
      projectGrantCapFen: 25_000_000,
      reportGraceDays: 10,
      varianceThresholdBp: 1500,
      version: 1,
    };
    const saved = await staff.put("/api/funding/settings", body);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ projectGrantCapFen: 25_000_000, version: 2, saved: true });
    const stale = await staff.put("/api/funding/settings", body);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().details).toEqual({ currentVersion: 2 });
    for (const [field, value] of [
      ["projectGrantCapFen", 12.5],
      ["projectGrantCapFen", -1],
      ["projectGrantCapFen", 1e20],
      ["reportGraceDays", 1000],
      ["varianceThresholdBp", "10%"],
    ] as const) {
      const bad = await staff.put("/api/funding/settings", { ...body, version: 2, [field]: value });
      expect(bad.statusCode, `${field}=${value}`).toBe(400);
      expect(bad.json().field).toBe(field);
    }
    const [audit] = await t.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "funding.settings"))
      .orderBy(desc(auditLog.at))
      .limit(1);
    expect(audit?.after).toMatchObject({ projectGrantCapFen: 25_000_000 });
    expect((await member.get("/api/funding/settings")).statusCode).toBe(403);
    // Back to the defaults for the other tests of this file.
    await staff.put("/api/funding/settings", { ...body, projectGrantCapFen: 30_000_000, version: 2 });
  });
});

describe("flagship programmes", () => {
  it("are added, renamed (the name unique), retired and then offered no more", async () => {
    const programmeName = `十大工程${randomUUID().slice(0, 6)}`;
    const created = await staff.post("/api/funding/programmes", {
      name: programmeName,
      description: "社区营造",
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    const twice = await staff.post("/api/funding/programmes", { name: programmeName.toUpperCase() });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().field).toBe("name");
    const renamed = await staff.put(`/api/funding/programmes/${id}`, {
      name: `${programmeName}改`,
      description: "",
    });
    expect(renamed.json()).toMatchObject({ name: `${programmeName}改`, retired: false, projectCount: 0 });
    expect((await staff.post(`/api/funding/programmes/${id}/retire`)).json()).toMatchObject({
      retired: true,
    });
    const offered = await staff.get("/api/funding/programmes");
    expect(offered.json().items.map((p: { id: string }) => p.id)).not.toContain(id);
    const all = await staff.get("/api/funding/programmes?all=true");
    expect(all.json().items.map((p: { id: string }) => p.id)).toContain(id);
    expect((await member.get("/api/funding/programmes")).statusCode).toBe(403);
  });
});

describe("funds", () => {
  it("are created by kind; a partner's fund names an active partner of the base, others none", async () => {
    const seed = await staff.post("/api/funds", {
      kind: "seed_fund",
      name: name(),
      capacityFen: 50_000_000,
      year: 2027,
    });
    expect(seed.statusCode, seed.body).toBe(201);
    expect(seed.json()).toMatchObject({
      capacityFen: 50_000_000,
      committedFen: 0,
      disbursedFen: 0,
      availableFen: 50_000_000,
      status: "active",
      version: 1,
    });
    const noPartner = await staff.post("/api/funds", { kind: "partner_fund", name: name(), capacityFen: 1 });
    expect(noPartner.json()).toMatchObject({ code: "validation_failed", field: "partnerId" });
    const stray = await staff.post("/api/funds", {
      kind: "seed_fund",
      name: name(),
      capacityFen: 1,
      partnerId: ownPartnerId,
    });
    expect(stray.json().field).toBe("partnerId");
    const [archived] = await t.db
      .insert(partners)
      .values({
        baseId: t.baseId,
        name: `归档伙伴${randomUUID().slice(0, 6)}`,
        kind: "foundation",
        status: "archived",
      })
      .returning();
    const inactive = await staff.post("/api/funds", {
      kind: "partner_fund",
      name: name(),
      capacityFen: 1,
      partnerId: archived?.id,
    });
    expect(inactive.statusCode).toBe(400);
    expect(inactive.json().field).toBe("partnerId");
    for (const capacityFen of [-1, 1.5, 1e13, "100"]) {
      const bad = await staff.post("/api/funds", { kind: "seed_fund", name: name(), capacityFen });
      expect(bad.statusCode, String(capacityFen)).toBe(400);
      expect(bad.json().field).toBe("capacityFen");
    }
    const dup = await staff.post("/api/funds", { kind: "seed_fund", name: seed.json().name, capacityFen: 1 });
    expect(dup.json()).toMatchObject({ field: "name" });
    expect(
      (await member.post("/api/funds", { kind: "seed_fund", name: name(), capacityFen: 1 })).statusCode,
    ).toBe(403);
  });

  it("count committed (approved or later) and disbursed (paid tranches) to the fen; capacity never below committed", async () => {
    const row = await fund(t, { capacityFen: 40_000_000 });
    const org = await make(t).organization();
    const p1 = await project(t, org.id);
    await grant(t, p1, row, { status: "proposed", amountFen: 5_000_000 });
    const active = await grant(t, p1, row, { status: "active", amountFen: 12_345_601 });
    await grant(t, p1, row, { status: "cancelled", amountFen: 7_000_000 });
    await grant(t, p1, row, { status: "closed", amountFen: 1_000_000 });
    const [firstTranche] = await t.db
      .update(grantTranches)
      .set({ status: "paid" })
      .where(and(eq(grantTranches.grantId, active.id), eq(grantTranches.seq, 1)))
      .returning();
    const got: Fund = (await staff.get(`/api/funds/${row.id}`)).json();
    expect(got).toMatchObject({
      committedFen: 13_345_601,
      disbursedFen: firstTranche?.amountFen,
      availableFen: 40_000_000 - 13_345_601,
      grantCount: 3,
    });
    const list = (await staff.get("/api/funds")).json().items as Fund[];
    expect(list.find((f) => f.id === row.id)).toEqual(got);
    const below = await staff.put(`/api/funds/${row.id}`, {
      name: row.name,
      capacityFen: 13_345_600,
      version: 1,
    });
    expect(below.statusCode).toBe(400);
    expect(below.json()).toMatchObject({ field: "capacityFen" });
    expect(below.json().message).toContain("133,456.01");
    const exact = await staff.put(`/api/funds/${row.id}`, {
      name: row.name,
      capacityFen: 13_345_601,
      version: 1,
    });
    expect(exact.json()).toMatchObject({ availableFen: 0, version: 2 });
    const stale = await staff.put(`/api/funds/${row.id}`, {
      name: row.name,
      capacityFen: 20_000_000,
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    const closed = await staff.post(`/api/funds/${row.id}/close`, { version: 2 });
    expect(closed.json()).toMatchObject({ status: "closed", version: 3 });
    const again = await staff.post(`/api/funds/${row.id}/close`, { version: 3 });
    expect(again.json()).toMatchObject({ code: "fund_closed" });
    const [audit] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "fund.updated"), eq(auditLog.entityId, row.id)));
    expect(audit?.after).toMatchObject({ capacityFen: 13_345_601 });
  });

  it("a partner user sees its own partner's funds only; another's is 404; a member none", async () => {
    const own = await fund(t, { kind: "partner_fund", partnerId: ownPartnerId });
    const [other] = await t.db
      .insert(partners)
      .values({ baseId: t.baseId, name: `别家伙伴${randomUUID().slice(0, 6)}`, kind: "enterprise" })
      .returning();
    const theirs = await fund(t, { kind: "partner_fund", partnerId: other?.id });
    const seed = await fund(t, { kind: "seed_fund" });
    const list = (await partner.get("/api/funds")).json().items as Fund[];
    expect(list.length).toBeGreaterThan(0);
    expect(list.every((f) => f.partnerId === ownPartnerId)).toBe(true);
    expect(list.map((f) => f.id)).toContain(own.id);
    expect((await partner.get(`/api/funds/${own.id}`)).statusCode).toBe(200);
    expect((await partner.get(`/api/funds/${theirs.id}`)).statusCode).toBe(404);
    expect((await partner.get(`/api/funds/${seed.id}`)).statusCode).toBe(404);
    expect((await member.get("/api/funds")).statusCode).toBe(403);
    expect((await member.get(`/api/funds/${seed.id}`)).statusCode).toBe(403);
  });
});
