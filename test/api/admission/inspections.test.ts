/**
 * Stage 2's inspections through the API: planning (only an accepted application, only eligible
 * inspectors), the draft record with its version, sign-off and its gaps, corrections, cancel,
 * screen-out, who sees what (an inspector expert yes; an unrelated expert and another base no),
 * and bad input refused with nothing changed.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applicationEvents, bases, inspectionInspectors, inspections } from "../../../src/db/schema";
import { shanghaiDateTime } from "../../../src/domain/shanghai-time";
import { MAX_FEN } from "../../../src/schemas/admission/inspections";
import { renderNotification } from "../../../src/schemas/platform/notifications";
import { FACTORY_PASSWORD, make } from "../../factories";
import type { Client, TestApp } from "../../support/app";
import { startTestApp } from "../../support/app";
import {
  applicationIn,
  applicationRow,
  auditOf,
  memberOrganizationId,
  noticesFor,
} from "../recruitment/intake-support";
import { completeFinding, inspectionRow, plan, planBody, userId } from "./inspection-support";

let t: TestApp;
let staff: Client;
let expert: Client;
let otherExpert: Client;
let foreignStaff: Client;
let callId: string;
let memberOrg: string;
let expertId: string;
let staffId: string;

beforeAll(async () => {
  t = await startTestApp();
  staff = await t.signIn("staff");
  expert = await t.signIn("expert");
  const stranger = await make(t).user({ roles: ["expert"] });
  otherExpert = await t.signIn(stranger.username, FACTORY_PASSWORD);
  const [other] = await t.db
    .insert(bases)
    .values({ code: "elsewhere", name: "另一基地", district: "别处" })
    .returning();
  const foreign = await make({ db: t.db, baseId: other?.id as string }).user({ roles: ["staff"] });
  foreignStaff = await t.signIn(foreign.username, FACTORY_PASSWORD);
  callId = (await make(t).call()).id;
  memberOrg = await memberOrganizationId(t);
  expertId = await userId(t, "expert");
  staffId = await userId(t, "staff");
});
afterAll(() => t.close());

/** An accepted application (of its own call when the organization is given: one per call). */
const accepted = async (organizationId?: string) =>
  applicationIn(t, "accepted", {
    callId: organizationId ? (await make(t).call()).id : callId,
    organizationId,
  });

/** Saves `finding` at the inspection's current version. */
async function save(client: Client, id: string, finding: unknown) {
  const { version } = await inspectionRow(t, id);
  return client.patch(`/api/inspections/${id}/finding`, { version, finding });
}

async function signOff(client: Client, id: string) {
  const { version } = await inspectionRow(t, id);
  return client.post(`/api/inspections/${id}/sign-off`, { version });
}

describe("planning", () => {
  it("plans an accepted application: the row, its inspectors, in_inspection, and a notice saying when, how and where", async () => {
    const app = await accepted(memberOrg);
    const before = (await noticesFor(t, "member")).length;
    const body = planBody(app.id, [expertId, staffId]);
    const res = await staff.post("/api/inspections", body);
    expect(res.statusCode, res.body).toBe(200);
    const row = await inspectionRow(t, res.json().id);
    expect(row).toMatchObject({ status: "planned", mode: "on_site", place: body.place, revision: 1 });
    const named = await t.db
      .select()
      .from(inspectionInspectors)
      .where(eq(inspectionInspectors.inspectionId, row.id));
    expect(named.map((n) => n.userId).sort()).toEqual([expertId, staffId].sort());
    expect((await applicationRow(t, app.id)).status).toBe("in_inspection");
    const notices = await noticesFor(t, "member");
    expect(notices.length).toBe(before + 1);
    expect(notices.at(-1)?.params).toMatchObject({
      status: "in_inspection",
      mode: "on_site",
      place: body.place,
      scheduledAt: body.scheduledAt,
    });
    expect((await auditOf(t, app.id)).map((a) => a.action)).toContain("application.plan_inspection");
    // The notice's words say when, how and where, in both languages (Beijing time).
    const params = notices.at(-1)?.params as Record<string, string>;
    const when = shanghaiDateTime(new Date(body.scheduledAt));
    const zh = renderNotification("zh-CN", "application_status", params);
    expect(zh.title).toBe(`考察安排：${when}`);
    expect(zh.body).toContain(`实地考察，时间 ${when}（北京时间），地点：${body.place}`);
    const en = renderNotification("en", "application_status", params);
    expect(en.body).toContain(`on site`);
    expect(en.body).toContain(`${when} (Beijing time), at: ${body.place}`);
  });

  it("refuses a plan for an application that is not accepted: 409 with the current status, nothing written", async () => {
    const app = await applicationIn(t, "submitted", { callId });
    const res = await staff.post("/api/inspections", planBody(app.id, [expertId]));
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: "illegal_transition", details: { currentStatus: "submitted" } });
    expect(await t.db.select().from(inspections).where(eq(inspections.applicationId, app.id))).toEqual([]);
  });

  it("names only staff, admins and experts of the base as inspectors: others are a 400 naming them", async () => {
    const app = await accepted();
    const mentor = await userId(t, "mentor");
    const res = await staff.post("/api/inspections", planBody(app.id, [expertId, mentor]));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: "inspector_not_eligible", field: "inspectorIds" });
    expect(res.json().message).toContain("陈思远");
    const unknown = await staff.post(
      "/api/inspections",
      planBody(app.id, ["00000000-0000-4000-8000-000000000000"]),
    );
    expect(unknown.statusCode).toBe(400);
    expect((await applicationRow(t, app.id)).status).toBe("accepted");
    const dup = await staff.post("/api/inspections", planBody(app.id, [expertId, expertId]));
    expect(dup.statusCode).toBe(400);
    const none = await staff.post("/api/inspections", planBody(app.id, []));
    expect(none.statusCode).toBe(400);
  });

  it("reschedules with the version (stale → 409) and tells the organization the new time", async () => {
    const app = await accepted(memberOrg);
    const id = await plan(staff, app.id, [expertId]);
    const before = (await noticesFor(t, "member")).length;
    const scheduledAt = new Date(Date.now() + 5 * 24 * 3600 * 1000).toISOString();
    const edit = {
      scheduledAt,
      mode: "online",
      place: "https://meeting.example.cn/123",
      inspectorIds: [staffId],
    };
    const stale = await staff.patch(`/api/inspections/${id}/plan`, { ...edit, version: 7 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().details).toEqual({ currentVersion: 1 });
    const res = await staff.patch(`/api/inspections/${id}/plan`, { ...edit, version: 1 });
    expect(res.statusCode, res.body).toBe(200);
    expect(await inspectionRow(t, id)).toMatchObject({ mode: "online", version: 2 });
    const notices = await noticesFor(t, "member");
    expect(notices.length).toBe(before + 1);
    expect(notices.at(-1)?.params).toMatchObject({ mode: "online", scheduledAt });
    // The expert is no longer named: the inspection no longer exists for them.
    expect((await expert.get(`/api/inspections/${id}`)).statusCode).toBe(404);
  });

  it("cancels with a reason: the application goes back to accepted and may be planned again", async () => {
    const app = await accepted();
    const id = await plan(staff, app.id, [expertId]);
    const noReason = await staff.post(`/api/inspections/${id}/cancel`, { version: 1, reason: "" });
    expect(noReason.statusCode).toBe(400);
    const res = await staff.post(`/api/inspections/${id}/cancel`, {
      version: 1,
      reason: "机构负责人临时出差",
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(await inspectionRow(t, id)).toMatchObject({
      status: "cancelled",
      cancelledReason: "机构负责人临时出差",
    });
    expect((await applicationRow(t, app.id)).status).toBe("accepted");
    const again = await plan(staff, app.id, [expertId]);
    expect((await inspectionRow(t, again)).revision).toBe(2);
    // A cancelled one cannot be cancelled again or recorded.
    const twice = await staff.post(`/api/inspections/${id}/cancel`, { version: 2, reason: "再次取消" });
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({
      code: "inspection_status_invalid",
      details: { currentStatus: "cancelled" },
    });
    expect((await save(expert, id, {})).statusCode).toBe(409);
  });

  it("is staff's: an expert cannot plan (403)", async () => {
    const app = await accepted();
    expect((await expert.post("/api/inspections", planBody(app.id, [expertId]))).statusCode).toBe(403);
  });
});

describe("the record", () => {
  it("saves a draft as the inspector fills it (planned → recording); a stale version is 409, nothing changed", async () => {
    const app = await accepted();
    const id = await plan(staff, app.id, [expertId]);
    const first = await expert.patch(`/api/inspections/${id}/finding`, {
      version: 1,
      finding: { businessModel: "社区助老" },
    });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ version: 2, status: "recording" });
    const stale = await expert.patch(`/api/inspections/${id}/finding`, {
      version: 1,
      finding: { businessModel: "覆盖" },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: "version_conflict", details: { currentVersion: 2 } });
    expect((await inspectionRow(t, id)).finding).toEqual({ businessModel: "社区助老" });
  });

  it("refuses bad input with a 400 and changes nothing: negative or huge fen, unknown check, bad answer", async () => {
    const app = await accepted();
    const id = await plan(staff, app.id, [expertId]);
    for (const finding of [
      { finances: { lastYearIncomeFen: -1 } },
      { finances: { lastYearIncomeFen: MAX_FEN + 1 } },
      { finances: { lastYearSpendingFen: 1e30 } },
      { finances: { lastYearSpendingFen: 12.5 } },
      { checks: { made_up: { answer: "no" } } },
      { checks: { no_own_bank_account: { answer: "maybe" } } },
      { recommendation: { decision: "approve" } },
      { businessModel: "x".repeat(4001) },
    ]) {
      const res = await save(expert, id, finding);
      expect(res.statusCode, JSON.stringify(finding)).toBe(400);
      expect(res.json().code).toBe("validation_failed");
    }
    expect(await inspectionRow(t, id)).toMatchObject({ version: 1, status: "planned", finding: {} });
    const badPlan = await staff.post("/api/inspections", {
      ...planBody(app.id, [expertId]),
      mode: "by_phone",
    });
    expect(badPlan.statusCode).toBe(400);
    const badTime = await staff.post("/api/inspections", {
      ...planBody(app.id, [expertId]),
      scheduledAt: "tomorrow",
    });
    expect(badTime.statusCode).toBe(400);
  });

  it("refuses a sign-off with gaps (409 naming them), then signs off a complete record: the application is inspected", async () => {
    const app = await accepted();
    const id = await plan(staff, app.id, [expertId]);
    const partial = completeFinding();
    delete partial.risks;
    partial.checks = { ...partial.checks, no_own_bank_account: { answer: "unknown" } };
    expect((await save(expert, id, partial)).statusCode).toBe(200);
    const gaps = await signOff(expert, id);
    expect(gaps.statusCode).toBe(409);
    expect(gaps.json()).toMatchObject({
      code: "inspection_incomplete",
      details: { gaps: ["risks", "checks.no_own_bank_account"] },
    });
    expect(gaps.json().message).toContain("主要风险");
    expect(gaps.json().message).toContain("无独立银行账户");
    expect((await inspectionRow(t, id)).status).toBe("recording");

    expect((await save(expert, id, completeFinding())).statusCode).toBe(200);
    const res = await signOff(expert, id);
    expect(res.statusCode, res.body).toBe(200);
    const row = await inspectionRow(t, id);
    expect(row).toMatchObject({ status: "signed_off", recommendation: "proceed", signedOffBy: expertId });
    expect((await applicationRow(t, app.id)).status).toBe("inspected");
    // Read-only after sign-off.
    expect((await save(expert, id, completeFinding())).statusCode).toBe(409);
    const detail = (await expert.get(`/api/inspections/${id}`)).json();
    expect(detail).toMatchObject({ status: "signed_off", gaps: [], can: { record: false } });
  });

  it("a correction is a new audited revision: the finding copied, the inspected application reopened until signed again", async () => {
    const app = await accepted();
    const id = await plan(staff, app.id, [expertId]);
    await save(expert, id, completeFinding());
    expect((await signOff(expert, id)).statusCode).toBe(200);
    const noReason = await expert.post(`/api/inspections/${id}/corrections`, { reason: " " });
    expect(noReason.statusCode).toBe(400);
    const res = await expert.post(`/api/inspections/${id}/corrections`, { reason: "上年度支出数字录入有误" });
    expect(res.statusCode, res.body).toBe(200);
    const correction = await inspectionRow(t, res.json().id);
    expect(correction).toMatchObject({
      revision: 2,
      supersedesId: id,
      status: "recording",
      correctionReason: "上年度支出数字录入有误",
    });
    expect(correction.finding).toEqual((await inspectionRow(t, id)).finding);
    expect((await inspectionRow(t, id)).status).toBe("signed_off");
    expect((await applicationRow(t, app.id)).status).toBe("in_inspection");
    expect((await auditOf(t, correction.id)).map((a) => a.action)).toContain("inspection.correct");
    // Only one open correction at a time.
    expect((await expert.post(`/api/inspections/${id}/corrections`, { reason: "再次更正" })).statusCode).toBe(
      409,
    );
    // The expert may be the inspector of the correction, and sees the earlier revision in it.
    const detail = (await expert.get(`/api/inspections/${correction.id}`)).json();
    expect(detail.revisions.map((r: { revision: number }) => r.revision)).toEqual([1]);
    // The correction cannot be cancelled (the signed record still stands).
    const cancel = await staff.post(`/api/inspections/${correction.id}/cancel`, {
      version: correction.version,
      reason: "取消",
    });
    expect(cancel.statusCode).toBe(409);
    const finding = completeFinding();
    finding.finances = { ...finding.finances, lastYearSpendingFen: 40_000_000 };
    expect((await save(expert, correction.id, finding)).statusCode).toBe(200);
    expect((await signOff(expert, correction.id)).statusCode).toBe(200);
    expect((await applicationRow(t, app.id)).status).toBe("inspected");
    const listed = await staff.get(`/api/inspections?q=${encodeURIComponent("测试社会组织")}&pageSize=200`);
    expect(listed.statusCode, listed.body).toBe(200);
    const list = listed.json();
    const shown = list.items.filter((i: { applicationId: string }) => i.applicationId === app.id);
    expect(shown.map((i: { revision: number }) => i.revision)).toEqual([2]);
  });

  it("a correction after the application entered review is recorded without a status change", async () => {
    const app = await accepted();
    const id = await plan(staff, app.id, [expertId]);
    await save(expert, id, completeFinding());
    await signOff(expert, id);
    const { applications } = await import("../../../src/db/schema");
    await t.db.update(applications).set({ status: "in_review" }).where(eq(applications.id, app.id));
    const before = await t.db
      .select()
      .from(applicationEvents)
      .where(eq(applicationEvents.applicationId, app.id));
    const res = await staff.post(`/api/inspections/${id}/corrections`, { reason: "补充风险说明" });
    expect(res.statusCode, res.body).toBe(200);
    expect((await applicationRow(t, app.id)).status).toBe("in_review");
    const after = await t.db
      .select()
      .from(applicationEvents)
      .where(eq(applicationEvents.applicationId, app.id));
    expect(after.length).toBe(before.length);
    expect((await save(staff, res.json().id, completeFinding())).statusCode).toBe(200);
    expect((await signOff(staff, res.json().id)).statusCode).toBe(200);
    expect((await applicationRow(t, app.id)).status).toBe("in_review");
  });
});

describe("screen-out", () => {
  it("screens out from in_inspection with a reason, cancelling the open inspection", async () => {
    const app = await accepted();
    const id = await plan(staff, app.id, [expertId]);
    const { version } = await applicationRow(t, app.id);
    const noReason = await staff.post(`/api/applications/${app.id}/screen-out`, { version, reason: "" });
    expect(noReason.statusCode).toBe(400);
    const res = await staff.post(`/api/applications/${app.id}/screen-out`, {
      version,
      reason: "存在行政处罚记录",
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: "screened_out", statusReason: "存在行政处罚记录" });
    expect(await inspectionRow(t, id)).toMatchObject({ status: "cancelled" });
  });

  it("refuses from a status it does not leave (409) and a stale version (409); experts may not (403)", async () => {
    const submitted = await applicationIn(t, "submitted", { callId });
    const res = await staff.post(`/api/applications/${submitted.id}/screen-out`, { version: 1, reason: "x" });
    expect(res.statusCode).toBe(409);
    expect(res.json().details).toEqual({ currentStatus: "submitted" });
    const app = await accepted();
    const stale = await staff.post(`/api/applications/${app.id}/screen-out`, { version: 99, reason: "x" });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe("version_conflict");
    expect(
      (await expert.post(`/api/applications/${app.id}/screen-out`, { version: 1, reason: "x" })).statusCode,
    ).toBe(403);
    expect((await applicationRow(t, app.id)).status).toBe("accepted");
  });
});

describe("who sees what", () => {
  it("an inspector expert reads and records; an unrelated expert and another base's staff find nothing", async () => {
    const app = await accepted();
    const id = await plan(staff, app.id, [expertId]);
    expect((await expert.get(`/api/inspections/${id}`)).statusCode).toBe(200);
    expect((await otherExpert.get(`/api/inspections/${id}`)).statusCode).toBe(404);
    expect((await foreignStaff.get(`/api/inspections/${id}`)).statusCode).toBe(404);
    expect((await save(otherExpert, id, { risks: "x" })).statusCode).toBe(404);
    expect((await save(foreignStaff, id, { risks: "x" })).statusCode).toBe(404);
    const edit = { ...planBody(app.id, [expertId]), version: 1 };
    expect((await foreignStaff.patch(`/api/inspections/${id}/plan`, edit)).statusCode).toBe(404);
    expect((await expert.patch(`/api/inspections/${id}/plan`, edit)).statusCode).toBe(403);
    const mine = (await expert.get("/api/inspections?pageSize=200")).json();
    expect(mine.items.map((i: { id: string }) => i.id)).toContain(id);
    const theirs = (await otherExpert.get("/api/inspections?pageSize=200")).json();
    expect(theirs.items).toEqual([]);
    expect((await foreignStaff.get("/api/inspections")).json().total).toBe(0);
    expect((await (await t.signIn("member")).get("/api/inspections")).statusCode).toBe(403);
  });

  it("lists with filters: status, mode, date range, inspector, keyword, sort", async () => {
    const org = await make(t).organization({ name: "列表筛选测试公益服务中心" });
    const app = await accepted(org.id);
    const id = await plan(staff, app.id, [staffId]);
    const scheduled = (await inspectionRow(t, id)).scheduledAt;
    const day = new Date(scheduled.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 10);
    const q = encodeURIComponent("列表筛选测试");
    const found = (url: string) =>
      staff.get(url).then((r) => r.json().items.map((i: { id: string }) => i.id) as string[]);
    expect(await found(`/api/inspections?q=${q}`)).toEqual([id]);
    expect(await found(`/api/inspections?q=${q}&status=planned,recording`)).toEqual([id]);
    expect(await found(`/api/inspections?q=${q}&status=signed_off`)).toEqual([]);
    expect(await found(`/api/inspections?q=${q}&mode=online`)).toEqual([]);
    expect(await found(`/api/inspections?q=${q}&from=${day}&to=${day}`)).toEqual([id]);
    expect(await found(`/api/inspections?q=${q}&to=2020-01-01`)).toEqual([]);
    expect(await found(`/api/inspections?q=${q}&inspectorId=${staffId}`)).toEqual([id]);
    expect(await found(`/api/inspections?q=${q}&inspectorId=${expertId}`)).toEqual([]);
    expect((await staff.get("/api/inspections?sort=name&order=asc")).statusCode).toBe(200);
    expect((await staff.get("/api/inspections?status=nope")).statusCode).toBe(400);
    expect((await staff.get("/api/inspections?from=2026-02-30")).statusCode).toBe(400);
  });

  it("the application's inspection for staff pages", async () => {
    const app = await accepted();
    expect((await staff.get(`/api/applications/${app.id}/inspection`)).json()).toBeNull();
    const id = await plan(staff, app.id, [expertId]);
    const res = await staff.get(`/api/applications/${app.id}/inspection`);
    expect(res.json()).toMatchObject({
      id,
      status: "planned",
      inspectors: [{ id: expertId, name: "张立新" }],
    });
    expect((await foreignStaff.get(`/api/applications/${app.id}/inspection`)).statusCode).toBe(404);
  });
});

describe("files of the record", () => {
  const PNG = Buffer.from(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c63000100000500010d0a2db40000000049454e44ae426082",
    "hex",
  );
  const uploadTo = (client: Client, id: string) =>
    client.request({
      method: "POST",
      url: `/api/inspections/${id}/files`,
      ...multipartFile(PNG, "现场照片.png"),
    });

  it("an inspector attaches a photo and names it as a check's evidence; others cannot attach or read it", async () => {
    const app = await accepted();
    const id = await plan(staff, app.id, [expertId]);
    const up = await uploadTo(expert, id);
    expect(up.statusCode, up.body).toBe(201);
    const fileId = up.json().id as string;
    expect((await uploadTo(otherExpert, id)).statusCode).toBe(404);
    expect((await uploadTo(foreignStaff, id)).statusCode).toBe(404);
    expect((await uploadTo(await t.signIn("member"), id)).statusCode).toBe(403);
    const finding = completeFinding();
    finding.checks = {
      ...finding.checks,
      no_own_bank_account: { answer: "no", evidence: null, fileIds: [fileId] },
    };
    finding.fileIds = [fileId];
    expect((await save(expert, id, finding)).statusCode).toBe(200);
    const detail = (await expert.get(`/api/inspections/${id}`)).json();
    expect(detail.files.map((f: { id: string }) => f.id)).toEqual([fileId]);
    expect(detail.gaps).toEqual([]);
    expect((await expert.get(`/api/files/${fileId}`)).statusCode).toBe(200);
    expect((await staff.get(`/api/files/${fileId}`)).statusCode).toBe(200);
    expect((await otherExpert.get(`/api/files/${fileId}`)).statusCode).toBe(404);
    expect((await foreignStaff.get(`/api/files/${fileId}`)).statusCode).toBe(404);
  });

  it("refuses a finding naming another record's file (400) and uploads to a signed-off record (409)", async () => {
    const one = await plan(staff, (await accepted()).id, [expertId]);
    const two = await plan(staff, (await accepted()).id, [expertId]);
    const fileId = (await uploadTo(expert, one)).json().id as string;
    const res = await save(expert, two, { fileIds: [fileId] });
    expect(res.statusCode).toBe(400);
    expect(res.json().field).toBe("finding.fileIds");
    await save(expert, one, completeFinding());
    expect((await signOff(expert, one)).statusCode).toBe(200);
    expect((await uploadTo(expert, one)).statusCode).toBe(409);
  });
});

function multipartFile(content: Buffer, filename: string) {
  const boundary = `----insp${Math.random().toString(16).slice(2)}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: image/png\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
}

describe("the staff home's to-do", () => {
  it("counts accepted applications to plan and inspections whose time has passed, not signed off", async () => {
    const toPlan = await accepted();
    const app = await accepted();
    const past = new Date(Date.now() - 3_600_000).toISOString();
    const res = await staff.post("/api/inspections", { ...planBody(app.id, [expertId]), scheduledAt: past });
    expect(res.statusCode, res.body).toBe(200);
    const future = await plan(staff, (await accepted()).id, [expertId]);
    const waiting = (await staff.get("/api/applications/waiting")).json();
    const planIds = waiting.toPlan.items.map((i: { applicationId: string }) => i.applicationId);
    expect(waiting.toPlan.count).toBeGreaterThanOrEqual(1);
    const all = (await staff.get("/api/applications?status=accepted&pageSize=200")).json();
    expect(all.total).toBe(waiting.toPlan.count);
    expect(all.items.map((i: { id: string }) => i.id)).toContain(toPlan.id);
    expect(planIds.length).toBeLessThanOrEqual(5);
    const signIds = waiting.toSignOff.items.map((i: { inspectionId: string }) => i.inspectionId);
    expect(signIds).toContain(res.json().id);
    expect(signIds).not.toContain(future);
  });
});
