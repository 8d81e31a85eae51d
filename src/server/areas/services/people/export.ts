/**
 * The people list as .xlsx: every row of the filter (not just the page), in its order, mobiles
 * masked as on the screen, with a preface saying which filter made it. The export is audited.
 */
import type { Db } from "../../../../db/client";
import { shanghaiDate, shanghaiDateTime } from "../../../../domain/shanghai-time";
import type { PersonListState } from "../../../../schemas/services/people";
import { recordAudit } from "../../../audit";
import type { Context } from "../../../context";
import { writeExportSheet } from "../../../xlsx-export";
import { peopleRows } from "./list";

const COLUMNS = [
  { header: "姓名", width: 12 },
  { header: "手机号", width: 14 },
  { header: "邮箱", width: 24 },
  { header: "工作单位", width: 28 },
  { header: "职务", width: 14 },
  { header: "来源", width: 10 },
  { header: "报名培训", width: 10 },
  { header: "出勤", width: 8 },
  { header: "培训学时（小时）", width: 16 },
  { header: "参加系列", width: 10 },
  { header: "注册/添加时间", width: 18 },
] as const;

const SOURCE = { registration: "自行注册", staff: "工作人员添加" } as const;
const HAS = { yes: "有", no: "无" } as const;

export async function exportPeople(db: Db, ctx: Context, filter: Omit<PersonListState, "page" | "pageSize">) {
  const { items } = await peopleRows(db, ctx, filter);
  const buffer = await writeExportSheet(
    "人员名单",
    COLUMNS,
    items,
    (p) => [
      p.displayName,
      p.mobile,
      p.email,
      p.workUnit,
      p.jobTitle,
      p.source ? SOURCE[p.source] : null,
      p.trainings,
      p.attended,
      // Hours to one decimal, as the trainings' pages show them.
      Math.round(p.minutes / 6) / 10,
      p.series,
      shanghaiDateTime(new Date(p.createdAt)),
    ],
    {
      frozenColumns: 1,
      autoFilter: true,
      preface: {
        name: "说明",
        lines: [
          ["名单", "个人用户（无所属机构的培训学员、社会公众）"],
          ["关键词", filter.q?.trim() || "—"],
          ["参加过培训", filter.trainings ? HAS[filter.trainings] : "不限"],
          ["有系列进度", filter.series ? HAS[filter.series] : "不限"],
          ["来源", filter.source ? SOURCE[filter.source] : "不限"],
          ["人数", String(items.length)],
          ["手机号", "已脱敏"],
          ["导出时间", shanghaiDateTime(new Date())],
        ],
      },
    },
  );
  await recordAudit(db, ctx, {
    baseId: ctx.actor.baseId,
    action: "person.exported",
    entityType: "person",
    after: { filter, rows: items.length },
  });
  return { buffer, filename: `人员名单-${shanghaiDate(new Date()).replaceAll("-", "")}.xlsx` };
}
