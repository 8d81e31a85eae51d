/** The queue as .xlsx: the same filter and scope as the page, every page (up to a limit). */
import type { Db } from "../../../../db/client";
import { shanghaiDate, shanghaiDateTime } from "../../../../domain/shanghai-time";
import { SERVICE_CATEGORY_LABELS } from "../../../../schemas/labels";
import { SERVICE_LABELS } from "../../../../schemas/services/labels";
import { recordAudit } from "../../../audit";
import type { Context } from "../../../context";
import { requireAccess } from "../../../policy";
import { writeExportSheet } from "../../../xlsx-export";
import { REQUEST_ORDER, type RequestFilter, requestWhere, selectRequests, toRequestEntry } from "./list";

const EXPORT_LIMIT = 20_000;

const REQUEST_EXPORT_COLUMNS = [
  { header: "提交时间", width: 18 },
  { header: "机构", width: 30 },
  { header: "类别", width: 8 },
  { header: "服务", width: 30 },
  { header: "状态", width: 10 },
  { header: "承办", width: 18 },
  { header: "预约时间", width: 18 },
  { header: "应答期限", width: 18 },
  { header: "逾期", width: 6 },
  { header: "评价", width: 6 },
] as const;

export async function exportRequests(
  db: Db,
  ctx: Context,
  filter: RequestFilter,
): Promise<{ buffer: Buffer; filename: string }> {
  requireAccess(ctx.actor, "service.manage");
  const rows = await selectRequests(db)
    .where(requestWhere(ctx, filter))
    .orderBy(...REQUEST_ORDER)
    .limit(EXPORT_LIMIT);
  const items = rows.map(toRequestEntry);
  const zh = SERVICE_LABELS["zh-CN"];
  const buffer = await writeExportSheet(
    "服务申请",
    REQUEST_EXPORT_COLUMNS,
    items,
    (r) => [
      shanghaiDateTime(new Date(r.createdAt)),
      r.organizationName,
      SERVICE_CATEGORY_LABELS["zh-CN"][r.category],
      r.title,
      zh.status[r.status],
      r.handlerName,
      r.scheduledAt ? shanghaiDateTime(new Date(r.scheduledAt)) : null,
      shanghaiDateTime(new Date(r.respondBy)),
      r.overdue ? "是" : "否",
      r.rating,
    ],
    { autoFilter: true, frozenColumns: 2 },
  );
  await recordAudit(db, ctx, {
    baseId: ctx.actor.baseId,
    action: "service.exported",
    entityType: "service_request",
    after: { filter, rows: items.length },
  });
  const date = shanghaiDate(new Date()).replaceAll("-", "");
  return { buffer, filename: `服务申请-${date}.xlsx` };
}
