/**
 * The specific 400s of bad dates, numbers, credit codes and upload names, and number questions
 * enforced on save and on submit (calls saved before bounds existed keep working).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { composeCreditCode } from "../../../src/domain/credit-code";
import type { Call } from "../../../src/schemas/recruitment/calls";
import { defaultCallRules } from "../../factories";
import type { Client, TestApp } from "../../support/app";
import {
  newDraft,
  openCall,
  otherMember,
  PDF,
  startApplicationsApp,
  submit,
  uploadDocument,
} from "./applications-support";

let t: TestApp;
let staff: Client;

beforeAll(async () => {
  t = await startApplicationsApp();
  staff = await t.signIn("staff");
});
afterAll(() => t.close());

const base = { required: false, options: [], help: null, tracks: null };
const bounded = {
  ...base,
  key: "staff",
  label: "专职人数",
  type: "number" as const,
  min: 0,
  max: 50,
  integer: true,
};

function expect400(res: { statusCode: number; json(): unknown }, field: string, message: string) {
  expect(res.statusCode, JSON.stringify(res.json())).toBe(400);
  expect(res.json()).toMatchObject({ code: "validation_failed", field, message });
}

describe("dates", () => {
  it("names a day that does not exist and a year out of range, for founding dates", async () => {
    const { client, organizationId } = await otherMember(t);
    const form = (await client.get(`/api/organizations/${organizationId}`)).json();
    const url = `/api/organizations/${organizationId}`;
    expect400(
      await client.patch(url, { ...form, foundedOn: "2023-02-30" }),
      "foundedOn",
      "没有这一天（如 2 月 30 日）",
    );
    expect400(
      await client.patch(url, { ...form, foundedOn: "0000-01-01" }),
      "foundedOn",
      "日期须在 1900 年至 2100 年之间",
    );
    const en = await client.patch(url, { ...form, foundedOn: "1899-12-31" }, { "accept-language": "en" });
    expect(en.json().message).toBe("The date must fall in the years 1900 to 2100");
    expect400(
      await client.patch(url, { ...form, foundedOn: "275760-09-13" }),
      "foundedOn",
      "日期格式不正确（YYYY-MM-DD）",
    );
  });

  it("keeps call times, extensions and filters in 2000..2100", async () => {
    const rules = { ...defaultCallRules(), opensAt: "1999-12-31T00:00:00+08:00" };
    expect400(
      await staff.post("/api/calls", { title: "年份测试", rules }),
      "rules.opensAt",
      "日期须在 2000 年至 2100 年之间",
    );
    const feb30 = { ...defaultCallRules(), closesAt: "2027-02-30T17:00:00+08:00" };
    expect400(
      await staff.post("/api/calls", { title: "年份测试", rules: feb30 }),
      "rules.closesAt",
      "没有这一天（如 2 月 30 日）",
    );
    const { draft } = await newDraft(t);
    const extend = { version: draft.version, until: "2200-01-01T00:00:00Z" };
    expect400(
      await staff.post(`/api/applications/${draft.id}/extend`, extend),
      "until",
      "日期须在 2000 年至 2100 年之间",
    );
    const admin = await t.signIn("admin");
    expect((await admin.get("/api/audit?from=0000-01-01T00:00:00Z")).statusCode).toBe(400);
    expect((await admin.get("/api/audit?from=2026-01-01T00:00:00%2B08:00")).statusCode).toBe(200);
  });
});

describe("numbers that PostgreSQL refused (were 500s)", () => {
  it("refuses versions and page numbers beyond int4 with a 400", async () => {
    const { client, draft } = await newDraft(t);
    const res = await client.patch(`/api/applications/${draft.id}`, { version: 1e20, answers: {} });
    expect400(res, "version", "不能大于 2147483647");
    expect((await client.get("/api/notifications?page=1e20")).statusCode).toBe(400);
  });
});

describe("number questions", () => {
  it("a call's bounds hold on save, with the bound in the message", async () => {
    const call = await openCall(t, { questions: [bounded] });
    const { client } = await otherMember(t);
    const draft = (await client.post("/api/applications", { callId: call.id, track: "org" })).json();
    const save = (count: unknown, version: number) =>
      client.patch(`/api/applications/${draft.id}`, { version, answers: { staff: count } });
    expect400(await save(-1, draft.version), "answers.staff", "不能小于 0");
    expect400(await save(51, draft.version), "answers.staff", "不能大于 50");
    expect400(await save(2.5, draft.version), "answers.staff", "请输入整数");
    expect400(await save("12", draft.version), "answers.staff", "请输入数字");
    expect((await save(50, draft.version)).statusCode).toBe(200);
  });

  it("a call saved before bounds existed takes decimals and negatives, within the safe range", async () => {
    const call = await openCall(t); // the factory's number question has no bounds
    const { client } = await otherMember(t);
    const draft = (await client.post("/api/applications", { callId: call.id, track: "org" })).json();
    const ok = await client.patch(`/api/applications/${draft.id}`, {
      version: draft.version,
      answers: { beneficiaries: -3.5 },
    });
    expect(ok.statusCode).toBe(200);
    const huge = await client.patch(`/api/applications/${draft.id}`, {
      version: ok.json().version,
      answers: { beneficiaries: 1e308 },
    });
    expect400(huge, "answers.beneficiaries", "不能大于 9007199254740991");
  });

  it("bounds tightened after an answer was saved are enforced on submit", async () => {
    const call = await openCall(t, { questions: [{ ...bounded, max: 1000 }] });
    const { client } = await otherMember(t);
    const created = (await client.post("/api/applications", { callId: call.id, track: "org" })).json();
    const saved = await client.patch(`/api/applications/${created.id}`, {
      version: created.version,
      answers: { staff: 800 },
    });
    expect(saved.statusCode).toBe(200);
    for (const key of ["certificate", "plan"]) {
      expect((await uploadDocument(client, created.id, key, PDF, `${key}.pdf`)).statusCode).toBe(201);
    }
    const view: Call = (await staff.get(`/api/calls/${call.id}`)).json();
    const questions = [{ ...bounded, max: 500 }];
    const edited = await staff.patch(`/api/calls/${call.id}`, {
      title: view.title,
      description: view.description,
      rules: { ...view.rules, questions },
      version: view.version,
      note: "专职人数上限改为 500",
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const detail = (await client.get(`/api/applications/${created.id}`)).json();
    const res = await submit(client, created.id, detail.version);
    expect(res.statusCode).toBe(400);
    expect(res.json().details.problems).toContainEqual({
      kind: "answer",
      code: "too_big",
      key: "staff",
      params: { maximum: 500 },
    });
  });

  it("a minimum above the maximum is a problem publishing refuses", async () => {
    const rules = { ...defaultCallRules(), questions: [{ ...bounded, min: 10, max: 5 }] };
    const created = await staff.post("/api/calls", { title: "数值范围测试", rules });
    expect(created.statusCode).toBe(201);
    expect(created.json().publishProblems).toContainEqual({
      field: "rules.questions.0.max",
      message: "最大值不能小于最小值",
    });
    const res = await staff.post(`/api/calls/${created.json().id}/publish`, {
      version: created.json().version,
    });
    expect(res.statusCode).toBe(400);
  });
});

describe("credit codes and upload names", () => {
  it("say which part of a credit code is wrong", async () => {
    const { client, organizationId } = await otherMember(t, { registrationStatus: "social_group" });
    const form = (await client.get(`/api/organizations/${organizationId}`)).json();
    const url = `/api/organizations/${organizationId}`;
    const good = composeCreditCode("51", "110114", "MJ123456");
    const cases: [string, string][] = [
      [`X${good.slice(1)}`, "统一社会信用代码第 1 位（登记管理部门代码）不正确"],
      [
        composeCreditCode("58", "110114", "MJ123456"),
        "统一社会信用代码第 2 位（机构类别代码）与第 1 位的登记管理部门不符",
      ],
      [
        composeCreditCode("51", "990114", "MJ123456"),
        "统一社会信用代码第 3–8 位（登记管理机关行政区划码）不正确",
      ],
      [`${good.slice(0, 16)}${good[16] === "1" ? "2" : "1"}${good[17]}`, ""],
    ];
    for (const [code, message] of cases.slice(0, 3)) {
      expect400(await client.patch(url, { ...form, creditCode: code }), "creditCode", message);
    }
    const res = await client.patch(url, { ...form, creditCode: cases[3]?.[0] });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/第 (9–17|18) 位/);
    expect((await client.patch(url, { ...form, creditCode: good })).statusCode).toBe(200);
  });

  it("refuses an upload name with a path or control characters, before storing anything", async () => {
    const { client, draft } = await newDraft(t);
    for (const name of ["../../etc/passwd.pdf", "C:\\\\x\\\\plan.pdf", "plan\u0007.pdf", "\u202eFDP.exe"]) {
      const res = await uploadDocument(client, draft.id, "certificate", PDF, name);
      expect400(res, "file", "文件名含有控制字符或路径分隔符（/ \\），请重命名后再上传");
    }
    const detail = (await client.get(`/api/applications/${draft.id}`)).json();
    expect(detail.documents).toEqual([]);
    expect(
      (await uploadDocument(client, draft.id, "certificate", PDF, "登记证书 (扫描).pdf")).statusCode,
    ).toBe(201);
  });
});
