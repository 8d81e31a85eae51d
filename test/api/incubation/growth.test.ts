/**
 * The growth file (组织成长档案): every application step lands in it, in both languages, in the
 * writer's transaction; a member reads its own file without the base's events; another
 * organization's file is not there; filters by area and period; the .xlsx holds what the API shows.
 */
import { eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordGrowth } from "../../../src/db/growth";
import { growthEvents } from "../../../src/db/schema";
import type { GrowthEvent, GrowthFile } from "../../../src/schemas/incubation/growth";
import { type Client, startTestApp, type TestApp } from "../../support/app";
import { completeDraft, newKey, openCall, otherMember, submit } from "../recruitment/applications-support";

let t: TestApp;
let staff: Client;
let member: Client;
let organizationId: string;
let applicationId: string;

beforeAll(async () => {
  t = await startTestApp();
  staff = await t.signIn("staff");
  const call = await openCall(t);
  const other = await otherMember(t, { name: "成长档案测试服务中心" });
  member = other.client;
  organizationId = other.organizationId;
  const draft = await completeDraft(member, call.id, "project");
  applicationId = draft.id;
  const submitted = await submit(member, draft.id, draft.version, newKey());
  expect(submitted.statusCode, submitted.body).toBe(200);
});
afterAll(() => t.close());

const fileOf = async (client: Client, query = ""): Promise<GrowthFile> => {
  const response = await client.get(`/api/organizations/${organizationId}/growth${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
};

describe("the growth file", () => {
  it("holds the application's submission, titled in both languages, for the member and for staff", async () => {
    const own = await fileOf(member);
    const submitted = own.items.find((e) => e.subjectId === applicationId && e.params.event === "submit");
    expect(submitted).toMatchObject({
      kind: "application.status",
      area: "application",
      title: { zhCN: "提交申请 · 项目孵化", en: "Submitted · Project incubation" },
      params: { fromStatus: "draft", toStatus: "submitted", track: "project" },
    });
    expect(own.organization.name).toBe("成长档案测试服务中心");
    expect((await fileOf(staff)).items.map((e) => e.id)).toContain(submitted?.id);
  });

  it("keeps the base's own events from the member, and another organization's file from anyone outside", async () => {
    await t.db.transaction((tx) =>
      recordGrowth(tx, {
        baseId: t.baseId,
        organizationId,
        kind: "application.status",
        title: { zhCN: "内部备注", en: "Internal note" },
        params: {
          event: "accept",
          fromStatus: "submitted",
          toStatus: "accepted",
          track: "project",
          note: null,
        },
        staffOnly: true,
      }),
    );
    const titles = (file: GrowthFile) => file.items.map((e) => e.title.zhCN);
    expect(titles(await fileOf(staff))).toContain("内部备注");
    expect(titles(await fileOf(member))).not.toContain("内部备注");

    const stranger = await otherMember(t);
    const refused = await stranger.client.get(`/api/organizations/${organizationId}/growth`);
    expect(refused.statusCode).toBe(404);
    expect(
      (await (await t.signIn("viewer")).get(`/api/organizations/${organizationId}/growth`)).statusCode,
    ).toBe(403);
    const missing = await staff.get("/api/organizations/00000000-0000-4000-8000-000000000000/growth");
    expect(missing.statusCode).toBe(404);
  });

  it("filters by area and by period (Shanghai days), and says which areas the file has", async () => {
    await t.db.insert(growthEvents).values({
      baseId: t.baseId,
      organizationId,
      kind: "assessment.submitted",
      title: { zhCN: "基线评估（去年）", en: "Baseline (last year)" },
      params: {},
      // 2025-03-01 00:30 in Shanghai is still 2025-02-28 in UTC.
      occurredAt: new Date("2025-02-28T16:30:00Z"),
    });
    const all = await fileOf(staff);
    expect(all.areas.map((a) => a.area)).toEqual(["application", "assessment"]);
    const onlyAssessments = await fileOf(staff, "?areas=assessment");
    expect(onlyAssessments.items.map((e) => e.title.zhCN)).toEqual(["基线评估（去年）"]);
    expect(onlyAssessments.total).toBe(1);
    expect((await fileOf(staff, "?from=2025-03-01&to=2025-03-01")).total).toBe(1);
    expect((await fileOf(staff, "?to=2025-02-28")).total).toBe(0);
    const both = await fileOf(staff, "?areas=application,assessment&pageSize=1&page=2");
    expect(both.items).toHaveLength(1);
    expect(both.total).toBe(all.total);
  });

  it("refuses a bad filter with the field and a message, never a 500", async () => {
    for (const [query, field] of [
      ["?from=2026-03-02&to=2026-03-01", "to"],
      ["?from=2026-02-30", "from"],
      ["?to=9999-01-01", "to"],
      ["?areas=Assessment;DROP", "areas"],
      ["?pageSize=100000", "pageSize"],
    ] as const) {
      const response = await staff.get(`/api/organizations/${organizationId}/growth${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.json().field, query).toContain(field);
      expect(response.json().message, query).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it("exports what the API shows, newest first, with a preface", async () => {
    const shown = await fileOf(staff, "?pageSize=500");
    const response = await staff.get(`/api/organizations/${organizationId}/growth/export.xlsx`);
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-disposition"]).toContain(encodeURIComponent("成长档案"));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("成长档案");
    const rows: string[] = [];
    sheet?.eachRow((row, n) => {
      if (n > 1) rows.push(String(row.getCell(3).value));
    });
    expect(rows).toEqual(shown.items.map((e: GrowthEvent) => e.title.zhCN));
    const preface = workbook.getWorksheet("说明");
    expect(String(preface?.getCell("B1").value)).toBe("成长档案测试服务中心");
    const exported = await t.db
      .select()
      .from(growthEvents)
      .where(eq(growthEvents.organizationId, organizationId));
    expect(exported.length).toBe(shown.total);
  });
});
