/**
 * The screening file read back with exceljs and checked against the API: one call's rows (by
 * default those that reached screening), its columns only, the 说明 sheet, the autofilter, the
 * frozen header and the links to the staff page and to each file.
 */
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applicationDocuments, files, intakeVerdicts } from "../../../src/db/schema";
import { SCREENING_STATUSES } from "../../../src/domain/application";
import type { ApplicationDetail } from "../../../src/schemas/recruitment/applications";
import type { QueuePage } from "../../../src/schemas/recruitment/intake";
import { RECRUITMENT_LABELS } from "../../../src/schemas/recruitment/labels";
import { defaultCallRules, make } from "../../factories";
import { type Client, startTestApp, type TestApp } from "../../support/app";
import { completeFinding, planBody, userId } from "../admission/inspection-support";
import { applicationIn } from "./intake-support";

let t: TestApp;
let staff: Client;

beforeAll(async () => {
  t = await startTestApp();
  staff = await t.signIn("staff");
});
afterAll(() => t.close());

async function sheets(body: Buffer) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(body as unknown as ArrayBuffer);
  const [preface, data] = book.worksheets;
  if (!preface || !data) throw new Error(`expected two sheets, got ${book.worksheets.length}`);
  return { preface, data };
}

/** The 说明 sheet as label → value. */
function prefaceOf(sheet: ExcelJS.Worksheet): Map<string, string> {
  const lines = new Map<string, string>();
  sheet.eachRow((row) => lines.set(row.getCell(1).text, row.getCell(2).text));
  return lines;
}

const headerOf = (sheet: ExcelJS.Worksheet) => (sheet.getRow(1).values as unknown[]).slice(1) as string[];

function dataRows(sheet: ExcelJS.Worksheet): ExcelJS.Row[] {
  const rows: ExcelJS.Row[] = [];
  sheet.eachRow((row, n) => {
    if (n > 1) rows.push(row);
  });
  return rows;
}

const link = (cell: ExcelJS.Cell) => (cell.value as ExcelJS.CellHyperlinkValue | null)?.hyperlink;

/** A stored file, one of `applicationId`'s documents. */
async function file(applicationId: string, name: string) {
  const [row] = await t.db
    .insert(files)
    .values({
      baseId: t.baseId,
      ownerType: "application_document",
      ownerId: applicationId,
      sha256: "x".repeat(64),
      size: 10,
      mime: "application/pdf",
      originalName: name,
    })
    .returning();
  if (!row) throw new Error("no file");
  return row;
}

async function attach(applicationId: string, requirementKey: string, fileId: string) {
  await t.db.insert(applicationDocuments).values({ baseId: t.baseId, applicationId, requirementKey, fileId });
}

describe("GET /api/applications/export.xlsx", () => {
  it("holds one call's applications that reached screening, as the API lists them, with links", async () => {
    const rules = defaultCallRules();
    rules.questions.push({
      key: "areas",
      label: "服务对象",
      type: "multiple_choice",
      required: false,
      options: ["老人", "儿童", "残障人士"],
      help: null,
      tracks: null,
    });
    const call = await make(t).call({ title: "2026年度孵化招募", rules });
    const otherRules = defaultCallRules();
    otherRules.questions.push({
      key: "other_only",
      label: "另一招募的问题",
      type: "text",
      required: false,
      options: [],
      help: null,
      tracks: null,
    });
    const other = await make(t).call({ title: "另一招募", rules: otherRules });
    const org = await make(t).organization({ name: "阳光助老服务中心", contactPhone: "13912345678" });
    const a = await applicationIn(t, "accepted", {
      callId: call.id,
      organizationId: org.id,
      answers: { motivation: "扎根社区十年", beneficiaries: 1200, areas: ["老人", "儿童"] },
    });
    const b = await applicationIn(t, "accepted", { callId: call.id });
    // Not in screening, or another call's: none of these is in the default file.
    for (const status of ["submitted", "returned", "resubmitted", "draft", "ineligible"] as const)
      await applicationIn(t, status, { callId: call.id });
    await applicationIn(t, "accepted", { callId: other.id });

    const certificate = await file(a.id, "登记证书.pdf");
    const plan1 = await file(a.id, "计划书-上.pdf");
    const plan2 = await file(a.id, "计划书-下.pdf");
    await attach(a.id, "certificate", certificate.id);
    await attach(a.id, "plan", plan1.id);
    await attach(a.id, "plan", plan2.id);
    await t.db.insert(intakeVerdicts).values([
      {
        baseId: t.baseId,
        applicationId: a.id,
        requirementKey: "certificate",
        status: "needs_correction",
        reason: "盖章不清",
        checkedAt: new Date(Date.now() + 60_000),
      },
      // b's plan was found missing an hour ago; a plan came since: the verdict is stale.
      {
        baseId: t.baseId,
        applicationId: b.id,
        requirementKey: "plan",
        status: "missing",
        reason: "未上传",
        checkedAt: new Date(Date.now() - 3_600_000),
      },
    ]);
    await attach(b.id, "plan", certificate.id);

    const res = await staff.get(`/api/applications/export.xlsx?callId=${call.id}&sort=name&order=asc`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers["content-type"]).toContain("spreadsheetml");
    const disposition = String(res.headers["content-disposition"]);
    expect(decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1] ?? "")).toMatch(
      /^初筛基础文件-2026年度孵化招募-\d{8}\.xlsx$/,
    );
    const { preface, data } = await sheets(res.rawPayload);

    // The 说明 sheet says what the file holds.
    expect(preface.name).toBe("说明");
    const me = (await staff.get("/api/auth/me")).json() as { user: { displayName: string } };
    const lines = prefaceOf(preface);
    expect(lines.get("招募")).toBe("2026年度孵化招募");
    // Every status from screening on (stage 2 and 3 statuses too, since the foundation of issue 9).
    const screening = SCREENING_STATUSES.map((s) => RECRUITMENT_LABELS["zh-CN"].applicationStatus[s]).join(
      "、",
    );
    expect(lines.get("筛选条件")).toBe(
      `申请状态：${screening}（默认：已进入初筛及之后各阶段的申请）；排序：社会组织名称升序`,
    );
    expect(lines.get("申请数")).toBe("2");
    expect(lines.get("导出时间")).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}（北京时间）$/);
    expect(lines.get("导出人")).toBe(me.user.displayName);

    // Header row frozen, with an autofilter over all of it; sensible widths.
    expect(data.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    const header = headerOf(data);
    expect(String(data.autoFilter)).toBe(`A1:${data.getColumn(header.length).letter}1`);
    expect(data.getColumn(1).width).toBeGreaterThanOrEqual(20);
    const col = (name: string) => {
      const i = header.indexOf(name);
      if (i < 0) throw new Error(`no column ${name} in ${header.join("|")}`);
      return i + 1;
    };
    for (const h of ["社会组织名称", "联系电话", "申请状态", "申请动机", "年服务人次", "服务对象"]) col(h);
    for (const d of ["登记证书", "项目计划书"]) [col(`${d}（文件）`), col(`${d}（审核）`)];
    expect(header).not.toContain("另一招募的问题");
    expect(header.some((h) => h.includes("·"))).toBe(false);

    // The rows are what the API lists for this call in screening, in the same order.
    const listed = (
      await staff.get(`/api/applications?callId=${call.id}&status=accepted&sort=name&order=asc&pageSize=100`)
    ).json() as QueuePage;
    const rows = dataRows(data);
    const origin = "http://localhost:80";
    expect(rows.map((r) => link(r.getCell(col("社会组织名称"))))).toEqual(
      listed.items.map((i) => `${origin}/applications/${i.id}`),
    );
    expect(rows.map((r) => r.getCell(col("社会组织名称")).text)).toEqual(
      listed.items.map((i) => i.organization.name),
    );

    // Each row against the detail API: answers, status, each document's files as links.
    for (const row of rows) {
      const id = (link(row.getCell(col("社会组织名称"))) ?? "").split("/").pop() as string;
      const detail = (await staff.get(`/api/applications/${id}`)).json() as ApplicationDetail;
      expect(row.getCell(col("申请状态")).text).toBe("已受理（进入初筛）");
      expect(row.getCell(col("提交次数")).value).toBe(detail.submissionCount);
      for (const [key, label] of [
        ["certificate", "登记证书"],
        ["plan", "项目计划书"],
      ] as const) {
        const current = detail.documents.filter((d) => d.requirementKey === key).map((d) => d.file);
        const cell = row.getCell(col(`${label}（文件）`));
        if (current.length === 0) expect(cell.text).toBe("");
        else {
          expect(link(cell)).toBe(`${origin}/api/files/${current[0]?.id}`);
          for (const f of current) expect(cell.text).toContain(f.originalName);
          if (current.length > 1) {
            for (const f of current) expect(cell.text).toContain(`${origin}/api/files/${f.id}`);
            expect(cell.alignment?.wrapText).toBe(true);
          }
        }
      }
    }
    const row = rows.find((r) => r.getCell(col("社会组织名称")).text === "阳光助老服务中心") as ExcelJS.Row;
    expect(row.getCell(col("联系电话")).value).toBe("139****5678");
    expect(row.getCell(col("孵化方向")).value).toBe("组织孵化");
    expect(row.getCell(col("申请动机")).value).toBe("扎根社区十年");
    expect(row.getCell(col("年服务人次")).value).toBe(1200);
    expect(row.getCell(col("服务对象")).value).toBe("老人、儿童");
    expect(row.getCell(col("登记证书（文件）")).text).toBe("登记证书.pdf");
    expect(row.getCell(col("登记证书（审核）")).value).toBe("需修改：盖章不清");
    expect(row.getCell(col("项目计划书（审核）")).value).toBe("待审核");
    expect(row.getCell(col("最近提交时间")).value).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    const rowB = rows.find((r) => r !== row) as ExcelJS.Row;
    expect(rowB.getCell(col("项目计划书（审核）")).value).toBe("已更新，待复核（上次审核：缺失）");
  });

  it("holds each application's latest inspection: date, inspectors, recommendation, exclusions found", async () => {
    const call = await make(t).call({ title: "考察列测试招募" });
    const found = await applicationIn(t, "accepted", {
      callId: call.id,
      organizationId: (await make(t).organization({ name: "甲考察测试协会" })).id,
    });
    const notYet = await applicationIn(t, "accepted", {
      callId: call.id,
      organizationId: (await make(t).organization({ name: "乙考察测试协会" })).id,
    });
    const expertId = await userId(t, "expert");
    const staffId = await userId(t, "staff");
    const scheduledAt = "2026-11-20T02:00:00.000Z";
    const planned = await staff.post("/api/inspections", {
      ...planBody(found.id, [expertId, staffId]),
      scheduledAt,
    });
    expect(planned.statusCode, planned.body).toBe(200);
    const id = planned.json().id as string;
    const finding = completeFinding();
    finding.checks = {
      ...finding.checks,
      administrative_penalty_2y: { answer: "yes", evidence: "2025年受过警告处罚" },
    };
    finding.recommendation = { decision: "reject", reason: "近两年有行政处罚" };
    expect((await staff.patch(`/api/inspections/${id}/finding`, { version: 1, finding })).statusCode).toBe(
      200,
    );
    expect((await staff.post(`/api/inspections/${id}/sign-off`, { version: 2 })).statusCode).toBe(200);

    const res = await staff.get(
      `/api/applications/export.xlsx?callId=${call.id}&status=accepted,inspected&sort=name&order=asc`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const { data } = await sheets(res.rawPayload);
    const header = headerOf(data);
    const col = (name: string) => {
      const i = header.indexOf(name);
      if (i < 0) throw new Error(`no column ${name} in ${header.join("|")}`);
      return i + 1;
    };
    const rows = dataRows(data);
    const byName = (name: string) =>
      rows.find((r) => r.getCell(col("社会组织名称")).text === name) as ExcelJS.Row;
    const a = byName("甲考察测试协会");
    expect(a.getCell(col("申请状态")).text).toBe("已考察");
    expect(a.getCell(col("考察日期")).value).toBe("2026-11-20 10:00");
    expect(a.getCell(col("考察状态")).value).toBe("已签署");
    expect(a.getCell(col("考察人")).value).toBe("张立新、李晓梅");
    expect(a.getCell(col("考察建议")).value).toBe("建议不予通过");
    expect(a.getCell(col("发现的排除情形")).value).toBe("近两年受过行政处罚");
    const b = byName("乙考察测试协会");
    expect(b.getCell(col("申请状态")).text).toBe("已受理（进入初筛）");
    for (const h of ["考察日期", "考察状态", "考察人", "考察建议", "发现的排除情形"])
      expect(b.getCell(col(h)).text).toBe("");
    expect(notYet.id).toBeTruthy();
  });

  it("widens only when statuses are asked for, and says so", async () => {
    const call = await make(t).call({ title: "扩展导出" });
    const submitted = await applicationIn(t, "submitted", { callId: call.id });
    await applicationIn(t, "accepted", { callId: call.id });
    await applicationIn(t, "draft", { callId: call.id });
    const res = await staff.get(`/api/applications/export.xlsx?callId=${call.id}&status=submitted,accepted`);
    expect(res.statusCode, res.body).toBe(200);
    const { preface, data } = await sheets(res.rawPayload);
    expect(prefaceOf(preface).get("筛选条件")).toBe(
      "申请状态：已提交、已受理（进入初筛）；排序：状态变更时间降序",
    );
    const listed = (
      await staff.get(`/api/applications?callId=${call.id}&status=submitted,accepted&pageSize=100`)
    ).json() as QueuePage;
    expect(listed.total).toBe(2);
    const links = dataRows(data).map((r) => link(r.getCell(1)));
    expect(links).toEqual(listed.items.map((i) => `http://localhost:80/applications/${i.id}`));
    expect(links).toContain(`http://localhost:80/applications/${submitted.id}`);
  });

  it("needs a call (400 naming callId), a call of the base (404), and staff (403)", async () => {
    const missing = await staff.get("/api/applications/export.xlsx?status=accepted");
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({ field: "callId" });
    const unknown = await staff.get(
      "/api/applications/export.xlsx?callId=00000000-0000-4000-8000-000000000000",
    );
    expect(unknown.statusCode).toBe(404);
    const call = await make(t).call();
    const member = await t.signIn("member");
    expect((await member.get(`/api/applications/export.xlsx?callId=${call.id}`)).statusCode).toBe(403);
  });

  it("ignores forwarded headers unless TRUST_PROXY trusts them", async () => {
    const call = await make(t).call();
    await applicationIn(t, "accepted", { callId: call.id });
    const forwarded = { "x-forwarded-proto": "https", "x-forwarded-host": "evil.example" };
    const res = await staff.get(`/api/applications/export.xlsx?callId=${call.id}`, forwarded);
    const [row] = dataRows((await sheets(res.rawPayload)).data);
    expect(link(row?.getCell(1) as ExcelJS.Cell)).toMatch(/^http:\/\/localhost:80\/applications\//);
  });
});

describe("behind a trusted proxy", () => {
  let p: TestApp;
  beforeAll(async () => {
    p = await startTestApp({ trustProxy: true });
  });
  afterAll(() => p.close());

  it("links to the address the staff member used", async () => {
    const call = await make(p).call();
    const a = await applicationIn(p, "accepted", { callId: call.id });
    const client = await p.signIn("staff");
    const res = await client.get(`/api/applications/export.xlsx?callId=${call.id}`, {
      "x-forwarded-proto": "https",
      "x-forwarded-host": "hatchery.example.cn",
    });
    expect(res.statusCode, res.body).toBe(200);
    const [row] = dataRows((await sheets(res.rawPayload)).data);
    expect(link(row?.getCell(1) as ExcelJS.Cell)).toBe(`https://hatchery.example.cn/applications/${a.id}`);
  });
});
