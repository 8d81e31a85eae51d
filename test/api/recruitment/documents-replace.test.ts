/**
 * A corrected file replaces the returned one: the old one leaves the current set (the detail's
 * documents, the screening file, the next submission) and stays in the item's history, still
 * downloadable; the verdict on the old file shows as stale; a stale replacement is 409.
 */
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Client, TestApp } from "../../support/app";
import {
  multipartBody,
  newCompleteDraft,
  otherMember,
  PDF,
  PNG,
  startApplicationsApp,
  submit,
} from "./applications-support";
import { auditOf } from "./intake-support";

let t: TestApp;
let staff: Client;

beforeAll(async () => {
  t = await startApplicationsApp();
  staff = await t.signIn("staff");
});
afterAll(() => t.close());

function replace(
  client: Client,
  applicationId: string,
  documentId: string,
  content: Buffer,
  filename: string,
) {
  const { payload, headers } = multipartBody({}, { content, filename });
  return client.request({
    method: "POST",
    url: `/api/applications/${applicationId}/documents/${documentId}/replacement`,
    payload,
    headers,
  });
}

/** A submitted application whose plan staff found wanting, returned to the applicant. */
async function returnedWithFlaggedPlan() {
  const { client, draft, call } = await newCompleteDraft(t);
  expect((await submit(client, draft.id, draft.version)).statusCode).toBe(200);
  const flagged = await staff.put(`/api/applications/${draft.id}/intake/plan`, {
    status: "needs_correction",
    reason: "缺少预算表",
  });
  expect(flagged.statusCode, flagged.body).toBe(200);
  const before = (await staff.get(`/api/applications/${draft.id}`)).json();
  const returned = await staff.post(`/api/applications/${draft.id}/return`, {
    version: before.version,
    reason: "请补充预算表",
  });
  expect(returned.statusCode, returned.body).toBe(200);
  const detail = (await client.get(`/api/applications/${draft.id}`)).json();
  const plan = detail.documents.find((d: { requirementKey: string }) => d.requirementKey === "plan");
  return { client, call, id: draft.id as string, plan };
}

describe("replacing a returned file", () => {
  it("keeps only the new file current, the old one in the item's history for both sides, audited", async () => {
    const { client, id, plan } = await returnedWithFlaggedPlan();
    const res = await replace(client, id, plan.id, PNG, "计划书（修改版）.png");
    expect(res.statusCode, res.body).toBe(201);
    const added = res.json();
    expect(added).toMatchObject({ requirementKey: "plan", file: { originalName: "计划书（修改版）.png" } });

    for (const reader of [client, staff]) {
      const detail = (await reader.get(`/api/applications/${id}`)).json();
      const plans = detail.documents.filter((d: { requirementKey: string }) => d.requirementKey === "plan");
      expect(plans.map((d: { id: string }) => d.id)).toEqual([added.id]);
      expect(detail.replacedDocuments).toEqual([
        expect.objectContaining({ id: plan.id, requirementKey: "plan", replacedById: added.id }),
      ]);
      // The old file still downloads from the history.
      expect((await reader.get(`/api/files/${plan.file.id}`)).statusCode).toBe(200);
      // The verdict spoke of the old file: it is older than the current one (已更新，待复核).
      const verdict = detail.verdicts.find((v: { requirementKey: string }) => v.requirementKey === "plan");
      expect(Date.parse(verdict.checkedAt)).toBeLessThan(Date.parse(plans[0].file.createdAt));
    }
    const audit = (await auditOf(t, id)).find((a) => a.action === "application.document_replace");
    expect(audit).toMatchObject({
      before: { documentId: plan.id, fileId: plan.file.id },
      after: { documentId: added.id, fileId: added.file.id },
    });
  });

  it("a second replacement of the same old file is stale (409) and stores nothing", async () => {
    const { client, id, plan } = await returnedWithFlaggedPlan();
    expect((await replace(client, id, plan.id, PNG, "第一次.png")).statusCode).toBe(201);
    const again = await replace(client, id, plan.id, PDF, "第二次.pdf");
    expect(again.statusCode, again.body).toBe(409);
    expect(again.json().code).toBe("version_conflict");
    const detail = (await client.get(`/api/applications/${id}`)).json();
    expect(
      detail.documents.map((d: { file: { originalName: string } }) => d.file.originalName),
    ).not.toContain("第二次.pdf");
    // A replaced document cannot be removed either: it is no longer in the current set.
    expect((await client.delete(`/api/applications/${id}/documents/${plan.id}`)).statusCode).toBe(404);
  });

  it("the next submission and the screening file hold the current file; the first submission keeps the old", async () => {
    const { client, call, id, plan } = await returnedWithFlaggedPlan();
    const added = (await replace(client, id, plan.id, PNG, "新计划书.png")).json();
    const detail = (await client.get(`/api/applications/${id}`)).json();
    expect((await submit(client, id, detail.version)).statusCode).toBe(200);
    const fileIdsOf = async (n: number) =>
      (await client.get(`/api/applications/${id}/submissions/${n}`))
        .json()
        .snapshot.documents.map((d: { fileId: string }) => d.fileId);
    expect(await fileIdsOf(1)).toContain(plan.file.id);
    expect(await fileIdsOf(2)).toContain(added.file.id);
    expect(await fileIdsOf(2)).not.toContain(plan.file.id);

    const res = await staff.get(`/api/applications/export.xlsx?callId=${call.id}&status=resubmitted`);
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const text = JSON.stringify((book.getWorksheet("初筛基础文件") as ExcelJS.Worksheet).getSheetValues());
    expect(text).toContain("新计划书.png");
    expect(text).not.toContain(plan.file.originalName);
  });

  it("is the applicant's own act, while the form is theirs to change", async () => {
    const { client, id, plan } = await returnedWithFlaggedPlan();
    const { client: stranger } = await otherMember(t);
    expect((await replace(stranger, id, plan.id, PDF, "x.pdf")).statusCode).toBe(404);
    expect((await replace(staff, id, plan.id, PDF, "x.pdf")).statusCode).toBe(403);
    const detail = (await client.get(`/api/applications/${id}`)).json();
    expect((await submit(client, id, detail.version)).statusCode).toBe(200);
    const late = await replace(client, id, plan.id, PDF, "x.pdf");
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe("illegal_transition");
  });
});
