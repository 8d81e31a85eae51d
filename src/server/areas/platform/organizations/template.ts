import { asc, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import type { Db } from "../../../../db/client";
import { communities, towns } from "../../../../db/schema";
import { composeCreditCode } from "../../../../domain/credit-code";
import type { Context } from "../../../context";
import { requireAccess } from "../../../policy";
import {
  type Column,
  type ColumnKey,
  DATA_SHEET,
  FIELD_LABELS,
  FIELD_OPTIONS,
  IMPORT_COLUMNS,
  LIST_SEPARATOR,
  NO,
  REGISTRATION_LABELS,
  REGISTRATION_OPTIONS,
  RESIDENCY_LABELS,
  RESIDENCY_OPTIONS,
  YES,
} from "./spreadsheet";

const HELP_SHEET = "填写说明";
const OPTIONS_SHEET = "选项";
/** Rows of the data sheet that get the drop-down lists and text formats. */
const PREPARED_ROWS = 2000;

/** The import template: the data sheet with drop-downs, an example and the rules, and the options. */
export async function importTemplate(db: Db, ctx: Context): Promise<Buffer> {
  requireAccess(ctx.actor, "organization.import");
  const townRows = await db
    .select({ id: towns.id, name: towns.name })
    .from(towns)
    .where(eq(towns.baseId, ctx.actor.baseId))
    .orderBy(asc(towns.sortOrder), asc(towns.name));
  const firstTown = townRows[0];
  const exampleCommunities = firstTown
    ? await db
        .select({ name: communities.name })
        .from(communities)
        .where(eq(communities.townId, firstTown.id))
        .orderBy(asc(communities.name))
        .limit(2)
    : [];

  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Hatchery";
  const data = workbook.addWorksheet(DATA_SHEET, { views: [{ state: "frozen", ySplit: 1 }] });
  const help = workbook.addWorksheet(HELP_SHEET);
  const options = workbook.addWorksheet(OPTIONS_SHEET, { state: "hidden" });

  data.columns = IMPORT_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  data.getRow(1).font = { bold: true };
  const lists = writeOptions(
    options,
    townRows.map((t) => t.name),
  );
  IMPORT_COLUMNS.forEach((column, i) => {
    const letter = data.getColumn(i + 1).letter;
    if (column.text) data.getColumn(i + 1).numFmt = "@";
    const list = lists[column.key];
    if (list) {
      addValidation(data, `${letter}2:${letter}${PREPARED_ROWS + 1}`, {
        type: "list",
        allowBlank: !column.required,
        formulae: [list],
        showErrorMessage: true,
        errorTitle: column.header,
        error: column.help,
      });
    }
  });

  const example = exampleRow(
    firstTown?.name ?? "",
    exampleCommunities.map((c) => c.name),
  );
  help.columns = IMPORT_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  help.getRow(1).font = { bold: true };
  help.addRow(IMPORT_COLUMNS.map((c) => example[c.key] ?? null));
  help.addRow([]);
  help.addRow(["列名", "是否必填", "填写要求"]).font = { bold: true };
  for (const column of IMPORT_COLUMNS) help.addRow(helpRow(column));
  help.addRow([]);
  help.addRow([
    "说明",
    "",
    `在“${DATA_SHEET}”工作表中每行填写一个组织，第一行表头请勿修改；上面第 2 行为填写示例。任意一行有错误时，将列出所有错误且不导入任何数据。`,
  ]);

  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Writes the allowed values on the hidden sheet; returns the range formula for each column. */
function writeOptions(sheet: ExcelJS.Worksheet, townNames: string[]): Partial<Record<ColumnKey, string>> {
  const columns: [ColumnKey | "fields", string, string[]][] = [
    ["registrationStatus", "登记状态", REGISTRATION_OPTIONS],
    ["residency", "入驻状态", RESIDENCY_OPTIONS],
    ["partyOrganization", "是否成立党组织", [YES, NO]],
    ["town", "所属镇街", townNames],
    ["fields", "服务领域", FIELD_OPTIONS],
  ];
  const lists: Partial<Record<ColumnKey, string>> = {};
  columns.forEach(([key, header, values], i) => {
    const column = sheet.getColumn(i + 1);
    column.values = [header, ...values];
    column.width = 20;
    // Fields take several values per cell, which a drop-down cannot offer; they are listed only.
    if (key !== "fields" && values.length > 0) {
      lists[key] = `'${OPTIONS_SHEET}'!$${column.letter}$2:$${column.letter}$${values.length + 1}`;
    }
  });
  return lists;
}

function exampleRow(town: string, communityNames: string[]): Partial<Record<ColumnKey, string | number>> {
  return {
    name: "昌平区阳光助老服务中心",
    registrationStatus: REGISTRATION_LABELS.social_service_agency,
    creditCode: composeCreditCode("52", "110114", "MJ001234"),
    foundedOn: "2019-06-18",
    fields: [FIELD_LABELS.elderly, FIELD_LABELS.health].join(LIST_SEPARATOR),
    town,
    communities: communityNames.join(LIST_SEPARATOR),
    address: "北京市昌平区城北街道西环路 18 号",
    leaderName: "王建华",
    contactName: "李丽娟",
    contactPhone: "13800138000",
    staffCount: 6,
    volunteerCount: 45,
    partyOrganization: YES,
    partyMemberCount: 3,
    residency: RESIDENCY_LABELS.virtual,
    hub: "",
  };
}

function helpRow(column: Column): string[] {
  return [column.header, column.required ? "必填" : "选填", column.help];
}

/** exceljs supports range validations at run time, but its typings omit `dataValidations`. */
function addValidation(sheet: ExcelJS.Worksheet, range: string, validation: ExcelJS.DataValidation): void {
  (
    sheet as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }
  ).dataValidations.add(range, validation);
}
