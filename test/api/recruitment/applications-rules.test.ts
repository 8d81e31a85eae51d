/** The call's rules at submit time: the window, eligibility, the track cap, resubmits and compare. */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applications, calls } from "../../../src/db/schema";
import type { TestApp } from "../../support/app";
import {
  completeDraft,
  newCompleteDraft,
  newDraft,
  openCall,
  otherMember,
  PNG,
  startApplicationsApp,
  submit,
  uploadDocument,
} from "./applications-support";

let t: TestApp;
beforeAll(async () => {
  t = await startApplicationsApp();
});
afterAll(() => t.close());

const DAY = 86400_000;

describe("the submit window", () => {
  it("refuses before the opening", async () => {
    const call = await openCall(t, {
      opensAt: new Date(Date.now() + DAY).toISOString(),
      closesAt: new Date(Date.now() + 9 * DAY).toISOString(),
    });
    const { client } = await otherMember(t);
    const draft = await completeDraft(client, call.id);
    const res = await submit(client, draft.id, draft.version);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe("call_not_open");
  });

  it("refuses after the deadline with the time in Shanghai, and allows it with an extension", async () => {
    const { call, client, draft } = await newCompleteDraft(t);
    await t.db
      .update(calls)
      .set({ opensAt: new Date("2025-11-01T01:00:00Z"), closesAt: new Date("2025-12-15T09:00:00Z") })
      .where(eq(calls.id, call.id));
    const late = await submit(client, draft.id, draft.version);
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe("deadline_passed");
    expect(late.json().message).toContain("2025年12月15日 17:00");
    await t.db
      .update(applications)
      .set({ extendedUntil: new Date(Date.now() + DAY) })
      .where(eq(applications.id, draft.id));
    const detail = (await client.get(`/api/applications/${draft.id}`)).json();
    expect(detail.canSubmitNow).toBe(true);
    const res = await submit(client, draft.id, draft.version);
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe("submitted");
  });

  it("refuses when staff closed the call, unless staff extended this application's deadline", async () => {
    const { call, client, draft } = await newCompleteDraft(t);
    await t.db.update(calls).set({ status: "closed" }).where(eq(calls.id, call.id));
    const closed = await submit(client, draft.id, draft.version);
    expect(closed.statusCode).toBe(409);
    expect(closed.json().code).toBe("call_closed");
    // Closing stops everyone else; an extension granted to this one application still holds.
    await t.db
      .update(applications)
      .set({ extendedUntil: new Date(Date.now() + DAY) })
      .where(eq(applications.id, draft.id));
    const extended = await submit(client, draft.id, draft.version);
    expect(extended.statusCode, extended.body).toBe(200);
  });
});

describe("eligibility", () => {
  it("an organization founded three months ago cannot submit to project incubation", async () => {
    const call = await openCall(t);
    const founded = new Date(Date.now() - 92 * DAY).toISOString().slice(0, 10);
    const { client } = await otherMember(t, { foundedOn: founded });
    const draft = await completeDraft(client, call.id, "project");
    expect(draft.problems).toEqual([
      {
        kind: "eligibility",
        code: "founded_too_recently",
        params: { minMonths: 12, months: expect.any(Number) },
      },
    ]);
    const res = await submit(client, draft.id, draft.version);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: "submission_incomplete",
      details: { problems: draft.problems },
    });
    expect(res.json().message).toContain("1");
  });

  it("an unregistered team may apply to combined incubation only", async () => {
    const callA = await openCall(t);
    const callB = await openCall(t);
    const { client } = await otherMember(t, { registrationStatus: "unregistered", creditCode: null });
    const org = await completeDraft(client, callA.id, "org");
    const res = await submit(client, org.id, org.version);
    expect(res.statusCode).toBe(400);
    expect(res.json().details.problems).toEqual([{ kind: "eligibility", code: "unregistered_not_allowed" }]);
    const combined = await completeDraft(client, callB.id, "combined");
    expect((await submit(client, combined.id, combined.version)).statusCode).toBe(200);
  });
});

describe("the track cap", () => {
  it("refuses a submit once maxApplications are in, counting only submitted ones", async () => {
    const base = await openCall(t);
    const call = await openCall(t, {
      tracks: base.rules.tracks.map((x) => (x.track === "space" ? { ...x, maxApplications: 1 } : x)),
    });
    const a = await otherMember(t);
    const b = await otherMember(t);
    const draftA = await completeDraft(a.client, call.id, "space");
    const draftB = await completeDraft(b.client, call.id, "space");
    expect((await submit(a.client, draftA.id, draftA.version)).statusCode).toBe(200);
    const full = await submit(b.client, draftB.id, draftB.version);
    expect(full.statusCode).toBe(409);
    expect(full.json().code).toBe("track_full");
  });
});

describe("documents at submit", () => {
  it("a required document missing makes it incomplete; a wrong requirement key is a 400", async () => {
    const { client, draft: created } = await newDraft(t);
    await client.patch(`/api/applications/${created.id}`, { version: 1, answers: { motivation: "动机" } });
    const wrong = await uploadDocument(client, created.id, "passport", PNG, "p.png");
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().field).toBe("requirementKey");
    expect((await uploadDocument(client, created.id, "plan", PNG, "plan.png")).statusCode).toBe(201);
    const detail = (await client.get(`/api/applications/${created.id}`)).json();
    expect(detail.missingItems).toBe(1);
    const res = await submit(client, created.id, detail.version);
    expect(res.statusCode).toBe(400);
    expect(res.json().details.problems).toEqual([{ kind: "document", code: "missing", key: "certificate" }]);
  });
});

describe("resubmit and compare", () => {
  it("a returned application is fixed and resubmitted; compare lists what changed", async () => {
    const { client, draft } = await newCompleteDraft(t);
    const first = (await submit(client, draft.id, draft.version)).json();
    // Staff's return (H4's route) moves it to "returned"; here the row is set directly.
    await t.db
      .update(applications)
      .set({ status: "returned", statusReason: "计划书缺少预算", version: first.version + 1 })
      .where(eq(applications.id, draft.id));
    let detail = (await client.get(`/api/applications/${draft.id}`)).json();
    expect(detail.availableEvents).toEqual(["resubmit", "withdraw"]);
    const plan = detail.documents.find((d: { requirementKey: string }) => d.requirementKey === "plan");
    expect((await client.delete(`/api/applications/${draft.id}/documents/${plan.id}`)).statusCode).toBe(204);
    expect((await uploadDocument(client, draft.id, "plan", PNG, "新计划书.png")).statusCode).toBe(201);
    detail = (
      await client.patch(`/api/applications/${draft.id}`, {
        version: detail.version,
        answers: { beneficiaries: 2000 },
      })
    ).json();
    const second = await submit(client, draft.id, detail.version);
    expect(second.statusCode).toBe(200);
    expect(second.json()).toMatchObject({ number: 2, status: "resubmitted" });
    const compare = await client.get(`/api/applications/${draft.id}/compare?from=1&to=2`);
    expect(compare.statusCode).toBe(200);
    expect(compare.json()).toMatchObject({
      from: 1,
      to: 2,
      track: null,
      answers: [{ key: "beneficiaries", before: 1200, after: 2000 }],
      profile: [],
      documents: [
        {
          requirementKey: "plan",
          added: [{ originalName: "新计划书.png" }],
          removed: [{ originalName: "plan.pdf" }],
        },
      ],
    });
    const snap = await client.get(`/api/applications/${draft.id}/submissions/1`);
    expect(snap.statusCode).toBe(200);
    expect(snap.json().snapshot.organization.contactPhone).toMatch(/\*{4}/);
    expect((await client.get(`/api/applications/${draft.id}/submissions/3`)).statusCode).toBe(404);
  });
});
