/** The checks of an instrument's content (src/domain/incubation/instrument-problems.ts) and the default. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_INSTRUMENT } from "../../src/domain/incubation/default-instrument";
import type { InstrumentContent, InstrumentIndicator } from "../../src/domain/incubation/instrument";
import {
  INSTRUMENT_PROBLEM_CODES,
  instrumentProblems,
} from "../../src/domain/incubation/instrument-problems";
import { FIELD_MESSAGES } from "../../src/schemas/messages";

const words = (s: string) => ({ zhCN: s, en: s });
const indicator = (key: string, over: Partial<InstrumentIndicator> = {}): InstrumentIndicator => ({
  key,
  name: words(`名 ${key}`),
  description: words(""),
  weight: 1,
  evidence: words(""),
  levels: [1, 2, 3, 4].map((score) => ({ score, description: words(`第 ${score} 级`) })),
  ...over,
});
const valid = (): InstrumentContent => ({
  scale: { min: 1, max: 4 },
  dimensions: [
    { key: "a", name: words("甲"), description: words(""), weight: 60, indicators: [indicator("a1")] },
    {
      key: "b",
      name: words("乙"),
      description: words(""),
      weight: 40,
      indicators: [indicator("b1"), indicator("b2", { weight: 3 })],
    },
  ],
});
const dim = (c: InstrumentContent, d: number) => {
  const found = c.dimensions[d];
  if (!found) throw new Error(`no dimension ${d}`);
  return found;
};
const ind = (c: InstrumentContent, d: number, i: number) => {
  const found = dim(c, d).indicators[i];
  if (!found) throw new Error(`no indicator ${d}.${i}`);
  return found;
};
const clone = (c: InstrumentContent): InstrumentContent => structuredClone(c);
const paths = (c: InstrumentContent) => instrumentProblems(c).map((p) => `${p.path} ${p.code}`);

describe("instrumentProblems", () => {
  it("accepts a well-formed instrument and the default one", () => {
    expect(instrumentProblems(valid())).toEqual([]);
    expect(instrumentProblems(DEFAULT_INSTRUMENT)).toEqual([]);
  });

  it("every code has a message in Chinese and English", () => {
    for (const code of INSTRUMENT_PROBLEM_CODES) {
      expect(FIELD_MESSAGES[code]["zh-CN"]).toBeTruthy();
      expect(FIELD_MESSAGES[code].en).toBeTruthy();
    }
  });

  it("names the field of each problem", () => {
    const c = valid();
    dim(c, 1).weight = 30;
    expect(paths(c)).toEqual(["dimensions instrument_weight_total"]);
    expect(instrumentProblems(c)[0]?.params).toEqual({ total: 90, expected: 100 });

    const d = valid();
    ind(d, 1, 0).weight = 0;
    ind(d, 1, 1).weight = 1.5;
    dim(d, 0).weight = -60;
    expect(paths(d)).toEqual([
      "dimensions.0.weight instrument_weight_invalid",
      "dimensions.1.indicators.0.weight instrument_weight_invalid",
      "dimensions.1.indicators.1.weight instrument_weight_invalid",
    ]);
  });

  it("refuses bad and duplicate keys, across dimensions for indicators", () => {
    const c = valid();
    dim(c, 0).key = "A";
    ind(c, 1, 1).key = "a1";
    ind(c, 1, 0).key = "x".repeat(41);
    expect(paths(c)).toEqual([
      "dimensions.0.key instrument_key_invalid",
      "dimensions.1.indicators.0.key instrument_key_invalid",
      "dimensions.1.indicators.1.key instrument_key_duplicate",
    ]);
    const d = valid();
    dim(d, 1).key = "a";
    expect(paths(d)).toEqual(["dimensions.1.key instrument_key_duplicate"]);
  });

  it("needs both names, refuses control characters and over-long text", () => {
    const c = valid();
    dim(c, 0).name.en = "  ";
    ind(c, 0, 0).name.zhCN = "a\u0007b";
    ind(c, 0, 0).description.zhCN = "第一行\n第二行"; // line breaks are fine here
    ind(c, 0, 0).evidence.en = "x".repeat(501);
    const level = ind(c, 0, 0).levels[2];
    if (level) level.description.zhCN = "";
    expect(paths(c)).toEqual([
      "dimensions.0.name.en instrument_text_required",
      "dimensions.0.indicators.0.name.zhCN instrument_text_invalid",
      "dimensions.0.indicators.0.evidence.en instrument_text_too_long",
      "dimensions.0.indicators.0.levels.2.description.zhCN instrument_text_required",
    ]);
  });

  it("checks the scale and one level per score, in order", () => {
    const c = valid();
    c.scale = { min: 4, max: 4 };
    expect(paths(c)).toEqual(["scale instrument_scale_invalid"]);
    const d = valid();
    d.scale = { min: 0, max: 10 }; // 11 levels
    expect(paths(d)).toContain("scale instrument_scale_invalid");
    const e = valid();
    ind(e, 0, 0).levels.reverse();
    ind(e, 1, 0).levels.pop();
    expect(paths(e)).toEqual([
      "dimensions.0.indicators.0.levels instrument_levels_invalid",
      "dimensions.1.indicators.0.levels instrument_levels_invalid",
    ]);
  });

  it("counts dimensions (1-15) and indicators (1-12)", () => {
    const c = valid();
    dim(c, 0).indicators = [];
    expect(paths(c)).toEqual(["dimensions.0.indicators instrument_indicators_count"]);
    const d = valid();
    dim(d, 1).indicators = Array.from({ length: 13 }, (_, i) => indicator(`x${i}`));
    expect(paths(d)).toEqual(["dimensions.1.indicators instrument_indicators_count"]);
    expect(paths({ scale: { min: 1, max: 4 }, dimensions: [] })).toEqual([
      "dimensions instrument_dimensions_count",
    ]);
  });

  it("any whole weights adding up to 100 over any valid shape pass; any other total fails", () => {
    const shape = fc
      .record({
        min: fc.integer({ min: 0, max: 20 }),
        span: fc.integer({ min: 1, max: 9 }),
        dims: fc.array(fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 12 }), {
          minLength: 1,
          maxLength: 15,
        }),
        cuts: fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 14, maxLength: 14 }),
        delta: fc.integer({ min: -50, max: 50 }).filter((n) => n !== 0),
      })
      .filter((s) => s.dims.length <= 100);
    fc.assert(
      fc.property(shape, ({ min, span, dims, cuts, delta }) => {
        // Split 100 into dims.length positive parts.
        const n = dims.length;
        const points = [...new Set(cuts.slice(0, n - 1).map((c) => 1 + (c % 99)))].sort((a, b) => a - b);
        while (points.length < n - 1) {
          const next = [...Array(99).keys()].map((k) => k + 1).find((p) => !points.includes(p));
          points.push(next as number);
          points.sort((a, b) => a - b);
        }
        const bounds = [0, ...points, 100];
        const weights = dims.map((_, i) => (bounds[i + 1] as number) - (bounds[i] as number));
        const content: InstrumentContent = {
          scale: { min, max: min + span },
          dimensions: dims.map((inds, d) => ({
            key: `d${d}`,
            name: words(`维度${d}`),
            description: words(""),
            weight: weights[d] as number,
            indicators: inds.map((weight, i) =>
              indicator(`d${d}_i${i}`, {
                weight,
                levels: Array.from({ length: span + 1 }, (_, j) => ({
                  score: min + j,
                  description: words(`${j}`),
                })),
              }),
            ),
          })),
        };
        expect(instrumentProblems(content)).toEqual([]);
        const first = dim(content, 0);
        first.weight += delta;
        const problems = instrumentProblems(content);
        expect(problems.length).toBe(1);
        const inRange = first.weight > 0 && first.weight <= 100;
        expect(problems[0]?.path).toBe(inRange ? "dimensions" : "dimensions.0.weight");
      }),
      { numRuns: 200 },
    );
  });

  it("never throws on arbitrary numbers and text, and every problem's path exists in the content", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -3, max: 12 }),
        fc.integer({ min: -3, max: 12 }),
        fc.array(fc.oneof(fc.integer({ min: -5, max: 120 }), fc.double()), { minLength: 1, maxLength: 4 }),
        fc.string({ maxLength: 70 }),
        (min, max, weights, name) => {
          const c = valid();
          c.scale = { min, max };
          dim(c, 0).name.zhCN = name;
          weights.forEach((wt, i) => {
            ind(c, 1, i % 2).weight = wt;
          });
          for (const p of instrumentProblems(clone(c))) {
            const target = p.path
              .split(".")
              .reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], c);
            expect(target, p.path).not.toBeUndefined();
            expect(FIELD_MESSAGES[p.code]).toBeDefined();
          }
        },
      ),
    );
  });
});

describe("the default instrument", () => {
  it("has eight dimensions adding up to 100, 2-4 indicators each, every text in both languages", () => {
    expect(DEFAULT_INSTRUMENT.scale).toEqual({ min: 1, max: 4 });
    expect(DEFAULT_INSTRUMENT.dimensions).toHaveLength(8);
    expect(DEFAULT_INSTRUMENT.dimensions.reduce((s, d) => s + d.weight, 0)).toBe(100);
    for (const d of DEFAULT_INSTRUMENT.dimensions) {
      expect(d.indicators.length).toBeGreaterThanOrEqual(2);
      expect(d.indicators.length).toBeLessThanOrEqual(4);
      expect(d.description.zhCN && d.description.en).toBeTruthy();
      for (const i of d.indicators) {
        for (const text of [i.name, i.description, i.evidence, ...i.levels.map((l) => l.description)]) {
          expect(text.zhCN.trim()).not.toBe("");
          expect(text.en.trim()).not.toBe("");
        }
      }
    }
  });
});
