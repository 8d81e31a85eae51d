/**
 * The assessment arithmetic (src/domain/incubation/assessment-scoring.ts): worked examples, and
 * properties over random instruments and scores (fast-check): the total stays within [0, 100],
 * scaling every weight changes nothing, raising one score never lowers its dimension or the
 * total, a missing indicator counts as if the instrument did not have it, a comparison turned
 * round is its negative, and two versions are never compared.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  compareAssessments,
  missingIndicators,
  normalizedScore,
  quartiles,
  scoreAssessment,
} from "../../src/domain/incubation/assessment-scoring";
import type { InstrumentContent, InstrumentDimension } from "../../src/domain/incubation/instrument";

const words = (s: string) => ({ zhCN: s, en: s });
const SCALE = { min: 1, max: 4 };

function indicator(key: string, weight: number) {
  return {
    key,
    name: words(key),
    description: words(""),
    weight,
    evidence: words(""),
    levels: [1, 2, 3, 4].map((score) => ({ score, description: words(`${score}`) })),
  };
}

function content(dims: { key: string; weight: number; indicators: [string, number][] }[]): InstrumentContent {
  return {
    scale: SCALE,
    dimensions: dims.map((d) => ({
      key: d.key,
      name: words(d.key),
      description: words(""),
      weight: d.weight,
      indicators: d.indicators.map(([k, w]) => indicator(k, w)),
    })),
  };
}

describe("worked examples", () => {
  const c = content([
    {
      key: "gov",
      weight: 60,
      indicators: [
        ["a", 1],
        ["b", 3],
      ],
    },
    { key: "fin", weight: 40, indicators: [["c", 1]] },
  ]);

  it("normalizes on the scale", () => {
    expect(normalizedScore(1, SCALE)).toBe(0);
    expect(normalizedScore(4, SCALE)).toBe(1);
    expect(normalizedScore(3, SCALE)).toBeCloseTo(2 / 3);
  });

  it("weights indicators within a dimension and dimensions in the total", () => {
    // gov: (1·1/3 + 3·1)/4 = 0.8333… → 83.33; fin: 0 → 0; total (60·83.333 + 40·0)/100 = 50
    const r = scoreAssessment(c, { a: 2, b: 4, c: 1 });
    expect(r.dimensions.gov).toEqual({ score: 83.33, coverage: 1 });
    expect(r.dimensions.fin).toEqual({ score: 0, coverage: 1 });
    expect(r.total).toBe(50);
    expect(r.coverage).toBe(1);
  });

  it("leaves out what is not scored, and says how much is covered", () => {
    const r = scoreAssessment(c, { b: 4 });
    expect(r.dimensions.gov).toEqual({ score: 100, coverage: 0.75 });
    expect(r.dimensions.fin).toEqual({ score: null, coverage: 0 });
    expect(r.total).toBe(100);
    expect(r.coverage).toBe(0.45);
    expect(missingIndicators(c, { b: 4 })).toEqual(["a", "c"]);
    expect(scoreAssessment(c, {}).total).toBeNull();
  });

  it("rounds only at the end (one third of each dimension is 33.33, not a sum of rounded parts)", () => {
    const thirds = content([
      { key: "x", weight: 1, indicators: [["a", 1]] },
      { key: "y", weight: 2, indicators: [["b", 1]] },
    ]);
    const r = scoreAssessment(thirds, { a: 2, b: 2 });
    expect(r.dimensions.x?.score).toBe(33.33);
    expect(r.total).toBe(33.33);
  });

  it("compares: differences, the largest gaps and the weakest dimensions", () => {
    const self = { instrumentVersionId: "v1", result: scoreAssessment(c, { a: 4, b: 4, c: 4 }) };
    const assessor = { instrumentVersionId: "v1", result: scoreAssessment(c, { a: 2, b: 3, c: 1 }) };
    const cmp = compareAssessments(c, self, assessor);
    if (!cmp.ok) throw new Error("refused");
    expect(cmp.dimensions).toEqual([
      { key: "gov", first: 100, second: 58.33, difference: -41.67 },
      { key: "fin", first: 100, second: 0, difference: -100 },
    ]);
    expect(cmp.largestGaps).toEqual(["fin", "gov"]);
    expect(cmp.weakest).toEqual(["fin", "gov"]);
    expect(cmp.total.difference).toBe(-65);
  });

  it("rounds a comparison's difference once, from the exact scores (66.67 − 33.33 is 33.33, not 33.34)", () => {
    const one = content([{ key: "x", weight: 1, indicators: [["a", 1]] }]);
    const exact = (s: number) => ({
      instrumentVersionId: "v",
      result: scoreAssessment(one, { a: s }, { exact: true }),
    });
    const cmp = compareAssessments(one, exact(3), exact(2));
    if (!cmp.ok) throw new Error("refused");
    expect(cmp.dimensions[0]).toEqual({ key: "x", first: 66.67, second: 33.33, difference: -33.33 });
    expect(cmp.total).toEqual({ first: 66.67, second: 33.33, difference: -33.33 });
  });

  it("quartiles by linear interpolation", () => {
    expect(quartiles([])).toBeNull();
    expect(quartiles([10])).toEqual({ min: 10, q1: 10, median: 10, q3: 10, max: 10 });
    expect(quartiles([4, 1, 3, 2])).toEqual({ min: 1, q1: 1.75, median: 2.5, q3: 3.25, max: 4 });
  });
});

// Random instruments: 1-5 dimensions of 1-5 indicators, integer weights, unique keys.
const arbWeight = fc.integer({ min: 1, max: 100 });
const arbContent: fc.Arbitrary<InstrumentContent> = fc
  .array(fc.array(arbWeight, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 5 })
  .chain((dims) =>
    fc.tuple(fc.constant(dims), fc.array(arbWeight, { minLength: dims.length, maxLength: dims.length })),
  )
  .map(([dims, dimWeights]) =>
    content(
      dims.map((weights, d) => ({
        key: `d${d}`,
        weight: dimWeights[d] as number,
        indicators: weights.map((w, i) => [`d${d}_i${i}`, w] as [string, number]),
      })),
    ),
  );

const keysOf = (c: InstrumentContent) => c.dimensions.flatMap((d) => d.indicators.map((i) => i.key));

/** An instrument with scores for some of its indicators (1-4 or missing). */
const arbScored = arbContent.chain((c) =>
  fc
    .tuple(
      fc.constant(c),
      fc.array(fc.option(fc.integer({ min: 1, max: 4 }), { nil: null }), {
        minLength: keysOf(c).length,
        maxLength: keysOf(c).length,
      }),
    )
    .map(([c, values]) => ({ c, scores: Object.fromEntries(keysOf(c).map((k, i) => [k, values[i]])) })),
);

const close = (a: number | null | undefined, b: number | null | undefined) =>
  a === null || b === null || a === undefined || b === undefined ? a === b : Math.abs(a - b) <= 0.011;

describe("properties", () => {
  it("the total and every dimension stay within [0, 100]", () => {
    fc.assert(
      fc.property(arbScored, ({ c, scores }) => {
        const r = scoreAssessment(c, scores);
        for (const v of [r.total, ...Object.values(r.dimensions).map((d) => d.score)]) {
          if (v !== null) expect(v >= 0 && v <= 100).toBe(true);
        }
        expect(r.coverage >= 0 && r.coverage <= 1).toBe(true);
      }),
    );
  });

  it("scaling every weight (dimensions and indicators) leaves the scores unchanged", () => {
    fc.assert(
      fc.property(arbScored, fc.integer({ min: 2, max: 1000 }), ({ c, scores }, k) => {
        const scaled: InstrumentContent = {
          ...c,
          dimensions: c.dimensions.map((d) => ({
            ...d,
            weight: d.weight * k,
            indicators: d.indicators.map((i) => ({ ...i, weight: i.weight * k })),
          })),
        };
        const a = scoreAssessment(c, scores);
        const b = scoreAssessment(scaled, scores);
        expect(close(a.total, b.total)).toBe(true);
        for (const key of Object.keys(a.dimensions)) {
          expect(close(a.dimensions[key]?.score, b.dimensions[key]?.score)).toBe(true);
        }
      }),
    );
  });

  it("raising one indicator's score never lowers its dimension or the total", () => {
    fc.assert(
      fc.property(arbScored, fc.nat(), ({ c, scores }, pick) => {
        const keys = keysOf(c);
        const key = keys[pick % keys.length] as string;
        const before = scores[key];
        if (before === null || before === undefined || before === 4) return;
        const dim = c.dimensions.find((d) => d.indicators.some((i) => i.key === key)) as InstrumentDimension;
        const a = scoreAssessment(c, scores);
        const b = scoreAssessment(c, { ...scores, [key]: before + 1 });
        expect((b.dimensions[dim.key]?.score ?? 0) >= (a.dimensions[dim.key]?.score ?? 0)).toBe(true);
        expect((b.total ?? 0) >= (a.total ?? 0)).toBe(true);
      }),
    );
  });

  it("a missing indicator counts as if the instrument did not have it", () => {
    fc.assert(
      fc.property(arbScored, fc.nat(), ({ c, scores }, pick) => {
        const keys = keysOf(c);
        const key = keys[pick % keys.length] as string;
        const missing = scoreAssessment(c, { ...scores, [key]: null });
        const without: InstrumentContent = {
          ...c,
          dimensions: c.dimensions.map((d) => ({
            ...d,
            indicators: d.indicators.filter((i) => i.key !== key),
          })),
        };
        const removed = scoreAssessment(without, scores);
        expect(missing.total).toBe(removed.total);
        for (const d of c.dimensions)
          expect(missing.dimensions[d.key]?.score).toBe(removed.dimensions[d.key]?.score);
      }),
    );
  });

  it("comparing a with b is the negative of comparing b with a", () => {
    fc.assert(
      fc.property(
        arbScored.chain(({ c, scores }) =>
          fc.tuple(
            fc.constant(c),
            fc.constant(scores),
            fc.array(fc.option(fc.integer({ min: 1, max: 4 }), { nil: null }), {
              minLength: keysOf(c).length,
              maxLength: keysOf(c).length,
            }),
          ),
        ),
        ([c, scoresA, valuesB]) => {
          const scoresB = Object.fromEntries(keysOf(c).map((k, i) => [k, valuesB[i]]));
          const a = { instrumentVersionId: "v", result: scoreAssessment(c, scoresA) };
          const b = { instrumentVersionId: "v", result: scoreAssessment(c, scoresB) };
          const ab = compareAssessments(c, a, b);
          const ba = compareAssessments(c, b, a);
          if (!ab.ok || !ba.ok) throw new Error("refused");
          const neg = (x: number | null) => (x === null ? null : x === 0 ? 0 : -x);
          expect(ba.total.difference).toBe(neg(ab.total.difference));
          ab.dimensions.forEach((d, i) => {
            expect(ba.dimensions[i]?.difference).toBe(neg(d.difference));
          });
          expect(ba.largestGaps).toEqual(ab.largestGaps);
        },
      ),
    );
  });

  it("two different versions are always refused", () => {
    fc.assert(
      fc.property(arbScored, fc.uuid(), fc.uuid(), ({ c, scores }, v1, v2) => {
        fc.pre(v1 !== v2);
        const r = scoreAssessment(c, scores);
        expect(
          compareAssessments(
            c,
            { instrumentVersionId: v1, result: r },
            { instrumentVersionId: v2, result: r },
          ),
        ).toEqual({ ok: false, reason: "version_mismatch" });
      }),
    );
  });
});
