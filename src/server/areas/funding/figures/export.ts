/**
 * The money figures as .xlsx (资金数据): a preface, then one sheet per grouping (fund, fund kind,
 * track, year) with committed, disbursed and spent in yuan (two decimals, the API's fen ÷ 100)
 * and a total row that adds up to the preface's totals; indicator achievement and projects by
 * status. Exactly the numbers of GET /api/funding/figures. Audited, as every export is.
 */
import ExcelJS from "exceljs";
import type { Db } from "../../../../db/client";
import { shanghaiDate, shanghaiDateTime } from "../../../../domain/shanghai-time";
import type { FundingFiguresQuery, Money } from "../../../../schemas/funding/figures";
import { FUNDING_FIGURES_LABELS } from "../../../../schemas/funding/figures-labels";
import { RECRUITMENT_LABELS } from "../../../../schemas/recruitment/labels";
import { recordAudit } from "../../../audit";
import type { Context } from "../../../context";
import { fundingFigures } from "./service";

const L = FUNDING_FIGURES_LABELS["zh-CN"];
const TRACK = RECRUITMENT_LABELS["zh-CN"].track;
const YUAN = "#,##0.00";
/** Fen to yuan for the sheet only (the cell is a number a finance office sums). */
const yuan = (fen: number) => fen / 100;
const percent = (bp: number | null) => (bp === null ? "—" : `${(bp / 100).toFixed(2)}%`);

function moneySheet(
  workbook: ExcelJS.Workbook,
  name: string,
  label: string,
  rows: { label: string; money: Money; extra?: (string | number)[] }[],
  total: Money,
  extraHeaders: string[] = [],
) {
  const sheet = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = [
    { header: label, width: 28 },
    { header: "承诺资助（元）", width: 18, style: { numFmt: YUAN } },
    { header: "已拨付（元）", width: 18, style: { numFmt: YUAN } },
    { header: "已支出（元）", width: 18, style: { numFmt: YUAN } },
    ...extraHeaders.map((header) => ({ header, width: 18, style: { numFmt: YUAN } })),
  ];
  sheet.getRow(1).font = { bold: true };
  const cells = (m: Money) => [yuan(m.committedFen), yuan(m.disbursedFen), yuan(m.spentFen)];
  for (const r of rows) sheet.addRow([r.label, ...cells(r.money), ...(r.extra ?? [])]);
  const last = sheet.addRow(["合计", ...cells(total)]);
  last.font = { bold: true };
}

export async function exportFundingFigures(db: Db, ctx: Context, query: FundingFiguresQuery) {
  const f = await fundingFigures(db, ctx, query);
  const workbook = new ExcelJS.Workbook();
  const preface = workbook.addWorksheet("说明");
  preface.columns = [{ width: 16 }, { width: 60 }];
  for (const [k, v] of [
    ["范围", f.year === null ? "全部年度" : `${f.year}年`],
    ["承诺资助（元）", yuan(f.totals.committedFen)],
    ["已拨付（元）", yuan(f.totals.disbursedFen)],
    ["已支出（元）", yuan(f.totals.spentFen)],
    ["待追回（元）", yuan(f.totals.owedFen)],
    ["口径", "承诺按资助开始日所在年度，拨付按付款日，支出按支出日；金额为元，保留两位小数"],
    ["导出时间", shanghaiDateTime(new Date())],
    ["导出人", ctx.actor.displayName],
  ] as const) {
    const row = preface.addRow([k, v]);
    row.getCell(1).font = { bold: true };
    if (typeof v === "number") row.getCell(2).numFmt = YUAN;
  }
  moneySheet(
    workbook,
    "按资金",
    "资金",
    f.byFund.map((x) => ({
      label: `${x.name}（${L.fundKind[x.kind]}）`,
      money: x,
      extra: [yuan(x.capacityFen), yuan(x.owedFen)],
    })),
    f.totals,
    ["资金总额（元）", "待追回（元）"],
  );
  moneySheet(
    workbook,
    "按资金类型",
    "资金类型",
    f.byKind.map((x) => ({ label: L.fundKind[x.kind], money: x })),
    f.totals,
  );
  moneySheet(
    workbook,
    "按孵化方向",
    "孵化方向",
    f.byTrack.map((x) => ({ label: TRACK[x.track], money: x })),
    f.totals,
  );
  moneySheet(
    workbook,
    "按年度",
    "年度",
    f.byYear.map((x) => ({ label: String(x.year), money: x })),
    f.totals,
  );
  const achievement = workbook.addWorksheet("指标达成");
  achievement.columns = [
    { header: "孵化方向", width: 18 },
    { header: "指标数", width: 10 },
    { header: "已有数值", width: 10 },
    { header: "达到目标", width: 10 },
    { header: "达标率", width: 10 },
  ];
  achievement.getRow(1).font = { bold: true };
  for (const a of f.achievement)
    achievement.addRow([TRACK[a.track], a.indicators, a.measured, a.met, percent(a.metBp)]);
  const status = workbook.addWorksheet("项目状态");
  status.columns = [
    { header: "状态", width: 12 },
    { header: "项目数", width: 10 },
  ];
  status.getRow(1).font = { bold: true };
  for (const s of f.projectsByStatus) status.addRow([L.projectStatus[s.status], s.projects]);
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  await recordAudit(db, ctx, {
    baseId: ctx.actor.baseId,
    action: "funding.figures_exported",
    entityType: "base",
    entityId: ctx.actor.baseId,
    after: { year: f.year },
  });
  const date = shanghaiDate(new Date()).replaceAll("-", "");
  return { buffer, filename: `资金数据-${f.year ?? "全部"}-${date}.xlsx` };
}
