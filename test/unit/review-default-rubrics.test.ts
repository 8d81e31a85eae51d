/**
 * The rubrics a new base starts with: valid for the ranking math, weights adding up to 100 so a
 * total reads as points out of 100, and every criterion's bands covering its scale once, in both
 * languages.
 */
import { describe, expect, it } from "vitest";
import { TRACKS } from "../../src/domain/call";
import { DEFAULT_RUBRICS } from "../../src/domain/review/default-rubrics";
import { validateRubric, weightedTotal } from "../../src/domain/review/rubric";

describe("the default rubrics", () => {
  it.each(TRACKS)("%s: valid, weights summing to 100, bands covering 0-10 once", (track) => {
    const template = DEFAULT_RUBRICS[track];
    expect(template.track).toBe(track);
    const rubric = { id: `default-${track}`, track, criteria: template.criteria };
    expect(() => validateRubric(rubric)).not.toThrow();
    expect(template.criteria.reduce((sum, c) => sum + c.weight, 0)).toBe(100);
    for (const c of template.criteria) {
      expect(c.name.zhCN && c.name.en && c.description.zhCN && c.description.en, c.key).toBeTruthy();
      const covered: number[] = [];
      for (const band of c.levels) {
        expect(band.meaning.zhCN && band.meaning.en, `${c.key} ${band.min}`).toBeTruthy();
        for (let score = band.min; score <= band.max; score++) covered.push(score);
      }
      const scale = Array.from({ length: c.max - c.min + 1 }, (_, i) => c.min + i);
      expect(covered, c.key).toEqual(scale);
    }
  });

  it("reads a full score as 100 points and a middling one as the weights say", () => {
    const template = DEFAULT_RUBRICS.org;
    const rubric = { id: "default-org", track: "org" as const, criteria: template.criteria };
    const review = (score: (key: string) => number) => ({
      applicationId: "a",
      expertId: "e",
      track: "org" as const,
      rubricId: rubric.id,
      scores: Object.fromEntries(template.criteria.map((c) => [c.key, score(c.key)])),
    });
    expect(
      weightedTotal(
        rubric,
        review(() => 10),
      ),
    ).toBe(100);
    // Social need (25) and growth potential (25) full, the rest nothing: half the points.
    expect(
      weightedTotal(
        rubric,
        review((k) => (k === "social_need" || k === "growth_potential" ? 10 : 0)),
      ),
    ).toBe(50);
  });
});
