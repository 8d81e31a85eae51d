/**
 * The admission review's ranking of one track (src/domain/review/track-ranking.ts), checked over
 * random panels (fast-check). Small scales make equal totals, hence ties, common.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { trimmedMean } from "../../src/domain/review/aggregates";
import { compareByTieRule } from "../../src/domain/review/ranking";
import { type Review, ReviewInputError, type Rubric } from "../../src/domain/review/rubric";
import {
  type ApplicationRanking,
  DEFAULT_RANKING_SETTINGS,
  RANK_METHODS,
  type RankMethod,
  rankTrack,
  type TrackRanking,
} from "../../src/domain/review/track-ranking";

const APPS = ["a1", "a2", "a3", "a4", "a5", "a6"];
const EXPERTS = ["e1", "e2", "e3", "e4", "e5"];
const rubric: Rubric = {
  id: "project-2026",
  track: "project",
  criteria: [
    { key: "innovation", weight: 2, min: 0, max: 4 },
    { key: "need", weight: 1, min: 0, max: 2 },
  ],
};

const review = (applicationId: string, expertId: string, innovation: number, need: number): Review => ({
  applicationId,
  expertId,
  track: "project",
  rubricId: rubric.id,
  scores: { innovation, need },
});

/** A panel: each expert scores some applications, at most once each. */
const panel = (max = { innovation: 4, need: 2 }) =>
  fc
    .uniqueArray(
      fc.record({
        app: fc.constantFrom(...APPS),
        expert: fc.constantFrom(...EXPERTS),
        innovation: fc.integer({ min: 0, max: max.innovation }),
        need: fc.integer({ min: 0, max: max.need }),
      }),
      { selector: (r) => `${r.app}|${r.expert}`, minLength: 1, maxLength: 24 },
    )
    .map((rows) => rows.map((r) => review(r.app, r.expert, r.innovation, r.need)));

const rank = (reviews: readonly Review[], settings = {}) =>
  rankTrack({ track: "project", rubric, reviews, settings });

const app = (result: TrackRanking, id: string) => result.applications.find((a) => a.applicationId === id);

/** Every number anywhere in the result. */
function numbers(value: unknown): number[] {
  if (typeof value === "number") return [value];
  if (value && typeof value === "object") return Object.values(value).flatMap(numbers);
  return [];
}

/** The value a method ranks by; Schulze has none of its own. */
const methodValue = (a: ApplicationRanking, method: Exclude<RankMethod, "schulze">) => a[method];

describe("ranking one track", () => {
  it("does not depend on the order the reviews arrive in", () => {
    fc.assert(
      fc.property(
        panel().chain((rs) => fc.tuple(fc.constant(rs), fc.shuffledSubarray(rs, { minLength: rs.length }))),
        ([reviews, shuffled]) => {
          expect(rank(shuffled)).toEqual(rank(reviews));
        },
      ),
    );
  });

  it("does not depend on which expert is which", () => {
    const relabel = fc.shuffledSubarray(EXPERTS, { minLength: EXPERTS.length });
    fc.assert(
      fc.property(panel(), relabel, (reviews, names) => {
        const rename = (id: string) => names[EXPERTS.indexOf(id)] as string;
        const before = rank(reviews);
        const after = rank(reviews.map((r) => ({ ...r, expertId: rename(r.expertId) })));
        const withoutReviews = (r: TrackRanking) => r.applications.map(({ reviews: _, ...rest }) => rest);
        expect(withoutReviews(after)).toEqual(withoutReviews(before));
        for (const e of before.experts) {
          expect(after.experts.find((x) => x.expertId === rename(e.expertId))).toEqual({
            ...e,
            expertId: rename(e.expertId),
          });
        }
      }),
    );
  });

  it("never yields NaN or Infinity, whatever the panel", () => {
    fc.assert(
      fc.property(panel(), (reviews) => {
        for (const n of numbers(rank(reviews))) expect(Number.isFinite(n)).toBe(true);
      }),
    );
  });

  it("a constant scorer gets no z-scores and moves nobody's z aggregate", () => {
    const constant = fc.record({
      apps: fc.subarray(APPS, { minLength: 1 }),
      innovation: fc.integer({ min: 0, max: 4 }),
      need: fc.integer({ min: 0, max: 2 }),
    });
    fc.assert(
      fc.property(panel(), constant, (reviews, c) => {
        const reviewed = new Set(reviews.map((r) => r.applicationId));
        const extra = c.apps
          .filter((a) => reviewed.has(a))
          .map((a) => review(a, "flat", c.innovation, c.need));
        const before = rank(reviews);
        const after = rank([...reviews, ...extra]);
        for (const n of numbers(after)) expect(Number.isFinite(n)).toBe(true);
        if (extra.length > 0) expect(after.experts.find((e) => e.expertId === "flat")?.constant).toBe(true);
        for (const a of before.applications) {
          const b = app(after, a.applicationId) as ApplicationRanking;
          expect(b.zScore).toBe(a.zScore);
          expect(b.zScoreReviews).toBe(a.zScoreReviews);
          for (const r of b.reviews) if (r.expertId === "flat") expect(r.zScore).toBeNull();
        }
        // Applications whose z aggregates differ keep their z order.
        for (const x of before.applications) {
          for (const y of before.applications) {
            if (x.zScore > y.zScore) {
              expect(app(after, x.applicationId)?.ranks.zScore).toBeLessThan(
                app(after, y.applicationId)?.ranks.zScore as number,
              );
            }
          }
        }
      }),
    );
  });

  it("a lenient or harsh expert (a constant added to all their scores) leaves the z aggregates as they were", () => {
    const shift = fc.record({ expert: fc.constantFrom(...EXPERTS), by: fc.integer({ min: 1, max: 2 }) });
    // Scores up to 2 leave room to add 2 on both criteria; equal scales make the shift a constant total.
    const sameScale: Rubric = { ...rubric, criteria: rubric.criteria.map((c) => ({ ...c, min: 0, max: 4 })) };
    const rankOn = (rs: Review[]) => rankTrack({ track: "project", rubric: sameScale, reviews: rs });
    fc.assert(
      fc.property(panel({ innovation: 2, need: 2 }), shift, (reviews, s) => {
        const moved = reviews.map((r) =>
          r.expertId !== s.expert
            ? r
            : review(
                r.applicationId,
                r.expertId,
                (r.scores.innovation as number) + s.by,
                (r.scores.need as number) + s.by,
              ),
        );
        const before = rankOn(reviews);
        const after = rankOn(moved);
        for (const a of before.applications) {
          expect(app(after, a.applicationId)?.zScore).toBeCloseTo(a.zScore, 6);
        }
        const lenient = after.experts.find((e) => e.expertId === s.expert);
        const plain = before.experts.find((e) => e.expertId === s.expert);
        if (lenient && plain) expect(lenient.mean).toBeCloseTo(plain.mean + 25 * s.by, 6);
      }),
    );
  });

  it("the trimmed mean is refused below the minimum and is the mean of the middle otherwise", () => {
    const totals = fc.array(fc.integer({ min: 0, max: 100_000_000 }), { minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(totals, fc.integer({ min: 3, max: 8 }), (values, min) => {
        const result = trimmedMean(values, min);
        if (values.length < min) {
          expect(result).toEqual({ value: null, reason: "too_few_reviews" });
        } else {
          const middle = [...values].sort((a, b) => a - b).slice(1, -1);
          expect(result.value).toBe(middle.reduce((s, v) => s + v, 0) / middle.length / 1e6);
        }
      }),
    );
    fc.assert(
      fc.property(panel(), fc.integer({ min: 3, max: 5 }), (reviews, min) => {
        for (const a of rank(reviews, { trimmedMinReviews: min }).applications) {
          if (a.count < min) {
            expect([a.trimmedMean, a.trimmedMeanReason, a.ranks.trimmedMean]).toEqual([
              null,
              "too_few_reviews",
              null,
            ]);
          } else {
            const middle = a.reviews
              .map((r) => r.total)
              .sort((x, y) => x - y)
              .slice(1, -1);
            expect(a.trimmedMean).toBeCloseTo(middle.reduce((s, v) => s + v, 0) / middle.length, 9);
            expect(a.ranks.trimmedMean).not.toBeNull();
          }
        }
      }),
    );
  });

  it("ranks by each method's value, and equal values by the tie rule", () => {
    fc.assert(
      fc.property(panel({ innovation: 1, need: 1 }), (reviews) => {
        const result = rank(reviews, { trimmedMinReviews: 3 });
        for (const method of ["mean", "median", "trimmedMean", "zScore"] as const) {
          const ranked = result.applications
            .filter((a) => a.ranks[method] !== null)
            .sort((a, b) => (a.ranks[method] as number) - (b.ranks[method] as number));
          expect(ranked.map((a) => a.ranks[method])).toEqual(ranked.map((_, i) => i + 1));
          for (let i = 1; i < ranked.length; i++) {
            const [x, y] = [ranked[i - 1] as ApplicationRanking, ranked[i] as ApplicationRanking];
            const [vx, vy] = [methodValue(x, method) as number, methodValue(y, method) as number];
            expect(vx).toBeGreaterThanOrEqual(vy);
            if (vx === vy) expect(compareByTieRule(x, y)).toBeLessThan(0);
          }
        }
        expect(result.applications.map((a) => a.ranks.schulze).sort()).toEqual(
          result.applications.map((_, i) => i + 1),
        );
      }),
    );
  });

  it("the tie rule: more reviews, then the higher median, then the higher mean, then the application id", () => {
    // On this rubric a total is k·50/3 for k = innovation + need; `k` writes the review.
    const k = (applicationId: string, expertId: string, n: number) =>
      review(applicationId, expertId, Math.min(n, 4), Math.max(0, n - 4));
    const order = (result: TrackRanking, method: RankMethod) =>
      [...result.applications]
        .sort((a, b) => (a.ranks[method] as number) - (b.ranks[method] as number))
        .map((a) => a.applicationId);

    // Equal totals everywhere and no expert compares two applications: only the rule decides,
    // in every method (z: each expert scored once, so every z aggregate is 0; Schulze: no
    // preference at all). More reviews first, then the id.
    const level = rank([k("a9", "e1", 4), k("a9", "e2", 4), k("a2", "e3", 4), k("a1", "e4", 4)]);
    for (const method of ["mean", "median", "zScore", "schulze"] as const) {
      expect(order(level, method)).toEqual(["a9", "a1", "a2"]);
    }

    // Equal means (50), same count: the higher median first, whatever the ids say.
    const byMedian = rank([
      k("m1", "e1", 0),
      k("m1", "e2", 3),
      k("m1", "e3", 6),
      k("m2", "e1", 1),
      k("m2", "e2", 4),
      k("m2", "e3", 4),
    ]);
    expect(order(byMedian, "mean")).toEqual(["m2", "m1"]);

    // Equal medians (50), same count: under the median method the higher mean first.
    const byMean = rank([
      k("m1", "e1", 0),
      k("m1", "e2", 3),
      k("m1", "e3", 3),
      k("m2", "e1", 2),
      k("m2", "e2", 3),
      k("m2", "e3", 6),
    ]);
    expect(order(byMean, "median")).toEqual(["m2", "m1"]);
  });

  it("works docs/REVIEW.md's example: the method changes the order, and the result says so", () => {
    const points: Rubric = {
      id: "org-2026",
      track: "org",
      criteria: [{ key: "total", weight: 1, min: 0, max: 100 }],
    };
    const totals: Record<string, Record<string, number>> = {
      W: { A: 80, B: 70, C: 75 },
      X: { A: 90, B: 85, C: 95 },
      Y: { A: 70, B: 60, C: 65 },
      Z: { A: 40, B: 90, C: 50 },
    };
    const reviews = Object.entries(totals).flatMap(([expertId, byApp]) =>
      Object.entries(byApp).map(([applicationId, total]) => ({
        applicationId,
        expertId,
        track: "org" as const,
        rubricId: "org-2026",
        scores: { total },
      })),
    );
    const result = rankTrack({ track: "org", rubric: points, reviews });
    const row = (id: string) => {
      const a = app(result, id) as ApplicationRanking;
      return [
        a.mean,
        a.median,
        a.trimmedMean,
        Number(a.zScore.toFixed(3)),
        a.spread,
        a.disagreement,
        a.ranks,
      ];
    };
    expect(row("A")).toEqual([
      70,
      75,
      75,
      0.381,
      50,
      true,
      { mean: 3, median: 2, trimmedMean: 2, zScore: 1, schulze: 1 },
    ]);
    expect(row("B")).toEqual([
      76.25,
      77.5,
      77.5,
      -0.571,
      30,
      false,
      { mean: 1, median: 1, trimmedMean: 1, zScore: 3, schulze: 3 },
    ]);
    expect(row("C")).toEqual([
      71.25,
      70,
      70,
      0.19,
      45,
      true,
      { mean: 2, median: 3, trimmedMean: 3, zScore: 2, schulze: 2 },
    ]);
    expect(result.applications.map((a) => a.applicationId)).toEqual(["B", "C", "A"]);
    expect(result.methodsAgree).toBe(false);
    expect(result.applications.every((a) => a.ranksDiffer)).toBe(true);
    expect(
      result.experts.map((e) => [
        e.expertId,
        Number(e.mean.toFixed(2)),
        Number(e.sd.toFixed(2)),
        Number(e.deviation?.toFixed(2)),
        e.flagged,
      ]),
    ).toEqual([
      ["W", 75, 4.08, 3.33, false],
      ["X", 90, 4.08, 23.33, true],
      ["Y", 65, 4.08, -10, false],
      ["Z", 60, 21.6, -16.67, true],
    ]);
    expect(result.schulzeCost).toEqual({ candidates: 3, ballots: 4, pairComparisons: 12, pathSteps: 6 });
    expect(
      rankTrack({ track: "org", rubric: points, reviews, settings: { method: "schulze" } }).applications.map(
        (a) => a.applicationId,
      ),
    ).toEqual(["A", "C", "B"]);
  });

  it("lists the applications in the round's method's order, those it cannot rank last", () => {
    fc.assert(
      fc.property(panel(), fc.constantFrom(...RANK_METHODS), (reviews, method) => {
        const result = rank(reviews, { method });
        const ranks = result.applications.map((a) => a.ranks[method]);
        const ranked = ranks.filter((r) => r !== null);
        expect(ranked).toEqual(ranked.map((_, i) => i + 1));
        expect(ranks.slice(ranked.length).every((r) => r === null)).toBe(true);
        expect(result.methodsAgree).toBe(result.applications.every((a) => !a.ranksDiffer));
      }),
    );
  });

  it("flags disagreement above the round's threshold, and experts far from the panel", () => {
    fc.assert(
      fc.property(panel(), fc.integer({ min: 0, max: 100 }), (reviews, threshold) => {
        for (const a of rank(reviews, { spreadThreshold: threshold }).applications) {
          const totals = a.reviews.map((r) => r.total);
          expect(a.spread).toBeCloseTo(Math.max(...totals) - Math.min(...totals), 6);
          expect(a.disagreement).toBe(a.spread > threshold);
        }
      }),
    );
    const result = rank(
      [
        review("a1", "e1", 4, 2), // 100
        review("a1", "e2", 0, 0), // 0
        review("a1", "e3", 1, 1), // 33.333333
        review("a2", "e2", 1, 0), // 16.666667
        review("a2", "e3", 1, 1), // 33.333333
      ],
      { spreadThreshold: 50, expertDeviationThreshold: 40 },
    );
    expect(app(result, "a1")?.disagreement).toBe(true);
    expect(app(result, "a2")?.disagreement).toBe(false);
    const e1 = result.experts.find((e) => e.expertId === "e1");
    // e1: 100 against the others' (0 + 33.333333) / 2 on a1.
    expect(e1?.deviation).toBeCloseTo(83.3333335, 6);
    expect(e1?.flagged).toBe(true);
    expect(result.experts.find((e) => e.expertId === "e3")?.flagged).toBe(false);
  });

  it("refuses reviews of another track or rubric, duplicates and bad settings", () => {
    const code = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        expect(error).toBeInstanceOf(ReviewInputError);
        return (error as ReviewInputError).code;
      }
      return "accepted";
    };
    fc.assert(
      fc.property(panel(), fc.nat(), fc.constantFrom("track", "rubric"), (reviews, at, what) => {
        const i = at % reviews.length;
        const odd = reviews.map((r, j) =>
          j !== i ? r : what === "track" ? { ...r, track: "space" as const } : { ...r, rubricId: "org-2026" },
        );
        expect(code(() => rank(odd))).toBe(what === "track" ? "track_mismatch" : "rubric_mismatch");
      }),
    );
    const one = review("a1", "e1", 1, 1);
    expect(code(() => rankTrack({ track: "org", rubric, reviews: [] }))).toBe("track_mismatch");
    expect(code(() => rank([one, { ...one, scores: { innovation: 2, need: 1 } }]))).toBe("duplicate_review");
    expect(code(() => rank([one], { trimmedMinReviews: 2 }))).toBe("settings_invalid");
    expect(code(() => rank([one], { spreadThreshold: Number.NaN }))).toBe("settings_invalid");
    expect(code(() => rank([one], { method: "borda" }))).toBe("settings_invalid");
    expect(code(() => rank([]))).toBe("accepted");
  });

  it("takes the documented defaults where the round sets nothing", () => {
    expect(DEFAULT_RANKING_SETTINGS).toEqual({
      method: "mean",
      trimmedMinReviews: 4,
      spreadThreshold: 30,
      expertDeviationThreshold: 15,
    });
    expect(rank([], { spreadThreshold: 20 }).settings).toEqual({
      ...DEFAULT_RANKING_SETTINGS,
      spreadThreshold: 20,
    });
  });
});
