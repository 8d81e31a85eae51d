/** The filtered incubations list (all pages) as .xlsx; the export is audited. */
import type { Db } from "../../../../db/client";
import { shanghaiDate } from "../../../../domain/shanghai-time";
import { INCUBATION_LABELS } from "../../../../schemas/incubation/incubation-labels";
import type { IncubationListState, IncubationRow } from "../../../../schemas/incubation/incubations";
import { RECRUITMENT_LABELS } from "../../../../schemas/recruitment/labels";
import { recordAudit } from "../../../audit";
import type { Context } from "../../../context";
import { requireAccess } from "../../../policy";
import { writeExportSheet } from "../../../xlsx-export";
import { selectIncubationRows } from "./list";

const EXPORT_LIMIT = 50_000;

/** The columns, in order: the test reads the file back by these headers. */
const INCUBATION_EXPORT_COLUMNS = [
  { header: "社会组织", width: 32 },
  { header: "孵化批次", width: 16 },
  { header: "赛道", width: 14 },
  { header: "孵化方式", width: 10 },
  { header: "来源", width: 10 },
  { header: "状态", width: 10 },
  { header: "开始日期", width: 12 },
  { header: "计划结束日期", width: 14 },
  { header: "实际结束日期", width: 14 },
  { header: "负责人", width: 12 },
  { header: "基线评估逾期", width: 12 },
  { header: "临近出壳", width: 10 },
] as const;

function cells(r: IncubationRow): (string | null)[] {
  const zh = INCUBATION_LABELS["zh-CN"];
  return [
    r.organization.name,
    r.cohort.name,
    RECRUITMENT_LABELS["zh-CN"].track[r.track],
    zh.residency[r.residency],
    zh.origin[r.origin],
    zh.status[r.status],
    r.startOn,
    r.plannedEndOn,
    r.endedOn,
    r.responsible?.name ?? null,
    r.baselineOverdue ? "是" : "否",
    r.exitDue ? "是" : "否",
  ];
}

export async function exportIncubations(
  db: Db,
  ctx: Context,
  query: Omit<IncubationListState, "page" | "pageSize">,
): Promise<{ buffer: Buffer; filename: string }> {
  requireAccess(ctx.actor, "incubation.manage");
  const { items } = await selectIncubationRows(db, ctx, query, { limit: EXPORT_LIMIT, offset: 0 });
  const buffer = await writeExportSheet("孵化名单", INCUBATION_EXPORT_COLUMNS, items, cells, {
    frozenColumns: 1,
    autoFilter: true,
  });
  await recordAudit(db, ctx, {
    baseId: ctx.actor.baseId,
    action: "incubation.exported",
    entityType: "incubation",
    after: { filter: query, rows: items.length },
  });
  const date = shanghaiDate(new Date()).replaceAll("-", "");
  return { buffer, filename: `孵化名单-${date}.xlsx` };
}
