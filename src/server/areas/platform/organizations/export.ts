import type { Db } from "../../../../db/client";
import { shanghaiDate, shanghaiDateTime } from "../../../../domain/shanghai-time";
import type { Organization } from "../../../../schemas/platform/organizations";
import { recordAudit } from "../../../audit";
import type { Context } from "../../../context";
import { requireAccess } from "../../../policy";
import { writeExportSheet } from "../../../xlsx-export";
import { type OrganizationFilter, orderOf, visibleMatching } from "./list";
import {
  type Column,
  EXPORT_COLUMNS,
  FIELD_LABELS,
  LIST_SEPARATOR,
  NO,
  REGISTRATION_LABELS,
  RESIDENCY_LABELS,
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
  const items = rows.map((row) => toOrganization(row, { revealPhone: false }));
  const buffer = await writeExportSheet("社会组织名录", EXPORT_COLUMNS, items, (item) =>
    EXPORT_COLUMNS.map((c) => cellOf(c, item)),
  );
  await recordAudit(db, ctx, {
    baseId: ctx.actor.baseId,
    action: "organization.exported",
    entityType: "organization",
    after: { filter, rows: rows.length, limited: rows.length === EXPORT_LIMIT },
  });
  const date = shanghaiDate(new Date()).replaceAll("-", "");
  return { buffer, filename: `社会组织名录-${date}.xlsx`, rows: rows.length };
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
