/**
 * The registry as a spreadsheet: one column list and one set of Chinese labels shared by the
 * export, the import template and the import, so a downloaded template always reads back.
 */
import { ORGANIZATION_FIELDS, REGISTRATION_STATUSES, RESIDENCIES } from "../../../../domain/organization";
import { ORGANIZATION_LABELS } from "../../../../schemas/labels";

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
/** The sheet of the import template that holds the rows (the import falls back to the first sheet). */
export const DATA_SHEET = "社会组织";

/** The same words the web app shows (src/schemas/labels.ts). */
export const REGISTRATION_LABELS = ORGANIZATION_LABELS["zh-CN"].registrationStatus;
export const RESIDENCY_LABELS = ORGANIZATION_LABELS["zh-CN"].residency;
export const FIELD_LABELS = ORGANIZATION_LABELS["zh-CN"].field;

export const YES = "是";
export const NO = "否";
/** Multi-valued cells (fields, communities) are written with 、 and read with any common separator. */
export const LIST_SEPARATOR = "、";
export const LIST_SPLIT = /[、,,;;/\n]+/;

/** The key of each column: the API field it fills, or the name it is resolved from. */
export type ColumnKey =
  | "name"
  | "registrationStatus"
  | "creditCode"
  | "foundedOn"
  | "fields"
  | "town"
  | "communities"
  | "address"
  | "leaderName"
  | "contactName"
  | "contactPhone"
  | "staffCount"
  | "volunteerCount"
  | "partyOrganization"
  | "partyMemberCount"
  | "residency"
  | "hub"
  | "updatedAt";

export interface Column {
  key: ColumnKey;
  header: string;
  width: number;
  /** Stored as text so that spreadsheet programs keep leading zeros and long digit strings. */
  text?: boolean;
  required?: boolean;
  /** The API field an error in this column is reported on. */
  field: string;
  /** For the instructions sheet. */
  help: string;
}

export const IMPORT_COLUMNS: readonly Column[] = [
  { key: "name", header: "名称", width: 32, required: true, field: "name", help: "2-100 个字符" },
  {
    key: "registrationStatus",
    header: "登记状态",
    width: 20,
    required: true,
    field: "registrationStatus",
    help: `可选：${Object.values(REGISTRATION_LABELS).join("、")}`,
  },
  {
    key: "creditCode",
    header: "统一社会信用代码",
    width: 22,
    text: true,
    field: "creditCode",
    help: "18 位，含校验位；已登记的组织必填，未登记团队可不填；不能与已有组织重复",
  },
  {
    key: "foundedOn",
    header: "成立日期",
    width: 12,
    field: "foundedOn",
    help: "日期，如 2020-03-01；不能晚于今天",
  },
  {
    key: "fields",
    header: "服务领域",
    width: 24,
    field: "fields",
    help: `可多选，用“、”分隔：${Object.values(FIELD_LABELS).join("、")}`,
  },
  { key: "town", header: "所属镇街", width: 14, field: "townId", help: "本基地服务的镇街名称" },
  {
    key: "communities",
    header: "服务社区",
    width: 28,
    field: "communityIds",
    help: "所属镇街下的社区名称，可多个，用“、”分隔；填写社区时须填写所属镇街",
  },
  { key: "address", header: "地址", width: 32, field: "address", help: "不超过 200 个字符" },
  { key: "leaderName", header: "负责人", width: 10, field: "leaderName", help: "不超过 50 个字符" },
  { key: "contactName", header: "联系人", width: 10, field: "contactName", help: "不超过 50 个字符" },
  {
    key: "contactPhone",
    header: "联系电话",
    width: 14,
    text: true,
    field: "contactPhone",
    help: "1 开头的 11 位手机号码",
  },
  { key: "staffCount", header: "专职人数", width: 10, field: "staffCount", help: "不小于 0 的整数" },
  {
    key: "volunteerCount",
    header: "志愿者人数",
    width: 10,
    field: "volunteerCount",
    help: "不小于 0 的整数",
  },
  {
    key: "partyOrganization",
    header: "是否成立党组织",
    width: 14,
    field: "partyOrganization",
    help: `${YES} 或 ${NO}，不填视为${NO}`,
  },
  {
    key: "partyMemberCount",
    header: "党员人数",
    width: 10,
    field: "partyMemberCount",
    help: "不小于 0 的整数",
  },
  {
    key: "residency",
    header: "入驻状态",
    width: 12,
    field: "residency",
    help: `可选：${Object.values(RESIDENCY_LABELS).join("、")}；不填视为“${RESIDENCY_LABELS.none}”`,
  },
  {
    key: "hub",
    header: "所属枢纽组织",
    width: 28,
    field: "hubOrganizationId",
    help: "本基地已收录的组织的名称",
  },
];

export const EXPORT_COLUMNS: readonly Column[] = [
  ...IMPORT_COLUMNS,
  { key: "updatedAt", header: "更新时间", width: 18, field: "updatedAt", help: "北京时间" },
];

/** Reads a label back: the Chinese label, the API value itself, or a common short form. */
function labelLookup<T extends string>(
  labels: Record<T, string>,
  aliases: Record<string, T> = {},
): (text: string) => T | undefined {
  const table = new Map<string, T>();
  const key = (s: string) => s.replace(/[()()\s]/g, "").toLowerCase();
  for (const [value, label] of Object.entries(labels) as [T, string][]) {
    table.set(key(label), value);
    table.set(key(value), value);
  }
  for (const [alias, value] of Object.entries(aliases)) table.set(key(alias), value);
  return (text) => table.get(key(text));
}

export const parseRegistrationStatus = labelLookup(REGISTRATION_LABELS, {
  未登记: "unregistered",
  社会服务机构: "social_service_agency",
  民办非企业单位: "social_service_agency",
  社团: "social_group",
});
export const parseResidency = labelLookup(RESIDENCY_LABELS, {
  入驻: "resident",
  虚拟: "virtual",
  无: "none",
});
export const parseField = labelLookup(FIELD_LABELS);

/** What the template's drop-downs offer, in the domain's order. */
export const REGISTRATION_OPTIONS = REGISTRATION_STATUSES.map((s) => REGISTRATION_LABELS[s]);
export const RESIDENCY_OPTIONS = RESIDENCIES.map((r) => RESIDENCY_LABELS[r]);
export const FIELD_OPTIONS = ORGANIZATION_FIELDS.map((f) => FIELD_LABELS[f]);

/** `Content-Disposition` for a Chinese file name, with an ASCII fallback for old clients. */
export function attachment(filename: string, fallback: string): string {
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
