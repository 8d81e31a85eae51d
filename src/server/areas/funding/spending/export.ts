/**
 * The finance workbook (资助财务表): a summary sheet (one row a grant, with totals), then one
 * sheet per grant named by its number: the header block, budget vs actual per line with a total
 * row, then the counted items with a total equal to the table's actual. Money is a number in yuan
 * (fen / 100: the nearest double to the two-decimal amount, so Excel shows it exactly) formatted
 * #,##0.00; every total is summed in fen first.
 */

import { and, eq, inArray, type SQL, sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import type { z } from "zod";
import type { Db } from "../../../../db/client";
import { grants, grantTranches } from "../../../../db/schema";
import { countsAsActual } from "../../../../domain/funding/budget";
import { sumFen } from "../../../../domain/funding/money";
import { shanghaiDate, shanghaiDateTime } from "../../../../domain/shanghai-time";
import type { ExpenseEntry, ZFundingExportQuery } from "../../../../schemas/funding/spending";
import { recordAudit } from "../../../audit";
import type { Context } from "../../../context";
import { requireAccess } from "../../../policy";
import { GRANT_STATUS_WORDS } from "../grants/words";
import { type GrantBudget, grantBudgets } from "./budget";
import { expensesOfGrants } from "./list";
import { loadGrant } from "./load";
import { BUDGET_CATEGORY_ZH, EXPENSE_STATUS_WORDS } from "./words";

/** The most grants one workbook holds (a sheet each). */
const EXPORT_GRANT_LIMIT = 300;

const MONEY = "#,##0.00";
const yuan = (fen: number) => fen / 100;
const bold = { bold: true } as const;

/** A sheet name Excel accepts: no []:*?/\, at most 31 characters, unique in the book (any case). */
function sheetName(raw: string, taken: Set<string>): string {
  const clean =
    raw
      .replace(/[[\]:*?/\\]/g, "-")
      .replace(/^'+|'+$/g, "")
      .trim()
      .slice(0, 31) || "资助";
  let name = clean;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${clean.slice(0, 31 - `~${n}`.length)}~${n}`;
  taken.add(name.toLowerCase());
  return name;
}

function money(row: ExcelJS.Row, columns: number[]) {
  for (const c of columns) row.getCell(c).numFmt = MONEY;
}

function grantSheet(
  book: ExcelJS.Workbook,
  name: string,
  budget: GrantBudget,
  items: ExpenseEntry[],
  paidFen: number,
) {
  const sheet = book.addWorksheet(name);
  sheet.columns = [
    { width: 14 },
    { width: 16 },
    { width: 30 },
    { width: 20 },
    { width: 16 },
    { width: 14 },
    { width: 10 },
    { width: 8 },
    { width: 40 },
  ];
  const g = budget.grant;
  sheet.addRow([`资助支出明细表　${g.number}`]).font = { bold: true, size: 14 };
  const head: [string, string | number][] = [
    ["资助编号", g.number],
    ["受资助机构", g.organizationName],
    ["项目", g.projectTitle],
    ["资金来源", g.fundName],
    ["资助金额（元）", yuan(g.amountFen)],
    ["已拨付（元）", yuan(paidFen)],
    ["执行期", `${g.startsOn} 至 ${g.endsOn}`],
    ["状态", GRANT_STATUS_WORDS["zh-CN"][g.status]],
  ];
  for (const [label, value] of head) {
    const row = sheet.addRow([label, value]);
    row.getCell(1).font = bold;
    if (typeof value === "number") money(row, [2]);
  }
  sheet.addRow([]);
  sheet.addRow(["预算执行情况"]).font = bold;
  sheet.addRow([
    "预算科目",
    "说明",
    "预算（元）",
    "实际支出（元）",
    "其中已核实（元）",
    "差异（元）",
    "差异率",
    "超支",
    "差异说明",
  ]).font = bold;
  budget.table.rows.forEach((r, i) => {
    const line = budget.lines[i];
    const row = sheet.addRow([
      line ? BUDGET_CATEGORY_ZH[line.category] : "",
      line?.description ?? "",
      yuan(r.budgetFen),
      yuan(r.actualFen),
      yuan(r.verifiedFen),
      yuan(r.varianceFen),
      r.varianceBp === null ? "—" : `${(r.varianceBp / 100).toFixed(2)}%`,
      r.overspent ? "超支" : "",
      r.explanation ?? (r.explanationMissing ? "（差异超出阈值，尚未说明）" : ""),
    ]);
    money(row, [3, 4, 5, 6]);
  });
  const t = budget.table.totals;
  const total = sheet.addRow([
    "合计",
    "",
    yuan(t.budgetFen),
    yuan(t.actualFen),
    yuan(t.verifiedFen),
    yuan(t.varianceFen),
    t.varianceBp === null ? "—" : `${(t.varianceBp / 100).toFixed(2)}%`,
    t.overspent ? "超支" : "",
    "",
  ]);
  total.font = bold;
  money(total, [3, 4, 5, 6]);
  sheet.addRow([]);
  sheet.addRow(["支出明细（不含已撤回）"]).font = bold;
  sheet.addRow(["日期", "预算科目", "摘要", "收款方", "金额（元）", "状态", "票据数"]).font = bold;
  const counted = items.filter((i) => countsAsActual(i.status));
  for (const item of counted) {
    const row = sheet.addRow([
      item.spentOn,
      BUDGET_CATEGORY_ZH[item.category],
      item.description,
      item.payee,
      yuan(item.amountFen),
      EXPENSE_STATUS_WORDS["zh-CN"][item.status],
      item.receipts.length,
    ]);
    money(row, [5]);
  }
  const itemsTotal = sheet.addRow([
    "合计",
    "",
    `${counted.length} 笔`,
    "",
    yuan(sumFen(counted.map((i) => i.amountFen))),
  ]);
  itemsTotal.font = bold;
  money(itemsTotal, [5]);
}

async function paidByGrant(db: Db, grantIds: string[]): Promise<Map<string, number>> {
  if (grantIds.length === 0) return new Map();
  const rows = await db
    .select({ grantId: grantTranches.grantId, fen: sql<string>`sum(${grantTranches.amountFen})` })
    .from(grantTranches)
    .where(and(inArray(grantTranches.grantId, grantIds), eq(grantTranches.status, "paid")))
    .groupBy(grantTranches.grantId);
  return new Map(rows.map((r) => [r.grantId, Number(r.fen)]));
}

async function workbook(db: Db, baseId: string, grantIds: string[], filterLine: string): Promise<Buffer> {
  const budgets = await grantBudgets(db, baseId, grantIds);
  const items = await expensesOfGrants(db, grantIds);
  const paid = await paidByGrant(db, grantIds);
  const book = new ExcelJS.Workbook();
  book.created = new Date();
  const summary = book.addWorksheet("汇总");
  summary.columns = [
    { header: "资助编号", width: 18 },
    { header: "受资助机构", width: 28 },
    { header: "项目", width: 30 },
    { header: "资金来源", width: 20 },
    { header: "状态", width: 10 },
    { header: "资助金额（元）", width: 16 },
    { header: "已拨付（元）", width: 16 },
    { header: "预算合计（元）", width: 16 },
    { header: "实际支出（元）", width: 16 },
    { header: "其中已核实（元）", width: 16 },
    { header: "差异（元）", width: 16 },
    { header: "待说明科目", width: 10 },
  ];
  summary.getRow(1).font = bold;
  summary.views = [{ state: "frozen", ySplit: 1 }];
  const taken = new Set(["汇总"]);
  for (const b of budgets) {
    const t = b.table.totals;
    const row = summary.addRow([
      b.grant.number,
      b.grant.organizationName,
      b.grant.projectTitle,
      b.grant.fundName,
      GRANT_STATUS_WORDS["zh-CN"][b.grant.status],
      yuan(b.grant.amountFen),
      yuan(paid.get(b.grant.id) ?? 0),
      yuan(t.budgetFen),
      yuan(t.actualFen),
      yuan(t.verifiedFen),
      yuan(t.varianceFen),
      t.linesMissingExplanation,
    ]);
    money(row, [6, 7, 8, 9, 10, 11]);
    grantSheet(
      book,
      sheetName(b.grant.number, taken),
      b,
      items.filter((i) => i.grantId === b.grant.id),
      paid.get(b.grant.id) ?? 0,
    );
  }
  const sum = (f: (b: GrantBudget) => number) => yuan(sumFen(budgets.map(f)));
  const total = summary.addRow([
    `合计（${budgets.length} 项资助）`,
    "",
    "",
    "",
    "",
    sum((b) => b.grant.amountFen),
    sum((b) => paid.get(b.grant.id) ?? 0),
    sum((b) => b.table.totals.budgetFen),
    sum((b) => b.table.totals.actualFen),
    sum((b) => b.table.totals.verifiedFen),
    sum((b) => b.table.totals.varianceFen),
    budgets.reduce((n, b) => n + b.table.totals.linesMissingExplanation, 0),
  ]);
  total.font = bold;
  money(total, [6, 7, 8, 9, 10, 11]);
  summary.addRow([]);
  summary.addRow([filterLine]);
  summary.addRow([`导出时间：${shanghaiDateTime(new Date())}`]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The base's grants (staff), filtered by fund, year (the grant's start) and status. */
export async function exportFundingWorkbook(
  db: Db,
  ctx: Context,
  filter: z.output<typeof ZFundingExportQuery>,
): Promise<{ buffer: Buffer; filename: string }> {
  requireAccess(ctx.actor, "funding.manage");
  const where: SQL[] = [eq(grants.baseId, ctx.actor.baseId)];
  if (filter.fundId) where.push(eq(grants.fundId, filter.fundId));
  if (filter.status) where.push(eq(grants.status, filter.status));
  if (filter.year) where.push(sql`extract(year from ${grants.startsOn}) = ${filter.year}`);
  const rows = await db
    .select({ id: grants.id })
    .from(grants)
    .where(and(...where))
    .orderBy(grants.number)
    .limit(EXPORT_GRANT_LIMIT);
  const ids = rows.map((r) => r.id);
  const words = [
    filter.year ? `${filter.year} 年` : null,
    filter.status ? GRANT_STATUS_WORDS["zh-CN"][filter.status] : null,
    filter.fundId ? "指定资金" : null,
  ].filter(Boolean);
  const buffer = await workbook(
    db,
    ctx.actor.baseId,
    ids,
    `筛选：${words.length ? words.join("，") : "全部资助"}`,
  );
  await recordAudit(db, ctx, {
    baseId: ctx.actor.baseId,
    action: "expense.exported",
    entityType: "grant_expense",
    after: { filter, grants: ids.length },
  });
  return { buffer, filename: `资助财务表-${shanghaiDate(new Date()).replaceAll("-", "")}.xlsx` };
}

/** One grant's workbook, for whoever reads the grant. */
export async function exportGrantWorkbook(
  db: Db,
  ctx: Context,
  grantId: string,
): Promise<{ buffer: Buffer; filename: string }> {
  const grant = await loadGrant(db, ctx, grantId, "funding.read");
  const buffer = await workbook(db, grant.baseId, [grant.id], `资助：${grant.number}`);
  await recordAudit(db, ctx, {
    baseId: grant.baseId,
    action: "expense.exported",
    entityType: "grant_expense",
    after: { grantId: grant.id, grants: 1 },
  });
  return { buffer, filename: `资助财务表-${grant.number}.xlsx` };
}
