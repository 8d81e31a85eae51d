/**
 * One spreadsheet row into the API's input shape: Chinese labels back to values, town, community
 * and hub names to ids of the base. What cannot be mapped becomes a problem on its field; what can
 * is left for ZOrganizationInput to judge exactly as it judges the form.
 */

import { type CellValue, isoDate, type SheetRow, textOf } from "./import-sheet";
import type { Problem } from "./rules";
import {
  FIELD_OPTIONS,
  LIST_SPLIT,
  NO,
  parseField,
  parseRegistrationStatus,
  parseResidency,
  REGISTRATION_OPTIONS,
  RESIDENCY_OPTIONS,
  YES,
} from "./spreadsheet";

export interface Lookups {
  /** Town name → its id and its communities by name. */
  towns: Map<string, { id: string; communities: Map<string, string> }>;
  /** Organization name → id, for the hub column. */
  hubs: Map<string, string>;
}

export function rowToInput(
  sheetRow: SheetRow,
  lookups: Lookups,
): { input: Record<string, unknown>; problems: Problem[] } {
  const c = sheetRow.cells;
  const problems: Problem[] = [];
  const option = <T>(
    field: string,
    cell: CellValue | undefined,
    parse: (s: string) => T | undefined,
    options: string[],
  ) => {
    const text = textOf(cell ?? null);
    if (text === "") return undefined;
    const value = parse(text);
    if (value === undefined)
      problems.push({ field, key: "option_unknown", params: { value: text, options: options.join("、") } });
    return value;
  };

  const input: Record<string, unknown> = {
    name: textOf(c.name ?? null),
    registrationStatus: option(
      "registrationStatus",
      c.registrationStatus,
      parseRegistrationStatus,
      REGISTRATION_OPTIONS,
    ),
    creditCode: textOf(c.creditCode ?? null),
    foundedOn: dateOf(c.foundedOn ?? null),
    address: textOf(c.address ?? null),
    leaderName: textOf(c.leaderName ?? null),
    contactName: textOf(c.contactName ?? null),
    contactPhone: textOf(c.contactPhone ?? null),
    staffCount: countOf(c.staffCount ?? null),
    volunteerCount: countOf(c.volunteerCount ?? null),
    partyOrganization: option("partyOrganization", c.partyOrganization, parseYesNo, [YES, NO]) ?? false,
    partyMemberCount: countOf(c.partyMemberCount ?? null),
    residency: option("residency", c.residency, parseResidency, RESIDENCY_OPTIONS),
  };

  const fields = listOf(c.fields ?? null).map((text) => option("fields", text, parseField, FIELD_OPTIONS));
  input.fields = fields.filter((f) => f !== undefined);

  const townName = textOf(c.town ?? null);
  const town = townName ? lookups.towns.get(townName) : undefined;
  if (townName && !town) problems.push({ field: "townId", key: "town_unknown", params: { name: townName } });
  input.townId = town?.id ?? null;

  const communityIds: string[] = [];
  for (const name of listOf(c.communities ?? null)) {
    const id = town?.communities.get(name);
    if (id) communityIds.push(id);
    else if (!townName || town)
      problems.push({ field: "communityIds", key: "community_unknown", params: { name } });
  }
  input.communityIds = communityIds;

  const hubName = textOf(c.hub ?? null);
  const hubId = hubName ? lookups.hubs.get(hubName) : undefined;
  if (hubName && !hubId)
    problems.push({ field: "hubOrganizationId", key: "hub_unknown", params: { name: hubName } });
  input.hubOrganizationId = hubId ?? null;

  return { input, problems };
}

export function hubNamesOf(rows: SheetRow[]): string[] {
  return [...new Set(rows.map((r) => textOf(r.cells.hub ?? null)).filter((n) => n !== ""))];
}

function listOf(value: CellValue): string[] {
  return textOf(value)
    .split(LIST_SPLIT)
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

/** Dates typed as text in the usual Chinese ways: 2020-3-1, 2020/3/1, 2020.3.1, 2020年3月1日. */
function dateOf(value: CellValue): string | null {
  if (value instanceof Date) return isoDate(value);
  const text = textOf(value);
  if (text === "") return null;
  const match = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text);
  if (!match) return text; // left for the schema to call invalid
  const [, y, m, d] = match;
  return `${y}-${m?.padStart(2, "0")}-${d?.padStart(2, "0")}`;
}

function countOf(value: CellValue): unknown {
  if (typeof value === "number") return value;
  const text = textOf(value);
  if (text === "") return null;
  return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
}

function parseYesNo(text: string): boolean | undefined {
  const t = text.trim().toLowerCase();
  if (["是", "有", "已成立", "y", "yes", "true", "1"].includes(t)) return true;
  if (["否", "无", "未成立", "n", "no", "false", "0"].includes(t)) return false;
  return undefined;
}
