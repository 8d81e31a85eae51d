/**
 * The finance workbook read back with exceljs and reconciled with the API to the fen: the summary
 * row and the grant's sheet (header, budget vs actual with its total row, the items with their
 * total) agree with GET /api/grants/:id/budget; sheet names are the grant numbers, sanitized.
 */
import { eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { grants } from "../../../src/db/schema";
import { type Client, startTestApp, type TestApp } from "../../support/app";
import { reportItem, spendingGrant } from "./spending-support";
import { fund } from "./support";

let t: TestApp;
let staff: Client;
beforeAll(async () => {
  t = await startTestApp();
  staff = await t.signIn("staff");
});
afterAll(() => t.close());

async function read(res: { statusCode: number; rawPayload: Buffer; headers: Record<string, unknown> }) {
  expect(res.statusCode).toBe(200);
  expect(String(res.headers["content-type"])).toContain("spreadsheetml");
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  return book;
}

/** A money cell back to fen (it holds fen / 100). */
const fen = (v: ExcelJS.CellValue) => Math.round(Number(v) * 100);

function rowsOf(sheet: ExcelJS.Worksheet): ExcelJS.CellValue[][] {
  const rows: ExcelJS.CellValue[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, n) => {
    rows[n - 1] = (row.values as ExcelJS.CellValue[]).slice(1);
  });
  return Array.from(rows, (r) => r ?? []);
}

describe("the finance workbook", () => {
  it("reconciles every figure with the API to the fen, one sheet a grant, totals that add up", async () => {
    const fundRow = await fund(t);
    const a = await spendingGrant(t, { fundRow, amountFen: 1_000_001 });
    const b = await spendingGrant(t, { fundRow, amountFen: 2_345_678 });
    // A number with characters Excel refuses in a sheet name, and longer than 31.
    await t.db
      .update(grants)
      .set({ number: "ZZ/2026:007*[甲]?超长的资助编号要被截断到三十一个字符以内" })
      .where(eq(grants.id, b.grant.id));
    const amounts = [1, 99, 12_345, 333_333, 10_001];
    for (const [i, amountFen] of amounts.entries())
      await reportItem(a.member, a.grant.id, {
        budgetLineId: i % 2 ? a.materials.id : a.activities.id,
        amountFen,
      });
    const queried = await reportItem(b.member, b.grant.id, {
      budgetLineId: b.activities.id,
      amountFen: 2_500_000,
    });
    await staff.post(`/api/grants/${b.grant.id}/expenses/${queried.id}/query`, {
      version: 1,
      question: "请补充合同",
    });
    const verified = await reportItem(b.member, b.grant.id, { budgetLineId: b.materials.id, amountFen: 777 });
    await staff.post(`/api/grants/${b.grant.id}/expenses/${verified.id}/verify`, { version: 1 });
    const gone = await reportItem(b.member, b.grant.id, { budgetLineId: b.materials.id, amountFen: 5_000 });
    await b.member.post(`/api/grants/${b.grant.id}/expenses/${gone.id}/withdraw`, { version: 1 });

    const book = await read(await staff.get(`/api/funding/export.xlsx?fundId=${fundRow.id}`));
    const names = book.worksheets.map((s) => s.name);
    expect(names).toHaveLength(3);
    expect(names[0]).toBe("汇总");
    for (const name of names) {
      expect(name.length).toBeLessThanOrEqual(31);
      expect(name).not.toMatch(/[[\]:*?/\\]/);
    }

    const summary = rowsOf(book.getWorksheet("汇总") as ExcelJS.Worksheet);
    const budgets = [];
    for (const g of [a, b]) {
      const api = (await staff.get(`/api/grants/${g.grant.id}/budget`)).json();
      budgets.push(api);
      const row = summary.find((r) => r[0] === api.grant.number);
      expect(row, api.grant.number).toBeTruthy();
      expect([5, 7, 8, 9, 10].map((c) => fen(row?.[c] ?? null))).toEqual([
        api.grant.amountFen,
        api.totals.budgetFen,
        api.totals.actualFen,
        api.totals.verifiedFen,
        api.totals.varianceFen,
      ]);
      expect(row?.[11]).toBe(api.totals.linesMissingExplanation);

      // The grant's sheet: the name starts with the sanitized number.
      const sheet = book.worksheets.find(
        (s) => s !== book.worksheets[0] && rowsOf(s)[0]?.[0] === `资助支出明细表　${api.grant.number}`,
      );
      expect(sheet, api.grant.number).toBeTruthy();
      const rows = rowsOf(sheet as ExcelJS.Worksheet);
      expect(rows.find((r) => r[0] === "受资助机构")?.[1]).toBe(api.grant.organizationName);
      expect(fen(rows.find((r) => r[0] === "资助金额（元）")?.[1] ?? null)).toBe(api.grant.amountFen);
      const tableStart = rows.findIndex((r) => r[0] === "预算科目") + 1;
      const tableEnd = rows.findIndex((r, i) => i >= tableStart && r[0] === "合计");
      const lines = rows.slice(tableStart, tableEnd);
      expect(
        lines.map((r) => [fen(r[2] ?? null), fen(r[3] ?? null), fen(r[4] ?? null), fen(r[5] ?? null)]),
      ).toEqual(
        api.rows.map(
          (r: { budgetFen: number; actualFen: number; verifiedFen: number; varianceFen: number }) => [
            r.budgetFen,
            r.actualFen,
            r.verifiedFen,
            r.varianceFen,
          ],
        ),
      );
      const total = rows[tableEnd] ?? [];
      expect([fen(total[2] ?? null), fen(total[3] ?? null), fen(total[5] ?? null)]).toEqual([
        api.totals.budgetFen,
        api.totals.actualFen,
        api.totals.varianceFen,
      ]);
      // The items: their total equals the table's actual, and each amount is the API's.
      const itemsStart = rows.findIndex((r) => r[0] === "日期") + 1;
      const itemsEnd = rows.findIndex((r, i) => i >= itemsStart && r[0] === "合计");
      const items = rows.slice(itemsStart, itemsEnd);
      const listed = (await staff.get(`/api/grants/${g.grant.id}/expenses?pageSize=200`))
        .json()
        .items.filter((i: { status: string }) => i.status !== "withdrawn");
      expect(items.map((r) => fen(r[4] ?? null)).sort()).toEqual(
        listed.map((i: { amountFen: number }) => i.amountFen).sort(),
      );
      expect(items.every((r) => r[6] === 1)).toBe(true);
      expect(fen(rows[itemsEnd]?.[4] ?? null)).toBe(api.totals.actualFen);
      expect(sheet?.getCell(tableEnd + 1, 4).numFmt).toBe("#,##0.00");
    }
    const totalRow = summary.find((r) => String(r[0]).startsWith("合计"));
    expect(fen(totalRow?.[8] ?? null)).toBe(budgets[0].totals.actualFen + budgets[1].totals.actualFen);
    expect(fen(totalRow?.[5] ?? null)).toBe(1_000_001 + 2_345_678);
    // b: queried 2,500,000 and verified 777 count, the withdrawn 5,000 does not; the overspent line says so.
    expect(budgets[1].totals).toMatchObject({ actualFen: 2_500_777, verifiedFen: 777 });
  });

  it("filters by status and year, and answers one grant's workbook to whoever reads the grant", async () => {
    const fundRow = await fund(t);
    const active = await spendingGrant(t, { fundRow });
    const closed = await spendingGrant(t, { fundRow, status: "closed" });
    let book = await read(await staff.get(`/api/funding/export.xlsx?fundId=${fundRow.id}&status=closed`));
    expect(
      rowsOf(book.worksheets[0] as ExcelJS.Worksheet).filter((r) => r[0] === closed.grant.number),
    ).toHaveLength(1);
    expect(book.worksheets).toHaveLength(2);
    book = await read(await staff.get(`/api/funding/export.xlsx?fundId=${fundRow.id}&year=2001`));
    expect(book.worksheets).toHaveLength(1);
    expect((await staff.get("/api/funding/export.xlsx?year=1e20")).statusCode).toBe(400);
    expect((await staff.get("/api/funding/export.xlsx?status=lost")).statusCode).toBe(400);
    expect((await active.member.get("/api/funding/export.xlsx")).statusCode).toBe(403);
    book = await read(await active.member.get(`/api/grants/${active.grant.id}/export.xlsx`));
    expect(book.worksheets.map((s) => s.name)).toEqual(["汇总", active.grant.number]);
    expect((await closed.member.get(`/api/grants/${active.grant.id}/export.xlsx`)).statusCode).toBe(404);
  });
});
