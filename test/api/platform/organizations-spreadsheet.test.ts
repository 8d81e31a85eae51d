import { eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { organizations } from "../../../src/db/schema";
import { composeCreditCode } from "../../../src/domain/credit-code";
import { make, validCreditCode } from "../../factories";
import { type Client, startTestApp, type TestApp } from "../../support/app";
import {
  auditRows,
  type DemoTown,
  demoTowns,
  multipart,
  organizationCount,
  readWorkbook,
  sheetValues,
} from "./organizations-support";

let t: TestApp;
let staff: Client;
let towns: DemoTown[];

const IMPORT_HEADERS = [
  "名称",
  "登记状态",
  "统一社会信用代码",
  "成立日期",
  "服务领域",
  "所属镇街",
  "服务社区",
  "地址",
  "负责人",
  "联系人",
  "联系电话",
  "专职人数",
  "志愿者人数",
  "是否成立党组织",
  "党员人数",
  "入驻状态",
  "所属枢纽组织",
];

beforeAll(async () => {
  t = await startTestApp();
  staff = await t.signIn("staff");
  towns = await demoTowns(t);
});
afterAll(() => t.close());

describe("GET /api/organizations/export.xlsx", () => {
  it("exports every filtered row with Chinese headers and labels, phones masked, and audits it", async () => {
    const res = await staff.get("/api/organizations/export.xlsx?residency=resident&sort=name&order=asc");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("spreadsheetml.sheet");
    const disposition = String(res.headers["content-disposition"]);
    const encoded = /filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1] ?? "";
    expect(decodeURIComponent(encoded)).toMatch(/^社会组织名录-\d{8}\.xlsx$/);

    const resident = await t.db.select().from(organizations).where(eq(organizations.residency, "resident"));
    const sheet = (await readWorkbook(res.rawPayload)).worksheets[0] as ExcelJS.Worksheet;
    const [headers, ...rows] = sheetValues(sheet);
    expect(headers).toEqual([...IMPORT_HEADERS, "更新时间"]);
    expect(rows).toHaveLength(resident.length);
    const column = (header: string) => IMPORT_HEADERS.indexOf(header);
    expect(rows.map((r) => r[0]).sort()).toEqual(resident.map((r) => r.name).sort());
    for (const row of rows) {
      expect(row[column("入驻状态")]).toBe("入驻孵化");
      expect(["未登记团队", "社会团体", "社会服务机构（民非）", "基金会"]).toContain(row[column("登记状态")]);
      expect(["是", "否"]).toContain(row[column("是否成立党组织")]);
      expect(String(row[column("联系电话")])).toMatch(/^1\d{2}\*{4}\d{4}$/);
      expect(String(row[17])).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    }

    const [entry] = await auditRows(t, "organization.exported");
    expect(entry?.after).toMatchObject({ filter: { residency: "resident" }, rows: resident.length });
  });

  it("exports a search's rows only, all pages of them", async () => {
    await make(t).organization({ name: "昌平区紫丁香合唱团", fields: ["culture"] });
    await make(t).organization({ name: "昌平区紫丁香书画社", fields: ["culture"] });
    const res = await staff.get(`/api/organizations/export.xlsx?q=${encodeURIComponent("紫丁香")}`);
    const rows = sheetValues((await readWorkbook(res.rawPayload)).worksheets[0] as ExcelJS.Worksheet).slice(
      1,
    );
    expect(rows.map((r) => r[0]).sort()).toEqual(["昌平区紫丁香书画社", "昌平区紫丁香合唱团"].sort());
    expect(rows.map((r) => r[4])).toEqual(["文化", "文化"]);
  });

  it("is for base staff only", async () => {
    for (const role of ["viewer", "liaison", "member"]) {
      expect((await (await t.signIn(role)).get("/api/organizations/export.xlsx")).statusCode, role).toBe(403);
    }
  });
});

describe("GET /api/organizations/import-template.xlsx", () => {
  it("has the data sheet with drop-downs, an instructions sheet with an example, and the options", async () => {
    const res = await staff.get("/api/organizations/import-template.xlsx");
    expect(res.statusCode).toBe(200);
    const workbook = await readWorkbook(res.rawPayload);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["社会组织", "填写说明", "选项"]);
    const data = workbook.getWorksheet("社会组织") as ExcelJS.Worksheet;
    expect(sheetValues(data)).toEqual([IMPORT_HEADERS]);
    expect(data.getCell("B2").dataValidation).toMatchObject({ type: "list" });
    expect(data.getCell("P2").dataValidation).toMatchObject({ type: "list" });
    expect(data.getCell("F2").dataValidation).toMatchObject({ type: "list" });

    const help = sheetValues(workbook.getWorksheet("填写说明") as ExcelJS.Worksheet);
    expect(help[0]).toEqual(IMPORT_HEADERS);
    expect(help[1]?.[1]).toBe("社会服务机构（民非）");
    expect(help.some((row) => row[0] === "登记状态" && String(row[2]).includes("基金会"))).toBe(true);
  });

  it("is for base staff only", async () => {
    expect((await (await t.signIn("viewer")).get("/api/organizations/import-template.xlsx")).statusCode).toBe(
      403,
    );
  });
});

describe("POST /api/organizations/import", () => {
  async function upload(client: Client, file: Buffer, filename?: string) {
    const { payload, headers } = multipart(file, { filename });
    return client.request({ method: "POST", url: "/api/organizations/import", payload, headers });
  }

  /** The downloaded template with rows typed into its data sheet. */
  async function filledTemplate(rows: Record<string, unknown>[]): Promise<Buffer> {
    const res = await staff.get("/api/organizations/import-template.xlsx");
    const workbook = await readWorkbook(res.rawPayload);
    const sheet = workbook.getWorksheet("社会组织") as ExcelJS.Worksheet;
    rows.forEach((values, i) => {
      const row = sheet.getRow(i + 2);
      for (const [header, value] of Object.entries(values)) {
        const col = IMPORT_HEADERS.indexOf(header);
        if (col < 0) throw new Error(`no column ${header}`);
        row.getCell(col + 1).value = value as ExcelJS.CellValue;
      }
      row.commit();
    });
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }

  it("round-trips the template: two filled rows become two organizations, each audited", async () => {
    const town = towns[0] as DemoTown;
    const code = validCreditCode();
    const file = await filledTemplate([
      {
        名称: "昌平区导入测试甲服务中心",
        登记状态: "社会服务机构（民非）",
        统一社会信用代码: code.toLowerCase(),
        成立日期: new Date(Date.UTC(2019, 5, 18)),
        服务领域: "养老助老、健康",
        所属镇街: town.name,
        服务社区: town.communities
          .slice(0, 2)
          .map((c) => c.name)
          .join("、"),
        联系人: "李丽娟",
        联系电话: 13800138000,
        专职人数: 6,
        是否成立党组织: "是",
        党员人数: 3,
        入驻状态: "虚拟孵化",
        所属枢纽组织: "昌平区社会组织联合会",
      },
      { 名称: "昌平区导入测试乙志愿队", 登记状态: "未登记团队", 成立日期: "2023/3/5" },
    ]);
    const before = await organizationCount(t);
    const res = await upload(staff, file);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ imported: 2, errors: [] });
    expect(await organizationCount(t)).toBe(before + 2);

    const [first] = await t.db
      .select()
      .from(organizations)
      .where(eq(organizations.name, "昌平区导入测试甲服务中心"));
    expect(first).toMatchObject({
      registrationStatus: "social_service_agency",
      creditCode: code,
      foundedOn: "2019-06-18",
      fields: ["elderly", "health"],
      townId: town.id,
      communityIds: town.communities.slice(0, 2).map((c) => c.id),
      contactPhone: "13800138000",
      staffCount: 6,
      partyOrganization: true,
      partyMemberCount: 3,
      residency: "virtual",
    });
    expect(first?.hubOrganizationId).not.toBeNull();
    const [second] = await t.db
      .select()
      .from(organizations)
      .where(eq(organizations.name, "昌平区导入测试乙志愿队"));
    expect(second).toMatchObject({
      registrationStatus: "unregistered",
      creditCode: null,
      foundedOn: "2023-03-05",
      residency: "none",
    });
    expect(await auditRows(t, "organization.imported", first?.id)).toHaveLength(1);
    expect(await auditRows(t, "organization.imported", second?.id)).toHaveLength(1);
  });

  it("refuses the whole file for one bad row, naming its row and field", async () => {
    const file = await filledTemplate([
      { 名称: "昌平区好行一", 登记状态: "未登记团队" },
      { 名称: "昌平区好行二", 登记状态: "基金会", 统一社会信用代码: validCreditCode() },
      { 名称: "昌平区坏行", 登记状态: "基金会", 统一社会信用代码: "51110114MJ000000XF" },
      { 名称: "昌平区好行三", 登记状态: "未登记团队" },
    ]);
    const before = await organizationCount(t);
    const res = await upload(staff, file);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: "import_failed",
      message: "导入未完成：共 1 处错误，未导入任何数据",
      details: {
        errors: [
          { row: 4, field: "creditCode", message: "统一社会信用代码第 18 位校验码不正确，请核对是否输错" },
        ],
      },
    });
    expect(await organizationCount(t)).toBe(before);
    expect(await auditRows(t, "organization.imported")).toHaveLength(2); // only the round-trip test's
  });

  it("lists every problem the rules find, in English when asked", async () => {
    const existing = await make(t).organization();
    const town = towns[0] as DemoTown;
    const other = towns[1] as DemoTown;
    const repeated = validCreditCode();
    const file = await filledTemplate([
      { 名称: "", 登记状态: "社会团体", 统一社会信用代码: composeCreditCode("52", "110114", "MJ009999") },
      { 名称: "昌平区状态错误社", 登记状态: "公司" },
      { 名称: "昌平区已登记无代码社", 登记状态: "基金会" },
      { 名称: "昌平区重复代码社", 登记状态: "基金会", 统一社会信用代码: existing.creditCode },
      { 名称: "昌平区文件内重复一", 登记状态: "基金会", 统一社会信用代码: repeated },
      { 名称: "昌平区文件内重复二", 登记状态: "基金会", 统一社会信用代码: repeated },
      { 名称: "昌平区镇街错误社", 登记状态: "未登记团队", 所属镇街: "不存在镇" },
      {
        名称: "昌平区社区错误社",
        登记状态: "未登记团队",
        所属镇街: town.name,
        服务社区: other.communities[0]?.name,
      },
      { 名称: "昌平区未来社", 登记状态: "未登记团队", 成立日期: "2999-01-01", 联系电话: "12345" },
      { 名称: "昌平区人数错误社", 登记状态: "未登记团队", 专职人数: "很多", 服务领域: "文化、高尔夫" },
    ]);
    const res = await upload(staff, file);
    expect(res.statusCode).toBe(400);
    const errors = res.json().details.errors as { row: number; field: string; message: string }[];
    expect(errors.map((e) => [e.row, e.field])).toEqual([
      [2, "name"],
      [3, "registrationStatus"],
      [4, "creditCode"],
      [5, "creditCode"],
      [7, "creditCode"],
      [8, "townId"],
      [9, "communityIds"],
      [10, "foundedOn"],
      [10, "contactPhone"],
      [11, "fields"],
      [11, "staffCount"],
    ]);
    expect(errors[0]?.message).toBe("此项必填");
    expect(errors[1]?.message).toContain("“公司”不是可选的值");
    expect(errors[3]?.message).toBe("该统一社会信用代码已登记");
    expect(errors[4]?.message).toBe("与第 6 行的统一社会信用代码重复");
    expect(errors[5]?.message).toBe("没有名为“不存在镇”的镇街");
    expect(res.json().message).toBe(`导入未完成：共 ${errors.length} 处错误，未导入任何数据`);

    const { payload, headers } = multipart(file);
    const en = await staff.request({
      method: "POST",
      url: "/api/organizations/import",
      payload,
      headers: { ...headers, "accept-language": "en" },
    });
    expect(en.json().message).toBe(`Import refused: ${errors.length} errors, nothing was imported`);
    expect(en.json().details.errors[3].message).toBe("This unified social credit code is already registered");
  });

  it("refuses a file that is not an .xlsx workbook", async () => {
    const renamed = await upload(
      staff,
      Buffer.from("名称,登记状态\n昌平区某社,基金会\n", "utf8"),
      "organizations.xlsx",
    );
    expect(renamed.statusCode).toBe(400);
    expect(renamed.json()).toMatchObject({
      code: "file_invalid",
      field: "file",
      message: "无法读取该文件，请使用 .xlsx 模板",
    });
    const zipNotXlsx = Buffer.from("504b0304", "hex");
    expect((await upload(staff, Buffer.concat([zipNotXlsx, Buffer.alloc(64)]))).json().code).toBe(
      "file_invalid",
    );
    const notMultipart = await staff.post("/api/organizations/import", { file: "x" });
    expect(notMultipart.json()).toMatchObject({ code: "file_invalid" });
  });

  it("refuses an empty template and a sheet without the required columns", async () => {
    const empty = await upload(staff, await filledTemplate([]));
    expect(empty.statusCode).toBe(400);
    expect(empty.json()).toMatchObject({ field: "file", message: "文件中没有可导入的数据行" });

    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Sheet1").addRow(["组织", "电话"]);
    const res = await upload(staff, Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe("缺少必需的列“名称”，请使用导入模板");
  });

  it("is for base staff only", async () => {
    const file = await filledTemplate([{ 名称: "昌平区越权导入社", 登记状态: "未登记团队" }]);
    for (const role of ["viewer", "member"]) {
      expect((await upload(await t.signIn(role), file)).statusCode, role).toBe(403);
    }
  });
});
