/**
 * GET /api/funding/figures and /api/funding/figures.xlsx: money committed, disbursed and spent by
 * fund, kind, track and year, counted exactly on grants placed in 2031 (where no demo money
 * lives); the .xlsx read back and reconciled with the API to the fen; who may read them.
 */
import { eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { grants } from "../../../src/db/schema";
import type { FundingFigures } from "../../../src/schemas/funding/figures";
import { make } from "../../factories";
import { type Client, startTestApp, type TestApp } from "../../support/app";
import { expense, payTranche, report } from "./results-support";
import { fund, grant, project } from "./support";

let t: TestApp;
let staff: Client;
const ids: Record<string, string> = {};
const Y = 2031;

beforeAll(async () => {
  t = await startTestApp();
  staff = await t.signIn("staff");
  const seed = await fund(t, { kind: "seed_fund", capacityFen: 50_000_000 });
  const grantsFund = await fund(t, { kind: "project_grant", capacityFen: 80_000_000 });
  const a = await make(t).organization({ residency: "resident" });
  const b = await make(t).organization({ residency: "virtual" });
  const pa = await project(t, a.id, { track: "project" });
  const pb = await project(t, b.id, { track: "combined" });
  const ga = await grant(t, pa, seed, { status: "active", amountFen: 10_000_001 });
  const gb = await grant(t, pb, grantsFund, { status: "suspended", amountFen: 20_000_000 });
  // A proposed grant commits nothing.
  await grant(t, pb, grantsFund, { status: "proposed", amountFen: 7_000_000 });
  for (const g of [ga, gb])
    await t.db
      .update(grants)
      .set({ startsOn: `${Y}-03-01`, endsOn: `${Y + 1}-02-28` })
      .where(eq(grants.id, g.id));
  await t.db.update(grants).set({ owedFen: 4_000_000 }).where(eq(grants.id, gb.id));
  await payTranche(t, ga.id, 1, new Date(`${Y}-03-10T02:00:00Z`));
  await payTranche(t, gb.id, 1, new Date(`${Y}-03-11T02:00:00Z`));
  // Paid on the first of January, Beijing time: 2032 (16:30 UTC on 31 December).
  await payTranche(t, ga.id, 2, new Date(`${Y}-12-31T16:30:00Z`));
  await expense(t, ga.id, 1_234_567, "verified", `${Y}-04-01`);
  await expense(t, ga.id, 100, "withdrawn", `${Y}-04-02`);
  await expense(t, gb.id, 2_000_000, "queried", `${Y}-05-01`);
  await report(t, { id: ga.id, projectId: pa.id }, `${Y}-06-30`, "accepted", 20, { 开展活动场次: "12" });
  await report(t, { id: gb.id, projectId: pb.id }, `${Y}-06-30`, "accepted", 20, { 开展活动场次: "3" });
  Object.assign(ids, { seed: seed.id, grantsFund: grantsFund.id });
});
afterAll(() => t.close());

describe("the money figures", () => {
  it("count committed, disbursed and spent by fund, kind, track and year", async () => {
    const res = await staff.get(`/api/funding/figures?year=${Y}`);
    expect(res.statusCode).toBe(200);
    const f = res.json() as FundingFigures;
    const seedHalf = 10_000_001 - Math.floor(10_000_001 / 2);
    expect(f.byFund.find((x) => x.fundId === ids.seed)).toMatchObject({
      committedFen: 10_000_001,
      disbursedFen: seedHalf,
      spentFen: 1_234_567,
      capacityFen: 50_000_000,
      owedFen: 0,
    });
    expect(f.byFund.find((x) => x.fundId === ids.grantsFund)).toMatchObject({
      committedFen: 20_000_000,
      disbursedFen: 10_000_000,
      spentFen: 2_000_000,
      owedFen: 4_000_000,
    });
    expect(f.byTrack.find((x) => x.track === "project")).toMatchObject({ committedFen: 10_000_001 });
    expect(f.byTrack.find((x) => x.track === "combined")).toMatchObject({ committedFen: 20_000_000 });
    expect(f.byYear).toEqual([
      { year: Y, committedFen: 30_000_001, disbursedFen: seedHalf + 10_000_000, spentFen: 3_234_567 },
    ]);
    expect(f.totals).toMatchObject({
      committedFen: 30_000_001,
      disbursedFen: seedHalf + 10_000_000,
      spentFen: 3_234_567,
    });
    // Each grouping adds up to the totals.
    for (const group of [f.byFund, f.byKind, f.byTrack, f.byYear])
      for (const key of ["committedFen", "disbursedFen", "spentFen"] as const)
        expect(group.reduce((a, x) => a + x[key], 0)).toBe(f.totals[key]);
    // The tranche paid on 1 January (Beijing) is next year's.
    const next = (await staff.get(`/api/funding/figures?year=${Y + 1}`)).json() as FundingFigures;
    expect(next.totals).toMatchObject({
      committedFen: 0,
      disbursedFen: Math.floor(10_000_001 / 2),
      spentFen: 0,
    });
    // One indicator reached its target (12 of 10), the other did not (3 of 10): the change from
    // the year before (the demo's indicators stand in both).
    const before = (await staff.get(`/api/funding/figures?year=${Y - 1}`)).json() as FundingFigures;
    const delta = (track: string) => {
      const now = f.achievement.find((a) => a.track === track);
      const then = before.achievement.find((a) => a.track === track);
      return {
        measured: (now?.measured ?? 0) - (then?.measured ?? 0),
        met: (now?.met ?? 0) - (then?.met ?? 0),
      };
    };
    expect(delta("project")).toEqual({ measured: 1, met: 1 });
    expect(delta("combined")).toEqual({ measured: 1, met: 0 });
    const combined = f.achievement.find((a) => a.track === "combined");
    expect(combined?.metBp).toBe(Math.round(((combined?.met ?? 0) * 10_000) / (combined?.measured ?? 1)));
    expect(f.projectsByStatus.find((s) => s.status === "active")?.projects).toBeGreaterThanOrEqual(2);
  });

  it("export the same numbers to the fen", async () => {
    const api = (await staff.get(`/api/funding/figures?year=${Y}`)).json() as FundingFigures;
    const res = await staff.get(`/api/funding/figures.xlsx?year=${Y}`);
    expect(res.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const fen = (v: unknown) => Math.round(Number(v) * 100);
    const sheetRows = (name: string) => {
      const sheet = workbook.getWorksheet(name);
      if (!sheet) throw new Error(`no sheet ${name}`);
      const rows: unknown[][] = [];
      sheet.eachRow((row, n) => {
        if (n > 1) rows.push((row.values as unknown[]).slice(1));
      });
      return rows;
    };
    const byFund = sheetRows("按资金");
    expect(byFund).toHaveLength(api.byFund.length + 1);
    api.byFund.forEach((x, i) => {
      const row = byFund[i] as unknown[];
      expect(String(row[0])).toContain(x.name);
      expect([fen(row[1]), fen(row[2]), fen(row[3]), fen(row[4]), fen(row[5])]).toEqual([
        x.committedFen,
        x.disbursedFen,
        x.spentFen,
        x.capacityFen,
        x.owedFen,
      ]);
    });
    for (const name of ["按资金", "按资金类型", "按孵化方向", "按年度"]) {
      const rows = sheetRows(name);
      const total = rows.at(-1) as unknown[];
      expect(total[0]).toBe("合计");
      expect([fen(total[1]), fen(total[2]), fen(total[3])]).toEqual([
        api.totals.committedFen,
        api.totals.disbursedFen,
        api.totals.spentFen,
      ]);
      for (const col of [1, 2, 3])
        expect(rows.slice(0, -1).reduce((a, r) => a + fen(r[col]), 0)).toBe(fen(total[col]));
    }
    const preface = sheetRows("说明");
    expect(fen(preface.find((r) => r[0] === "待追回（元）")?.[1])).toBe(api.totals.owedFen);
  });

  it("is for staff and government viewers; a bad year is a 400", async () => {
    const viewer = await t.signIn("viewer");
    expect((await viewer.get("/api/funding/figures")).statusCode).toBe(200);
    expect((await viewer.get("/api/funding/figures.xlsx")).statusCode).toBe(200);
    for (const who of ["member", "partner", "mentor"]) {
      const c = await t.signIn(who);
      expect((await c.get("/api/funding/figures")).statusCode).toBe(403);
    }
    for (const bad of ["1999", "abc", "2031.5", ""]) {
      const res = await staff.get(`/api/funding/figures?year=${bad}`);
      expect(res.statusCode, bad).toBe(400);
      expect(JSON.stringify(res.json())).toContain("year");
    }
  });
});
