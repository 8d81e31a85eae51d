/**
 * The service figures as .xlsx: a preface with the period and the totals, then one row per
 * (base,) month with the deliveries of each 4Z category, the total and the hours, exactly the
 * numbers of the API. Audited, as every export is.
 */
import type { Db } from "../../../../db/client";
import { SERVICE_CATEGORIES, type ServiceCategory } from "../../../../domain/services/categories";
import { shanghaiDate, shanghaiDateTime } from "../../../../domain/shanghai-time";
import type { ServiceFiguresQuery, ServiceFiguresView } from "../../../../schemas/services/figures";
import { recordAudit } from "../../../audit";
import type { Context } from "../../../context";
import { writeExportSheet } from "../../../xlsx-export";
import { organizationServiceFigures, serviceFigures } from "./service";

const CATEGORY_LABELS: Record<ServiceCategory, string> = {
  information: "资讯",
  consulting: "咨询",
  capital: "资本",
  resources: "资源",
};

const percent = (n: number | null) => (n === null ? "—" : `${Math.round(n * 1000) / 10}%`);

function totalLines(prefix: string, view: ServiceFiguresView): [string, string][] {
  const t = view.totals;
  return [
    [`${prefix}服务次数`, String(t.deliveries)],
    [`${prefix}服务时长（小时）`, String(t.hours)],
    [`${prefix}服务机构数`, String(t.organizations)],
    [`${prefix}其中虚拟入驻`, `${t.virtualOrganizations}（${percent(t.virtualShare)}）`],
    [`${prefix}服务人数`, String(t.persons)],
    [`${prefix}满意度`, t.ratingMean === null ? "—" : `${t.ratingMean}（已评价 ${percent(t.ratedShare)}）`],
  ];
}

const monthColumns = [
  { header: "月份", width: 10 },
  ...SERVICE_CATEGORIES.map((c) => ({ header: CATEGORY_LABELS[c], width: 8 })),
  { header: "合计", width: 8 },
  { header: "时长（小时）", width: 12 },
];

function monthCells(month: ServiceFiguresView["byMonth"][number]) {
  return [
    month.month,
    ...SERVICE_CATEGORIES.map((c) => month.byCategory.find((x) => x.category === c)?.deliveries ?? 0),
    month.deliveries,
    Math.round(month.minutes / 6) / 10,
  ];
}

export async function exportServiceFigures(db: Db, ctx: Context, query: ServiceFiguresQuery) {
  const figures = await serviceFigures(db, ctx, query);
  const rows = figures.sections.flatMap((s) => s.byMonth.map((m) => ({ base: s.baseName, m })));
  const buffer = await writeExportSheet(
    "服务数据",
    [{ header: "基地", width: 24 }, ...monthColumns],
    rows,
    (r) => [r.base, ...monthCells(r.m)],
    {
      preface: {
        name: "说明",
        lines: [
          ["范围", figures.town ? figures.town.name : figures.sections.map((s) => s.baseName).join("、")],
          ["期间", `${figures.from} 至 ${figures.to}`],
          ...figures.sections.flatMap((s) =>
            totalLines(figures.sections.length > 1 ? `${s.baseName} ` : "", s),
          ),
          ["导出时间", shanghaiDateTime(new Date())],
          ["导出人", ctx.actor.displayName],
        ],
      },
    },
  );
  await recordAudit(db, ctx, {
    baseId: ctx.actor.baseId,
    action: "stats.services_exported",
    entityType: "base",
    entityId: ctx.actor.baseId,
    after: { from: figures.from, to: figures.to, scope: figures.scope },
  });
  const date = shanghaiDate(new Date()).replaceAll("-", "");
  return { buffer, filename: `服务数据-${date}.xlsx` };
}

export async function exportOrganizationServiceFigures(
  db: Db,
  ctx: Context,
  organizationId: string,
  query: ServiceFiguresQuery,
) {
  const figures = await organizationServiceFigures(db, ctx, organizationId, query);
  const buffer = await writeExportSheet("服务数据", monthColumns, figures.byMonth, monthCells, {
    preface: {
      name: "说明",
      lines: [
        ["组织", figures.organization.name],
        ["期间", `${figures.from} 至 ${figures.to}`],
        ...totalLines("", figures),
        ["导出时间", shanghaiDateTime(new Date())],
        ["导出人", ctx.actor.displayName],
      ],
    },
  });
  await recordAudit(db, ctx, {
    baseId: ctx.actor.baseId,
    action: "organization.services_exported",
    entityType: "organization",
    entityId: organizationId,
    after: { from: figures.from, to: figures.to },
  });
  const date = shanghaiDate(new Date()).replaceAll("-", "");
  return { buffer, filename: `服务数据-${figures.organization.name}-${date}.xlsx` };
}
