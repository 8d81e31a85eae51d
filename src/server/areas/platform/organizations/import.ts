import { and, eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "../../../../db/client";
import { communities, organizationColumns, organizations, towns } from "../../../../db/schema";
import { isUniqueViolation } from "../../../../db/sql-text";
import type { RegistrationStatus } from "../../../../domain/organization";
import { shanghaiDate } from "../../../../domain/shanghai-time";
import { FIELD_MESSAGES, format, isFieldMessageKey } from "../../../../schemas/messages";
import { type ImportResult, ZOrganizationInput } from "../../../../schemas/platform/organizations";
import { recordAudit } from "../../../audit";
import type { Context } from "../../../context";
import { AppError, fieldError } from "../../../errors";
import { requireAccess } from "../../../policy";
import { hubNamesOf, type Lookups, rowToInput } from "./import-row";
import { readImportSheet, type SheetRow } from "./import-sheet";
import {
  duplicateCreditCode,
  type OrganizationData,
  type Problem,
  profileProblems,
  takenCreditCodes,
} from "./rules";
import { IMPORT_COLUMNS } from "./spreadsheet";
import { insertValues } from "./write";

/** The response lists at most this many problems; `count` says how many there were. */
const MAX_REPORTED_ERRORS = 500;
const INSERT_CHUNK = 500;

interface RowError {
  row: number;
  field: string;
  message: string;
}

/**
 * All or nothing: every row is checked against the same rules as the form (and against the
 * other rows); one bad row refuses the whole file with every problem listed by row number.
 * The file is read only after the access check, so a refused user uploads nothing.
 */
export async function importOrganizations(
  db: Db,
  ctx: Context,
  readFile: () => Promise<Buffer | null>,
): Promise<ImportResult> {
  const baseId = ctx.actor.baseId;
  requireAccess(ctx.actor, "organization.import", { baseId });
  const buffer = await readFile();
  if (!buffer) throw fieldError("file", "required");
  const rows = await readImportSheet(buffer);
  const lookups = await loadLookups(db, baseId, rows);
  const today = shanghaiDate(new Date());

  const errors: RowError[] = [];
  const reported = new Set<string>();
  const report = (row: number, problems: Problem[]) => {
    for (const p of problems) {
      if (reported.has(`${row}:${p.field}`)) continue; // the first problem of each cell
      reported.add(`${row}:${p.field}`);
      errors.push({ row, field: p.field, message: format(FIELD_MESSAGES[p.key][ctx.lang], p.params) });
    }
  };
  const valid: { row: number; data: OrganizationData }[] = [];
  for (const sheetRow of rows) {
    const { input, problems } = rowToInput(sheetRow, lookups);
    const parsed = ZOrganizationInput.safeParse(input);
    if (!parsed.success) {
      const mapped = new Set(problems.map((p) => p.field));
      problems.push(
        ...parsed.error.issues.map((i) => issueProblem(i, input)).filter((p) => !mapped.has(p.field)),
      );
    }
    // The cross-field rules run on rows with other problems too, so one upload shows them all.
    problems.push(...profileProblems(parsed.success ? parsed.data : profileOf(input), today));
    if (parsed.success && problems.length === 0) valid.push({ row: sheetRow.row, data: parsed.data });
    report(sheetRow.row, problems);
  }
  await checkCreditCodes(db, baseId, valid, report);

  if (errors.length > 0) {
    const order = (field: string) => IMPORT_COLUMNS.findIndex((c) => c.field === field);
    errors.sort((a, b) => a.row - b.row || order(a.field) - order(b.field));
    throw new AppError("import_failed", {
      params: { count: errors.length },
      details: { errors: errors.slice(0, MAX_REPORTED_ERRORS) },
    });
  }

  await db
    .transaction(async (tx) => {
      for (let i = 0; i < valid.length; i += INSERT_CHUNK) {
        const chunk = valid.slice(i, i + INSERT_CHUNK);
        const inserted = await tx
          .insert(organizations)
          .values(chunk.map((v) => insertValues(baseId, v.data)))
          .returning(organizationColumns);
        for (const row of inserted) {
          await recordAudit(tx, ctx, {
            baseId,
            action: "organization.imported",
            entityType: "organization",
            entityId: row.id,
            after: row,
          });
        }
      }
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) throw duplicateCreditCode(ctx.lang);
      throw error;
    });
  return { imported: valid.length, errors: [] };
}

/** Unique within the file and against the base's registry. */
async function checkCreditCodes(
  db: Db,
  baseId: string,
  valid: { row: number; data: OrganizationData }[],
  report: (row: number, problems: Problem[]) => void,
): Promise<void> {
  const firstRow = new Map<string, number>();
  const codes = valid.map((v) => v.data.creditCode).filter((c): c is string => !!c);
  const taken = await takenCreditCodes(db, baseId, [...new Set(codes)]);
  for (const { row, data } of valid) {
    const code = data.creditCode;
    if (!code) continue;
    if (taken.has(code)) report(row, [{ field: "creditCode", key: "credit_code_taken" }]);
    const first = firstRow.get(code);
    if (first !== undefined)
      report(row, [{ field: "creditCode", key: "duplicate_in_file", params: { row: first } }]);
    else firstRow.set(code, row);
  }
}

async function loadLookups(db: Db, baseId: string, rows: SheetRow[]): Promise<Lookups> {
  const townRows = await db
    .select({ id: towns.id, name: towns.name })
    .from(towns)
    .where(eq(towns.baseId, baseId));
  const communityRows = await db
    .select({ id: communities.id, name: communities.name, townId: communities.townId })
    .from(communities)
    .where(eq(communities.baseId, baseId));
  const lookups: Lookups = { towns: new Map(), hubs: new Map() };
  for (const town of townRows) {
    const ofTown = communityRows.filter((c) => c.townId === town.id).map((c) => [c.name, c.id] as const);
    lookups.towns.set(town.name, { id: town.id, communities: new Map(ofTown) });
  }
  const hubNames = hubNamesOf(rows);
  if (hubNames.length > 0) {
    const hubs = await db
      .select({ id: organizations.id, name: organizations.name })
      .from(organizations)
      .where(and(eq(organizations.baseId, baseId), inArray(organizations.name, hubNames)));
    for (const hub of hubs) if (!lookups.hubs.has(hub.name)) lookups.hubs.set(hub.name, hub.id);
  }
  return lookups;
}

/** The raw row's profile; an unreadable status is reported on its own field, not as a missing code. */
function profileOf(input: Record<string, unknown>) {
  return {
    registrationStatus: (input.registrationStatus as RegistrationStatus | undefined) ?? "unregistered",
    creditCode: typeof input.creditCode === "string" ? input.creditCode : null,
    foundedOn: typeof input.foundedOn === "string" ? input.foundedOn : null,
  };
}

/** A Zod issue as the same field message the API's 400 would carry. */
function issueProblem(issue: z.core.$ZodIssue, input: Record<string, unknown>): Problem {
  const field = String(issue.path[0] ?? "");
  const given = input[field];
  const bounds = issue as { minimum?: unknown; maximum?: unknown };
  const params = { minimum: bounds.minimum, maximum: bounds.maximum };
  if (isFieldMessageKey(issue.message)) {
    if ((given === undefined || given === "") && issue.code !== "custom") return { field, key: "required" };
    return { field, key: issue.message, params };
  }
  if (given === undefined || given === null || given === "") return { field, key: "required" };
  switch (issue.code) {
    case "invalid_value":
      return { field, key: "invalid_option" };
    case "too_big":
      return { field, key: "too_big", params };
    case "too_small":
      return { field, key: "too_small", params };
    default:
      return { field, key: "invalid" };
  }
}
