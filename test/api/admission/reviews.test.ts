import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  applications,
  auditLog,
  expertConflicts,
  inspections,
  notifications,
  reviewRounds,
  reviews,
} from "../../../src/db/schema";
import { sendReviewReminders } from "../../../src/server/areas/admission/reviews/reminders";
import { make } from "../../factories";
import type { Client, TestApp } from "../../support/app";
import { completeDraft, otherMember, startApplicationsApp } from "../recruitment/applications-support";
import { buildRound, DAY, expert, inspectedApplication, openRound } from "./rounds-support";

let t: TestApp;
let staff: Client;
let callId: string;

beforeAll(async () => {
  t = await startApplicationsApp();
  staff = await t.signIn("staff");
  callId = (await make(t).call()).id;
});
afterAll(() => t.close());

/** Two applications, three experts, k = 3: every expert reviews both. */
async function scene(options: { revealAfterSubmit?: boolean } = {}) {
  const apps = [await inspectedApplication(t, callId), await inspectedApplication(t, callId)];
  const experts = [await expert(t), await expert(t), await expert(t)];
  const round = await buildRound(staff, {
    callId,
    applicationIds: apps.map((a) => a.application.id),
    expertIds: experts.map((e) => e.id),
    k: 3,
    revealAfterSubmit: options.revealAfterSubmit ?? false,
  });
  const clients = await Promise.all(experts.map((e) => e.signIn()));
  const reviewOf = async (expertIndex: number, appIndex: number) => {
    const [row] = await t.db
      .select()
      .from(reviews)
      .where(
        and(
          eq(reviews.roundId, round.id),
          eq(reviews.expertId, experts[expertIndex]?.id as string),
          eq(reviews.subjectId, apps[appIndex]?.application.id as string),
        ),
      );
    return row as typeof reviews.$inferSelect;
  };
  return { apps, experts, round, clients, reviewOf };
}

/** Scores every criterion of the review's rubric with `score`, with a comment each. */
async function scoreAll(client: Client, id: string, score: number) {
  const detail = (await client.get(`/api/reviews/${id}`)).json();
  const scores = Object.fromEntries(detail.rubric.criteria.map((c: { key: string }) => [c.key, score]));
  const comments = Object.fromEntries(
    detail.rubric.criteria.map((c: { key: string }) => [c.key, "理由充分"]),
  );
  const saved = await client.patch(`/api/reviews/${id}`, { version: detail.version, scores, comments });
  if (saved.statusCode !== 200) throw new Error(saved.body);
  return saved.json();
}

async function submit(client: Client, id: string) {
  const { version } = (await client.get(`/api/reviews/${id}`)).json();
  return client.post(`/api/reviews/${id}/submit`, { version });
}

describe("the expert's assignments", () => {
  it("shows nothing before the round opens; then the assignments grouped by round with x of n and the deadline", async () => {
    const { round, clients, reviewOf, apps } = await scene();
    const early = (await clients[0]?.get("/api/reviews"))?.json();
    expect(early.rounds.find((r: { roundId: string }) => r.roundId === round.id)).toBeUndefined();
    const review = await reviewOf(0, 0);
    expect((await clients[0]?.get(`/api/reviews/${review.id}`))?.statusCode).toBe(404);

    await openRound(staff, round.id);
    const list = (await clients[0]?.get("/api/reviews"))?.json();
    const group = list.rounds.find((r: { roundId: string }) => r.roundId === round.id);
    expect(group).toMatchObject({ total: 2, submitted: 0, status: "open" });
    expect(group.reviews).toHaveLength(2);
    // Each expert was told how many and until when.
    const told = await t.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, review.expertId), eq(notifications.kind, "review_assigned")));
    expect(told[0]?.params).toMatchObject({ roundId: round.id, count: 2 });

    // The signed-off inspection is shown (the latest revision), a draft one is not.
    const application = apps.find((a) => a.application.id === review.subjectId);
    const signedOffAt = new Date(Date.now() - 3600_000);
    await t.db.insert(inspections).values([
      {
        baseId: t.baseId,
        applicationId: review.subjectId,
        organizationId: application?.organization.id as string,
        mode: "on_site",
        scheduledAt: new Date(Date.now() - 2 * DAY),
        signedOffAt,
        place: "社区活动中心",
      },
    ]);
    const detail = await clients[0]?.get(`/api/reviews/${review.id}`);
    expect(detail?.statusCode, detail?.body).toBe(200);
    expect(detail?.json()).toMatchObject({
      status: "assigned",
      applicationId: review.subjectId,
      track: "org",
      others: null,
      application: { id: review.subjectId, availableEvents: [] },
      inspection: { mode: "on_site", place: "社区活动中心", signedOffAt: signedOffAt.toISOString() },
    });
    // The expert's other reviews of the round, for "next": both of theirs.
    expect(
      detail
        ?.json()
        .siblings.map((r: { id: string }) => r.id)
        .sort(),
    ).toEqual(group.reviews.map((r: { id: string }) => r.id).sort());
    expect(detail?.json().rubric.criteria.length).toBeGreaterThan(0);
    // The application itself, as its reviewer.
    expect((await clients[0]?.get(`/api/applications/${review.subjectId}`))?.statusCode).toBe(200);
  });

  it("an unassigned or conflicted expert finds neither the review nor the application (404)", async () => {
    const { round, clients, reviewOf, apps, experts } = await scene();
    await openRound(staff, round.id);
    const outsider = await expert(t);
    const outsiderClient = await outsider.signIn();
    const review = await reviewOf(1, 0);
    expect((await outsiderClient.get(`/api/reviews/${review.id}`)).statusCode).toBe(404);
    expect((await outsiderClient.get(`/api/applications/${review.subjectId}`)).statusCode).toBe(404);
    expect(
      (await outsiderClient.patch(`/api/reviews/${review.id}`, { version: 1, scores: {} })).statusCode,
    ).toBe(404);
    // Another expert's review is not theirs either.
    expect((await clients[0]?.get(`/api/reviews/${review.id}`))?.statusCode).toBe(404);

    // A conflict declared after the assignment hides the application from that expert.
    await t.db.insert(expertConflicts).values({
      baseId: t.baseId,
      expertId: experts[1]?.id as string,
      organizationId: apps[0]?.organization.id as string,
      source: "declared",
      reason: "近期受聘为该机构顾问",
    });
    expect((await clients[1]?.get(`/api/reviews/${review.id}`))?.statusCode).toBe(404);
    expect((await clients[1]?.get(`/api/applications/${review.subjectId}`))?.statusCode).toBe(404);
    const list = (await clients[1]?.get("/api/reviews"))?.json();
    const group = list.rounds.find((r: { roundId: string }) => r.roundId === round.id);
    expect(group.reviews.map((r: { applicationId: string }) => r.applicationId)).not.toContain(
      review.subjectId,
    );
    // Staff may not score.
    expect((await staff.get(`/api/reviews/${review.id}`)).statusCode).toBe(403);
  });
});

describe("the application's documents", () => {
  it("open to its assigned expert as staff read them; an unassigned or conflicted expert gets 404", async () => {
    const member = await otherMember(t, { fields: ["health"] });
    const draft = await completeDraft(member.client, callId);
    await t.db.update(applications).set({ status: "inspected" }).where(eq(applications.id, draft.id));
    const detail = (await staff.get(`/api/applications/${draft.id}`)).json();
    const fileId = detail.documents[0].file.id as string;
    const [reader, conflicted, outsider] = [await expert(t), await expert(t), await expert(t)];
    const round = await buildRound(staff, {
      callId,
      applicationIds: [draft.id],
      expertIds: [reader.id, conflicted.id],
      k: 2,
    });
    await openRound(staff, round.id);
    await t.db.insert(expertConflicts).values({
      baseId: t.baseId,
      expertId: conflicted.id,
      organizationId: member.organizationId,
      source: "staff",
      reason: "同一单位任职",
    });
    const readerClient = await reader.signIn();
    const review = (await readerClient.get("/api/reviews"))
      .json()
      .rounds.find((r: { roundId: string }) => r.roundId === round.id).reviews[0];
    const scoring = (await readerClient.get(`/api/reviews/${review.id}`)).json();
    expect(scoring.application.documents.map((d: { file: { id: string } }) => d.file.id)).toContain(fileId);
    const inline = await readerClient.get(`/api/files/${fileId}?inline=1`);
    expect(inline.statusCode).toBe(200);
    expect(inline.headers["content-type"]).toContain("application/pdf");
    expect((await (await conflicted.signIn()).get(`/api/files/${fileId}`)).statusCode).toBe(404);
    expect((await (await outsider.signIn()).get(`/api/files/${fileId}`)).statusCode).toBe(404);
  });
});

describe("scoring", () => {
  it("saves drafts within the scale; submit needs every criterion and a comment at either end, then it is frozen", async () => {
    const { round, clients, reviewOf } = await scene();
    await openRound(staff, round.id);
    const client = clients[0] as Client;
    const review = await reviewOf(0, 0);
    const detail = (await client.get(`/api/reviews/${review.id}`)).json();
    const [first, second] = detail.rubric.criteria;

    const outOfScale = await client.patch(`/api/reviews/${review.id}`, {
      version: detail.version,
      scores: { [first.key]: 11 },
    });
    expect(outOfScale.statusCode).toBe(400);
    expect(outOfScale.json()).toMatchObject({ field: `scores.${first.key}` });
    expect(outOfScale.json().message).toContain(first.name.zhCN);
    const unknown = await client.patch(`/api/reviews/${review.id}`, {
      version: detail.version,
      scores: { nope: 3 },
    });
    expect(unknown.statusCode).toBe(400);

    const draft = await client.patch(`/api/reviews/${review.id}`, {
      version: detail.version,
      scores: { [first.key]: 10, [second.key]: 7 },
    });
    expect(draft.statusCode, draft.body).toBe(200);
    expect(draft.json()).toMatchObject({ status: "draft", version: detail.version + 1, total: null });
    const stale = await client.patch(`/api/reviews/${review.id}`, { version: detail.version, scores: {} });
    expect(stale.statusCode).toBe(409);

    // Missing criteria first, in rubric order, each named; and a 10 without a comment.
    const incomplete = await client.post(`/api/reviews/${review.id}/submit`, {
      version: draft.json().version,
    });
    expect(incomplete.statusCode).toBe(400);
    const problems = incomplete.json().details.problems as { field: string; message: string }[];
    expect(problems[0]).toEqual({
      field: `comments.${first.key}`,
      message: expect.stringContaining("请填写评语"),
    });
    expect(problems.slice(1).map((p) => p.field)).toEqual(
      detail.rubric.criteria.slice(2).map((c: { key: string }) => `scores.${c.key}`),
    );
    expect(problems[1]?.message).toContain(detail.rubric.criteria[2].name.zhCN);

    const scores = Object.fromEntries(detail.rubric.criteria.map((c: { key: string }) => [c.key, 6]));
    const full = await client.patch(`/api/reviews/${review.id}`, {
      version: draft.json().version,
      scores: { ...scores, [first.key]: 0 },
    });
    const atEnd = await client.post(`/api/reviews/${review.id}/submit`, { version: full.json().version });
    expect(atEnd.statusCode).toBe(400);
    expect(atEnd.json().field).toBe(`comments.${first.key}`);
    const commented = await client.patch(`/api/reviews/${review.id}`, {
      version: full.json().version,
      comments: { [first.key]: "未见任何需求调研" },
    });
    const done = await client.post(`/api/reviews/${review.id}/submit`, { version: commented.json().version });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: "submitted" });
    expect(done.json().total).toBeGreaterThan(0);
    const frozen = await client.patch(`/api/reviews/${review.id}`, {
      version: done.json().version,
      scores: {},
    });
    expect(frozen.statusCode).toBe(409);
    expect(frozen.json().code).toBe("review_submitted");
    const audit = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "review.submit"), eq(auditLog.entityId, review.id)));
    expect(audit).toHaveLength(1);
  });

  it("refuses scoring after the deadline and while the round is not open, saying why", async () => {
    const { round, clients, reviewOf } = await scene();
    await openRound(staff, round.id);
    const review = await reviewOf(0, 0);
    await t.db
      .update(reviewRounds)
      .set({ deadline: new Date(Date.now() - 60_000) })
      .where(eq(reviewRounds.id, round.id));
    const late = await clients[0]?.patch(`/api/reviews/${review.id}`, {
      version: review.version,
      scores: {},
    });
    expect(late?.statusCode).toBe(409);
    expect(late?.json().code).toBe("review_deadline_passed");
    expect(late?.json().message).toContain("截止");
    await t.db
      .update(reviewRounds)
      .set({ deadline: new Date(Date.now() + DAY) })
      .where(eq(reviewRounds.id, round.id));
    const { version } = (await staff.get(`/api/rounds/${round.id}`)).json();
    expect((await staff.post(`/api/rounds/${round.id}/close`, { version })).statusCode).toBe(200);
    const closed = await clients[0]?.patch(`/api/reviews/${review.id}`, {
      version: review.version,
      scores: {},
    });
    expect(closed?.statusCode).toBe(409);
    expect(closed?.json().code).toBe("round_not_open");
    // Closed, the round is counted in the list; its reviews come when asked for.
    const list = (await clients[0]?.get("/api/reviews"))?.json();
    const group = list.rounds.find((r: { roundId: string }) => r.roundId === round.id);
    expect(group).toMatchObject({ status: "closed", total: 2, submitted: 0, reviews: null });
    const asked = (await clients[0]?.get(`/api/reviews?roundId=${round.id}`))?.json();
    const listed = asked.rounds.find((r: { roundId: string }) => r.roundId === round.id);
    expect(listed).toMatchObject({ status: "closed", total: 2, submitted: 0 });
    expect(listed.reviews.map((r: { id: string }) => r.id)).toContain(review.id);
    expect((await clients[0]?.get("/api/reviews?roundId=1"))?.statusCode).toBe(400);
  });
});

describe("others' scores", () => {
  it("stay hidden until one's own submit, and then show only if the round reveals them", async () => {
    for (const reveal of [true, false]) {
      const { round, clients, reviewOf } = await scene({ revealAfterSubmit: reveal });
      await openRound(staff, round.id);
      const a = await reviewOf(0, 0);
      const b = await reviewOf(1, 0);
      await scoreAll(clients[1] as Client, b.id, 7);
      expect((await submit(clients[1] as Client, b.id)).statusCode).toBe(200);
      // Before the first expert submits: nothing of the other's.
      await scoreAll(clients[0] as Client, a.id, 5);
      const before = (await clients[0]?.get(`/api/reviews/${a.id}`))?.json();
      expect(before.others).toBeNull();
      expect(JSON.stringify(before)).not.toContain(b.id);
      expect((await submit(clients[0] as Client, a.id)).statusCode).toBe(200);
      const after = (await clients[0]?.get(`/api/reviews/${a.id}`))?.json();
      if (reveal) {
        expect(after.others.reviews).toHaveLength(1);
        expect(after.others.reviews[0].total).toBe(70);
        expect(after.others.mean).toBe(60);
      } else {
        expect(after.others).toBeNull();
      }
    }
  });
});

describe("staff reopen a submitted review", () => {
  it("audited, the expert told; a review not submitted is 409", async () => {
    const { round, clients, reviewOf } = await scene();
    await openRound(staff, round.id);
    const review = await reviewOf(2, 1);
    const notYet = await staff.post(`/api/reviews/${review.id}/reopen`, {
      version: review.version,
      reason: "核对",
    });
    expect(notYet.statusCode).toBe(409);
    expect(notYet.json().code).toBe("review_not_submitted");
    await scoreAll(clients[2] as Client, review.id, 5);
    const submitted = await submit(clients[2] as Client, review.id);
    // Submitting stores the total the ranking sums (every criterion 5 of 0-10: 50 points);
    // reopening clears it, so a draft's scores never count.
    const storedTotal = async () =>
      (await t.db.select({ total: reviews.totalMicro }).from(reviews).where(eq(reviews.id, review.id)))[0]
        ?.total;
    expect(await storedTotal()).toBe(50_000_000);
    const reopened = await staff.post(`/api/reviews/${review.id}/reopen`, {
      version: submitted.json().version,
      reason: "评语与分数不一致，请核对",
    });
    expect(reopened.statusCode, reopened.body).toBe(200);
    expect(reopened.json()).toMatchObject({ status: "draft", submittedAt: null });
    expect(await storedTotal()).toBeNull();
    const audit = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "review.reopen"), eq(auditLog.entityId, review.id)));
    expect(audit[0]?.after).toMatchObject({ reason: "评语与分数不一致，请核对" });
    const told = await t.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, review.expertId), eq(notifications.kind, "review_reopened")));
    expect(told).toHaveLength(1);
    // The expert can change it again.
    const again = await clients[2]?.patch(`/api/reviews/${review.id}`, {
      version: reopened.json().version,
      overallComment: "已核对",
    });
    expect(again?.statusCode).toBe(200);
  });
});

describe("reminders", () => {
  it("reminds experts with unsubmitted reviews three days and one day before, once each", async () => {
    const { round, experts } = await scene();
    await openRound(staff, round.id);
    const deadline = new Date(Date.now() + 2 * DAY);
    await t.db.update(reviewRounds).set({ deadline }).where(eq(reviewRounds.id, round.id));
    const sent = await sendReviewReminders(t.db);
    expect(sent).toBeGreaterThanOrEqual(3);
    expect(await sendReviewReminders(t.db)).toBe(0);
    const mine = await t.db
      .select()
      .from(notifications)
      .where(
        and(eq(notifications.userId, experts[0]?.id as string), eq(notifications.kind, "review_deadline")),
      );
    expect(mine.map((n) => n.params.lead)).toEqual(["3d"]);
    expect(mine[0]?.params).toMatchObject({ count: 2, roundId: round.id });
    // A day before: the one-day reminder.
    await sendReviewReminders(t.db, new Date(deadline.getTime() - 20 * 3_600_000));
    const later = await t.db
      .select()
      .from(notifications)
      .where(
        and(eq(notifications.userId, experts[0]?.id as string), eq(notifications.kind, "review_deadline")),
      );
    expect(later.map((n) => n.params.lead).sort()).toEqual(["1d", "3d"]);
  });
});
