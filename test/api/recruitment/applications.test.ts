import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applicationEvents, applicationSubmissions, applications, auditLog } from "../../../src/db/schema";
import type { Client, TestApp } from "../../support/app";
import {
  completeDraft,
  memberOrganizationId,
  newCompleteDraft,
  newDraft,
  newKey,
  openCall,
  otherMember,
  PNG,
  startApplicationsApp,
  submit,
  uploadDocument,
} from "./applications-support";

let t: TestApp;
let member: Client;

beforeAll(async () => {
  t = await startApplicationsApp();
  member = await t.signIn("member");
});
afterAll(() => t.close());

describe("drafts", () => {
  it("creates one draft per organization per call; a second gets 409 with the first's id", async () => {
    const call = await openCall(t);
    const first = await member.post("/api/applications", { callId: call.id, track: "org" });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ status: "draft", track: "org", version: 1, callRevision: 1 });
    expect(first.json().organization.id).toBe(await memberOrganizationId(t));
    // Missing: the required answer and both required documents.
    expect(first.json().missingItems).toBe(3);
    const second = await member.post("/api/applications", { callId: call.id, track: "project" });
    expect(second.statusCode).toBe(409);
    expect(second.json()).toMatchObject({
      code: "already_applied",
      details: { applicationId: first.json().id },
    });
  });

  it("refuses a track the call does not offer, and drafts of unpublished or closed calls", async () => {
    const call = await openCall(t, {
      tracks: (await openCall(t)).rules.tracks.filter((x) => x.track !== "space"),
    });
    const res = await member.post("/api/applications", { callId: call.id, track: "space" });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: "track_not_offered", field: "track" });
    const draftCall = await openCall(t, {}, { status: "draft", revision: 0 });
    expect((await member.post("/api/applications", { callId: draftCall.id, track: "org" })).statusCode).toBe(
      404,
    );
    const closed = await openCall(t, {}, { status: "closed" });
    const closedRes = await member.post("/api/applications", { callId: closed.id, track: "org" });
    expect(closedRes.statusCode).toBe(409);
    expect(closedRes.json().code).toBe("call_closed");
  });

  it("allows a draft before the call opens", async () => {
    const soon = new Date(Date.now() + 86400_000).toISOString();
    const later = new Date(Date.now() + 10 * 86400_000).toISOString();
    const call = await openCall(t, { opensAt: soon, closesAt: later });
    const res = await member.post("/api/applications", { callId: call.id, track: "org" });
    expect(res.statusCode).toBe(201);
    expect(res.json().canSubmitNow).toBe(false);
  });

  it("staff and viewers cannot apply", async () => {
    const call = await openCall(t);
    const staff = await t.signIn("staff");
    expect((await staff.post("/api/applications", { callId: call.id, track: "org" })).statusCode).toBe(403);
    const viewer = await t.signIn("viewer");
    expect((await viewer.get("/api/applications/mine")).statusCode).toBe(403);
  });

  it("autosaves answers by key; a stale version gets 409 with the current one and saves nothing", async () => {
    const { client, draft: created } = await newDraft(t);
    const saved = await client.patch(`/api/applications/${created.id}`, {
      version: 1,
      answers: { motivation: "第一稿" },
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ version: 2, answers: { motivation: "第一稿" }, missingItems: 2 });
    const stale = await client.patch(`/api/applications/${created.id}`, {
      version: 1,
      answers: { motivation: "旧页面的内容", beneficiaries: 5 },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: "version_conflict", details: { currentVersion: 2 } });
    const [row] = await t.db.select().from(applications).where(eq(applications.id, created.id));
    expect(row?.answers).toEqual({ motivation: "第一稿" });
    expect(row?.version).toBe(2);
  });

  it("refuses a malformed answer with its field, and unknown keys", async () => {
    const { client, draft: created } = await newDraft(t);
    const bad = await client.patch(`/api/applications/${created.id}`, {
      version: 1,
      answers: { motivation: "好", beneficiaries: "很多" },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: "validation_failed", field: "answers.beneficiaries" });
    const unknown = await client.patch(`/api/applications/${created.id}`, {
      version: 1,
      answers: { nope: "x" },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().field).toBe("answers.nope");
    const [row] = await t.db.select().from(applications).where(eq(applications.id, created.id));
    expect(row?.answers).toEqual({});
  });
});

describe("submit", () => {
  it("requires an Idempotency-Key", async () => {
    const { client, draft } = await newCompleteDraft(t);
    const res = await submit(client, draft.id, draft.version, null);
    expect(res.statusCode).toBe(400);
    expect(res.json().field).toBe("Idempotency-Key");
  });

  it("submits once per key: the same key again answers the same, with one submission and one event", async () => {
    const { client, draft } = await newCompleteDraft(t);
    expect(draft.problems).toEqual([]);
    const key = newKey();
    const first = await submit(client, draft.id, draft.version, key);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ number: 1, status: "submitted" });
    const again = await submit(client, draft.id, draft.version, key);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    const subs = await t.db
      .select()
      .from(applicationSubmissions)
      .where(eq(applicationSubmissions.applicationId, draft.id));
    expect(subs).toHaveLength(1);
    const snapshot = subs[0]?.snapshot as Record<string, unknown>;
    expect(snapshot).toMatchObject({ track: "org", callRevision: 1 });
    expect((snapshot.documents as unknown[]).length).toBe(2);
    const events = await t.db
      .select()
      .from(applicationEvents)
      .where(and(eq(applicationEvents.applicationId, draft.id), eq(applicationEvents.event, "submit")));
    expect(events).toHaveLength(1);
    const [row] = await t.db.select().from(applications).where(eq(applications.id, draft.id));
    expect(row).toMatchObject({ status: "submitted", submissionCount: 1, missingItems: 0 });
    expect(row?.firstSubmittedAt).not.toBeNull();
    // A new key on a submitted application is not a second submit.
    const other = await submit(client, draft.id, first.json().version);
    expect(other.statusCode).toBe(409);
    expect(other.json()).toMatchObject({
      code: "illegal_transition",
      details: { currentStatus: "submitted" },
    });
  });

  it("concurrent requests with the same key make one submission", async () => {
    const { client, draft } = await newCompleteDraft(t);
    const key = newKey();
    const results = await Promise.all([1, 2, 3].map(() => submit(client, draft.id, draft.version, key)));
    expect(results.map((r) => r.statusCode)).toEqual([200, 200, 200]);
    expect(new Set(results.map((r) => r.json().number))).toEqual(new Set([1]));
    const subs = await t.db
      .select()
      .from(applicationSubmissions)
      .where(eq(applicationSubmissions.applicationId, draft.id));
    expect(subs).toHaveLength(1);
    const events = await t.db
      .select()
      .from(applicationEvents)
      .where(eq(applicationEvents.applicationId, draft.id));
    expect(events.filter((e) => e.event === "submit")).toHaveLength(1);
  });

  it("refuses an incomplete form with every problem listed", async () => {
    const { client, draft: created } = await newDraft(t);
    const res = await submit(client, created.id, created.version);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: "submission_incomplete",
      details: { problems: expect.any(Array) },
    });
    const problems = res.json().details.problems as { kind: string; code: string; key?: string }[];
    expect(problems).toEqual(
      expect.arrayContaining([
        { kind: "answer", code: "required", key: "motivation" },
        { kind: "document", code: "missing", key: "certificate" },
        { kind: "document", code: "missing", key: "plan" },
      ]),
    );
    expect(res.json().message).toContain("3");
    expect(
      (
        await t.db
          .select()
          .from(applicationSubmissions)
          .where(eq(applicationSubmissions.applicationId, created.id))
      ).length,
    ).toBe(0);
  });

  it("withdraws with a reason, audited; a withdrawn application cannot be edited", async () => {
    const { client, draft } = await newCompleteDraft(t);
    const res = await client.post(`/api/applications/${draft.id}/withdraw`, {
      version: draft.version,
      reason: "今年不再申请",
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: "withdrawn",
      statusReason: "今年不再申请",
      availableEvents: [],
    });
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.entityId, draft.id));
    expect(audit.map((a) => a.action)).toContain("application.withdraw");
    const edit = await client.patch(`/api/applications/${draft.id}`, {
      version: res.json().version,
      answers: {},
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().code).toBe("illegal_transition");
  });
});

describe("reading", () => {
  it("/mine lists the organization's applications with call, status and deadline", async () => {
    const { call, client, draft: created } = await newDraft(t, "space");
    const res = await client.get("/api/applications/mine");
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([
      expect.objectContaining({
        id: created.id,
        callTitle: call.title,
        status: "draft",
        track: "space",
        deadline: call.closesAt.toISOString(),
      }),
    ]);
    expect(Date.parse(res.json().serverNow)).not.toBeNaN();
  });

  it("staff of the base read the detail with the whole phone and the staff's events; members see it masked", async () => {
    const call = await openCall(t);
    const { client } = await otherMember(t, { contactPhone: "13912345678" });
    const draft = await completeDraft(client, call.id);
    await submit(client, draft.id, draft.version);
    const mine = (await client.get(`/api/applications/${draft.id}`)).json();
    expect(mine.organization.contactPhone).toBe("139****5678");
    expect(mine.availableEvents).toEqual(["withdraw"]);
    const staff = await t.signIn("staff");
    const theirs = await staff.get(`/api/applications/${draft.id}`);
    expect(theirs.statusCode).toBe(200);
    expect(theirs.json().organization.contactPhone).toBe("13912345678");
    expect(theirs.json().availableEvents).toEqual(["return", "accept", "mark_ineligible"]);
    expect(theirs.json().events.map((e: { event: string }) => e.event)).toEqual(["submit"]);
    // An expert reads only what they are assigned to review: anything else does not exist for them.
    expect((await (await t.signIn("expert")).get(`/api/applications/${draft.id}`)).statusCode).toBe(404);
  });
});

describe("file questions", () => {
  it("an upload under q:<key> becomes the answer; removing it clears the answer and the count follows", async () => {
    const base = await openCall(t);
    const call = await openCall(t, {
      questions: [
        ...base.rules.questions,
        {
          key: "photo",
          label: "活动照片",
          type: "file",
          required: true,
          options: [],
          help: null,
          tracks: null,
        },
      ],
    });
    const { client } = await otherMember(t);
    const created = (await client.post("/api/applications", { callId: call.id, track: "org" })).json();
    expect(created.missingItems).toBe(4);
    const up = await uploadDocument(client, created.id, "q:photo", PNG, "照片.png");
    expect(up.statusCode).toBe(201);
    let detail = (await client.get(`/api/applications/${created.id}`)).json();
    expect(detail.answers.photo).toBe(up.json().id);
    expect(detail.missingItems).toBe(3);
    expect(detail.version).toBe(created.version);
    // A file answer must name a document of this application under its question.
    const bad = await client.patch(`/api/applications/${created.id}`, {
      version: detail.version,
      answers: { photo: "00000000-0000-4000-8000-000000000000" },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().field).toBe("answers.photo");
    expect(
      (await client.delete(`/api/applications/${created.id}/documents/${up.json().id}`)).statusCode,
    ).toBe(204);
    detail = (await client.get(`/api/applications/${created.id}`)).json();
    expect(detail.answers.photo).toBeUndefined();
    expect(detail.missingItems).toBe(4);
    const [row] = await t.db.select().from(applications).where(eq(applications.id, created.id));
    expect(row?.missingItems).toBe(4);
  });
});
