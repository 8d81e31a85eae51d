/**
 * The money rules of grants on the real engines: a project's project grants stay within the base's
 * cap however they are split (and a cancelled one frees its room), a fund is never committed
 * beyond what it holds (two proposals that each fit, approved one after the other), two staff
 * paying one tranche at once (exactly one succeeds), and who sees which grants: a partner its
 * fund's only, a member its organization's only.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fundingSettings, partners } from "../../../src/db/schema";
import { make } from "../../factories";
import { type Client, startTestApp, type TestApp } from "../../support/app";
import { memberOf, partnerWithUser } from "../services/support";
import { proposal, propose, step, view } from "./grants-support";
import { fund, grant, project } from "./support";

let t: TestApp;
let staff: Client;
let staff2: Client;
let admin: Client;
beforeAll(async () => {
  t = await startTestApp();
  staff = await t.signIn("staff");
  staff2 = await t.signIn("staff2");
  admin = await t.signIn("admin");
});
afterAll(() => t.close());

describe("the project cap", () => {
  it("holds across split grants, counts proposals, frees a cancelled grant's room", async () => {
    const org = await make(t).organization();
    const p = await project(t, org.id);
    const f = await fund(t, { kind: "project_grant", capacityFen: 100_000_000 });
    const seed = await fund(t, { kind: "seed_fund" });
    // CNY 200,000 then 150,000: the second would make 350,000 > 300,000 (the default cap).
    const first = await propose(staff, proposal(p.id, f.id, 20_000_000));
    let res = await staff.post("/api/grants", proposal(p.id, f.id, 15_000_000));
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: "project_cap_exceeded", details: { roomFen: 10_000_000 } });
    expect(res.json().message).toContain("100,000.00");
    // Splitting the rest in two: the first fits exactly, the next fen does not.
    await propose(staff, proposal(p.id, f.id, 10_000_000));
    res = await staff.post("/api/grants", proposal(p.id, f.id, 100));
    expect(res.statusCode).toBe(409);
    // Another kind of fund is not capped.
    await propose(staff, proposal(p.id, seed.id, 5_000_000));
    // The set-up page says the same.
    const setup = (await staff.get(`/api/grants/setup?projectId=${p.id}`)).json();
    expect(setup).toMatchObject({
      capFen: 30_000_000,
      projectGrantsFen: 30_000_000,
      capRoomFen: 0,
      projects: [],
    });
    // Without a project it lists the fundable ones to choose from (not a closed project).
    const closed = await project(t, org.id, { status: "closed", incubationId: p.incubationId });
    const choices = (await staff.get("/api/grants/setup")).json().projects.map((x: { id: string }) => x.id);
    expect(choices).toContain(p.id);
    expect(choices).not.toContain(closed.id);
    // Cancelling the first frees its 200,000.
    await step(staff, first, "cancel", { reason: "改由种子基金资助" });
    await propose(staff, proposal(p.id, f.id, 20_000_000));
  });

  it("follows the base's own cap and re-checks it at approval", async () => {
    const org = await make(t).organization();
    const p = await project(t, org.id);
    const f = await fund(t, { kind: "project_grant" });
    const id = await propose(staff, proposal(p.id, f.id, 8_000_000));
    await t.db
      .insert(fundingSettings)
      .values({
        baseId: t.baseId,
        projectGrantCapFen: 5_000_000,
        reportGraceDays: 15,
        varianceThresholdBp: 1000,
      })
      .onConflictDoUpdate({ target: fundingSettings.baseId, set: { projectGrantCapFen: 5_000_000 } });
    try {
      const res = await step(staff2, id, "approve", {}, 409);
      expect(res.json()).toMatchObject({ code: "project_cap_exceeded" });
      expect((await view(staff, id)).status).toBe("proposed");
    } finally {
      await t.db.delete(fundingSettings).where(eq(fundingSettings.baseId, t.baseId));
    }
    await step(staff2, id, "approve");
  });
});

describe("the fund's capacity", () => {
  it("refuses an approval that would commit more than the fund holds", async () => {
    const f = await fund(t, { kind: "seed_fund", capacityFen: 10_000_000 });
    const ids: string[] = [];
    for (const _ of [1, 2]) {
      const org = await make(t).organization();
      const p = await project(t, org.id);
      ids.push(await propose(staff, proposal(p.id, f.id, 6_000_000)));
    }
    await step(staff2, ids[0] as string, "approve");
    const res = await step(staff2, ids[1] as string, "approve", {}, 409);
    expect(res.json()).toMatchObject({ code: "fund_over_committed", details: { availableFen: 4_000_000 } });
    // A new proposal beyond what is left is refused at once.
    const org = await make(t).organization();
    const p = await project(t, org.id);
    expect((await staff.post("/api/grants", proposal(p.id, f.id, 4_000_001))).statusCode).toBe(409);
    // Cancelling the approved one frees the fund.
    await step(staff, ids[0] as string, "cancel", { reason: "机构放弃" });
    await step(staff2, ids[1] as string, "approve");
  });

  it("approves one of two proposals approved at the same moment when only one fits", async () => {
    const f = await fund(t, { kind: "seed_fund", capacityFen: 10_000_000 });
    const ids: string[] = [];
    for (const _ of [1, 2]) {
      const org = await make(t).organization();
      const p = await project(t, org.id);
      ids.push(await propose(staff, proposal(p.id, f.id, 6_000_000)));
    }
    const versions = await Promise.all(ids.map(async (id) => (await view(staff2, id)).version));
    const answers = await Promise.all([
      staff2.post(`/api/grants/${ids[0]}/approve`, { version: versions[0] }),
      admin.post(`/api/grants/${ids[1]}/approve`, { version: versions[1] }),
    ]);
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 409]);
  });
});

describe("two staff paying one tranche at once", () => {
  it("lets exactly one through; the other gets 409 and the money is paid once", async () => {
    const org = await make(t).organization();
    const p = await project(t, org.id);
    const f = await fund(t, { kind: "seed_fund" });
    const id = await propose(staff, proposal(p.id, f.id, 2_000_000));
    await step(staff2, id, "approve");
    await step(staff, id, "sign");
    let g = await view(staff, id);
    const [tranche] = g.tranches;
    const res = await staff.post(`/api/grants/${id}/tranches/${tranche.id}/prepare`, {
      version: tranche.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = { version: tranche.version + 1, paymentReference: "PZ-RACE-1" };
    const answers = await Promise.all([
      staff2.post(`/api/grants/${id}/tranches/${tranche.id}/pay`, body),
      admin.post(`/api/grants/${id}/tranches/${tranche.id}/pay`, body),
    ]);
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    g = await view(staff, id);
    expect(g.disbursedFen).toBe(tranche.amountFen);
    expect(g.history.filter((h: { event: string }) => h.event === "activate")).toHaveLength(1);
  });
});

describe("who sees which grants", () => {
  it("shows a partner its own fund's grants only, and a member its organization's only", async () => {
    const { partner, client: partnerClient } = await partnerWithUser(t);
    const [otherPartner] = await t.db
      .insert(partners)
      .values({ baseId: t.baseId, name: `另一基金会${Date.now()}`, kind: "foundation" })
      .returning();
    const { organization, client: member } = await memberOf(t);
    const other = await make(t).organization();
    const own = await grant(
      t,
      await project(t, organization.id),
      await fund(t, { kind: "partner_fund", partnerId: partner.id }),
    );
    const others = await grant(
      t,
      await project(t, other.id),
      await fund(t, { kind: "partner_fund", partnerId: otherPartner?.id as string }),
    );

    expect((await partnerClient.get(`/api/grants/${own.id}`)).statusCode).toBe(200);
    expect((await partnerClient.get(`/api/grants/${others.id}`)).statusCode).toBe(404);
    const listed = (await partnerClient.get("/api/grants?pageSize=200")).json();
    expect(listed.items.map((g: { id: string }) => g.id)).toEqual([own.id]);

    const mine = (await member.get(`/api/grants/${own.id}`)).json();
    expect(mine.may).toMatchObject({ manage: false, edit: false, events: [] });
    expect((await member.get(`/api/grants/${others.id}`)).statusCode).toBe(404);
    expect((await member.get("/api/grants")).json().items.map((g: { id: string }) => g.id)).toEqual([own.id]);
    expect((await member.post(`/api/grants/${own.id}/approve`, { version: 1 })).statusCode).toBe(403);

    // Staff filter the base's list.
    const byFund = (
      await staff.get(`/api/grants?fundKind=partner_fund&q=${encodeURIComponent(other.name)}`)
    ).json();
    expect(byFund.items.map((g: { id: string }) => g.id)).toEqual([others.id]);
    expect(byFund.total).toBe(1);
  });
});
