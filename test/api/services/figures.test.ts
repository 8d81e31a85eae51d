/**
 * GET /api/stats/services and /api/organizations/:id/services/figures: the service ledger counted
 * exactly (rows inserted here, in 2021, where no demo data lives), scoped as the other figures
 * (a liaison: its town's organizations), each .xlsx read back and checked against the API.
 */
import { randomUUID } from "node:crypto";
import { and, eq, ne } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Delivery, rateDeliveries, recordDeliveries } from "../../../src/db/deliveries";
import { towns, users } from "../../../src/db/schema";
import type {
  OrganizationServiceFigures,
  ServiceFigures,
  ServiceSectionView,
} from "../../../src/schemas/services/figures";
import { make } from "../../factories";
import { type Client, startTestApp, type TestApp } from "../../support/app";

let t: TestApp;
let staff: Client;
let viewer: Client;
let liaison: Client;
let member: Client;
let partner: Client;
const ids: Record<string, string> = {};
const PERIOD = "from=2021-01-01&to=2021-12-31";

beforeAll(async () => {
  t = await startTestApp();
  staff = await t.signIn("staff");
  viewer = await t.signIn("viewer");
  liaison = await t.signIn("liaison");
  member = await t.signIn("member");
  partner = await t.signIn("partner");
  const [row] = await t.db.select({ townId: users.townId }).from(users).where(eq(users.username, "liaison"));
  const liaisonTown = row?.townId as string;
  const [other] = await t.db
    .select({ id: towns.id })
    .from(towns)
    .where(and(eq(towns.baseId, t.baseId), ne(towns.id, liaisonTown)))
    .limit(1);
  const resident = await make(t).organization({ residency: "resident", townId: liaisonTown });
  const virtual = await make(t).organization({ residency: "virtual", townId: other?.id as string });
  const [person] = await t.db.select({ id: users.id }).from(users).where(eq(users.username, "mentor"));
  const [memberRow] = await t.db
    .select({ organizationId: users.organizationId })
    .from(users)
    .where(eq(users.username, "member"));
  Object.assign(ids, {
    resident: resident.id,
    virtual: virtual.id,
    person: person?.id as string,
    own: memberRow?.organizationId as string,
  });
  const d = (
    kind: Delivery["kind"],
    category: Delivery["category"],
    deliveredOn: string,
    minutes: number,
    party: Partial<Delivery>,
  ): Delivery => ({
    baseId: t.baseId,
    kind,
    sourceId: randomUUID(),
    category,
    deliveredOn,
    minutes,
    ...party,
  });
  const rows = [
    d("service", "consulting", "2021-03-05", 60, { organizationId: resident.id }),
    d("service", "consulting", "2021-03-20", 30, { organizationId: virtual.id }),
    d("training", "information", "2021-03-28", 120, { organizationId: resident.id, personId: ids.person }),
    d("mentoring", "capital", "2021-05-10", 90, { organizationId: virtual.id }),
    d("training", "resources", "2021-05-11", 45, { personId: ids.person }),
    // Outside the period: not counted.
    d("service", "consulting", "2020-12-31", 600, { organizationId: resident.id }),
  ];
  await recordDeliveries(t.db, rows);
  await rateDeliveries(t.db, { kind: "service", sourceId: rows[0]?.sourceId as string }, 5);
  await rateDeliveries(t.db, { kind: "mentoring", sourceId: rows[3]?.sourceId as string }, 4);
});
afterAll(() => t.close());

async function figures(client: Client, query = PERIOD): Promise<ServiceFigures> {
  const res = await client.get(`/api/stats/services?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

const byCategory = (s: ServiceSectionView | OrganizationServiceFigures) =>
  Object.fromEntries(s.byCategory.map((c) => [c.category, c.deliveries]));

describe("the base's service figures", () => {
  it("count deliveries by category, kind and month, hours, satisfaction, organizations and persons", async () => {
    const result = await figures(staff);
    expect(result).toMatchObject({ scope: "base", from: "2021-01-01", to: "2021-12-31" });
    expect(result.sections).toHaveLength(1);
    const section = result.sections[0] as ServiceSectionView;
    expect(section.totals).toEqual({
      deliveries: 5,
      minutes: 345,
      hours: 5.8,
      rated: 2,
      ratingMean: 4.5,
      ratedShare: 0.4,
      organizations: 2,
      virtualOrganizations: 1,
      virtualShare: 0.5,
      persons: 1,
    });
    expect(byCategory(section)).toEqual({ information: 1, consulting: 2, capital: 1, resources: 1 });
    expect(section.byKind).toEqual([
      { kind: "service", deliveries: 2, minutes: 90 },
      { kind: "training", deliveries: 2, minutes: 165 },
      { kind: "mentoring", deliveries: 1, minutes: 90 },
    ]);
    expect(section.byMonth.map((m) => m.month)).toHaveLength(12);
    const march = section.byMonth.find((m) => m.month === "2021-03");
    expect(march).toMatchObject({ deliveries: 3, minutes: 210 });
    expect(Object.fromEntries(march?.byCategory.map((c) => [c.category, c.deliveries]) ?? [])).toEqual({
      information: 1,
      consulting: 2,
      capital: 0,
      resources: 0,
    });
    expect(section.byMonth.find((m) => m.month === "2021-01")?.deliveries).toBe(0);
    // The viewer of the base reads the same numbers.
    expect((await figures(viewer)).sections[0]?.totals).toEqual(section.totals);
  });

  it("give a liaison its town's organizations only", async () => {
    const result = await figures(liaison);
    expect(result.scope).toBe("town");
    expect(result.town?.id).toBeTruthy();
    expect(result.sections[0]?.totals).toMatchObject({
      deliveries: 2, // the resident organization's service and training; the person alone has no town
      organizations: 1,
      virtualOrganizations: 0,
      persons: 1,
    });
  });

  it("are not for members or partners, and refuse a bad period", async () => {
    expect((await member.get(`/api/stats/services?${PERIOD}`)).statusCode).toBe(403);
    expect((await partner.get(`/api/stats/services?${PERIOD}`)).statusCode).toBe(403);
    const reversed = await staff.get("/api/stats/services?from=2021-05-01&to=2021-01-01");
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json()).toMatchObject({ code: "validation_failed", field: "to" });
    const long = await staff.get("/api/stats/services?from=2010-01-01&to=2021-01-01");
    expect(long.statusCode).toBe(400);
    expect(long.json()).toMatchObject({ field: "from" });
    expect(long.json().message).toContain("60");
    for (const bad of ["from=2021-02-30", "to=yesterday", "from=%00", "from=99999-01-01"]) {
      const res = await staff.get(`/api/stats/services?${bad}`);
      expect(res.statusCode, bad).toBe(400);
    }
    // By default: the last twelve months to today.
    const fallback = await figures(staff, "");
    expect(fallback.sections[0]?.byMonth).toHaveLength(12);
  });

  it("export the same numbers as .xlsx", async () => {
    const api = (await figures(staff)).sections[0] as ServiceSectionView;
    const res = await staff.get(`/api/stats/services/export.xlsx?${PERIOD}`);
    expect(res.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("服务数据");
    const rows: unknown[][] = [];
    sheet?.eachRow((row, n) => {
      if (n > 1) rows.push((row.values as unknown[]).slice(1));
    });
    expect(rows).toEqual(
      api.byMonth.map((m) => [
        api.baseName,
        m.month,
        ...m.byCategory.map((c) => c.deliveries),
        m.deliveries,
        Math.round(m.minutes / 6) / 10,
      ]),
    );
    const preface = workbook.getWorksheet("说明");
    const lines = new Map<string, string>();
    preface?.eachRow((row) => lines.set(String(row.getCell(1).value), String(row.getCell(2).value)));
    expect(lines.get("服务次数")).toBe("5");
    expect(lines.get("其中虚拟入驻")).toBe("1（50%）");
    expect(lines.get("满意度")).toBe("4.5（已评价 40%）");
  });
});

describe("an organization's service figures", () => {
  it("count that organization's deliveries alone, for staff", async () => {
    const res = await staff.get(`/api/organizations/${ids.virtual}/services/figures?${PERIOD}`);
    expect(res.statusCode, res.body).toBe(200);
    const org: OrganizationServiceFigures = res.json();
    expect(org.organization.id).toBe(ids.virtual);
    expect(org.totals).toMatchObject({
      deliveries: 2,
      minutes: 120,
      hours: 2,
      rated: 1,
      ratingMean: 4,
      organizations: 1,
      virtualOrganizations: 1,
      virtualShare: 1,
      persons: 0,
    });
    expect(byCategory(org)).toEqual({ information: 0, consulting: 1, capital: 1, resources: 0 });

    const file = await staff.get(`/api/organizations/${ids.virtual}/services/figures/export.xlsx?${PERIOD}`);
    expect(file.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const rows: unknown[][] = [];
    workbook.getWorksheet("服务数据")?.eachRow((row, n) => {
      if (n > 1) rows.push((row.values as unknown[]).slice(1));
    });
    expect(rows.find((r) => r[0] === "2021-05")).toEqual(["2021-05", 0, 0, 1, 0, 1, 1.5]);
  });

  it("are a member's own only; another organization's is 404; a viewer's is forbidden", async () => {
    const own = await member.get(`/api/organizations/${ids.own}/services/figures?${PERIOD}`);
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json().totals.deliveries).toBe(0);
    expect((await member.get(`/api/organizations/${ids.virtual}/services/figures`)).statusCode).toBe(404);
    expect((await partner.get(`/api/organizations/${ids.virtual}/services/figures`)).statusCode).toBe(403);
    expect((await staff.get(`/api/organizations/${randomUUID()}/services/figures`)).statusCode).toBe(404);
  });
});
