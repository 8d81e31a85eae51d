/**
 * Stage 4's capacity assessments through the API: who starts which side, the version chosen
 * (the track's active one for a baseline, the baseline's for later phases), saving scores with
 * bad input refused and nothing changed, submission (incomplete → 400 with the missing ones,
 * read-only after), correction and superseding, who sees what (a member, another organization,
 * another base, an unnamed and a named expert), evidence files, the baseline summary, the
 * comparison (version mismatch refused) and a cohort's distribution.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  activeInstruments,
  assessmentScores,
  assessments,
  auditLog,
  bases,
  growthEvents,
  incubationSettings,
} from "../../../src/db/schema";
import { FACTORY_PASSWORD, make } from "../../factories";
import type { Client, TestApp } from "../../support/app";
import { startTestApp } from "../../support/app";
import { userId } from "../admission/inspection-support";
import { memberOrganizationId, multipartUpload } from "../recruitment/intake-support";
import {
  activate,
  assessmentRow,
  cohort,
  fillAndSubmit,
  incubation,
  publishedVersion,
  save,
  start,
  submit,
} from "./assessments-support";

let t: TestApp;
let staff: Client;
let member: Client;
let expert: Client;
let otherExpert: Client;
let otherMember: Client;
let foreignStaff: Client;
let cohortId: string;
let memberIncubation: string;
let activeVersion: string;
let expertId: string;

beforeAll(async () => {
  t = await startTestApp();
  staff = await t.signIn("staff");
  member = await t.signIn("member");
  expert = await t.signIn("expert");
  expertId = await userId(t, "expert");
  const stranger = await make(t).user({ roles: ["expert"] });
  otherExpert = await t.signIn(stranger.username, FACTORY_PASSWORD);
  const otherOrg = await make(t).organization();
  const otherUser = await make(t).user({ roles: ["org_member"], organizationId: otherOrg.id });
  otherMember = await t.signIn(otherUser.username, FACTORY_PASSWORD);
  const [other] = await t.db
    .insert(bases)
    .values({ code: "elsewhere", name: "另一基地", district: "别处" })
    .returning();
  const foreign = await make({ db: t.db, baseId: other?.id as string }).user({ roles: ["staff"] });
  foreignStaff = await t.signIn(foreign.username, FACTORY_PASSWORD);
  activeVersion = await publishedVersion(t, { track: "org" });
  cohortId = await cohort(t);
  memberIncubation = await incubation(t, await memberOrganizationId(t), cohortId, { startOn: "2020-01-01" });
});
afterAll(() => t.close());

/** An incubation of a new organization, with a member of it signed in. */
async function freshIncubation(options: { track?: "org" | "space"; cohort?: string } = {}) {
  const org = await make(t).organization();
  const user = await make(t).user({ roles: ["org_member"], organizationId: org.id });
  const id = await incubation(t, org.id, options.cohort ?? cohortId, { track: options.track });
  return { id, organizationId: org.id, member: await t.signIn(user.username, FACTORY_PASSWORD) };
}

describe("starting", () => {
  it("a member starts the self-assessment on the track's active version; a second start answers the same one", async () => {
    const res = await member.post(`/api/incubations/${memberIncubation}/assessments`, {
      phase: "baseline",
      side: "self",
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().created).toBe(true);
    const row = await assessmentRow(t, res.json().id);
    expect(row).toMatchObject({
      phase: "baseline",
      side: "self",
      status: "draft",
      instrumentVersionId: activeVersion,
    });
    const again = await member.post(`/api/incubations/${memberIncubation}/assessments`, {
      phase: "baseline",
      side: "self",
    });
    expect(again.json()).toEqual({ id: res.json().id, created: false });
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.entityId, res.json().id));
    expect(audit.map((a) => a.action)).toEqual(["assessment.start"]);
  });

  it("each side is its own: members self-assess, staff assess (403 the other way round), experts do not start", async () => {
    const body = (side: string) => ({ phase: "baseline", side });
    const url = `/api/incubations/${memberIncubation}/assessments`;
    expect((await member.post(url, body("assessor"))).statusCode).toBe(403);
    expect((await staff.post(url, body("self"))).statusCode).toBe(403);
    expect((await expert.post(url, body("assessor"))).statusCode).toBe(403);
    expect((await otherMember.post(url, body("self"))).statusCode).toBe(404);
    expect((await foreignStaff.post(url, body("assessor"))).statusCode).toBe(404);
  });

  it("refuses a baseline when the track has no active instrument (409 with a clear message)", async () => {
    const { id } = await freshIncubation({ track: "space" });
    // Every base starts with the default active on all four tracks: take the space track's away.
    const where = and(eq(activeInstruments.baseId, t.baseId), eq(activeInstruments.track, "space"));
    const [kept] = await t.db.delete(activeInstruments).where(where).returning();
    const res = await staff.post(`/api/incubations/${id}/assessments`, {
      phase: "baseline",
      side: "assessor",
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe("assessment_no_instrument");
    expect(res.json().message).toContain("评估体系");
    if (kept) await t.db.insert(activeInstruments).values(kept);
  });

  it("staff may name an expert of the base as assessor, not a member; a self-assessment names none", async () => {
    const { id } = await freshIncubation();
    const memberId = await userId(t, "member");
    const bad = await staff.post(`/api/incubations/${id}/assessments`, {
      phase: "baseline",
      side: "assessor",
      assessorId: memberId,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe("assessor_not_eligible");
    const self = await member.post(`/api/incubations/${memberIncubation}/assessments`, {
      phase: "midterm",
      side: "self",
      assessorId: expertId,
    });
    expect(self.statusCode).toBe(400);
  });

  it("a later phase uses the baseline's version even when the track's active version changed", async () => {
    const { id } = await freshIncubation();
    const baseline = await start(staff, id, { phase: "baseline", side: "assessor" });
    const newer = await publishedVersion(t, { track: "org" });
    try {
      const midterm = await start(staff, id, { phase: "midterm", side: "assessor" });
      expect((await assessmentRow(t, midterm)).instrumentVersionId).toBe(
        (await assessmentRow(t, baseline)).instrumentVersionId,
      );
      const { id: other } = await freshIncubation();
      const newBaseline = await start(staff, other, { phase: "baseline", side: "assessor" });
      expect((await assessmentRow(t, newBaseline)).instrumentVersionId).toBe(newer);
    } finally {
      await activate(t, "org", activeVersion);
    }
  });
});

describe("scores", () => {
  it("saves partially (autosave), answers the live result, and 409s a stale version", async () => {
    const { id: inc, member: m } = await freshIncubation();
    const id = await start(m, inc, { phase: "baseline", side: "self" });
    const res = await save(t, m, id, {
      scores: [{ indicatorKey: "board", score: 4, comment: "理事会每季度开会" }],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().result).toMatchObject({
      total: 100,
      dimensions: { governance: { score: 100, coverage: 0.5 }, finance: { score: null, coverage: 0 } },
    });
    const second = await save(t, m, id, { scores: [{ indicatorKey: "rules", score: 1 }] });
    expect(second.json().result.dimensions.governance.score).toBe(50);
    const stale = await m.patch(`/api/assessments/${id}`, { version: 1, scores: [] });
    expect(stale.statusCode).toBe(409);
    const detail = (await m.get(`/api/assessments/${id}`)).json();
    expect(detail.scores).toEqual([
      { indicatorKey: "board", score: 4, comment: "理事会每季度开会" },
      { indicatorKey: "rules", score: 1, comment: "" },
    ]);
    expect(detail.editable).toBe(true);
    expect(detail.instrument.content.dimensions).toHaveLength(2);
  });

  it("refuses bad input with a 400 naming the field, and changes nothing", async () => {
    const { id: inc, member: m } = await freshIncubation();
    const id = await start(m, inc, { phase: "baseline", side: "self" });
    const before = await assessmentRow(t, id);
    const cases: [unknown, string][] = [
      [[{ indicatorKey: "board", score: 5 }], "scores.0.score"],
      [[{ indicatorKey: "board", score: 0 }], "scores.0.score"],
      [[{ indicatorKey: "board", score: 2.5 }], "scores.0.score"],
      [[{ indicatorKey: "board", score: 1e300 }], "scores.0.score"],
      [[{ indicatorKey: "board", score: "3" }], "scores.0.score"],
      [[{ indicatorKey: "nope", score: 2 }], "scores.0.indicatorKey"],
      [[{ indicatorKey: "Board!", score: 2 }], "scores.0.indicatorKey"],
      [[{ indicatorKey: "board", score: 2, comment: "坏\u0000字符" }], "scores.0.comment"],
      [[{ indicatorKey: "board", score: 2, comment: "长".repeat(2001) }], "scores.0.comment"],
    ];
    for (const [scores, field] of cases) {
      const res = await m.patch(`/api/assessments/${id}`, { version: before.version, scores });
      expect(res.statusCode, JSON.stringify(scores).slice(0, 80)).toBe(400);
      expect(res.json().field).toBe(field);
      if (field === "scores.0.score" && (scores as { score: number }[])[0]?.score === 5) {
        expect(res.json().message).toContain("1");
      }
    }
    const huge = await m.patch(`/api/assessments/${id}`, { version: 2 ** 40, scores: [] });
    expect(huge.statusCode).toBe(400);
    expect(await assessmentRow(t, id)).toEqual(before);
    expect(await t.db.select().from(assessmentScores).where(eq(assessmentScores.assessmentId, id))).toEqual(
      [],
    );
  });
});

describe("submission and correction", () => {
  it("submits only when every indicator is scored; then it is read-only and in the growth file", async () => {
    const { id: inc, member: m, organizationId } = await freshIncubation();
    const id = await start(m, inc, { phase: "baseline", side: "self" });
    await save(t, m, id, { scores: [{ indicatorKey: "board", score: 3 }] });
    const incomplete = await submit(t, m, id);
    expect(incomplete.statusCode).toBe(400);
    expect(incomplete.json().code).toBe("assessment_incomplete");
    expect(incomplete.json().details.missing).toEqual(["rules", "books"]);
    expect(incomplete.json().message).toContain("内部制度");
    await save(t, m, id, {
      scores: [
        { indicatorKey: "rules", score: 4 },
        { indicatorKey: "books", score: 2 },
      ],
    });
    const res = await submit(t, m, id);
    expect(res.statusCode, res.body).toBe(200);
    // governance (2/3 + 1)/2 = 83.33…, finance 33.33…; total 0.6·83.33 + 0.4·33.33 = 63.33
    expect(res.json().total).toBe(63.33);
    const row = await assessmentRow(t, id);
    expect(row).toMatchObject({ status: "submitted", total: "63.33" });
    expect(row.result?.governance?.score).toBe(83.33);
    const growth = await t.db
      .select()
      .from(growthEvents)
      .where(
        and(eq(growthEvents.organizationId, organizationId), eq(growthEvents.kind, "assessment.submitted")),
      );
    expect(growth).toHaveLength(1);
    expect(growth[0]?.params).toMatchObject({ phase: "baseline", side: "self", total: 63.33 });
    const again = await save(t, m, id, { scores: [{ indicatorKey: "board", score: 1 }] });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe("assessment_submitted");
    expect((await submit(t, m, id)).json().code).toBe("assessment_submitted");
    expect((await m.get(`/api/assessments/${id}`)).json()).toMatchObject({
      editable: false,
      correctable: true,
    });
  });

  it("a correction is a new draft copied from the submitted one; its submission supersedes the older", async () => {
    const { id: inc } = await freshIncubation();
    const id = await start(staff, inc, { phase: "baseline", side: "assessor" });
    await fillAndSubmit(t, staff, id, { board: 2, rules: 2, books: 2 });
    const noReason = await staff.post(`/api/assessments/${id}/corrections`, { reason: "  " });
    expect(noReason.statusCode).toBe(400);
    const res = await staff.post(`/api/assessments/${id}/corrections`, { reason: "财务账目评分有误" });
    expect(res.statusCode, res.body).toBe(200);
    const next = res.json().id as string;
    expect(await assessmentRow(t, next)).toMatchObject({
      status: "draft",
      revision: 2,
      supersedesId: id,
      correctionReason: "财务账目评分有误",
    });
    expect(
      (await staff.get(`/api/assessments/${next}`)).json().scores.map((s: { score: number }) => s.score),
    ).toEqual([2, 2, 2]);
    expect((await staff.post(`/api/assessments/${id}/corrections`, { reason: "再改" })).json().code).toBe(
      "assessment_correction_open",
    );
    // While the correction is open the submitted one stands, and a start answers the correction.
    expect((await assessmentRow(t, id)).status).toBe("submitted");
    expect(await start(staff, inc, { phase: "baseline", side: "assessor" })).toBe(next);
    await save(t, staff, next, { scores: [{ indicatorKey: "books", score: 4 }] });
    expect((await submit(t, staff, next)).statusCode).toBe(200);
    expect((await assessmentRow(t, id)).status).toBe("superseded");
    expect((await staff.post(`/api/assessments/${id}/corrections`, { reason: "改旧的" })).statusCode).toBe(
      409,
    );
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.entityId, next));
    expect(audit.map((a) => a.action).sort()).toEqual(["assessment.correct", "assessment.submit"]);
  });
});

describe("who sees what", () => {
  it("a member sees its self-assessment, and the assessor's only once submitted; others get 404", async () => {
    const { id: inc, member: m } = await freshIncubation();
    const self = await start(m, inc, { phase: "baseline", side: "self" });
    const assessor = await start(staff, inc, { phase: "baseline", side: "assessor" });
    expect((await m.get(`/api/assessments/${self}`)).statusCode).toBe(200);
    expect((await m.get(`/api/assessments/${assessor}`)).statusCode).toBe(404);
    const list = (await m.get(`/api/incubations/${inc}/assessments`)).json();
    expect(list.items.map((i: { id: string }) => i.id)).toEqual([self]);
    expect((await m.patch(`/api/assessments/${assessor}`, { version: 1, scores: [] })).statusCode).toBe(404);
    await fillAndSubmit(t, staff, assessor, { board: 3, rules: 3, books: 3 });
    expect((await m.get(`/api/assessments/${assessor}`)).statusCode).toBe(200);
    expect((await m.get(`/api/assessments/${assessor}`)).json().editable).toBe(false);
    expect((await m.get(`/api/incubations/${inc}/assessments`)).json().items).toHaveLength(2);
    for (const other of [otherMember, foreignStaff, expert, otherExpert]) {
      expect((await other.get(`/api/assessments/${self}`)).statusCode).toBe(404);
      expect((await other.get(`/api/incubations/${inc}/assessments`)).statusCode).toBe(404);
    }
    // Staff read the self-assessment but do not fill it in.
    expect((await staff.get(`/api/assessments/${self}`)).statusCode).toBe(200);
    expect((await save(t, staff, self, { scores: [] })).statusCode).toBe(403);
  });

  it("a named expert reads and scores the assessment naming them, and nothing else of the incubation", async () => {
    const { id: inc, member: m } = await freshIncubation();
    const self = await start(m, inc, { phase: "baseline", side: "self" });
    const named = await start(staff, inc, { phase: "baseline", side: "assessor", assessorId: expertId });
    expect((await otherExpert.get(`/api/assessments/${named}`)).statusCode).toBe(404);
    expect((await expert.get(`/api/assessments/${named}`)).json().editable).toBe(true);
    expect((await expert.get(`/api/assessments/${self}`)).statusCode).toBe(404);
    expect(
      (await expert.get(`/api/incubations/${inc}/assessments`)).json().items.map((i: { id: string }) => i.id),
    ).toEqual([named]);
    const res = await save(t, expert, named, { scores: [{ indicatorKey: "board", score: 2 }] });
    expect(res.statusCode, res.body).toBe(200);
    expect((await save(t, otherExpert, named, { scores: [] })).statusCode).toBe(404);
    expect((await save(t, m, self, { scores: [{ indicatorKey: "board", score: 2 }] })).statusCode).toBe(200);
  });
});

describe("evidence", () => {
  const PNG = Buffer.from(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c63000100000500010d0a2db40000000049454e44ae426082",
    "hex",
  );
  const upload = (client: Client, id: string, indicatorKey: string) =>
    client.request({
      method: "POST",
      url: `/api/assessments/${id}/evidence`,
      ...multipartUpload({ indicatorKey }, { name: "理事会会议记录.png", type: "image/png", content: PNG }),
    });

  it("a member attaches a file to an indicator of its draft; it is read by those who read the assessment", async () => {
    const { id: inc, member: m } = await freshIncubation();
    const id = await start(m, inc, { phase: "baseline", side: "self" });
    expect((await upload(m, id, "nope")).statusCode).toBe(400);
    const res = await upload(m, id, "board");
    expect(res.statusCode, res.body).toBe(201);
    const fileId = res.json().id as string;
    const detail = (await m.get(`/api/assessments/${id}`)).json();
    expect(detail.evidence).toMatchObject([
      { indicatorKey: "board", id: fileId, originalName: "理事会会议记录.png" },
    ]);
    expect((await m.get(`/api/files/${fileId}`)).statusCode).toBe(200);
    expect((await staff.get(`/api/files/${fileId}`)).statusCode).toBe(200);
    expect((await otherMember.get(`/api/files/${fileId}`)).statusCode).toBe(404);
    expect((await upload(staff, id, "board")).statusCode).toBe(403);
    expect((await upload(otherMember, id, "board")).statusCode).toBe(404);
    expect((await m.delete(`/api/assessments/${id}/evidence/${fileId}`)).statusCode).toBe(200);
    expect((await m.get(`/api/assessments/${id}`)).json().evidence).toEqual([]);
  });
});

describe("the baseline summary", () => {
  it("gives the due day (start + baselineDueDays), overdue until both sides are submitted", async () => {
    const list = (await staff.get(`/api/incubations/${memberIncubation}/assessments`)).json();
    expect(list.baseline).toMatchObject({
      dueOn: "2020-01-31",
      overdue: true,
      selfDone: false,
      assessorDone: false,
    });
    await t.db
      .insert(incubationSettings)
      .values({ baseId: t.baseId, termMonths: 12, baselineDueDays: 10, exitDueDays: 30 })
      .onConflictDoUpdate({ target: incubationSettings.baseId, set: { baselineDueDays: 10 } });
    const { id: inc } = await freshIncubation();
    const fresh = (await staff.get(`/api/incubations/${inc}/assessments`)).json();
    expect(fresh.baseline.dueOn).toBe("2027-03-11");
    expect(fresh.baseline.overdue).toBe(false);
  });
});

describe("comparison", () => {
  it("self against assessor: per dimension, overall, the largest gaps and the weakest; members see their own submitted", async () => {
    const { id: inc, member: m } = await freshIncubation();
    const self = await start(m, inc, { phase: "baseline", side: "self" });
    const assessor = await start(staff, inc, { phase: "baseline", side: "assessor" });
    await fillAndSubmit(t, m, self, { board: 4, rules: 4, books: 4 });
    const early = await m.get(`/api/assessments/compare?first=${self}&second=${assessor}`);
    expect(early.statusCode).toBe(404); // the assessor's draft is not the member's to see
    expect((await staff.get(`/api/assessments/compare?first=${self}&second=${assessor}`)).statusCode).toBe(
      200,
    );
    await fillAndSubmit(t, staff, assessor, { board: 2, rules: 3, books: 1 });
    const res = await m.get(`/api/assessments/compare?first=${self}&second=${assessor}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.dimensions.map((d: { key: string; difference: number }) => [d.key, d.difference])).toEqual([
      ["governance", -50],
      ["finance", -100],
    ]);
    expect(body.total).toEqual({ first: 100, second: 30, difference: -70 });
    expect(body.largestGaps).toEqual(["finance", "governance"]);
    expect(body.weakest).toEqual(["finance", "governance"]);
    expect(
      (await otherMember.get(`/api/assessments/compare?first=${self}&second=${assessor}`)).statusCode,
    ).toBe(404);
    const reversed = (await staff.get(`/api/assessments/compare?first=${assessor}&second=${self}`)).json();
    expect(reversed.total.difference).toBe(70);
  });

  it("refuses two versions (409 assessment_version_mismatch) and two organizations (404)", async () => {
    const { id: inc } = await freshIncubation();
    const one = await start(staff, inc, { phase: "baseline", side: "assessor" });
    const other = await publishedVersion(t, { track: "org" });
    try {
      const { id: inc2 } = await freshIncubation();
      const two = await start(staff, inc2, { phase: "baseline", side: "assessor" });
      expect((await staff.get(`/api/assessments/compare?first=${one}&second=${two}`)).statusCode).toBe(404);
      // The same organization on another version (written by hand: the service keeps a later
      // phase on the baseline's version, so only older data could differ).
      const [row] = await t.db
        .insert(assessments)
        .values({
          baseId: t.baseId,
          incubationId: inc,
          organizationId: (await assessmentRow(t, one)).organizationId,
          instrumentVersionId: other,
          phase: "exit",
          side: "assessor",
        })
        .returning();
      const res = await staff.get(`/api/assessments/compare?first=${one}&second=${row?.id}`);
      expect(res.statusCode).toBe(409);
      expect(res.json().code).toBe("assessment_version_mismatch");
    } finally {
      await activate(t, "org", activeVersion);
    }
  });
});

describe("a cohort's baseline distribution", () => {
  it("per dimension the submitted assessor baselines, and the incubations without one (staff only)", async () => {
    const c = await cohort(t);
    const a = await freshIncubation({ cohort: c });
    const b = await freshIncubation({ cohort: c });
    const none = await freshIncubation({ cohort: c });
    await fillAndSubmit(t, staff, await start(staff, a.id, { phase: "baseline", side: "assessor" }), {
      board: 4,
      rules: 4,
      books: 4,
    });
    await fillAndSubmit(t, staff, await start(staff, b.id, { phase: "baseline", side: "assessor" }), {
      board: 1,
      rules: 1,
      books: 2,
    });
    // A self-assessment does not count.
    await fillAndSubmit(
      t,
      none.member,
      await start(none.member, none.id, { phase: "baseline", side: "self" }),
      {
        board: 4,
        rules: 4,
        books: 4,
      },
    );
    const res = await staff.get(`/api/cohorts/${c}/baseline-distribution`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    const finance = body.dimensions.find((d: { key: string }) => d.key === "finance");
    expect(finance).toMatchObject({ n: 2, min: 33.33, median: 66.67, max: 100, values: [33.33, 100] });
    expect(body.missing.map((m: { incubationId: string }) => m.incubationId)).toEqual([none.id]);
    expect((await member.get(`/api/cohorts/${c}/baseline-distribution`)).statusCode).toBe(403);
    expect((await expert.get(`/api/cohorts/${c}/baseline-distribution`)).statusCode).toBe(403);
    expect((await foreignStaff.get(`/api/cohorts/${c}/baseline-distribution`)).statusCode).toBe(404);
  });
});

it("answers only documented statuses", () => {
  expect(t.undeclaredResponses()).toEqual([]);
});
