/**
 * Accepting over items not checked, checked before their newest file, or found missing / needing
 * correction: 409 intake_items_unchecked listing them, until staff send them back confirmed.
 */
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  applicationDocuments,
  applicationEvents,
  bases,
  files,
  intakeVerdicts,
} from "../../../src/db/schema";
import { make } from "../../factories";
import { type Client, startTestApp, type TestApp } from "../../support/app";
import { applicationIn, applicationRow, auditOf, checkAll } from "./intake-support";

let t: TestApp;
let staff: Client;
let callId: string;

beforeAll(async () => {
  t = await startTestApp();
  staff = await t.signIn("staff");
  callId = (await make(t).call()).id;
});
afterAll(() => t.close());

const HOUR = 3_600_000;

/** A file for `key`, uploaded `at`. */
async function upload(applicationId: string, key: string, at: Date) {
  const [file] = await t.db
    .insert(files)
    .values({
      baseId: t.baseId,
      sha256: "a".repeat(64),
      size: 10,
      mime: "application/pdf",
      originalName: `${key}.pdf`,
      ownerType: "application_document",
      ownerId: applicationId,
      createdAt: at,
    })
    .returning();
  await t.db.insert(applicationDocuments).values({
    baseId: t.baseId,
    applicationId,
    requirementKey: key,
    fileId: file?.id as string,
    createdAt: at,
  });
}

async function verdict(
  applicationId: string,
  key: string,
  status: "ok" | "missing" | "needs_correction",
  at: Date,
) {
  await t.db.insert(intakeVerdicts).values({
    baseId: t.baseId,
    applicationId,
    requirementKey: key,
    status,
    reason: status === "ok" ? null : "盖章不清",
    checkedAt: at,
  });
}

/** Submitted, the certificate checked ok an hour ago and re-uploaded since, the plan never checked. */
async function withGaps(name?: string) {
  const organization = await make(t).organization(name ? { name } : {});
  const app = await applicationIn(t, "submitted", { callId, organizationId: organization.id });
  const now = Date.now();
  await upload(app.id, "certificate", new Date(now - 2 * HOUR));
  await verdict(app.id, "certificate", "ok", new Date(now - HOUR));
  await upload(app.id, "certificate", new Date(now - HOUR / 2));
  await upload(app.id, "plan", new Date(now - 2 * HOUR));
  return { app, organization };
}

const GAPS = [
  { key: "certificate", label: "登记证书", state: "stale" },
  { key: "plan", label: "项目计划书", state: "unchecked" },
];

describe("accepting one application", () => {
  it("answers 409 listing the unchecked and stale items, in either language, and changes nothing", async () => {
    const { app, organization } = await withGaps("晨光社区服务社");
    const res = await staff.post(`/api/applications/${app.id}/accept`, { version: 1 });
    expect(res.statusCode, res.body).toBe(409);
    const body = res.json();
    expect(body.code).toBe("intake_items_unchecked");
    expect(body.details).toEqual({
      applications: [{ id: app.id, organizationName: organization.name, items: GAPS }],
    });
    expect(body.message).toContain("晨光社区服务社：登记证书（已更新，待复核）、项目计划书（未审核）");
    const en = await staff.post(
      `/api/applications/${app.id}/accept`,
      { version: 1 },
      { "accept-language": "en" },
    );
    expect(en.json().message).toContain(
      "晨光社区服务社: 登记证书 (new file, not rechecked), 项目计划书 (not checked)",
    );
    expect((await applicationRow(t, app.id)).status).toBe("submitted");
    const history = await t.db
      .select()
      .from(applicationEvents)
      .where(eq(applicationEvents.applicationId, app.id));
    expect(history).toHaveLength(0);
  });

  it("refuses a confirmation that leaves an item out or names it in another state", async () => {
    const { app } = await withGaps();
    const url = `/api/applications/${app.id}/accept`;
    const partial = await staff.post(url, {
      version: 1,
      confirmUnchecked: [{ key: "plan", state: "unchecked" }],
    });
    expect(partial.json().code).toBe("intake_items_unchecked");
    const otherState = await staff.post(url, {
      version: 1,
      confirmUnchecked: [
        { key: "certificate", state: "unchecked" },
        { key: "plan", state: "unchecked" },
      ],
    });
    expect(otherState.statusCode).toBe(409);
    expect((await applicationRow(t, app.id)).status).toBe("submitted");
  });

  it("accepts with the items confirmed (the 409's list sent back) and audits what it went over", async () => {
    const { app } = await withGaps();
    const url = `/api/applications/${app.id}/accept`;
    const { details } = (await staff.post(url, { version: 1 })).json();
    const res = await staff.post(url, {
      version: 1,
      note: "材料已电话核实",
      confirmUnchecked: details.applications[0].items,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: "accepted", version: 2 });
    const audit = (await auditOf(t, app.id)).find((a) => a.action === "application.accept");
    expect(audit?.after).toMatchObject({ status: "accepted", confirmedOver: { count: 2, items: GAPS } });
  });

  it("warns about findings too: items found missing or needing correction", async () => {
    const app = await applicationIn(t, "resubmitted", { callId });
    const at = new Date(Date.now() - HOUR);
    await upload(app.id, "certificate", new Date(at.getTime() - HOUR));
    await verdict(app.id, "certificate", "needs_correction", at);
    await verdict(app.id, "plan", "missing", at);
    const res = await staff.post(`/api/applications/${app.id}/accept`, { version: 1 });
    expect(res.json().details.applications[0].items).toEqual([
      { key: "certificate", label: "登记证书", state: "needs_correction" },
      { key: "plan", label: "项目计划书", state: "missing" },
    ]);
    const confirmed = await staff.post(`/api/applications/${app.id}/accept`, {
      version: 1,
      confirmUnchecked: [
        { key: "certificate", state: "needs_correction" },
        { key: "plan", state: "missing" },
      ],
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
  });

  it("needs no confirmation when every item is ok, nor for an optional item with nothing handed in", async () => {
    const app = await applicationIn(t, "submitted", { callId });
    await checkAll(t, app);
    const res = await staff.post(`/api/applications/${app.id}/accept`, { version: 1 });
    expect(res.statusCode, res.body).toBe(200);
    const audit = (await auditOf(t, app.id)).find((a) => a.action === "application.accept");
    expect(audit?.after).not.toHaveProperty("confirmedOver");

    // The combined track's certificate is optional: no file, no verdict, nothing to confirm.
    const combined = await applicationIn(t, "submitted", { callId, track: "combined" });
    await upload(combined.id, "plan", new Date(Date.now() - HOUR));
    await verdict(combined.id, "plan", "ok", new Date());
    expect((await staff.post(`/api/applications/${combined.id}/accept`, { version: 1 })).statusCode).toBe(
      200,
    );
  });

  it("answers a stale version or a status that cannot be accepted before the items", async () => {
    const { app } = await withGaps();
    const stale = await staff.post(`/api/applications/${app.id}/accept`, { version: 7 });
    expect(stale.json().code).toBe("version_conflict");
    const draft = await applicationIn(t, "draft", { callId });
    const early = await staff.post(`/api/applications/${draft.id}/accept`, { version: 1 });
    expect(early.json().code).toBe("illegal_transition");
  });

  it("does not hold back a return or an ineligibility", async () => {
    const { app } = await withGaps();
    const res = await staff.post(`/api/applications/${app.id}/return`, {
      version: 1,
      reason: "请补充计划书",
    });
    expect(res.statusCode, res.body).toBe(200);
  });

  it("refuses a malformed confirmation with 400 naming the field", async () => {
    const { app } = await withGaps();
    const res = await staff.post(`/api/applications/${app.id}/accept`, {
      version: 1,
      confirmUnchecked: [{ key: "plan", state: "fine" }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().field).toBe("confirmUnchecked.0.state");
  });
});

describe("accepting in bulk", () => {
  it("decides nothing while any application goes unconfirmed, listing every application with gaps", async () => {
    const a = await withGaps("甲组织");
    const b = await applicationIn(t, "submitted", { callId });
    await checkAll(t, b);
    const c = await withGaps("丙组织");
    const done = await applicationIn(t, "accepted", { callId });
    const ids = [c.app.id, a.app.id, b.id, done.id];
    const res = await staff.post("/api/applications/bulk", { ids, action: "accept" });
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().code).toBe("intake_items_unchecked");
    // In the order selected; b (all ok) and the accepted one are not listed.
    expect(res.json().details.applications).toEqual([
      { id: c.app.id, organizationName: "丙组织", items: GAPS },
      { id: a.app.id, organizationName: "甲组织", items: GAPS },
    ]);
    expect((await applicationRow(t, b.id)).status).toBe("submitted");

    // Confirming one of the two is not enough: still nothing decided, both listed again.
    const one = await staff.post("/api/applications/bulk", {
      ids,
      action: "accept",
      confirmUnchecked: [{ id: a.app.id, items: GAPS }],
    });
    expect(one.statusCode).toBe(409);
    expect(one.json().details.applications.map((x: { id: string }) => x.id)).toEqual([c.app.id, a.app.id]);
    expect((await applicationRow(t, b.id)).status).toBe("submitted");

    const all = await staff.post("/api/applications/bulk", {
      ids,
      action: "accept",
      confirmUnchecked: res.json().details.applications,
    });
    expect(all.statusCode, all.body).toBe(200);
    expect(all.json()).toMatchObject({ done: 3, failed: 1 });
    expect(all.json().results[3]).toEqual({
      id: done.id,
      ok: false,
      code: "illegal_transition",
      currentStatus: "accepted",
    });
    const auditA = (await auditOf(t, a.app.id)).find((x) => x.action === "application.accept");
    expect(auditA?.after).toMatchObject({ confirmedOver: { count: 2 } });
    const auditB = (await auditOf(t, b.id)).find((x) => x.action === "application.accept");
    expect(auditB?.after).not.toHaveProperty("confirmedOver");
  });

  it("holds the batch back again when an item is found wanting after staff were shown the list", async () => {
    const a = await withGaps();
    const b = await applicationIn(t, "submitted", { callId });
    await checkAll(t, b);
    // What staff were shown for a, then another staff member finds the plan needs correction.
    const shown = (await staff.post("/api/applications/bulk", { ids: [a.app.id], action: "accept" })).json()
      .details.applications;
    await t.db
      .update(intakeVerdicts)
      .set({ status: "needs_correction", reason: "预算缺页" })
      .where(and(eq(intakeVerdicts.applicationId, b.id), eq(intakeVerdicts.requirementKey, "plan")));
    const res = await staff.post("/api/applications/bulk", {
      ids: [a.app.id, b.id],
      action: "accept",
      confirmUnchecked: shown,
    });
    // b now has a gap nobody confirmed: the whole batch is held back and b is listed.
    expect(res.statusCode).toBe(409);
    expect(res.json().details.applications.map((x: { id: string }) => x.id)).toEqual([a.app.id, b.id]);
    expect((await applicationRow(t, a.app.id)).status).toBe("submitted");
  });

  it("does not list another base's application (its name stays unknown) and answers it as not found", async () => {
    const [other] = await t.db
      .insert(bases)
      .values({ code: `o-${randomUUID().slice(0, 8)}`, name: "其他基地", district: "其他区" })
      .returning();
    const otherT = { ...t, baseId: other?.id as string };
    const otherCall = await make(otherT).call();
    const otherOrg = await make(otherT).organization({ name: "别处的组织" });
    const foreign = await make(otherT).application({
      callId: otherCall.id,
      organizationId: otherOrg.id,
      status: "submitted",
    });
    const res = await staff.post("/api/applications/bulk", { ids: [foreign.id], action: "accept" });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.body).not.toContain("别处的组织");
    expect(res.json().results).toEqual([{ id: foreign.id, ok: false, code: "not_found" }]);
  });
});
