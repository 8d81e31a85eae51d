/**
 * The ranking computed in the database (server/areas/admission/ranking/aggregate-sql.ts) equals
 * `rankTrack`, the pure reference in src/domain/review, to the last bit: for seeded rounds of
 * several tracks with ties, applications with few or no reviews, experts kept off applications
 * (conflicts), constant and single-review experts, half points, drafts and reopened reviews, and
 * for every method as the round's method and as the page's order, read page by page.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reviewRounds, reviews, roundSubjects, rubrics } from "../../../src/db/schema";
import type { Track } from "../../../src/domain/call";
import type { CriterionTemplate } from "../../../src/domain/review/default-rubrics";
import { totalMicro } from "../../../src/domain/review/rubric";
import { RANK_METHODS, type RankMethod, rankTrack } from "../../../src/domain/review/track-ranking";
import { make } from "../../factories";
import { type Client, startTestApp, type TestApp } from "../../support/app";

let t: TestApp;
let staff: Client;

beforeAll(async () => {
  t = await startTestApp();
  staff = await t.signIn("staff");
});
afterAll(() => t.close());

/** A seeded generator (mulberry32), so a failing round can be built again. */
function seeded(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const criterion = (key: string, weight: number, min: number, max: number): CriterionTemplate => ({
  key,
  weight,
  min,
  max,
  name: { zhCN: key, en: key },
  description: { zhCN: key, en: key },
  levels: [{ min, max, meaning: { zhCN: key, en: key } }],
});

/** Rubrics whose weights and scales make totals that are not round numbers (and one that is). */
const RUBRICS: Partial<Record<Track, CriterionTemplate[]>> = {
  org: [criterion("a", 3, 0, 10), criterion("b", 1, 1, 5), criterion("c", 2.5, 0, 7)],
  project: [criterion("x", 7, 0, 10), criterion("y", 3, 0, 3)],
  space: [criterion("s", 1, 0, 100)],
};

interface Built {
  roundId: string;
  perTrack: { track: Track; rubricId: string; criteria: CriterionTemplate[]; submitted: Sub[] }[];
}
type Plan = { e: number; scores: Record<string, number>; status: "submitted" | "draft" | "assigned" }[];
interface Sub {
  applicationId: string;
  expertId: string;
  scores: Record<string, number>;
}

async function buildRound(seed: number, method: RankMethod): Promise<Built> {
  const rnd = seeded(seed);
  const f = make(t);
  const call = await f.call();
  const experts = [];
  for (let e = 0; e < 7; e++)
    experts.push(await f.user({ roles: ["expert"], displayName: `专家${seed}-${e}` }));
  const rubricIds: Partial<Record<Track, string>> = {};
  const perTrack: Built["perTrack"] = [];
  const [round] = await t.db
    .insert(reviewRounds)
    .values({
      baseId: t.baseId,
      callId: call.id,
      title: `等价性第${seed}轮`,
      status: "closed",
      reviewsPerSubject: 4,
      deadline: new Date(),
      method,
      trimmedMinReviews: 4,
      spreadThreshold: 20,
      expertDeviationThreshold: 10,
      rubricIds: {},
    })
    .returning();
  if (!round) throw new Error("no round");
  for (const [track, criteria] of Object.entries(RUBRICS) as [Track, CriterionTemplate[]][]) {
    const [rubric] = await t.db
      .insert(rubrics)
      .values({
        baseId: t.baseId,
        track,
        version: 1000 + seed * 10 + perTrack.length,
        title: "等价",
        criteria,
      })
      .returning();
    if (!rubric) throw new Error("no rubric");
    rubricIds[track] = rubric.id;
    const submitted: Sub[] = [];
    const apps = track === "space" ? 3 : 9 + Math.floor(rnd() * 6);
    const earlier: Record<string, number>[] = [];
    let previous: Plan | null = null;
    for (let a = 0; a < apps; a++) {
      const organization = await f.organization();
      const application = await f.application({ callId: call.id, organizationId: organization.id, track });
      await t.db.insert(roundSubjects).values({
        roundId: round.id,
        subjectId: application.id,
        baseId: t.baseId,
        organizationId: organization.id,
        track,
      });
      if (a === apps - 1 && track !== "space") continue; // one application nobody has scored yet
      // Every third application or so is scored exactly as the one before it: a tie down to the id.
      const plan: Plan = previous && rnd() < 0.3 ? previous : [];
      if (plan !== previous) {
        for (const e of experts.keys()) {
          const chance = rnd();
          if (chance < 0.3 && e > 1) continue; // not assigned, or kept off by a conflict
          // Expert 0 is a constant scorer, expert 6 scored a single application per track.
          if (e === 6 && a > 0) continue;
          const copy = earlier.length > 0 && rnd() < 0.25;
          const scores: Record<string, number> = copy
            ? (earlier[Math.floor(rnd() * earlier.length)] as Record<string, number>)
            : Object.fromEntries(
                criteria.map((c) => [
                  c.key,
                  e === 0 ? c.max - 1 : c.min + Math.round(rnd() * (c.max - c.min) * 2) / 2,
                ]),
              );
          earlier.push(scores);
          const status = chance > 0.93 ? "draft" : chance > 0.9 ? "assigned" : "submitted";
          plan.push({ e, scores, status });
        }
      }
      previous = plan;
      for (const { e, scores, status } of plan) {
        const expert = experts[e] as { id: string };
        await t.db.insert(reviews).values({
          baseId: t.baseId,
          roundId: round.id,
          subjectId: application.id,
          expertId: expert.id,
          rubricId: rubric.id,
          status,
          // A reopened review is a draft again, with the scores it had: they must not count.
          reopenedCount: status === "draft" ? 1 : 0,
          scores,
          submittedAt: status === "submitted" ? new Date() : null,
          // About half as the app submits them (the total stored), half written without one:
          // the ranking computes those from the scores. Both paths must give the same figures.
          totalMicro:
            status === "submitted" && rnd() < 0.5
              ? totalMicro(
                  { id: rubric.id, track, criteria },
                  { applicationId: application.id, expertId: expert.id, track, rubricId: rubric.id, scores },
                )
              : null,
        });
        if (status === "submitted")
          submitted.push({ applicationId: application.id, expertId: expert.id, scores });
      }
    }
    perTrack.push({ track, rubricId: rubric.id, criteria, submitted });
  }
  await t.db.update(reviewRounds).set({ rubricIds }).where(eq(reviewRounds.id, round.id));
  return { roundId: round.id, perTrack };
}

async function allPages(roundId: string, track: Track, sort: RankMethod) {
  const items = [];
  let body: Record<string, unknown> & { items: unknown[]; total: number };
  let page = 1;
  do {
    const res = await staff.get(
      `/api/rounds/${roundId}/ranking?track=${track}&sort=${sort}&page=${page}&pageSize=4`,
    );
    expect(res.statusCode, res.body).toBe(200);
    body = res.json();
    items.push(...body.items);
    page++;
  } while (items.length < body.total);
  return { body, items: items as Record<string, unknown>[] };
}

/** What the seeded rounds must contain, or the comparison proves less than it says. */
const seen = { trimmedNull: false, differ: false, constant: false, tie: false };

describe("the ranking computed in the database", () => {
  for (const [i, method] of RANK_METHODS.entries()) {
    it(`equals rankTrack's for every track and order (round's method ${method})`, async () => {
      const built = await buildRound(20261207 + i, method);
      for (const part of built.perTrack) {
        const expected = rankTrack({
          track: part.track,
          rubric: { id: part.rubricId, track: part.track, criteria: part.criteria },
          reviews: part.submitted.map((s) => ({ ...s, track: part.track, rubricId: part.rubricId })),
          settings: { method, trimmedMinReviews: 4, spreadThreshold: 20, expertDeviationThreshold: 10 },
        });
        seen.trimmedNull ||= expected.applications.some((a) => a.trimmedMean === null);
        seen.differ ||= expected.applications.some((a) => a.ranksDiffer);
        seen.constant ||= expected.experts.some((e) => e.constant);
        seen.tie ||= expected.applications.some((a, k) =>
          expected.applications.some(
            (b, m) => m !== k && a.mean === b.mean && a.median === b.median && a.count === b.count,
          ),
        );
        for (const sort of RANK_METHODS) {
          const { body, items } = await allPages(built.roundId, part.track, sort);
          const want = [...expected.applications].sort(
            (a, b) =>
              (a.ranks[sort] ?? Number.MAX_SAFE_INTEGER) - (b.ranks[sort] ?? Number.MAX_SAFE_INTEGER) ||
              expected.applications.indexOf(a) - expected.applications.indexOf(b),
          );
          expect(items.map((a) => a.applicationId)).toEqual(want.map((a) => a.applicationId));
          for (const [k, a] of want.entries()) {
            const got = items[k] as Record<string, unknown> & { reviews: Record<string, unknown>[] };
            expect({
              position: got.position,
              count: got.count,
              mean: got.mean,
              median: got.median,
              trimmedMean: got.trimmedMean,
              trimmedMeanReason: got.trimmedMeanReason,
              zScore: got.zScore,
              zScoreReviews: got.zScoreReviews,
              spread: got.spread,
              disagreement: got.disagreement,
              ranks: got.ranks,
              ranksDiffer: got.ranksDiffer,
              reviews: got.reviews.map((r) => ({ expertId: r.expertId, total: r.total, zScore: r.zScore })),
            }).toEqual({
              position: expected.applications.indexOf(a) + 1,
              count: a.count,
              mean: a.mean,
              median: a.median,
              trimmedMean: a.trimmedMean,
              trimmedMeanReason: a.trimmedMeanReason,
              zScore: a.zScore,
              zScoreReviews: a.zScoreReviews,
              spread: a.spread,
              disagreement: a.disagreement,
              ranks: a.ranks,
              ranksDiffer: a.ranksDiffer,
              reviews: a.reviews,
            });
          }
          const tracks = body.tracks as {
            track: Track;
            methodsAgree: boolean;
            schulzeCost: unknown;
            ranked: number;
            unreviewed: number;
          }[];
          const totals = tracks.find((x) => x.track === part.track);
          expect(totals).toMatchObject({
            methodsAgree: expected.methodsAgree,
            schulzeCost: expected.schulzeCost,
            ranked: expected.applications.length,
          });
          const view = body.track as { experts: Record<string, unknown>[] };
          expect(view.experts.map(({ expertName: _, ...e }) => e)).toEqual(expected.experts);
        }
      }
    });
  }

  it("was compared on rounds with ties to the id, unranked trimmed means, differing methods and constant scorers", () => {
    expect(seen).toEqual({ trimmedNull: true, differ: true, constant: true, tie: true });
  });

  it("refuses, as the JS does, a submitted review that does not fit the rubric", async () => {
    const built = await buildRound(77, "mean");
    const part = built.perTrack[0] as Built["perTrack"][number];
    const victim = part.submitted[0] as Sub;
    await t.db
      .update(reviews)
      .set({ scores: { ...victim.scores, a: 10.5 }, totalMicro: null })
      .where(eq(reviews.subjectId, victim.applicationId));
    const res = await staff.get(`/api/rounds/${built.roundId}/ranking`);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json()).toMatchObject({
      code: "ranking_input_invalid",
      details: { code: "score_out_of_scale", criterion: "a", track: "org" },
    });
    await t.db
      .update(reviews)
      .set({ scores: { ...victim.scores, extra: 1 }, totalMicro: null })
      .where(eq(reviews.subjectId, victim.applicationId));
    const unknown = await staff.get(`/api/rounds/${built.roundId}/ranking`);
    expect(unknown.json()).toMatchObject({ details: { code: "criterion_unknown", criterion: "extra" } });
  });
});
