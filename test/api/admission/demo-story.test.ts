/**
 * The demo's stages 2 and 3 tell a story the people trying the platform rely on: the first batch
 * went the whole way (inspected, reviewed by a panel with a lenient and a harsh expert, decided
 * within places, places taken), the second is under way with work for `staff` and `expert`.
 * These checks read the seeded database as the pages will, with the domain's own rules.
 */
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, rowsOf } from "../../../src/db/client";
import {
  admissionDecisions,
  admissionNotices,
  applications,
  inspections,
  noticeObjections,
  reviewRounds,
  reviews,
  roundSubjects,
  rubrics,
  users,
} from "../../../src/db/schema";
import { nextStatus } from "../../../src/domain/application";
import type { Track } from "../../../src/domain/call";
import { inspectionGaps } from "../../../src/domain/inspection";
import { DEFAULT_RUBRICS } from "../../../src/domain/review/default-rubrics";
import { rankTrack } from "../../../src/domain/review/track-ranking";
import { testDatabase } from "../../support/database";

let database: Database;

beforeAll(async () => {
  database = await testDatabase();
});
afterAll(async () => {
  await database.close();
});

const roundNamed = async (title: string) => {
  const [round] = await database.db.select().from(reviewRounds).where(eq(reviewRounds.title, title));
  if (!round) throw new Error(`no round ${title}`);
  return round;
};

describe("the demo's admission story", () => {
  it("has the first batch's round closed, every review submitted, k each, loads within one", async () => {
    const round = await roundNamed("2026年度第一批入壳评审");
    expect(round.status).toBe("closed");
    const rows = await database.db.select().from(reviews).where(eq(reviews.roundId, round.id));
    expect(rows.every((r) => r.status === "submitted")).toBe(true);
    const count = (key: (r: (typeof rows)[number]) => string) => {
      const counts = new Map<string, number>();
      for (const r of rows) counts.set(key(r), (counts.get(key(r)) ?? 0) + 1);
      return [...counts.values()];
    };
    for (const n of count((r) => r.subjectId)) expect(n).toBe(round.reviewsPerSubject);
    const loads = count((r) => r.expertId);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
    // An extreme score always carries its comment, as the scoring form requires.
    for (const r of rows) {
      for (const [key, score] of Object.entries(r.scores)) {
        if (score === 0 || score === 10) expect(r.comments[key], `${r.id} ${key}`).toBeTruthy();
      }
    }
  });

  it("shows a lenient and a harsh expert, and decides within each track's places in the z-score order", async () => {
    const round = await roundNamed("2026年度第一批入壳评审");
    expect(round.method).toBe("zScore");
    const rows = await database.db.select().from(reviews).where(eq(reviews.roundId, round.id));
    const subjects = await database.db
      .select()
      .from(roundSubjects)
      .where(eq(roundSubjects.roundId, round.id));
    const decisions = await database.db
      .select()
      .from(admissionDecisions)
      .where(eq(admissionDecisions.roundId, round.id));
    const names = new Map(
      (await database.db.select({ id: users.id, username: users.username }).from(users)).map((u) => [
        u.id,
        u.username,
      ]),
    );
    const means = new Map<string, number[]>();
    for (const track of new Set(subjects.map((s) => s.track)) as Set<Track>) {
      const rubricId = round.rubricIds[track] as string;
      const ranking = rankTrack({
        track,
        rubric: { id: rubricId, track, criteria: DEFAULT_RUBRICS[track].criteria },
        reviews: rows
          .filter((r) => subjects.find((s) => s.subjectId === r.subjectId)?.track === track)
          .map((r) => ({
            applicationId: r.subjectId,
            expertId: r.expertId,
            track,
            rubricId,
            scores: r.scores,
          })),
        settings: { method: "zScore" },
      });
      for (const e of ranking.experts) means.set(e.expertId, [...(means.get(e.expertId) ?? []), e.mean]);
      // The first `places` by z-score were admitted (one of them may have declined since).
      const places = round.quotas[track] ?? 0;
      const firstDecision = (id: string) => decisions.find((d) => d.applicationId === id);
      ranking.applications.forEach((row, n) => {
        const decided = firstDecision(row.applicationId);
        if (n < places) expect(decided?.decision, `${track} #${n + 1}`).toBe("admitted");
        else if (n > places) expect(decided?.decision, `${track} #${n + 1}`).toBe("rejected");
      });
    }
    const avg = (id: string) => {
      const list = means.get(id) ?? [];
      return list.reduce((a, b) => a + b, 0) / list.length;
    };
    const byName = (name: string) => [...names].find(([, n]) => n === name)?.[0] as string;
    expect(avg(byName("expert_wang"))).toBeGreaterThan(avg(byName("expert_zhao")) + 15);
  });

  it("ends the first batch with a closed notice, its objection answered, decisions final and places answered", async () => {
    const round = await roundNamed("2026年度第一批入壳评审");
    const [notice] = await database.db
      .select()
      .from(admissionNotices)
      .where(eq(admissionNotices.roundId, round.id));
    expect(notice?.status).toBe("closed");
    const objections = await database.db
      .select()
      .from(noticeObjections)
      .where(eq(noticeObjections.noticeId, notice?.id as string));
    expect(objections.length).toBeGreaterThan(0);
    expect(objections.every((o) => o.answer && o.answeredAt)).toBe(true);
    const decided = await database.db
      .select({
        decision: admissionDecisions.decision,
        finalAt: admissionDecisions.finalAt,
        status: applications.status,
      })
      .from(admissionDecisions)
      .innerJoin(applications, eq(applications.id, admissionDecisions.applicationId))
      .where(eq(admissionDecisions.roundId, round.id));
    expect(decided.every((d) => d.finalAt)).toBe(true);
    const statuses = decided.map((d) => d.status);
    expect(statuses).toContain("confirmed");
    expect(statuses).toContain("declined");
    expect(statuses).toContain("rejected");
    // Every admitted organization answered: none is left "admitted".
    expect(statuses).not.toContain("admitted");
  });

  it("has the demo member's organization confirmed for the space track", async () => {
    const [member] = await database.db.select().from(users).where(eq(users.username, "member"));
    const rows = await database.db
      .select({ status: applications.status, track: applications.track })
      .from(applications)
      .where(eq(applications.organizationId, member?.organizationId as string));
    expect(rows).toContainEqual({ status: "confirmed", track: "space" });
  });

  it("leaves the second batch with inspections to plan, to record and to sign off, and an open round for `expert`", async () => {
    const round = await roundNamed("2026年度第二批入壳评审（第一轮）");
    expect(round.status).toBe("open");
    expect(round.deadline.getTime()).toBeGreaterThan(Date.now());
    const [expert] = await database.db.select().from(users).where(eq(users.username, "expert"));
    const mine = await database.db
      .select()
      .from(reviews)
      .where(and(eq(reviews.roundId, round.id), eq(reviews.expertId, expert?.id as string)));
    expect(mine.length).toBeGreaterThanOrEqual(2);
    expect(mine.some((r) => r.status !== "submitted")).toBe(true);
    const statuses = (
      await database.db
        .select({ status: applications.status })
        .from(applications)
        .where(eq(applications.callId, round.callId as string))
    ).map((r) => r.status);
    for (const s of ["accepted", "in_inspection", "in_review"] as const) expect(statuses).toContain(s);
    const open = await database.db
      .select()
      .from(inspections)
      .where(sql`${inspections.status} <> 'signed_off'`);
    expect(open.map((i) => i.status).sort()).toEqual(["planned", "recording"]);
  });

  it("keeps every signed-off inspection complete, every rubric frozen once used, and every history legal", async () => {
    const signed = await database.db
      .select({ finding: inspections.finding, registration: sql<string>`o.registration_status` })
      .from(inspections)
      .innerJoin(sql`organizations o`, sql`o.id = ${inspections.organizationId}`)
      .where(eq(inspections.status, "signed_off"));
    for (const s of signed) expect(inspectionGaps(s.finding, s.registration as never)).toEqual([]);
    expect((await database.db.select().from(rubrics)).every((r) => r.frozenAt)).toBe(true);
    const events = rowsOf<{ from_status: string; event: string; to_status: string }>(
      await database.db.execute(
        sql`SELECT from_status, event, to_status FROM application_events WHERE event <> 'extend'`,
      ),
    );
    for (const e of events) {
      expect(nextStatus(e.from_status as never, e.event as never), `${e.from_status} ${e.event}`).toBe(
        e.to_status,
      );
    }
  });
});
