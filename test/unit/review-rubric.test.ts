/** The rubric's weighted total and the refusals of bad reviews (src/domain/review/rubric.ts). */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Review, ReviewInputError, type Rubric, weightedTotal } from "../../src/domain/review/rubric";

const rubric: Rubric = {
  id: "org-2026",
  track: "org",
  criteria: [
    { key: "innovation", weight: 3, min: 0, max: 10 },
    { key: "feasibility", weight: 1, min: 1, max: 5 },
  ],
};

const review = (scores: Record<string, number>, over: Partial<Review> = {}): Review => ({
  applicationId: "a1",
  expertId: "e1",
  track: "org",
  rubricId: "org-2026",
  scores,
  ...over,
});

/** The code of the ReviewInputError `run` throws. */
function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ReviewInputError);
    return (error as ReviewInputError).code;
  }
  throw new Error("expected a refusal");
}

describe("weighted total", () => {
  it("places each score on its own scale, weights them and reads out of 100", () => {
    // innovation 8/10 → 0.8, feasibility 4 on 1-5 → 0.75; (3·0.8 + 1·0.75) / 4 = 0.7875
    expect(weightedTotal(rubric, review({ innovation: 8, feasibility: 4 }))).toBe(78.75);
    expect(weightedTotal(rubric, review({ innovation: 0, feasibility: 1 }))).toBe(0);
    expect(weightedTotal(rubric, review({ innovation: 10, feasibility: 5 }))).toBe(100);
  });

  it("keeps totals to a millionth of a point", () => {
    const thirds: Rubric = { ...rubric, criteria: [{ key: "need", weight: 1, min: 0, max: 3 }] };
    expect(weightedTotal(thirds, review({ need: 1 }))).toBe(33.333333);
  });

  it("stays within 0-100 and never falls when a score rises", () => {
    const scores = fc.record({
      innovation: fc.integer({ min: 0, max: 10 }),
      feasibility: fc.integer({ min: 1, max: 5 }),
    });
    fc.assert(
      fc.property(scores, fc.constantFrom("innovation", "feasibility"), (s, key) => {
        const total = weightedTotal(rubric, review(s));
        expect(total).toBeGreaterThanOrEqual(0);
        expect(total).toBeLessThanOrEqual(100);
        const top = key === "innovation" ? 10 : 5;
        if (s[key] < top)
          expect(weightedTotal(rubric, review({ ...s, [key]: s[key] + 1 }))).toBeGreaterThan(total);
      }),
    );
  });

  it("refuses scores that do not fit the rubric, by name", () => {
    expect(refusal(() => weightedTotal(rubric, review({ innovation: 11, feasibility: 3 })))).toBe(
      "score_out_of_scale",
    );
    expect(refusal(() => weightedTotal(rubric, review({ innovation: 5, feasibility: 0 })))).toBe(
      "score_out_of_scale",
    );
    expect(refusal(() => weightedTotal(rubric, review({ innovation: 5 })))).toBe("criterion_missing");
    expect(refusal(() => weightedTotal(rubric, review({ innovation: 5, feasibility: 3, reach: 2 })))).toBe(
      "criterion_unknown",
    );
    expect(refusal(() => weightedTotal(rubric, review({ innovation: Number.NaN, feasibility: 3 })))).toBe(
      "score_invalid",
    );
    expect(refusal(() => weightedTotal(rubric, review({ innovation: "7" as never, feasibility: 3 })))).toBe(
      "score_invalid",
    );
    expect(
      refusal(() => weightedTotal(rubric, review({ innovation: 5, feasibility: 3 }, { track: "space" }))),
    ).toBe("track_mismatch");
    expect(
      refusal(() => weightedTotal(rubric, review({ innovation: 5, feasibility: 3 }, { rubricId: "x" }))),
    ).toBe("rubric_mismatch");
  });

  it("names the review and the criterion it refuses", () => {
    try {
      weightedTotal(
        rubric,
        review({ innovation: 5, feasibility: 9 }, { applicationId: "a7", expertId: "e3" }),
      );
      expect.unreachable();
    } catch (error) {
      expect((error as ReviewInputError).details).toEqual({
        applicationId: "a7",
        expertId: "e3",
        criterion: "feasibility",
        value: 9,
      });
    }
  });

  it("refuses a rubric it cannot score against", () => {
    const bad = (criteria: Rubric["criteria"]) => () =>
      weightedTotal({ ...rubric, criteria }, review({ k: 1 }));
    expect(refusal(bad([]))).toBe("rubric_invalid");
    expect(refusal(bad([{ key: "k", weight: 0, min: 0, max: 10 }]))).toBe("rubric_invalid");
    expect(refusal(bad([{ key: "k", weight: Number.POSITIVE_INFINITY, min: 0, max: 10 }]))).toBe(
      "rubric_invalid",
    );
    expect(refusal(bad([{ key: "k", weight: 1, min: 5, max: 5 }]))).toBe("rubric_invalid");
    expect(refusal(bad([{ key: "k", weight: 1, min: 0, max: 9.5 }]))).toBe("rubric_invalid");
    expect(
      refusal(
        bad([
          { key: "k", weight: 1, min: 0, max: 10 },
          { key: "k", weight: 2, min: 0, max: 10 },
        ]),
      ),
    ).toBe("rubric_invalid");
  });
});
