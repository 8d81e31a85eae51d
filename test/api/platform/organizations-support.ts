/** Helpers shared by the organization API tests: demo references, a valid body, multipart uploads. */
import { asc, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { auditLog, communities, organizations, towns } from "../../../src/db/schema";
import type { OrganizationInput } from "../../../src/schemas/platform/organizations";
import { validCreditCode } from "../../factories";
import type { TestApp } from "../../support/app";

export interface DemoTown {
  id: string;
  name: string;
  communities: { id: string; name: string }[];
}

/** The demo base's towns in their display order, each with its communities. */
export async function demoTowns(t: TestApp): Promise<DemoTown[]> {
  const townRows = await t.db
    .select()
    .from(towns)
    .where(eq(towns.baseId, t.baseId))
    .orderBy(asc(towns.sortOrder));
  const communityRows = await t.db.select().from(communities).where(eq(communities.baseId, t.baseId));
  return townRows.map((town) => ({
    id: town.id,
    name: town.name,
    communities: communityRows.filter((c) => c.townId === town.id).map((c) => ({ id: c.id, name: c.name })),
  }));
}

export function organizationBody(overrides: Partial<OrganizationInput> = {}): OrganizationInput {
  return {
    name: `昌平区测试助老服务社${Math.floor(Math.random() * 1e9)}`,
    registrationStatus: "social_service_agency",
    creditCode: validCreditCode(),
    foundedOn: "2019-06-18",
    fields: ["elderly", "health"],
    contactName: "李丽娟",
    contactPhone: "13800138000",
    staffCount: 6,
    volunteerCount: 45,
    residency: "virtual",
    ...overrides,
  };
}

export async function organizationCount(t: TestApp): Promise<number> {
  return (await t.db.select({ id: organizations.id }).from(organizations)).length;
}

export async function auditRows(t: TestApp, action: string, entityId?: string) {
  const rows = await t.db.select().from(auditLog).where(eq(auditLog.action, action));
  return entityId ? rows.filter((r) => r.entityId === entityId) : rows;
}

/** A multipart/form-data body with one file part, built by hand (no form-data library). */
export function multipart(
  file: Buffer,
  options: { filename?: string; field?: string; contentType?: string } = {},
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----hatchery${Math.random().toString(16).slice(2)}`;
  const head =
    `--${boundary}\r\n` +
    `Content-Disposition: form-data; name="${options.field ?? "file"}"; filename="${options.filename ?? "organizations.xlsx"}"\r\n` +
    `Content-Type: ${options.contentType ?? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}\r\n\r\n`;
  const payload = Buffer.concat([
    Buffer.from(head, "utf8"),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`, "utf8"),
  ]);
  return { payload, headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
}

export async function readWorkbook(body: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  return workbook;
}

/** A sheet's rows as arrays of cell values (row 1 = headers). */
export function sheetValues(sheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  sheet.eachRow((row) => {
    rows.push((row.values as unknown[]).slice(1));
  });
  return rows;
}
