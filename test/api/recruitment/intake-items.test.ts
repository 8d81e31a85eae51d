/**
 * The completeness check of several items at once (全部合格): PUT /api/applications/:id/intake
 * writes every item or none, by the same rules as the one-item route, and audits each item.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applicationEvents, intakeVerdicts } from "../../../src/db/schema";
import { defaultCallRules, make } from "../../factories";
import { type Client, startTestApp, type TestApp } from "../../support/app";
import { applicationIn, applicationRow, auditOf, memberOrganizationId } from "./intake-support";

let t: TestApp;
let staff: Client;
let callId: string;

beforeAll(async () => {
  t = await startTestApp();
  staff = await t.signIn("staff");
  // The factory's documents (certificate, plan) and a file question: `q:photo` is an item too.
  const rules = defaultCallRules();
  callId = (
    await make(t).call({
      rules: {
        ...rules,
        questions: [
          ...rules.questions,
          {
            key: "photo",
            label: "活动照片",
            type: "file",
            required: false,
            options: [],
            help: null,
            tracks: null,
          },
        ],
      },
    })
  ).id;
});
afterAll(() => t.close());

const url = (id: string) => `/api/applications/${id}/intake`;
const rowsOf = async (id: string) =>
  Object.fromEntries(
    (await t.db.select().from(intakeVerdicts).where(eq(intakeVerdicts.applicationId, id))).map((r) => [
      r.requirementKey,
      [r.status, r.reason],
    ]),
  );
const verdictAudits = async (id: string) =>
  (await auditOf(t, id)).filter((a) => a.action === "application.intake_verdict");

describe("verdicts on several items at once", () => {
  it("writes exactly the items sent, answers their verdicts in order, audits each, and leaves the rest alone", async () => {
    const app = await applicationIn(t, "submitted", { callId });
    const finding = await staff.put(`${url(app.id)}/plan`, {
      status: "needs_correction",
      reason: "计划书缺少预算",
    });
    expect(finding.statusCode, finding.body).toBe(200);

    const res = await staff.put(url(app.id), {
      items: [
        // A leftover reason of an ok verdict is dropped, as on the one-item route.
        { requirementKey: "q:photo", status: "ok", reason: "旧意见" },
        { requirementKey: "certificate", status: "ok" },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    const { verdicts } = res.json();
    expect(verdicts.map((r: { requirementKey: string }) => r.requirementKey)).toEqual([
      "q:photo",
      "certificate",
    ]);
    for (const verdict of verdicts) {
      expect(verdict).toMatchObject({ status: "ok", reason: null, checkerName: expect.any(String) });
      expect(Date.parse(verdict.checkedAt)).not.toBeNaN();
    }
    // The finding on the plan, not sent, stays as it was.
    expect(await rowsOf(app.id)).toEqual({
      plan: ["needs_correction", "计划书缺少预算"],
      certificate: ["ok", null],
      "q:photo": ["ok", null],
    });
    // The application page shows the same.
    const detail = (await staff.get(`/api/applications/${app.id}`)).json();
    expect(
      Object.fromEntries(
        detail.verdicts.map((r: { requirementKey: string; status: string }) => [r.requirementKey, r.status]),
      ),
    ).toEqual({ plan: "needs_correction", certificate: "ok", "q:photo": "ok" });

    // One audit entry per item written (plus the one of the single verdict before).
    const audits = await verdictAudits(app.id);
    expect(audits).toHaveLength(3);
    expect(audits.map((a) => a.after).slice(1)).toEqual(
      expect.arrayContaining([
        { requirementKey: "certificate", status: "ok", reason: null },
        { requirementKey: "q:photo", status: "ok", reason: null },
      ]),
    );
    // Audited only: the applicant's history holds status changes, not item verdicts.
    const history = await t.db
      .select()
      .from(applicationEvents)
      .where(eq(applicationEvents.applicationId, app.id));
    expect(history).toHaveLength(0);
    expect((await applicationRow(t, app.id)).version).toBe(app.version);
  });

  it("re-verdicts items that were checked before, keeping the old verdict in the audit's before", async () => {
    const app = await applicationIn(t, "resubmitted", { callId });
    await staff.put(`${url(app.id)}/certificate`, { status: "missing", reason: "未上传" });
    const res = await staff.put(url(app.id), {
      items: [
        { requirementKey: "certificate", status: "ok" },
        { requirementKey: "plan", status: "missing", reason: "  请上传计划书  " },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(await rowsOf(app.id)).toEqual({ certificate: ["ok", null], plan: ["missing", "请上传计划书"] });
    const audits = await verdictAudits(app.id);
    const certificate = audits.filter(
      (a) => (a.after as { requirementKey: string }).requirementKey === "certificate",
    );
    expect(certificate.at(-1)).toMatchObject({
      before: { requirementKey: "certificate", status: "missing", reason: "未上传" },
      after: { requirementKey: "certificate", status: "ok", reason: null },
    });
  });

  it("is all or nothing: an unknown or repeated key, or a finding without a reason, writes no item", async () => {
    const app = await applicationIn(t, "submitted", { callId });
    const cases = [
      {
        items: [
          { requirementKey: "certificate", status: "ok" },
          { requirementKey: "nonsense", status: "ok" },
        ],
        field: "items.1.requirementKey",
      },
      {
        // A text question is answered in the form, not an item to verdict.
        items: [
          { requirementKey: "plan", status: "ok" },
          { requirementKey: "q:motivation", status: "ok" },
        ],
        field: "items.1.requirementKey",
      },
      {
        items: [
          { requirementKey: "plan", status: "ok" },
          { requirementKey: "certificate", status: "ok" },
          { requirementKey: "plan", status: "ok" },
        ],
        field: "items.2.requirementKey",
      },
      {
        items: [
          { requirementKey: "plan", status: "ok" },
          { requirementKey: "certificate", status: "needs_correction", reason: "   " },
        ],
        field: "items.1.reason",
      },
      { items: [{ requirementKey: "plan", status: "excellent" }], field: "items.0.status" },
      { items: [], field: "items" },
    ];
    for (const { items, field } of cases) {
      const res = await staff.put(url(app.id), { items });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json()).toMatchObject({ code: "validation_failed", field });
    }
    const tooMany = Array.from({ length: 101 }, () => ({ requirementKey: "plan", status: "ok" }));
    expect((await staff.put(url(app.id), { items: tooMany })).statusCode).toBe(400);
    expect(await rowsOf(app.id)).toEqual({});
    expect(await verdictAudits(app.id)).toHaveLength(0);
  });

  it("refuses with 409 and the current status unless the application waits for staff", async () => {
    for (const status of ["draft", "returned", "accepted", "ineligible", "withdrawn"] as const) {
      const app = await applicationIn(t, status, { callId });
      const res = await staff.put(url(app.id), { items: [{ requirementKey: "plan", status: "ok" }] });
      expect(res.statusCode, `${status}: ${res.body}`).toBe(409);
      expect(res.json()).toMatchObject({ code: "illegal_transition", details: { currentStatus: status } });
      expect(await rowsOf(app.id)).toEqual({});
      expect(await verdictAudits(app.id)).toHaveLength(0);
    }
  });

  it("is staff's: members get 403 even on their own application, other roles 403, unknown ids 404", async () => {
    const own = await applicationIn(t, "submitted", {
      callId,
      organizationId: await memberOrganizationId(t),
    });
    const body = { items: [{ requirementKey: "plan", status: "ok" }] };
    for (const role of ["member", "expert", "viewer"]) {
      const client = await t.signIn(role);
      const res = await client.put(url(own.id), body);
      expect(res.statusCode, `${role}: ${res.body}`).toBe(403);
    }
    expect((await t.anonymous().put(url(own.id), body)).statusCode).toBe(401);
    const missing = "00000000-0000-4000-8000-000000000000";
    expect((await staff.put(url(missing), body)).statusCode).toBe(404);
    expect(await rowsOf(own.id)).toEqual({});
    const admin = await t.signIn("admin");
    expect((await admin.put(url(own.id), body)).statusCode).toBe(200);
  });
});
