/**
 * The first sheet of the screening file (说明): which call, which filter in words, when and by
 * whom. A file forwarded by mail must say what it holds; a filter left in the address bar must
 * not pass silently into it.
 */
import { SCREENING_STATUSES } from "../../../../domain/application";
import { shanghaiDateTime } from "../../../../domain/shanghai-time";
import { RECRUITMENT_LABELS } from "../../../../schemas/recruitment/labels";
import { FIELD_LABELS } from "../../platform/organizations/spreadsheet";
import type { QueueFilter } from "./queue";

const L = RECRUITMENT_LABELS["zh-CN"];

const SORT_WORDS: Record<QueueFilter["sort"], string> = {
  statusChangedAt: "状态变更时间",
  lastSubmittedAt: "最近提交时间",
  name: "社会组织名称",
  missingItems: "缺项数",
};

/** The filter in words (zh-CN), one clause per condition, in the order of the queue's form. */
function filterInWords(filter: QueueFilter, townName: string | null): string {
  const statuses = filter.status && filter.status.length > 0 ? filter.status : null;
  const clauses = [
    statuses
      ? `申请状态：${statuses.map((s) => L.applicationStatus[s]).join("、")}`
      : `申请状态：${SCREENING_STATUSES.map((s) => L.applicationStatus[s]).join("、")}（默认：已进入初筛及之后各阶段的申请）`,
  ];
  if (filter.track) clauses.push(`孵化方向：${L.track[filter.track]}`);
  if (filter.townId) clauses.push(`所在镇街：${townName ?? "（已删除的镇街）"}`);
  if (filter.field) clauses.push(`服务领域：${FIELD_LABELS[filter.field]}`);
  if (filter.completeness) clauses.push(filter.completeness === "complete" ? "材料齐全" : "材料有缺项");
  if (filter.q?.trim()) clauses.push(`名称包含“${filter.q.trim()}”`);
  if (filter.unread) clauses.push("仅待回复留言的申请");
  clauses.push(`排序：${SORT_WORDS[filter.sort]}${filter.order === "asc" ? "升序" : "降序"}`);
  return clauses.join("；");
}

export function prefaceLines(input: {
  callTitle: string;
  filter: QueueFilter;
  townName: string | null;
  rows: number;
  limited: boolean;
  exportedBy: string;
  at: Date;
}): [string, string][] {
  return [
    ["文件", "初筛基础文件"],
    ["招募", input.callTitle],
    ["筛选条件", filterInWords(input.filter, input.townName)],
    ["申请数", input.limited ? `${input.rows}（已达导出上限，未全部导出）` : String(input.rows)],
    ["导出时间", `${shanghaiDateTime(input.at)}（北京时间）`],
    ["导出人", input.exportedBy],
    ["说明", "“社会组织名称”链接到平台上的申请审核页，文件名链接到平台上的文件，需登录后打开。"],
  ];
}
