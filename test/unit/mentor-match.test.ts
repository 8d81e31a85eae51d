/**
 * The mentor ranking (src/domain/services/mentor-match.ts): the written weights on examples, and
 * properties over random mentors: nobody excluded is ranked, the order follows the score, a
 * conflicted, full or inactive mentor is never offered, and the weak dimensions of a baseline.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type MatchMentor,
  rankMentors,
  WEAK_BELOW,
  WEAK_DIMENSIONS,
  weakDimensions,
} from "../../src/domain/services/mentor-match";

const org = {
  fields: ["elderly", "health"],
  needDimensions: ["finance"],
  weakDimensions: ["finance", "governance"],
};
const mentor = (values: Partial<MatchMentor> & { id: string }): MatchMentor => ({
  name: values.id,
  fields: [],
  skills: [],
  capacity: 3,
  load: 0,
  active: true,
  current: false,
  conflicts: [],
  ...values,
});

describe("rankMentors", () => {
  it("scores 3 per shared field, 2 per skill answering a need, 2 per skill on a weak dimension", () => {
    const { ranked } = rankMentors(org, [
      mentor({ id: "a", fields: ["elderly"], skills: ["finance"] }), // 3 + 2 + 2
      mentor({ id: "b", fields: ["elderly", "health"] }), // 6
      mentor({ id: "c", skills: ["governance", "people"] }), // 2
    ]);
    expect(ranked.map((r) => [r.id, r.score])).toEqual([
      ["a", 7],
      ["b", 6],
      ["c", 2],
    ]);
    expect(ranked[0]).toMatchObject({
      fields: ["elderly"],
      needSkills: ["finance"],
      weakSkills: ["finance"],
    });
  });

  it("breaks ties by the lighter load, then the name", () => {
    const { ranked } = rankMentors(org, [
      mentor({ id: "busy", fields: ["health"], load: 2 }),
      mentor({ id: "free", fields: ["health"], load: 0 }),
      mentor({ id: "also-free", fields: ["health"], load: 0 }),
    ]);
    expect(ranked.map((r) => r.id)).toEqual(["also-free", "free", "busy"]);
  });

  it("leaves out the current, inactive, conflicted and full mentors with the reason", () => {
    const { ranked, excluded } = rankMentors(org, [
      mentor({ id: "current", current: true }),
      mentor({ id: "inactive", active: false }),
      mentor({ id: "conflicted", conflicts: ["phone", "phone"] }),
      mentor({ id: "full", load: 3 }),
      mentor({ id: "ok" }),
    ]);
    expect(ranked.map((r) => r.id)).toEqual(["ok"]);
    expect(excluded.map((e) => [e.id, e.reason])).toEqual([
      ["current", "current"],
      ["inactive", "inactive"],
      ["conflicted", "conflict"],
      ["full", "full"],
    ]);
    expect(excluded[2]?.conflicts).toEqual(["phone"]);
  });

  const KEYS = ["finance", "governance", "people", "strategy", "elderly", "health", "children"];
  const arbMentor = fc.record({
    id: fc.uuid(),
    name: fc.string({ maxLength: 4 }),
    fields: fc.subarray(KEYS),
    skills: fc.subarray(KEYS),
    capacity: fc.integer({ min: 1, max: 5 }),
    load: fc.integer({ min: 0, max: 6 }),
    active: fc.boolean(),
    current: fc.boolean(),
    conflicts: fc.subarray(["phone", "member", "inspector"]),
  });
  const arbOrg = fc.record({
    fields: fc.subarray(KEYS),
    needDimensions: fc.subarray(KEYS),
    weakDimensions: fc.subarray(KEYS),
  });

  it("offers every mentor once, never one who cannot take the organization, best score first", () => {
    fc.assert(
      fc.property(arbOrg, fc.uniqueArray(arbMentor, { selector: (m) => m.id, maxLength: 12 }), (o, ms) => {
        const { ranked, excluded } = rankMentors(o, ms);
        expect(ranked.length + excluded.length).toBe(ms.length);
        for (const r of ranked) {
          const m = ms.find((x) => x.id === r.id) as MatchMentor;
          expect(m.active && !m.current && m.conflicts.length === 0 && m.load < m.capacity).toBe(true);
          expect(r.score).toBe(3 * r.fields.length + 2 * r.needSkills.length + 2 * r.weakSkills.length);
        }
        for (let i = 1; i < ranked.length; i++) {
          expect((ranked[i - 1] as { score: number }).score).toBeGreaterThanOrEqual(
            (ranked[i] as { score: number }).score,
          );
        }
      }),
    );
  });

  it("does not change the ranking when the mentors come in another order", () => {
    fc.assert(
      fc.property(arbOrg, fc.uniqueArray(arbMentor, { selector: (m) => m.id, maxLength: 8 }), (o, ms) => {
        const ids = (list: MatchMentor[]) => rankMentors(o, list).ranked.map((r) => r.id);
        expect(ids([...ms].reverse())).toEqual(ids(ms));
      }),
    );
  });
});

describe("weakDimensions", () => {
  it("takes the lowest scored dimensions below the line, lowest first, at most three", () => {
    const result = {
      finance: { score: 40 },
      governance: { score: 55 },
      people: { score: 30 },
      strategy: { score: 70 },
      credibility: { score: 80 },
      programmes: { score: null },
    };
    expect(weakDimensions(result)).toEqual(["people", "finance", "governance"]);
    expect(weakDimensions({ credibility: { score: WEAK_BELOW } })).toEqual([]);
    expect(weakDimensions(null)).toEqual([]);
    expect(WEAK_DIMENSIONS).toBe(3);
  });
});
