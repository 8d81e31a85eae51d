import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applicationEvents, applicationMessages, intakeVerdicts } from "../../../src/db/schema";
import { make } from "../../factories";
import { type Client, startTestApp, type TestApp } from "../../support/app";
import {
  applicationIn,
  applicationRow,
  auditOf,
  checkAll,
  memberOrganizationId,
  noticesFor,
} from "./intake-support";

let t: TestApp;
let staff: Client;
let callId: string;
let memberOrg: string;

beforeAll(async () => {
  t = await startTestApp();
  staff = await t.signIn("staff");
  callId = (await make(t).call()).id;
  memberOrg = await memberOrganizationId(t);
});
afterAll(() => t.close());

const events = (id: string) =>
  t.db.select().from(applicationEvents).where(eq(applicationEvents.applicationId, id));

describe("decisions", () => {
  it("returns for completion with a reason: history, thread message, audit and a notice to the organization", async () => {
    const app = await applicationIn(t, "submitted", { callId, organizationId: memberOrg });
    const before = (await noticesFor(t, "member")).length;
    const res = await staff.post(`/api/applications/${app.id}/return`, {
      version: 1,
      reason: "请补充登记证书扫描件",
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: "returned",
      version: 2,
      statusReason: "请补充登记证书扫描件",
    });
    const history = await events(app.id);
    expect(history.map((e) => [e.event, e.fromStatus, e.toStatus, e.side])).toEqual([
      ["return", "submitted", "returned", "staff"],
    ]);
    const messages = await t.db
      .select()
      .from(applicationMessages)
      .where(eq(applicationMessages.applicationId, app.id));
    expect(messages.map((m) => [m.side, m.body])).toEqual([["staff", "请补充登记证书扫描件"]]);
    expect((await auditOf(t, app.id)).map((a) => a.action)).toContain("application.return");
    const notices = await noticesFor(t, "member");
    expect(notices.length).toBe(before + 1);
    expect(notices.at(-1)?.params).toMatchObject({ applicationId: app.id, status: "returned" });
  });

  it("requires the reason for a return and for ineligibility, and writes nothing without it", async () => {
    const app = await applicationIn(t, "submitted", { callId });
    for (const [path, body] of [
      ["return", { version: 1 }],
      ["return", { version: 1, reason: "   " }],
      ["ineligible", { version: 1, reason: "" }],
    ] as const) {
      const res = await staff.post(`/api/applications/${app.id}/${path}`, body);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().field).toBe("reason");
    }
    const long = await staff.post(`/api/applications/${app.id}/return`, {
      version: 1,
      reason: "长".repeat(2001),
    });
    expect(long.statusCode).toBe(400);
    expect((await applicationRow(t, app.id)).status).toBe("submitted");
  });

  it("accepts with an optional note and marks ineligible with a reason", async () => {
    const a = await applicationIn(t, "resubmitted", { callId });
    await checkAll(t, a);
    const accepted = await staff.post(`/api/applications/${a.id}/accept`, { version: 1 });
    expect(accepted.json()).toMatchObject({ status: "accepted", version: 2 });
    const b = await applicationIn(t, "returned", { callId });
    const ineligible = await staff.post(`/api/applications/${b.id}/ineligible`, {
      version: 1,
      reason: "成立未满一年",
    });
    expect(ineligible.json()).toMatchObject({ status: "ineligible", statusReason: "成立未满一年" });
  });

  it("refuses illegal transitions with 409 and the current status, and stale versions with 409", async () => {
    const accepted = await applicationIn(t, "accepted", { callId });
    const res = await staff.post(`/api/applications/${accepted.id}/return`, { version: 1, reason: "再补充" });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: "illegal_transition", details: { currentStatus: "accepted" } });
    const draft = await applicationIn(t, "draft", { callId });
    const early = await staff.post(`/api/applications/${draft.id}/accept`, { version: 1 });
    expect(early.json()).toMatchObject({ code: "illegal_transition", details: { currentStatus: "draft" } });

    const stale = await applicationIn(t, "submitted", { callId, version: 3 });
    const conflict = await staff.post(`/api/applications/${stale.id}/accept`, { version: 2 });
    expect(conflict.statusCode).toBe(409);
    expect(conflict.json()).toMatchObject({ code: "version_conflict", details: { currentVersion: 3 } });
    expect((await applicationRow(t, stale.id)).status).toBe("submitted");
    expect(await events(stale.id)).toHaveLength(0);
  });

  it("is staff's: members get 403, other ids 404", async () => {
    const other = await make(t).call();
    const app = await applicationIn(t, "submitted", { callId: other.id, organizationId: memberOrg });
    const member = await t.signIn("member");
    expect((await member.post(`/api/applications/${app.id}/accept`, { version: 1 })).statusCode).toBe(403);
    const missing = "00000000-0000-4000-8000-000000000000";
    expect((await staff.post(`/api/applications/${missing}/accept`, { version: 1 })).statusCode).toBe(404);
  });
});

describe("completeness check of one item", () => {
  it("records ok / missing / needs correction (reason required unless ok or pending), upserting", async () => {
    const app = await applicationIn(t, "submitted", { callId });
    const url = (key: string) => `/api/applications/${app.id}/intake/${key}`;
    const noReason = await staff.put(url("certificate"), { status: "needs_correction" });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().field).toBe("reason");
    const ok = await staff.put(url("certificate"), { status: "ok" });
    expect(ok.statusCode, ok.body).toBe(200);
    const fix = await staff.put(url("certificate"), { status: "needs_correction", reason: "扫描件不清晰" });
    expect(fix.json()).toMatchObject({
      requirementKey: "certificate",
      status: "needs_correction",
      reason: "扫描件不清晰",
    });
    await staff.put(url("plan"), { status: "missing", reason: "未上传" });
    // Marked ok again, the item keeps no reason from the earlier finding (applicants read it).
    const okAgain = await staff.put(url("plan"), { status: "ok", reason: "未上传" });
    expect(okAgain.json()).toMatchObject({ status: "ok", reason: null });
    await staff.put(url("plan"), { status: "missing", reason: "未上传" });
    const rows = await t.db.select().from(intakeVerdicts).where(eq(intakeVerdicts.applicationId, app.id));
    expect(rows.map((r) => [r.requirementKey, r.status]).sort()).toEqual([
      ["certificate", "needs_correction"],
      ["plan", "missing"],
    ]);
    // Audited, not added to the applicant's history.
    expect(await events(app.id)).toHaveLength(0);
    expect((await auditOf(t, app.id)).filter((a) => a.action === "application.intake_verdict")).toHaveLength(
      5,
    );
    const unknown = await staff.put(url("nonsense"), { status: "ok" });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().field).toBe("requirementKey");
  });

  it("only while the application waits for staff", async () => {
    const app = await applicationIn(t, "returned", { callId });
    const res = await staff.put(`/api/applications/${app.id}/intake/plan`, { status: "ok" });
    expect(res.statusCode).toBe(409);
    expect(res.json().details).toEqual({ currentStatus: "returned" });
  });
});

describe("bulk decisions", () => {
  it("decides each id on its own and reports a mixed batch per id", async () => {
    const a = await applicationIn(t, "submitted", { callId });
    const b = await applicationIn(t, "resubmitted", { callId });
    const c = await applicationIn(t, "accepted", { callId });
    await checkAll(t, a);
    await checkAll(t, b);
    const missing = "00000000-0000-4000-8000-000000000001";
    const res = await staff.post("/api/applications/bulk", {
      ids: [a.id, b.id, c.id, missing],
      action: "accept",
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ done: 2, failed: 2 });
    expect(body.results).toEqual([
      { id: a.id, ok: true },
      { id: b.id, ok: true },
      { id: c.id, ok: false, code: "illegal_transition", currentStatus: "accepted" },
      { id: missing, ok: false, code: "not_found" },
    ]);
    expect((await applicationRow(t, a.id)).status).toBe("accepted");
  });

  it("needs a reason to return or mark ineligible, and at most 200 ids", async () => {
    const a = await applicationIn(t, "submitted", { callId });
    const res = await staff.post("/api/applications/bulk", { ids: [a.id], action: "return" });
    expect(res.statusCode).toBe(400);
    expect(res.json().field).toBe("reason");
    const many = Array.from({ length: 201 }, () => a.id);
    expect((await staff.post("/api/applications/bulk", { ids: many, action: "accept" })).statusCode).toBe(
      400,
    );
    const ok = await staff.post("/api/applications/bulk", {
      ids: [a.id],
      action: "return",
      reason: "材料不全",
    });
    expect(ok.json()).toMatchObject({ done: 1 });
    expect((await applicationRow(t, a.id)).statusReason).toBe("材料不全");
  });
});
