import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applicationEvents } from "../../../src/db/schema";
import type { CallTrack } from "../../../src/domain/call";
import { defaultCallRules, make } from "../../factories";
import { type Client, startTestApp, type TestApp } from "../../support/app";
import { applicationIn, applicationRow, auditOf, memberOrganizationId, noticesFor } from "./intake-support";

let t: TestApp;
let staff: Client;
let member: Client;
let memberOrg: string;
const DAY = 24 * 3600 * 1000;

beforeAll(async () => {
  t = await startTestApp();
  staff = await t.signIn("staff");
  member = await t.signIn("member");
  memberOrg = await memberOrganizationId(t);
});
afterAll(() => t.close());

/** A call that closed yesterday, asking for nothing but a short answer (so a submit is complete). */
async function closedCall() {
  const rules = defaultCallRules();
  const space = rules.tracks.find((x) => x.track === "space") as CallTrack;
  return make(t).call({
    rules: {
      tracks: [{ ...space, documents: [] }],
      questions: [],
      opensAt: new Date(Date.now() - 30 * DAY).toISOString(),
      closesAt: new Date(Date.now() - DAY).toISOString(),
    },
  });
}

const submit = (id: string, version: number) =>
  member.post(`/api/applications/${id}/submit`, { version }, { "idempotency-key": randomUUID() });

describe("POST /api/applications/:id/extend", () => {
  it("lets the applicant submit after the call closed, until the extension", async () => {
    const call = await closedCall();
    const app = await applicationIn(t, "draft", {
      callId: call.id,
      organizationId: memberOrg,
      track: "space",
    });
    const late = await submit(app.id, 1);
    expect(late.statusCode, late.body).toBe(409);
    expect(late.json().code).toBe("deadline_passed");

    const until = new Date(Date.now() + 3 * DAY).toISOString();
    const before = (await noticesFor(t, "member")).length;
    const res = await staff.post(`/api/applications/${app.id}/extend`, {
      version: 1,
      until,
      reason: "系统故障补交",
    });
    expect(res.statusCode, res.body).toBe(200);
    // The applicant's open form (version 1) stays current: an extension is not an edit.
    expect(res.json()).toMatchObject({ status: "draft", version: 1, extendedUntil: until });
    const [event] = await t.db
      .select()
      .from(applicationEvents)
      .where(eq(applicationEvents.applicationId, app.id));
    expect(event).toMatchObject({
      event: "extend",
      fromStatus: "draft",
      toStatus: "draft",
      reason: "系统故障补交",
      side: "staff",
    });
    expect((await auditOf(t, app.id)).map((a) => a.action)).toContain("application.extend");
    const notices = await noticesFor(t, "member");
    expect(notices.length).toBe(before + 1);
    expect(notices.at(-1)?.params).toMatchObject({ event: "extend", extendedUntil: until });

    const onTime = await submit(app.id, 1);
    expect(onTime.statusCode, onTime.body).toBe(200);
    expect((await applicationRow(t, app.id)).status).toBe("submitted");
  });

  it("needs a future time, the current version, and a draft or returned application", async () => {
    const call = await closedCall();
    const app = await applicationIn(t, "returned", { callId: call.id, track: "space" });
    const url = `/api/applications/${app.id}/extend`;
    const past = await staff.post(url, { version: 1, until: new Date(Date.now() - 1000).toISOString() });
    expect(past.statusCode).toBe(400);
    expect(past.json().field).toBe("until");
    const bad = await staff.post(url, { version: 1, until: "next week" });
    expect(bad.statusCode).toBe(400);
    const until = new Date(Date.now() + DAY).toISOString();
    const stale = await staff.post(url, { version: 5, until });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe("version_conflict");
    expect((await applicationRow(t, app.id)).extendedUntil).toBeNull();

    const accepted = await applicationIn(t, "accepted", { callId: call.id, track: "space" });
    const refused = await staff.post(`/api/applications/${accepted.id}/extend`, { version: 1, until });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      code: "illegal_transition",
      details: { currentStatus: "accepted" },
    });
    expect((await member.post(url, { version: 1, until })).statusCode).toBe(403);
  });
});

describe("returning after the deadline", () => {
  it("needs a resubmit date, which then holds even after staff close the call", async () => {
    const call = await closedCall();
    const app = await applicationIn(t, "submitted", {
      callId: call.id,
      organizationId: memberOrg,
      track: "space",
    });
    const bare = await staff.post(`/api/applications/${app.id}/return`, { version: 1, reason: "请补充说明" });
    expect(bare.statusCode, bare.body).toBe(400);
    expect(bare.json()).toMatchObject({ code: "validation_failed", field: "resubmitUntil" });
    expect((await applicationRow(t, app.id)).status).toBe("submitted"); // nothing changed

    const until = new Date(Date.now() + 2 * DAY).toISOString();
    const returned = await staff.post(`/api/applications/${app.id}/return`, {
      version: 1,
      reason: "请补充说明",
      resubmitUntil: until,
    });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(returned.json()).toMatchObject({ status: "returned", extendedUntil: until });

    const callVersion = (await staff.get(`/api/calls/${call.id}`)).json().version;
    const closed = await staff.post(`/api/calls/${call.id}/close`, { version: callVersion });
    expect(closed.statusCode, closed.body).toBe(200);

    const resubmitted = await submit(app.id, returned.json().version);
    expect(resubmitted.statusCode, resubmitted.body).toBe(200);
    expect((await applicationRow(t, app.id)).status).toBe("resubmitted");
  });
});
