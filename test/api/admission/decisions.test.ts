import { and, eq, inArray } from "drizzle-orm";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  admissionDecisions,
  applicationDocuments,
  applicationEvents,
  auditLog,
  emailOutbox,
  files,
  notifications,
  smsOutbox,
  users,
} from "../../../src/db/schema";
import { localFileStorage } from "../../../src/server/storage";
import { FACTORY_PASSWORD, make } from "../../factories";
import { type Client, startTestApp, type TestApp } from "../../support/app";
import { memberOrganizationId } from "../recruitment/intake-support";
import { roundWithReviews, statusOf } from "./ranking-fixtures";

let t: TestApp;
let staff: Client;
let member: Client;
let memberOrg: string;

const A = [8, 4] as [number, number];
const B = [6, 3] as [number, number];
const C = [4, 2] as [number, number];

beforeAll(async () => {
  t = await startTestApp();
  staff = await t.signIn("staff");
  member = await t.signIn("member");
  memberOrg = await memberOrganizationId(t);
  // The member can be reached by email and text, so a letter goes on every channel.
  await t.db
    .update(users)
    .set({ email: "member@example.org", mobileConfirmedAt: new Date() })
    .where(eq(users.username, "member"));
});
afterAll(() => t.close());

const decide = (client: Client, id: string, body: Record<string, unknown>) =>
  client.post(`/api/applications/${id}/decision`, body);
const decisionRow = async (id: string) =>
  (await t.db.select().from(admissionDecisions).where(eq(admissionDecisions.applicationId, id)))[0];
const versionOf = async (id: string) => (await statusOf(t, id)).version;

describe("deciding within the quota", () => {
  it("admits within the quota; beyond it 409 naming quota and count, nothing changed; an override reason admits and is audited", async () => {
    const r = await roundWithReviews(t, {
      scores: [
        [A, A],
        [B, B],
        [C, C],
      ],
      quota: 1,
    });
    const [first, second] = r.applicationIds as [string, string];
    const ok = await decide(staff, first, { decision: "admitted", reason: "综合得分第一", version: 1 });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: "admitted", decision: "admitted", final: false });

    const over = await decide(staff, second, { decision: "admitted", reason: "得分第二", version: 1 });
    expect(over.statusCode).toBe(409);
    expect(over.json()).toMatchObject({ code: "quota_exceeded", details: { quota: 1, count: 1 } });
    expect(over.json().message).toContain("1");
    expect((await statusOf(t, second)).status).toBe("in_review");
    expect(await decisionRow(second)).toBeUndefined();

    const forced = await decide(staff, second, {
      decision: "admitted",
      reason: "得分第二",
      overQuotaReason: "该机构服务本区重点人群，经主任办公会同意超额",
      version: 1,
    });
    expect(forced.statusCode, forced.body).toBe(200);
    expect(forced.json()).toMatchObject({ overQuotaReason: "该机构服务本区重点人群，经主任办公会同意超额" });
    const audit = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, second), eq(auditLog.action, "application.admit")));
    expect(audit[0]?.after).toMatchObject({ overQuota: { quota: 1, count: 1 } });

    const ranking = (await staff.get(`/api/rounds/${r.roundId}/ranking`)).json();
    expect(ranking.tracks[0].admitted).toBe(2);
    expect(ranking.items[0].decision).toMatchObject({ decision: "admitted", final: false });
  });

  it("two staff deciding one application at once: exactly one succeeds, the other gets 409", async () => {
    const r = await roundWithReviews(t, { scores: [[A, B]], quota: 3 });
    const id = r.applicationIds[0] as string;
    const colleague = await make(t).user({ roles: ["staff"] });
    const other = await t.signIn(colleague.username, FACTORY_PASSWORD);
    const answers = await Promise.all([
      decide(staff, id, { decision: "admitted", reason: "同意入壳", version: 1 }),
      decide(other, id, { decision: "rejected", reason: "不同意", version: 1 }),
    ]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
    const events = await t.db.select().from(applicationEvents).where(eq(applicationEvents.applicationId, id));
    expect(events).toHaveLength(1);
  });

  it("refuses a stale version, a missing reason and an unknown decision with nothing changed", async () => {
    const r = await roundWithReviews(t, { scores: [[A]] });
    const id = r.applicationIds[0] as string;
    const stale = await decide(staff, id, { decision: "rejected", reason: "x", version: 7 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: "version_conflict" });
    const noReason = await decide(staff, id, { decision: "rejected", reason: " ", version: 1 });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json()).toMatchObject({ field: "reason" });
    expect((await decide(staff, id, { decision: "maybe", reason: "x", version: 1 })).statusCode).toBe(400);
    expect((await decide(staff, id, { decision: "admitted", reason: "x", version: 1e20 })).statusCode).toBe(
      400,
    );
    expect(
      (await decide(staff, id, { decision: "admitted", reason: "a\u0000b", version: 1 })).statusCode,
    ).toBe(400);
    expect((await statusOf(t, id)).status).toBe("in_review");
    expect(await decisionRow(id)).toBeUndefined();
    // Not in review yet: the state machine refuses.
    const early = await roundWithReviews(t, { scores: [[A]], status: "inspected" });
    const res = await decide(staff, early.applicationIds[0] as string, {
      decision: "admitted",
      reason: "x",
      version: 1,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: "illegal_transition" });
  });

  it("reconsiders a provisional decision (back to in_review, the decision gone); a member may not decide", async () => {
    const r = await roundWithReviews(t, { scores: [[A]] });
    const id = r.applicationIds[0] as string;
    await decide(staff, id, { decision: "waitlisted", reason: "候补第一", version: 1 });
    const back = await staff.post(`/api/applications/${id}/reconsider`, {
      reason: "会议决定复议",
      version: 2,
    });
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json()).toMatchObject({ status: "in_review", decision: null });
    expect(await decisionRow(id)).toBeUndefined();
    expect((await decide(member, id, { decision: "admitted", reason: "x", version: 3 })).statusCode).toBe(
      403,
    );
    // Waitlisted → admitted directly while provisional.
    await decide(staff, id, { decision: "waitlisted", reason: "候补", version: 3 });
    const up = await decide(staff, id, { decision: "admitted", reason: "名额空出", version: 4 });
    expect(up.statusCode, up.body).toBe(200);
    expect((await decisionRow(id))?.version).toBe(2);
  });
});

describe("the public notice, the letters and the place", () => {
  it("runs the whole way: publish, objection blocks closing, close makes decisions final and sends letters; the applicant confirms", async () => {
    const r = await roundWithReviews(t, {
      scores: [
        [A, A],
        [B, B],
        [C, C],
      ],
      quota: 1,
      organizationIds: [memberOrg],
    });
    const [mine, waiting, out] = r.applicationIds as [string, string, string];
    await decide(staff, mine, {
      decision: "admitted",
      reason: "综合排名第一",
      releasedSummary: "专家组认为项目社会需求明确",
      version: 1,
    });
    await decide(staff, waiting, { decision: "waitlisted", reason: "排名第二", version: 1 });
    await decide(staff, out, { decision: "rejected", reason: "排名靠后", version: 1 });

    // Before the notice closes the applicant sees no decision.
    const early = (await member.get(`/api/applications/${mine}/decision`)).json();
    expect(early).toMatchObject({ decision: null, reason: null, final: false });

    // Published for a period in the past already over, so it can be closed in this test.
    const startsAt = new Date(Date.now() - 14 * 86_400_000).toISOString();
    const published = await staff.post("/api/notices", {
      roundId: r.roundId,
      title: "2026年度入壳名单公示",
      body: "如有异议，请在公示期内联系基地。",
      startsAt,
      workingDays: 5,
    });
    expect(published.statusCode, published.body).toBe(201);
    const notice = published.json();
    expect(notice.listed).toHaveLength(1);
    expect(notice.listed[0]).toEqual({
      applicationId: mine,
      organizationName: expect.any(String),
      track: "org",
    });
    expect(notice.ended).toBe(true);

    // The portal reads it without signing in: names and tracks, no scores or reasons.
    const portal = await t.anonymous().get(`/api/portal/notices/${notice.id}`);
    expect(portal.statusCode).toBe(200);
    expect(Object.keys(portal.json().listed[0]).sort()).toEqual([
      "applicationId",
      "organizationName",
      "track",
    ]);
    expect(portal.body).not.toContain("综合排名第一");
    const list = (await t.anonymous().get("/api/portal/notices")).json();
    expect(list.items.map((n: { id: string }) => n.id)).toContain(notice.id);

    const objected = await staff.post(`/api/notices/${notice.id}/objections`, {
      objector: "匿名群众",
      contact: "13900000000",
      body: "该机构去年年检未通过",
      receivedOn: new Date().toISOString().slice(0, 10),
      applicationId: mine,
    });
    expect(objected.statusCode, objected.body).toBe(201);
    const objection = objected.json().objections[0];
    const confirmBy = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    const blocked = await staff.post(`/api/notices/${notice.id}/close`, { confirmBy, version: 1 });
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json()).toMatchObject({ code: "objections_unanswered", details: { count: 1 } });

    const answered = await staff.post(`/api/notices/${notice.id}/objections/${objection.id}/answer`, {
      answer: "经核实，该机构年检已合格",
      version: 1,
    });
    expect(answered.statusCode, answered.body).toBe(200);
    const [memberUser] = await t.db.select().from(users).where(eq(users.username, "member"));
    const smsBefore = await t.db
      .select()
      .from(smsOutbox)
      .where(eq(smsOutbox.userId, memberUser?.id as string));
    const closed = await staff.post(`/api/notices/${notice.id}/close`, { confirmBy, version: 1 });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ letters: 3, notice: { status: "closed" } });
    const finals = await t.db
      .select()
      .from(admissionDecisions)
      .where(inArray(admissionDecisions.applicationId, r.applicationIds));
    expect(finals.every((d) => d.finalAt !== null && d.confirmBy !== null)).toBe(true);

    // The letter: bell, email and SMS; the reason and the released summary, never a comment.
    const bell = await t.db
      .select()
      .from(notifications)
      .where(
        and(eq(notifications.userId, memberUser?.id as string), eq(notifications.kind, "admission_decision")),
      );
    expect(bell).toHaveLength(1);
    expect(bell[0]?.params).toMatchObject({
      decision: "admitted",
      reason: "综合排名第一",
      releasedSummary: "专家组认为项目社会需求明确",
    });
    expect(JSON.stringify(bell[0]?.params)).not.toContain("保密意见");
    const mails = await t.db
      .select()
      .from(emailOutbox)
      .where(eq(emailOutbox.toAddress, "member@example.org"));
    expect(mails.some((m) => m.subject.includes("入壳结果通知书") && m.body.includes("综合排名第一"))).toBe(
      true,
    );
    const sms = await t.db
      .select()
      .from(smsOutbox)
      .where(eq(smsOutbox.userId, memberUser?.id as string));
    expect(sms.length).toBe(smsBefore.length + 1);
    expect(sms.at(-1)?.body).toContain("入壳");

    // Final now: no reconsidering, no new decision.
    const late = await staff.post(`/api/applications/${out}/reconsider`, {
      reason: "x",
      version: await versionOf(out),
    });
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ code: "decision_final" });

    // The applicant reads the outcome and reason, not the experts' comments or scores.
    const seen = await member.get(`/api/applications/${mine}/decision`);
    expect(seen.json()).toMatchObject({
      decision: "admitted",
      reason: "综合排名第一",
      releasedSummary: "专家组认为项目社会需求明确",
      final: true,
      overQuotaReason: null,
    });
    expect(seen.body).not.toContain("保密意见");
    expect(seen.body).not.toContain("总体意见");
    // Another organization's decision does not exist for the member.
    expect((await member.get(`/api/applications/${out}/decision`)).statusCode).toBe(404);
    expect((await member.get(`/api/rounds/${r.roundId}/ranking`)).statusCode).toBe(403);
    // The meeting knows the date to confirm by (its lapse button shows once it has passed).
    const meeting = (await staff.get(`/api/rounds/${r.roundId}/ranking`)).json();
    const row = meeting.items.find((a: { applicationId: string }) => a.applicationId === mine);
    expect(row.decision).toMatchObject({ final: true, confirmBy: expect.any(String) });
    expect(Date.parse(row.decision.confirmBy)).toBeGreaterThan(Date.now());

    // Lapse is refused before the date.
    const early2 = await staff.post(`/api/applications/${mine}/lapse`, { version: await versionOf(mine) });
    expect(early2.statusCode).toBe(409);
    expect(early2.json()).toMatchObject({ code: "confirm_by_not_passed" });

    // The applicant confirms; the organization's page shows the confirmed place.
    const confirmed = await member.post(`/api/applications/${mine}/place`, {
      answer: "confirm",
      version: await versionOf(mine),
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json()).toMatchObject({ status: "confirmed" });
    // Beside the demo's own place (the first batch's space track), this one, newest first.
    const placements = (await staff.get(`/api/organizations/${memberOrg}/placements`)).json();
    expect(placements.items).toHaveLength(2);
    expect(placements.items[0]).toEqual(
      expect.objectContaining({ applicationId: mine, track: "org", decision: "admitted" }),
    );
    expect(placements.items[1]).toEqual(expect.objectContaining({ track: "space", decision: "admitted" }));
    expect((await member.get(`/api/organizations/${memberOrg}/placements`)).json().items).toHaveLength(2);
  });

  it("a decline frees the place: the meeting names the next on the waitlist, staff offer it with a letter; after the date 409 and a lapse", async () => {
    const nextOrg = await make(t).organization();
    const nextMember = await make(t).user({ roles: ["org_member"], organizationId: nextOrg.id });
    const r = await roundWithReviews(t, {
      scores: [
        [A, A],
        [B, B],
        [C, C],
      ],
      quota: 1,
      organizationIds: [memberOrg, nextOrg.id],
    });
    const [mine, next, third] = r.applicationIds as [string, string, string];
    await decide(staff, mine, { decision: "admitted", reason: "第一", version: 1 });
    await decide(staff, next, { decision: "waitlisted", reason: "候补第一", version: 1 });
    await decide(staff, third, { decision: "waitlisted", reason: "候补第二", version: 1 });
    const notice = (
      await staff.post("/api/notices", {
        roundId: r.roundId,
        title: "公示",
        startsAt: new Date(Date.now() - 20 * 86_400_000).toISOString(),
        endsAt: new Date(Date.now() - 86_400_000).toISOString(),
      })
    ).json();
    const confirmBy = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);
    expect((await staff.post(`/api/notices/${notice.id}/close`, { confirmBy, version: 1 })).statusCode).toBe(
      200,
    );

    // Not offered while the place is held.
    expect((await staff.get(`/api/rounds/${r.roundId}/ranking`)).json().tracks[0].nextOnWaitlist).toBeNull();
    const declined = await member.post(`/api/applications/${mine}/place`, {
      answer: "decline",
      version: await versionOf(mine),
    });
    expect(declined.statusCode, declined.body).toBe(200);
    expect(declined.json().status).toBe("declined");
    expect(
      (await staff.get(`/api/rounds/${r.roundId}/ranking`)).json().tracks[0].nextOnWaitlist,
    ).toMatchObject({
      applicationId: next,
    });

    const offered = await staff.post(`/api/applications/${next}/offer`, {
      reason: "原入选机构放弃，按排名递补",
      confirmBy,
      version: await versionOf(next),
    });
    expect(offered.statusCode, offered.body).toBe(200);
    expect(offered.json()).toMatchObject({ status: "admitted", decision: "admitted", final: true });
    const letters = await t.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, nextMember.id), eq(notifications.kind, "admission_decision")));
    // The waitlist letter at closing, then the offer.
    expect(letters.map((n) => [n.params.decision, n.params.offered])).toEqual([
      ["waitlisted", 0],
      ["admitted", 1],
    ]);
    // The place is taken again: a second offer is over the quota.
    const again = await staff.post(`/api/applications/${third}/offer`, {
      reason: "再递补",
      confirmBy,
      version: await versionOf(third),
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: "quota_exceeded" });

    // The confirmation date passes: the organization is told the date; staff record the lapse.
    await t.db
      .update(admissionDecisions)
      .set({ confirmBy: new Date(Date.now() - 60_000) })
      .where(eq(admissionDecisions.applicationId, next));
    const tooLate = await staff.post(`/api/applications/${next}/place`, {
      answer: "confirm",
      version: await versionOf(next),
    });
    expect(tooLate.statusCode).toBe(403); // staff do not answer for the organization
    const lapsed = await staff.post(`/api/applications/${next}/lapse`, { version: await versionOf(next) });
    expect(lapsed.statusCode, lapsed.body).toBe(200);
    expect(lapsed.json().status).toBe("declined");
  });

  it("refuses the applicant's answer after the date with the date; closing before the end is refused", async () => {
    const r = await roundWithReviews(t, { scores: [[A]], organizationIds: [memberOrg] });
    const id = r.applicationIds[0] as string;
    await decide(staff, id, { decision: "admitted", reason: "第一", version: 1 });
    const future = (
      await staff.post("/api/notices", {
        roundId: r.roundId,
        title: "公示",
        startsAt: new Date().toISOString(),
        workingDays: 5,
      })
    ).json();
    const confirmBy = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);
    const notYet = await staff.post(`/api/notices/${future.id}/close`, { confirmBy, version: 1 });
    expect(notYet.statusCode).toBe(409);
    expect(notYet.json()).toMatchObject({ code: "notice_not_ended" });
    // Not final: the applicant cannot answer yet.
    const tooSoon = await member.post(`/api/applications/${id}/place`, {
      answer: "confirm",
      version: await versionOf(id),
    });
    expect(tooSoon.statusCode).toBe(409);
    expect(tooSoon.json()).toMatchObject({ code: "decision_not_final" });
    await t.db
      .update(admissionDecisions)
      .set({ finalAt: new Date(), confirmBy: new Date("2026-01-02T15:59:59.999Z") })
      .where(eq(admissionDecisions.applicationId, id));
    const late = await member.post(`/api/applications/${id}/place`, {
      answer: "confirm",
      version: await versionOf(id),
    });
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({
      code: "confirm_by_passed",
      details: { confirmBy: "2026-01-02T15:59:59.999Z" },
    });
    expect(late.json().message).toContain("2026-01-02");
  });

  it("refuses a notice with nothing admitted, a period without end, and an end before the start", async () => {
    const r = await roundWithReviews(t, { scores: [[A]] });
    const base = { roundId: r.roundId, title: "公示", startsAt: new Date().toISOString() };
    expect((await staff.post("/api/notices", { ...base, workingDays: 5 })).json()).toMatchObject({
      code: "nothing_to_notice",
    });
    expect((await staff.post("/api/notices", base)).statusCode).toBe(400);
    const backwards = await staff.post("/api/notices", {
      ...base,
      endsAt: new Date(Date.now() - 86_400_000).toISOString(),
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json()).toMatchObject({ field: "endsAt" });
    expect((await staff.post("/api/notices", { ...base, workingDays: 0 })).statusCode).toBe(400);
  });
});

describe("the complete file", () => {
  it("zips the summary, the JSON record with scores and decision, and the documents; staff only", async () => {
    const r = await roundWithReviews(t, { scores: [[A, B]] });
    const id = r.applicationIds[0] as string;
    const bytes = Buffer.from("%PDF-1.4\n% 登记证书\n%%EOF\n");
    const sha256 = await localFileStorage(t.config.dataDir).putBytes(bytes);
    const [file] = await t.db
      .insert(files)
      .values({
        baseId: t.baseId,
        sha256,
        size: bytes.length,
        mime: "application/pdf",
        originalName: "登记证书.pdf",
        ownerType: "application_document",
        ownerId: id,
      })
      .returning();
    await t.db.insert(applicationDocuments).values({
      baseId: t.baseId,
      applicationId: id,
      requirementKey: "certificate",
      fileId: file?.id as string,
    });
    await decide(staff, id, { decision: "rejected", reason: "不符合本期方向", version: 1 });
    const res = await staff.get(`/api/applications/${id}/file.zip`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers["content-type"]).toBe("application/zip");
    const zip = await JSZip.loadAsync(res.rawPayload);
    const entries = Object.values(zip.files)
      .filter((f) => !f.dir)
      .map((f) => f.name);
    expect(entries.sort()).toEqual([
      "application.json",
      "documents/01-certificate-登记证书.pdf",
      "summary.html",
    ]);
    expect(await zip.file("documents/01-certificate-登记证书.pdf")?.async("nodebuffer")).toEqual(bytes);
    const record = JSON.parse(await (zip.file("application.json")?.async("string") ?? "{}"));
    expect(record.application.id).toBe(id);
    expect(record.reviews).toHaveLength(2);
    expect(record.decision).toMatchObject({ decision: "rejected", reason: "不符合本期方向" });
    const html = (await zip.file("summary.html")?.async("string")) ?? "";
    expect(html).toContain("不符合本期方向");
    expect(html).toContain("评审专家1");
    expect((await member.get(`/api/applications/${id}/file.zip`)).statusCode).toBe(403);
  });
});
