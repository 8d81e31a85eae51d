import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, callRevisions, calls } from "../../../src/db/schema";
import type { CallRules } from "../../../src/domain/call";
import type { Call, CallInput, CallPage } from "../../../src/schemas/recruitment/calls";
import { defaultCallRules, make } from "../../factories";
import { type Client, startTestApp, type TestApp } from "../../support/app";
import { whenBlocked } from "../../support/lock-wait";

let t: TestApp;
let staff: Client;

beforeAll(async () => {
  t = await startTestApp();
  staff = await t.signIn("staff");
});
afterAll(() => t.close());

const DAY = 24 * 3600 * 1000;

function input(rules: Partial<CallRules> = {}): CallInput {
  return {
    title: "2027年度社会组织孵化招募",
    description: "面向全区。",
    rules: { ...defaultCallRules(), ...rules },
  };
}

async function create(body: CallInput = input()): Promise<Call> {
  const response = await staff.post("/api/calls", body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

async function publish(call: Call): Promise<Call> {
  const response = await staff.post(`/api/calls/${call.id}/publish`, { version: call.version });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

/** The edit form's body for a call as shown. */
function edit(call: Call, changes: Partial<CallInput> & { note?: string }) {
  return {
    title: call.title,
    description: call.description,
    rules: call.rules,
    version: call.version,
    ...changes,
  };
}

describe("calls: create, read, list", () => {
  it("creates a draft, shows it with counts and no revisions, audits it", async () => {
    const call = await create();
    expect(call).toMatchObject({
      status: "draft",
      revision: 0,
      version: 1,
      window: "not_open",
      revisions: [],
    });
    expect(call.rules.tracks.map((x) => x.track)).toEqual(["org", "project", "combined", "space"]);
    expect(call.publishProblems).toEqual([]);
    const got: Call = (await staff.get(`/api/calls/${call.id}`)).json();
    expect(got.title).toBe("2027年度社会组织孵化招募");
    const audits = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, call.id), eq(auditLog.action, "call.created")));
    expect(audits).toHaveLength(1);
  });

  it("saves a draft with open problems but lists them, and publishing refuses with the field", async () => {
    const bad = input({ closesAt: new Date(Date.now() - DAY * 2).toISOString() });
    const call = await create(bad);
    expect(call.publishProblems).toEqual([{ field: "rules.closesAt", message: "截止时间须晚于开始时间" }]);
    const response = await staff.post(`/api/calls/${call.id}/publish`, { version: call.version });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: "validation_failed", field: "rules.closesAt" });
    expect((await staff.get(`/api/calls/${call.id}`)).json().status).toBe("draft");
  });

  it("answers 400 with the field for bad input shapes", async () => {
    const rules = defaultCallRules();
    const badQuota = { ...input(), rules: { ...rules, tracks: [{ ...rules.tracks[0], quota: 0 }] } };
    const response = await staff.post("/api/calls", badQuota);
    expect(response.statusCode).toBe(400);
    expect(response.json().field).toBe("rules.tracks.0.quota");
    const noTitle = await staff.post("/api/calls", { ...input(), title: "" });
    expect(noTitle.json().field).toBe("title");
    const badTime = await staff.post("/api/calls", { ...input(), rules: { ...rules, opensAt: "tomorrow" } });
    expect(badTime.statusCode).toBe(400);
    expect(badTime.json()).toMatchObject({ field: "rules.opensAt", message: "时间格式不正确" });
  });

  it("treats a call saved before questions had a length limit as unchanged when saved as is", async () => {
    // The factory writes rules as older versions did: no maxLength on the questions.
    const older = await make(t).call();
    const view: Call = (await staff.get(`/api/calls/${older.id}`)).json();
    const questions = view.rules.questions.map((q) => ({ ...q, maxLength: null }));
    const same = await staff.patch(
      `/api/calls/${older.id}`,
      edit(view, { rules: { ...view.rules, questions } as CallInput["rules"] }),
    );
    expect(same.statusCode, same.body).toBe(200);
    expect(same.json().revision).toBe(older.revision);
  });

  it("keeps a text question's own length limit, and refuses one beyond the type's", async () => {
    const rules = defaultCallRules();
    const withLimit = (type: "text" | "long_text", maxLength: number) => ({
      ...input(),
      rules: { ...rules, questions: [{ ...rules.questions[0], type, maxLength }] },
    });
    const call = await create(withLimit("long_text", 300) as CallInput);
    expect(call.rules.questions[0]?.maxLength).toBe(300);
    const tooBig = await create(withLimit("text", 300) as CallInput);
    expect(tooBig.publishProblems).toEqual([
      { field: "rules.questions.0.maxLength", message: "不能大于 200" },
    ]);
    const absurd = await staff.post("/api/calls", withLimit("long_text", 50_000));
    expect(absurd.statusCode).toBe(400);
    expect(absurd.json().field).toBe("rules.questions.0.maxLength");
  });

  it("lists calls filtered by status and title with counts per status", async () => {
    const call = await publish(await create({ ...input(), title: "列表筛选专用招募" }));
    const org = await make(t).organization();
    const other = await make(t).organization();
    await make(t).application({ callId: call.id, organizationId: org.id, status: "submitted" });
    await make(t).application({ callId: call.id, organizationId: other.id, track: "space" });
    const page: CallPage = (await staff.get("/api/calls?q=列表筛选&status=published")).json();
    expect(page.total).toBe(1);
    expect(page.items[0]).toMatchObject({
      id: call.id,
      window: "open",
      applicationCount: 2,
      countsByStatus: { submitted: 1, draft: 1 },
    });
    expect((await staff.get("/api/calls?q=列表筛选&status=draft")).json().total).toBe(0);
    const detail: Call = (await staff.get(`/api/calls/${call.id}`)).json();
    expect(detail.countsByTrack.find((c) => c.track === "org")).toEqual({
      track: "org",
      total: 1,
      byStatus: { submitted: 1 },
    });
    expect(detail.countsByTrack.find((c) => c.track === "space")?.total).toBe(1);
  });

  it("lists the seeded demo calls of the base", async () => {
    const page: CallPage = (await staff.get("/api/calls?q=第二批")).json();
    expect(page.items[0]).toMatchObject({
      title: "2026年度社会组织孵化招募（第二批）",
      window: "open",
      revision: 2,
    });
  });
});

describe("calls: editing", () => {
  it("edits a draft freely and answers 409 to a stale version without writing", async () => {
    const call = await create();
    const first = await staff.patch(`/api/calls/${call.id}`, edit(call, { title: "改过的标题" }));
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ title: "改过的标题", version: 2, revision: 0 });
    const stale = await staff.patch(`/api/calls/${call.id}`, edit(call, { title: "过时的修改" }));
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: "version_conflict", details: { currentVersion: 2 } });
    expect((await staff.get(`/api/calls/${call.id}`)).json().title).toBe("改过的标题");
  });

  it("publishes (revision 1), then a change needs a note and becomes revision 2", async () => {
    const draft = await create();
    const call = await publish(draft);
    expect(call).toMatchObject({ status: "published", revision: 1, window: "open" });
    expect(call.revisions).toEqual([expect.objectContaining({ revision: 1, note: null })]);

    const changed = { description: "补充：须在本区开展服务。" };
    const noNote = await staff.patch(`/api/calls/${call.id}`, edit(call, changed));
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json()).toMatchObject({ field: "note" });

    const revised = await staff.patch(
      `/api/calls/${call.id}`,
      edit(call, { ...changed, note: "补充服务区域要求" }),
    );
    expect(revised.statusCode, revised.body).toBe(200);
    expect(revised.json()).toMatchObject({ revision: 2, description: changed.description });
    const rows = await t.db.select().from(callRevisions).where(eq(callRevisions.callId, call.id));
    expect(rows.map((r) => [r.revision, r.note, r.description])).toEqual([
      [1, null, "面向全区。"],
      [2, "补充服务区域要求", changed.description],
    ]);

    // Saving the same content again is no change: no note needed, no new revision.
    const latest: Call = revised.json();
    const same = await staff.patch(`/api/calls/${call.id}`, edit(latest, {}));
    expect(same.statusCode).toBe(200);
    expect(same.json().revision).toBe(2);

    const portal = (await t.anonymous().get(`/api/portal/calls/${call.id}`)).json();
    expect(
      portal.revisions.map((r: { revision: number; note: string | null }) => [r.revision, r.note]),
    ).toEqual([
      [1, null],
      [2, "补充服务区域要求"],
    ]);
  });

  it("checks the rules in full after publishing", async () => {
    const call = await publish(await create());
    const rules = {
      ...call.rules,
      tracks: call.rules.tracks.map((x) => ({ ...x, maxApplications: 1, quota: 3 })),
    };
    const response = await staff.patch(`/api/calls/${call.id}`, edit(call, { rules, note: "调整" }));
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      field: "rules.tracks.0.maxApplications",
      message: "申请数上限不能小于录取名额",
    });
  });

  it("refuses removing a track with applications, allows removing an empty one", async () => {
    const call = await publish(await create());
    const org = await make(t).organization();
    await make(t).application({ callId: call.id, organizationId: org.id, track: "project" });
    const withoutProject = { ...call.rules, tracks: call.rules.tracks.filter((x) => x.track !== "project") };
    const refused = await staff.patch(
      `/api/calls/${call.id}`,
      edit(call, { rules: withoutProject, note: "取消项目孵化" }),
    );
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({
      field: "rules.tracks",
      message: "已有机构申请“项目孵化”方向，不能删除该方向",
    });

    const withoutSpace = { ...call.rules, tracks: call.rules.tracks.filter((x) => x.track !== "space") };
    const allowed = await staff.patch(
      `/api/calls/${call.id}`,
      edit(call, { rules: withoutSpace, note: "本批不提供工位" }),
    );
    expect(allowed.statusCode, allowed.body).toBe(200);
    expect(allowed.json().rules.tracks.map((x: { track: string }) => x.track)).toEqual([
      "org",
      "project",
      "combined",
    ]);
  });

  it("refuses moving the deadline before now, or postponing an opening that already happened", async () => {
    const call = await publish(await create());
    const past = { ...call.rules, closesAt: new Date(Date.now() - 60_000).toISOString() };
    const refused = await staff.patch(`/api/calls/${call.id}`, edit(call, { rules: past, note: "提前截止" }));
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ field: "rules.closesAt", message: "截止时间不能早于当前时间" });

    const later = { ...call.rules, opensAt: new Date(Date.now() + DAY).toISOString() };
    const postponed = await staff.patch(`/api/calls/${call.id}`, edit(call, { rules: later, note: "推迟" }));
    expect(postponed.json()).toMatchObject({ field: "rules.opensAt" });

    const extended = { ...call.rules, closesAt: new Date(Date.now() + 40 * DAY).toISOString() };
    const ok = await staff.patch(
      `/api/calls/${call.id}`,
      edit(call, { rules: extended, note: "延长截止时间" }),
    );
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().closesAt).toBe(extended.closesAt);
  });

  it("takes times with an offset and answers them in UTC", async () => {
    const call = await create(
      input({ opensAt: "2027-03-01T09:00:00+08:00", closesAt: "2027-03-31T17:00:00+08:00" }),
    );
    expect(call.opensAt).toBe("2027-03-01T01:00:00.000Z");
    expect(call.rules.closesAt).toBe("2027-03-31T09:00:00.000Z");
  });
});

describe("calls: publish and close", () => {
  it("closes a published call, audited; closed calls cannot be edited or published", async () => {
    const call = await publish(await create());
    const closed = await staff.post(`/api/calls/${call.id}/close`, { version: call.version });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ status: "closed", window: "closed" });
    expect(closed.json().closedAt).not.toBeNull();
    const after: Call = closed.json();
    const again = await staff.post(`/api/calls/${call.id}/close`, { version: after.version });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: "call_status_invalid", details: { currentStatus: "closed" } });
    const editing = await staff.patch(`/api/calls/${call.id}`, edit(after, { title: "x 改名", note: "n" }));
    expect(editing.statusCode).toBe(409);
    const actions = await t.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.entityId, call.id));
    expect(actions.map((a) => a.action).sort()).toEqual(["call.closed", "call.created", "call.published"]);
  });

  it("refuses publishing twice, closing a draft, and a stale version", async () => {
    const draft = await create();
    expect((await staff.post(`/api/calls/${draft.id}/close`, { version: draft.version })).statusCode).toBe(
      409,
    );
    const stale = await staff.post(`/api/calls/${draft.id}/publish`, { version: draft.version + 5 });
    expect(stale.json().code).toBe("version_conflict");
    const call = await publish(draft);
    const twice = await staff.post(`/api/calls/${call.id}/publish`, { version: call.version });
    expect(twice.statusCode).toBe(409);
    const [row] = await t.db.select().from(calls).where(eq(calls.id, call.id));
    expect(row?.revision).toBe(1);
  });
});

describe.skipIf(process.env.TEST_ENGINE !== "postgres")(
  "removing a track while an applicant enters it",
  () => {
    it("waits for the applicant's draft to land, then refuses", async () => {
      const call = await publish(await create());
      const org = await make(t).organization();
      const pool = t.database.pool as NonNullable<typeof t.database.pool>;
      // The applicant's side, held open mid-way: createApplication's FOR SHARE and its insert.
      const applicant = await pool.connect();
      try {
        await applicant.query("BEGIN");
        await applicant.query("SELECT id FROM calls WHERE id = $1 FOR SHARE", [call.id]);
        await applicant.query(
          `INSERT INTO applications (base_id, call_id, organization_id, track, call_revision)
         VALUES ($1, $2, $3, 'project', $4)`,
          [t.baseId, call.id, org.id, call.revision],
        );
        const withoutProject = {
          ...call.rules,
          tracks: call.rules.tracks.filter((x) => x.track !== "project"),
        };
        // The staff edit must be waiting on the applicant's lock before the applicant commits.
        const editing = await whenBlocked(
          pool,
          staff.patch(`/api/calls/${call.id}`, edit(call, { rules: withoutProject, note: "取消项目孵化" })),
        );
        expect(editing.blocked, "the edit should wait for the applicant's insert").toBe(true);
        await applicant.query("COMMIT");
        const refused = await editing.result;
        expect(refused.statusCode, refused.body).toBe(400);
        expect(refused.json()).toMatchObject({ code: "validation_failed", field: "rules.tracks" });
      } finally {
        applicant.release();
      }
    });
  },
);
