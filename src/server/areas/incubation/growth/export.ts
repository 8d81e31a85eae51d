/**
 * The growth file as .xlsx: every event the filter keeps (all pages, newest first), with a preface
 * saying whose file it is, the filter and when it was taken. The export is audited.
 */
import type { Db } from "../../../../db/client";
import { growthEvents } from "../../../../db/schema";
import { shanghaiDate, shanghaiDateTime } from "../../../../domain/shanghai-time";
import type { GrowthFilter } from "../../../../schemas/incubation/growth";
import { growthAreaLabel } from "../../../../schemas/incubation/growth-labels";
import { recordAudit } from "../../../audit";
import type { Context } from "../../../context";
import { writeExportSheet } from "../../../xlsx-export";
import { GROWTH_ORDER, growthOwner, growthWhere, toGrowthEvent } from "./timeline";

/** A file of more events than this is read on screen by period, not exported whole. */
const EXPORT_LIMIT = 20_000;

const COLUMNS = [
  { header: "时间", width: 18 },
  { header: "类别", width: 14 },
  { header: "事件", width: 40 },
  { header: "说明", width: 48 },
  { header: "经办人", width: 14 },
] as const;

export async function exportGrowthFile(
  db: Db,
  ctx: Context,
  id: string,
  filter: GrowthFilter,
): Promise<{ buffer: Buffer; filename: string; rows: number }> {
  const organization = await growthOwner(db, ctx, id);
  const rows = await db
    .select()
    .from(growthEvents)
    .where(growthWhere(ctx, id, filter))
    .orderBy(...GROWTH_ORDER)
    .limit(EXPORT_LIMIT);
  const events = rows.map(toGrowthEvent);
  const period = `${filter.from ?? "—"} 至 ${filter.to ?? "—"}`;
  const buffer = await writeExportSheet(
    "成长档案",
    COLUMNS,
    events,
    (e) => [
      shanghaiDateTime(new Date(e.occurredAt)),
      growthAreaLabel(e.area, "zh-CN"),
      e.title.zhCN,
      typeof e.params.note === "string" ? e.params.note : null,
      e.actorName,
    ],
    {
      preface: {
        name: "说明",
        lines: [
          ["组织", organization.name],
          [
            "类别",
            filter.areas?.length ? filter.areas.map((a) => growthAreaLabel(a, "zh-CN")).join("、") : "全部",
          ],
          ["期间", period],
          ["事件数", String(events.length)],
          ["导出时间", shanghaiDateTime(new Date())],
          ["导出人", ctx.actor.displayName],
        ],
      },
    },
  );
  await recordAudit(db, ctx, {
    baseId: ctx.actor.baseId,
    action: "organization.growth_exported",
    entityType: "organization",
    entityId: id,
    after: { filter, rows: events.length },
  });
  const date = shanghaiDate(new Date()).replaceAll("-", "");
  return { buffer, filename: `成长档案-${organization.name}-${date}.xlsx`, rows: events.length };
}
