/** Uploads recognised by content, the limits, and who may download what. */
import { eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applicationDocuments, applicationMessages, files } from "../../../src/db/schema";
import { UPLOAD_LIMITS } from "../../../src/domain/upload";
import type { Client, TestApp } from "../../support/app";
import { compoundFile } from "../../support/cfb";
import {
  ELF,
  multipartBody,
  openCall,
  otherMember,
  PDF,
  PE,
  PNG,
  startApplicationsApp,
  TEXT,
  uploadDocument,
} from "../recruitment/applications-support";

let t: TestApp;
let owner: Client;
let stranger: Client;
let applicationId: string;

beforeAll(async () => {
  t = await startApplicationsApp();
  const call = await openCall(t);
  owner = (await otherMember(t)).client;
  stranger = (await otherMember(t)).client;
  applicationId = (await owner.post("/api/applications", { callId: call.id, track: "org" })).json().id;
});
afterAll(() => t.close());

async function xlsx(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet("预算").addRow(["项目", "金额"]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe("upload types", () => {
  it("accepts PDF, PNG and Excel by their content, storing the sniffed type", async () => {
    const pdf = await uploadDocument(owner, applicationId, "plan", PDF, "项目计划书.pdf");
    expect(pdf.statusCode).toBe(201);
    expect(pdf.json()).toMatchObject({
      requirementKey: "plan",
      file: { originalName: "项目计划书.pdf", mime: "application/pdf", size: PDF.length },
    });
    // The name says .pdf, the bytes say PNG: the bytes win.
    const png = await uploadDocument(owner, applicationId, "certificate", PNG, "登记证书.pdf");
    expect(png.json().file.mime).toBe("image/png");
    const sheet = await uploadDocument(owner, applicationId, "plan", await xlsx(), "预算.xlsx");
    expect(sheet.statusCode).toBe(201);
    expect(sheet.json().file.mime).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  });

  it("accepts a legacy Word file by the streams inside its compound file", async () => {
    const doc = compoundFile(["WordDocument", "1Table", "\u0005SummaryInformation"]);
    const res = await uploadDocument(owner, applicationId, "plan", doc, "旧版计划书.doc");
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().file.mime).toBe("application/msword");
  });

  it.each([
    // An .msi is a compound file too; its streams (names in MSI's own encoding) are no document's.
    [
      "an installer named .doc",
      compoundFile(["\u0005SummaryInformation", "\u4840\u3f3f\u4577"]),
      "setup.doc",
    ],
    ["an ELF binary named .pdf", ELF, "report.pdf"],
    ["a Windows executable named .pdf", PE, "report.pdf"],
    ["a text file named .docx", TEXT, "plan.docx"],
    ["an empty file", Buffer.alloc(0), "empty.pdf"],
  ])("refuses %s", async (_label, content, name) => {
    const before = (await t.db.select().from(files)).length;
    const res = await uploadDocument(owner, applicationId, "plan", content, name);
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe("upload_type_refused");
    expect((await t.db.select().from(files)).length).toBe(before);
  });

  it("refuses a file over the size limit with 413", async () => {
    const big = Buffer.concat([PDF, Buffer.alloc(UPLOAD_LIMITS.fileBytes)]);
    const res = await uploadDocument(owner, applicationId, "plan", big, "huge.pdf");
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: "upload_too_large" });
    expect(res.json().message).toContain("20");
  });

  it("refuses uploads past the application's count limit", async () => {
    const call = await openCall(t);
    const { client } = await otherMember(t);
    const id = (await client.post("/api/applications", { callId: call.id, track: "org" })).json().id;
    const first = await uploadDocument(client, id, "plan", PDF, "a.pdf");
    const fileId = first.json().file.id;
    // Fill up to the limit directly (the same stored file), then one more through the API.
    await t.db.insert(applicationDocuments).values(
      Array.from({ length: UPLOAD_LIMITS.filesPerApplication - 1 }, () => ({
        baseId: t.baseId,
        applicationId: id,
        requirementKey: "plan",
        fileId,
      })),
    );
    const res = await uploadDocument(client, id, "plan", PNG, "one-more.png");
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe("application_files_full");
  });
});

describe("who sees files", () => {
  it("the owner and staff download a document under its original name; another organization gets 404", async () => {
    const up = (await uploadDocument(owner, applicationId, "plan", PDF, "计划书 第2版.pdf")).json();
    const own = await owner.get(`/api/files/${up.file.id}`);
    expect(own.statusCode).toBe(200);
    expect(own.headers["content-type"]).toBe("application/pdf");
    expect(own.headers["x-content-type-options"]).toBe("nosniff");
    expect(own.headers["content-disposition"]).toBe(
      `attachment; filename*=UTF-8''${encodeURIComponent("计划书 第2版.pdf")}`,
    );
    expect(own.rawPayload.equals(PDF)).toBe(true);
    const staff = await t.signIn("staff");
    expect((await staff.get(`/api/files/${up.file.id}`)).statusCode).toBe(200);
    expect((await stranger.get(`/api/files/${up.file.id}`)).statusCode).toBe(404);
    expect((await stranger.get(`/api/applications/${applicationId}`)).statusCode).toBe(404);
    expect((await stranger.delete(`/api/applications/${applicationId}/documents/${up.id}`)).statusCode).toBe(
      404,
    );
    expect((await uploadDocument(stranger, applicationId, "plan", PDF, "x.pdf")).statusCode).toBe(404);
    expect((await t.anonymous().get(`/api/files/${up.file.id}`)).statusCode).toBe(401);
    // A viewer may read some files (a post's attachments): another's file is not there for it.
    expect((await (await t.signIn("viewer")).get(`/api/files/${up.file.id}`)).statusCode).toBe(404);
  });

  it("message attachments: the applicant and staff upload; readable by those who may read the application", async () => {
    const { payload, headers } = multipartBody({ applicationId }, { content: PNG, filename: "截图.png" });
    const res = await owner.request({ method: "POST", url: "/api/files", payload, headers });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ originalName: "截图.png", mime: "image/png", size: PNG.length });
    const fileId = res.json().id;
    const staff = await t.signIn("staff");
    // It belongs to the application it was uploaded for: whoever may read that may read it.
    expect((await staff.get(`/api/files/${fileId}`)).statusCode).toBe(200);
    await t.db.insert(applicationMessages).values({
      baseId: t.baseId,
      applicationId,
      side: "applicant",
      authorName: "申请人",
      body: "见附件",
      fileIds: [fileId],
    });
    expect((await staff.get(`/api/files/${fileId}`)).statusCode).toBe(200);
    expect((await stranger.get(`/api/files/${fileId}`)).statusCode).toBe(404);
    const staffUp = multipartBody({ applicationId }, { content: PDF, filename: "说明.pdf" });
    expect((await staff.request({ method: "POST", url: "/api/files", ...staffUp })).statusCode).toBe(201);
    const strangerUp = multipartBody({ applicationId }, { content: PDF, filename: "x.pdf" });
    expect((await stranger.request({ method: "POST", url: "/api/files", ...strangerUp })).statusCode).toBe(
      404,
    );
  });

  it("checks the policy before reading the upload: roles that never apply get 403", async () => {
    const viewer = await t.signIn("viewer");
    expect((await uploadDocument(viewer, applicationId, "plan", PDF, "x.pdf")).statusCode).toBe(403);
    const staff = await t.signIn("staff");
    expect((await uploadDocument(staff, applicationId, "plan", PDF, "x.pdf")).statusCode).toBe(403);
    const up = multipartBody({ applicationId }, { content: PDF, filename: "x.pdf" });
    expect((await viewer.request({ method: "POST", url: "/api/files", ...up })).statusCode).toBe(403);
    const notMultipart = await owner.post(`/api/applications/${applicationId}/documents`, {
      requirementKey: "plan",
    });
    expect(notMultipart.statusCode).toBe(400);
    expect(notMultipart.json().field).toBe("file");
  });

  it("stores the same bytes once, content-addressed", async () => {
    const rows = await t.db.select().from(files).where(eq(files.originalName, "项目计划书.pdf"));
    const sha = rows[0]?.sha256 as string;
    const { existsSync } = await import("node:fs");
    expect(existsSync(`${t.config.dataDir}/files/${sha.slice(0, 2)}/${sha}`)).toBe(true);
  });
});
