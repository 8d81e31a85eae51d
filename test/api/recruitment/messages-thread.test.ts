import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Thread } from "../../../src/schemas/recruitment/application-thread";
import { make } from "../../factories";
import { type Client, startTestApp, type TestApp } from "../../support/app";
import { applicationIn, memberOrganizationId, multipartUpload, noticesFor, PDF } from "./intake-support";

let t: TestApp;
let staff: Client;
let member: Client;
let dataDir: string;
let memberOrg: string;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), "hatchery-messages-"));
  t = await startTestApp({ dataDir });
  staff = await t.signIn("staff");
  member = await t.signIn("member");
  memberOrg = await memberOrganizationId(t);
});
afterAll(async () => {
  await t.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function upload(client: Client, applicationId: string, name = "补充说明.pdf") {
  const { payload, headers } = multipartUpload(
    { applicationId },
    { name, type: "application/pdf", content: PDF },
  );
  const res = await client.request({ method: "POST", url: "/api/files", payload, headers });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; originalName: string };
}

async function thread(client: Client, id: string): Promise<Thread> {
  const res = await client.get(`/api/applications/${id}/messages`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describe("the message thread", () => {
  it("carries messages both ways with attachments, notifies the other side and counts unread", async () => {
    const call = await make(t).call();
    const app = await applicationIn(t, "submitted", { callId: call.id, organizationId: memberOrg });
    const staffBefore = (await noticesFor(t, "staff")).length;

    const file = await upload(member, app.id);
    const asked = await member.post(`/api/applications/${app.id}/messages`, {
      body: "请问登记证书需要原件扫描吗？",
      fileIds: [file.id],
    });
    expect(asked.statusCode, asked.body).toBe(201);
    expect(asked.json()).toMatchObject({
      side: "applicant",
      mine: true,
      files: [{ id: file.id, originalName: "补充说明.pdf" }],
    });

    const staffNotices = await noticesFor(t, "staff");
    expect(staffNotices.length).toBe(staffBefore + 1);
    expect(staffNotices.at(-1)).toMatchObject({
      kind: "application_message",
      link: `/applications/${app.id}`,
      params: { applicationId: app.id, preview: "请问登记证书需要原件扫描吗？", callTitle: call.title },
    });

    // Staff see it unread in the queue and in the thread; looking does not mark it.
    const row = (await staff.get(`/api/applications?callId=${call.id}`)).json().items[0];
    expect(row.unreadMessages).toBe(1);
    expect((await thread(staff, app.id)).unread).toBe(1);
    expect((await thread(staff, app.id)).unread).toBe(1);
    const marked = await staff.post(`/api/applications/${app.id}/messages/read`, {});
    expect(marked.json()).toEqual({ marked: 1 });
    expect((await thread(staff, app.id)).unread).toBe(0);
    expect((await staff.get(`/api/applications?callId=${call.id}`)).json().items[0].unreadMessages).toBe(0);

    // The staff attachment is downloadable by the applicant once it is in the thread.
    const reply = await upload(staff, app.id, "模板.pdf");
    const memberBefore = (await noticesFor(t, "member")).length;
    const answered = await staff.post(`/api/applications/${app.id}/messages`, {
      body: "需要，请上传原件扫描件，可参考附件模板。",
      fileIds: [reply.id],
    });
    expect(answered.statusCode, answered.body).toBe(201);
    const memberNotices = await noticesFor(t, "member");
    expect(memberNotices.length).toBe(memberBefore + 1);
    expect(memberNotices.at(-1)).toMatchObject({
      kind: "application_message",
      link: `/my-applications/${app.id}`,
    });

    const seen = await thread(member, app.id);
    expect(seen.side).toBe("applicant");
    expect(seen.items.map((m) => [m.side, m.mine])).toEqual([
      ["applicant", true],
      ["staff", false],
    ]);
    expect(seen.items[0]?.readAt).not.toBeNull();
    expect(seen.unread).toBe(1);
    expect((await member.get(`/api/files/${reply.id}`)).statusCode).toBe(200);
  });

  it("refuses attachments of another application, of the other side, or unknown; and bad bodies", async () => {
    const call = await make(t).call();
    const mine = await applicationIn(t, "submitted", { callId: call.id, organizationId: memberOrg });
    const other = await applicationIn(t, "submitted", { callId: call.id });
    const url = `/api/applications/${mine.id}/messages`;

    // A staff file already sent in another application's thread.
    const elsewhere = await upload(staff, other.id, "其他.pdf");
    expect(
      (
        await staff.post(`/api/applications/${other.id}/messages`, {
          body: "见附件",
          fileIds: [elsewhere.id],
        })
      ).statusCode,
    ).toBe(201);
    const reused = await staff.post(url, { body: "转发", fileIds: [elsewhere.id] });
    expect(reused.statusCode).toBe(400);
    expect(reused.json()).toMatchObject({ code: "validation_failed", field: "fileIds.0" });

    // The member may not send a file staff uploaded, nor an id that is no file.
    const staffFile = await upload(staff, mine.id);
    expect((await member.post(url, { body: "附件", fileIds: [staffFile.id] })).statusCode).toBe(400);
    const unknown = "00000000-0000-4000-8000-000000000000";
    expect((await member.post(url, { body: "附件", fileIds: [unknown] })).statusCode).toBe(400);

    for (const body of [{ body: "" }, { body: "   " }, { body: "长".repeat(5001) }]) {
      const res = await member.post(url, body);
      expect(res.statusCode).toBe(400);
      expect(res.json().field).toBe("body");
    }
    const six = await member.post(url, { body: "多", fileIds: Array.from({ length: 6 }, () => unknown) });
    expect(six.statusCode).toBe(400);
    expect((await thread(member, mine.id)).items).toHaveLength(0);
  });

  it("keeps other organizations' threads hidden (404) and other roles out (403)", async () => {
    const call = await make(t).call();
    const other = await applicationIn(t, "submitted", { callId: call.id });
    expect((await member.get(`/api/applications/${other.id}/messages`)).statusCode).toBe(404);
    expect((await member.post(`/api/applications/${other.id}/messages`, { body: "你好" })).statusCode).toBe(
      404,
    );
    expect((await member.post(`/api/applications/${other.id}/messages/read`, {})).statusCode).toBe(404);
    const expert = await t.signIn("expert");
    expect((await expert.get(`/api/applications/${other.id}/messages`)).statusCode).toBe(403);
    expect((await t.anonymous().get(`/api/applications/${other.id}/messages`)).statusCode).toBe(401);
  });

  it("stays open after a final decision", async () => {
    const call = await make(t).call();
    const app = await applicationIn(t, "ineligible", { callId: call.id, organizationId: memberOrg });
    const res = await member.post(`/api/applications/${app.id}/messages`, { body: "能否说明具体原因？" });
    expect(res.statusCode).toBe(201);
  });
});
