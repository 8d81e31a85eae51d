import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import type { Db } from "../../../db/client";
import type { Organization } from "../../../schemas/organizations";
import { recordAudit } from "../../audit";
import type { Context } from "../../context";
import { requireAccess } from "../../policy";
import { type OrganizationFilter, orderOf, visibleMatching } from "./list";
import { todayInShanghai } from "./rules";
import {
  type Column,
  EXPORT_COLUMNS,
  FIELD_LABELS,
  LIST_SEPARATOR,
  NO,
  REGISTRATION_LABELS,
  RESIDENCY_LABELS,
  shanghaiDateTime,
  YES,
} from "./spreadsheet";
import { selectOrganizations, toOrganization } from "./view";

/** More than this is not a list anyone reads; narrow the filter instead. */
const EXPORT_LIMIT = 50_000;

export interface ExportFile {
  buffer: Buffer;
  filename: string;
  rows: number;
}

/** The filtered list (all pages) as .xlsx, phones masked; the export itself is audited. */
export async function exportOrganizations(
  db: Db,
  ctx: Context,
  filter: OrganizationFilter,
): Promise<ExportFile> {
  requireAccess(ctx.actor, "organization.export");
  const rows = await selectOrganizations(db)
    .where(visibleMatching(ctx, filter))
    .orderBy(...orderOf(filter))
    .limit(EXPORT_LIMIT);
  const buffer = await writeSheet(rows.map((row) => toOrganization(row, { revealPhone: false })));
  await recordAudit(db, ctx, {
    baseId: ctx.actor.baseId,
    action: "organization.exported",
    entityType: "organization",
    after: { filter, rows: rows.length, limited: rows.length === EXPORT_LIMIT },
  });
  const date = todayInShanghai().replaceAll("-", "");
  return { buffer, filename: `社会组织名录-${date}.xlsx`, rows: rows.length };
}

/** Written row by row through the streaming writer, so 50,000 rows do not sit in memory as cells. */
async function writeSheet(items: Organization[]): Promise<Buffer> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise((resolve, reject) => {
    stream.on("end", resolve);
    stream.on("error", reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet("社会组织名录", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = EXPORT_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  for (const item of items) sheet.addRow(EXPORT_COLUMNS.map((c) => cellOf(c, item))).commit();
  sheet.commit();
  await workbook.commit();
  await done;
  return Buffer.concat(chunks);
}

function cellOf(column: Column, o: Organization): string | number | null {
  switch (column.key) {
    case "name":
      return o.name;
    case "registrationStatus":
      return REGISTRATION_LABELS[o.registrationStatus];
    case "creditCode":
      return o.creditCode;
    case "foundedOn":
      return o.foundedOn;
    case "fields":
      return o.fields.map((f) => FIELD_LABELS[f]).join(LIST_SEPARATOR);
    case "town":
      return o.townName;
    case "communities":
      return o.communityNames.join(LIST_SEPARATOR);
    case "address":
      return o.address;
    case "leaderName":
      return o.leaderName;
    case "contactName":
      return o.contactName;
    case "contactPhone":
      return o.contactPhone;
    case "staffCount":
      return o.staffCount;
    case "volunteerCount":
      return o.volunteerCount;
    case "partyOrganization":
      return o.partyOrganization ? YES : NO;
    case "partyMemberCount":
      return o.partyMemberCount;
    case "residency":
      return RESIDENCY_LABELS[o.residency];
    case "hub":
      return o.hubOrganizationName;
    case "updatedAt":
      return shanghaiDateTime(new Date(o.updatedAt));
  }
}
