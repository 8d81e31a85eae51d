import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applicationDocuments, files, intakeVerdicts } from "../../../src/db/schema";
import { defaultCallRules, make } from "../../factories";
import { type Client, startTestApp, type TestApp } from "../../support/app";
import { applicationIn } from "./intake-support";

let t: TestApp;
let staff: Client;

beforeAll(async () => {
  t = await startTestApp();
  staff = await t.signIn("staff");
});
afterAll(() => t.close());

async function workbook(body: Buffer) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(body as unknown as ArrayBuffer);
  return book;
}

describe("GET /api/applications/export.xlsx", () => {
  it("writes one row per application with profile, answers, documents and their verdict", async () => {
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
    const org = await make(t).organization({ name: "阳光助老服务中心", contactPhone: "13912345678" });
    const a = await applicationIn(t, "submitted", {
      callId: call.id,
      organizationId: org.id,
      answers: { motivation: "扎根社区十年", beneficiaries: 1200, areas: ["老人", "儿童"] },
    });
    const b = await applicationIn(t, "accepted", { callId: call.id });
    await applicationIn(t, "draft", { callId: call.id });
    const [file] = await t.db
      .insert(files)
      .values({
        baseId: t.baseId,
        ownerType: "application_document",
        ownerId: a.id,
        sha256: "x".repeat(64),
        size: 10,
        mime: "application/pdf",
        originalName: "登记证书.pdf",
      })
      .returning();
    await t.db.insert(applicationDocuments).values({
      baseId: t.baseId,
      applicationId: a.id,
      requirementKey: "certificate",
      fileId: file?.id as string,
    });
    await t.db.insert(intakeVerdicts).values([
      {
        baseId: t.baseId,
        applicationId: a.id,
        requirementKey: "certificate",
        status: "needs_correction",
        reason: "盖章不清",
      },
      { baseId: t.baseId, applicationId: a.id, requirementKey: "plan", status: "missing", reason: "未上传" },
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
    await t.db.insert(applicationDocuments).values({
      baseId: t.baseId,
      applicationId: b.id,
      requirementKey: "plan",
      fileId: file?.id as string,
    });

    const res = await staff.get(`/api/applications/export.xlsx?callId=${call.id}&sort=name&order=asc`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers["content-type"]).toContain("spreadsheetml");
    const disposition = String(res.headers["content-disposition"]);
    expect(decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1] ?? "")).toMatch(
      /^初筛基础文件-2026年度孵化招募-\d{8}\.xlsx$/,
    );

    const sheet = (await workbook(res.rawPayload)).worksheets[0] as ExcelJS.Worksheet;
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    const header = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
    const col = (name: string) => header.indexOf(name) + 1;
    for (const h of [
      "社会组织名称",
      "联系电话",
      "申请状态",
      "申请动机",
      "年服务人次",
      "服务对象",
      "登记证书（文件）",
      "登记证书（审核）",
      "项目计划书（审核）",
      "提交次数",
    ]) {
      expect(header, h).toContain(h);
    }
    // Drafts are not in the screening file: two rows.
    expect(sheet.actualRowCount).toBe(3);
    const rows = [2, 3].map((n) => sheet.getRow(n));
    const row = rows.find((r) => r.getCell(col("社会组织名称")).value === "阳光助老服务中心") as ExcelJS.Row;
    expect(row.getCell(col("联系电话")).value).toBe("139****5678");
    expect(row.getCell(col("申请状态")).value).toBe("已提交");
    expect(row.getCell(col("孵化方向")).value).toBe("组织孵化");
    expect(row.getCell(col("申请动机")).value).toBe("扎根社区十年");
    expect(row.getCell(col("年服务人次")).value).toBe(1200);
    expect(row.getCell(col("服务对象")).value).toBe("老人、儿童");
    expect(row.getCell(col("登记证书（文件）")).value).toBe("登记证书.pdf");
    expect(row.getCell(col("登记证书（审核）")).value).toBe("需修改：盖章不清");
    expect(row.getCell(col("项目计划书（审核）")).value).toBe("缺失：未上传");
    expect(row.getCell(col("最近提交时间")).value).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    const other = rows.find((r) => r !== row) as ExcelJS.Row;
    expect(other.getCell(col("申请状态")).value).toBe("已受理（进入初筛）");
    expect(other.getCell(col("登记证书（审核）")).value).toBe("待审核");
    expect(other.getCell(col("项目计划书（审核）")).value).toBe("已更新，待复核（上次审核：缺失）");
    expect(b.id).toBeTruthy();
  });

  it("takes the queue's filters and is for staff only", async () => {
    const call = await make(t).call();
    await applicationIn(t, "submitted", { callId: call.id });
    await applicationIn(t, "accepted", { callId: call.id });
    const res = await staff.get(`/api/applications/export.xlsx?callId=${call.id}&status=accepted`);
    const sheet = (await workbook(res.rawPayload)).worksheets[0] as ExcelJS.Worksheet;
    expect(sheet.actualRowCount).toBe(2);
    expect((await (await t.signIn("member")).get("/api/applications/export.xlsx")).statusCode).toBe(403);
  });
});
