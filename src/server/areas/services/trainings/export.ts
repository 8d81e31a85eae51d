/**
 * A training's attendance as .xlsx: everyone enrolled (and who waited), whether and how they
 * attended, and their feedback, with a preface naming the training. The export is audited.
 */
import type { Db } from "../../../../db/client";
import { shanghaiDate, shanghaiDateTime } from "../../../../domain/shanghai-time";
import type { Context } from "../../../context";
import { writeExportSheet } from "../../../xlsx-export";
import { loadTraining } from "./load";
import { enrolmentsOf } from "./view";

const COLUMNS = [
  { header: "姓名", width: 14 },
  { header: "所属机构", width: 30 },
  { header: "报名状态", width: 10 },
  { header: "签到", width: 18 },
  { header: "方式", width: 8 },
  { header: "评分", width: 6 },
  { header: "有用之处", width: 40 },
  { header: "建议", width: 40 },
] as const;

const STATUS = { enrolled: "已报名", waiting: "候补", cancelled: "已取消" } as const;
const VIA = { qr: "扫码", list: "点名" } as const;

export async function exportAttendance(db: Db, ctx: Context, id: string) {
  const training = await loadTraining(db, ctx, id, "training.manage");
  const rows = await enrolmentsOf(db, id);
  const buffer = await writeExportSheet(
    "签到表",
    COLUMNS,
    rows,
    (e) => [
      e.personName,
      e.organizationName ?? "（个人）",
      STATUS[e.status],
      e.attendedAt ? shanghaiDateTime(new Date(e.attendedAt)) : null,
      e.attendedVia ? VIA[e.attendedVia] : null,
      e.rating,
      e.useful,
      e.suggestions,
    ],
    {
      preface: {
        name: "说明",
        lines: [
          ["培训", training.topic],
          ["讲师", training.trainerName],
          ["时间", `${shanghaiDateTime(training.startsAt)} 至 ${shanghaiDateTime(training.endsAt)}`],
          ["地点", training.place || training.onlineLink || "—"],
          ["名额", String(training.capacity)],
          ["签到人数", String(rows.filter((r) => r.attendedAt).length)],
          ["导出时间", shanghaiDateTime(new Date())],
        ],
      },
    },
  );
  const date = shanghaiDate(training.startsAt).replaceAll("-", "");
  return { buffer, filename: `签到表-${training.topic}-${date}.xlsx` };
}
