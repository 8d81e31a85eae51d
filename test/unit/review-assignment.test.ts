/**
 * Automatic expert assignment (src/domain/review/): hard constraints over random rounds
 * (fast-check), the exact optimum against brute force on small rounds, infeasible rounds named,
 * the connectivity repair and a drop-out's reassignment.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type AssignedPair,
  type Assignment,
  type AssignmentRound,
  assignmentFigures,
  assignReviewers,
  type ReviewPair,
  reassignAfterDropOut,
} from "../../src/domain/review/assignment";
import { loadBands } from "../../src/domain/review/assignment-loads";
import { componentCount, type GraphPair } from "../../src/domain/review/review-graph";

const FIELDS = ["elderly", "children", "health", "culture"] as const;

interface RoundShape {
  apps: number;
  experts: number;
  k: number;
  maxLoads?: boolean;
  conflictRate?: number;
  fixedRate?: number;
}

/** A random round of the given size: fields, some conflicts, some fixed pairs, maybe caps. */
function roundOf(shape: RoundShape) {
  const fields = fc.subarray([...FIELDS], { minLength: 1, maxLength: 2 });
  return fc
    .record({
      appFields: fc.array(fields, { minLength: shape.apps, maxLength: shape.apps }),
      expertFields: fc.array(fields, { minLength: shape.experts, maxLength: shape.experts }),
      maxLoads: fc.array(fc.option(fc.integer({ min: 0, max: shape.apps }), { nil: undefined }), {
        minLength: shape.experts,
        maxLength: shape.experts,
      }),
      marks: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), {
        minLength: shape.apps * shape.experts,
        maxLength: shape.apps * shape.experts,
      }),
    })
    .map(({ appFields, expertFields, maxLoads, marks }): AssignmentRound => {
      const conflicts: ReviewPair[] = [];
      const fixed: ReviewPair[] = [];
      const fixedPerApp = new Map<string, number>();
      const fixedLoads = new Map<string, number>();
      const cap = (e: number) => (shape.maxLoads ? (maxLoads[e] ?? Infinity) : Infinity);
      marks.forEach((mark, i) => {
        const pair = {
          applicationId: `a${Math.floor(i / shape.experts)}`,
          expertId: `e${i % shape.experts}`,
        };
        if (mark < (shape.conflictRate ?? 0)) conflicts.push(pair);
        else if (
          mark > 1 - (shape.fixedRate ?? 0) &&
          (fixedPerApp.get(pair.applicationId) ?? 0) < shape.k &&
          (fixedLoads.get(pair.expertId) ?? 0) < cap(i % shape.experts)
        ) {
          fixed.push(pair);
          fixedPerApp.set(pair.applicationId, (fixedPerApp.get(pair.applicationId) ?? 0) + 1);
          fixedLoads.set(pair.expertId, (fixedLoads.get(pair.expertId) ?? 0) + 1);
        }
      });
      return {
        applications: appFields.map((f, i) => ({ id: `a${i}`, fields: f })),
        experts: expertFields.map((f, i) => ({
          id: `e${i}`,
          fields: f,
          ...(shape.maxLoads && maxLoads[i] !== undefined ? { maxLoad: maxLoads[i] } : {}),
        })),
        reviewersPerApplication: shape.k,
        conflicts,
        fixed,
      };
    });
}

const shared = (a: readonly string[], e: readonly string[]) => a.filter((f) => e.includes(f)).length;

/**
 * Every assignment meeting the hard constraints, by enumeration: each application takes a
 * k-subset of its allowed experts containing its fixed ones; loads must be inside the bands.
 * Returns the best total score, or null when none is feasible.
 */
function bruteForceOptimum(round: AssignmentRound): number | null {
  const k = round.reviewersPerApplication;
  const experts = round.experts.map((e) => e.id);
  const isConflict = (a: string, e: string) =>
    (round.conflicts ?? []).some((p) => p.applicationId === a && p.expertId === e);
  const isFixed = (a: string, e: string) =>
    (round.fixed ?? []).some((p) => p.applicationId === a && p.expertId === e);
  const fixedLoads = experts.map((e) => (round.fixed ?? []).filter((p) => p.expertId === e).length);
  const bands = loadBands(
    round.applications.length * k,
    fixedLoads,
    round.experts.map((e) => e.maxLoad ?? Number.POSITIVE_INFINITY),
  );
  const subsets = (items: string[], size: number): string[][] =>
    size === 0
      ? [[]]
      : items.flatMap((first, i) => subsets(items.slice(i + 1), size - 1).map((rest) => [first, ...rest]));
  const choices = round.applications.map((a) =>
    subsets(
      experts.filter((e) => !isConflict(a.id, e)),
      k,
    ).filter((set) => experts.every((e) => !isFixed(a.id, e) || set.includes(e))),
  );
  let best: number | null = null;
  const loads = new Map(experts.map((e) => [e, 0]));
  const walk = (app: number, score: number) => {
    if (app === round.applications.length) {
      if (
        experts.every(
          (e, i) =>
            (loads.get(e) as number) >= (bands[i]?.min ?? 0) &&
            (loads.get(e) as number) <= (bands[i]?.max ?? 0),
        )
      ) {
        best = best === null ? score : Math.max(best, score);
      }
      return;
    }
    const application = round.applications[app] as AssignmentRound["applications"][number];
    for (const set of choices[app] ?? []) {
      for (const e of set) loads.set(e, (loads.get(e) as number) + 1);
      const gained = set.reduce(
        (sum, e) => sum + shared(application.fields, round.experts.find((x) => x.id === e)?.fields ?? []),
        0,
      );
      walk(app + 1, score + gained);
      for (const e of set) loads.set(e, (loads.get(e) as number) - 1);
    }
  };
  walk(0, 0);
  return best;
}

function assigned(result: Assignment) {
  if (result.status === "invalid") throw new Error(`invalid round: ${JSON.stringify(result.problems)}`);
  return result;
}

/** The hard constraints of an assigned round, checked from the pairs themselves. */
function expectHardConstraints(round: AssignmentRound, pairs: readonly AssignedPair[]) {
  const k = round.reviewersPerApplication;
  for (const a of round.applications) {
    const reviewers = pairs.filter((p) => p.applicationId === a.id).map((p) => p.expertId);
    expect(reviewers).toHaveLength(k);
    expect(new Set(reviewers).size).toBe(k);
  }
  for (const c of round.conflicts ?? []) {
    expect(pairs.some((p) => p.applicationId === c.applicationId && p.expertId === c.expertId)).toBe(false);
  }
  for (const f of round.fixed ?? []) {
    expect(pairs.some((p) => p.applicationId === f.applicationId && p.expertId === f.expertId)).toBe(true);
  }
  for (const e of round.experts) {
    const load = pairs.filter((p) => p.expertId === e.id).length;
    if (e.maxLoad !== undefined) expect(load).toBeLessThanOrEqual(e.maxLoad);
  }
}

describe("load bands", () => {
  it("hold the total and stay within one when nobody is capped or fixed above the level", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 1, max: 40 }), (total, experts) => {
        const bands = loadBands(total, new Array(experts).fill(0), new Array(experts).fill(Infinity));
        expect(bands.reduce((s, b) => s + b.min, 0)).toBeLessThanOrEqual(total);
        expect(bands.reduce((s, b) => s + b.max, 0)).toBeGreaterThanOrEqual(total);
        for (const b of bands) {
          expect(b.min).toBe(Math.floor(total / experts));
          expect(b.max - b.min).toBeLessThanOrEqual(1);
        }
      }),
    );
  });

  it("respect max loads and fixed loads: capped experts stop at their cap, the rest share the remainder", () => {
    const bands = loadBands(20, [0, 0, 0, 7], [2, Infinity, Infinity, Infinity]);
    expect(bands).toEqual([
      { min: 2, max: 2 },
      { min: 5, max: 6 },
      { min: 5, max: 6 },
      { min: 7, max: 7 },
    ]);
  });
});

describe("assignment of reviewers", () => {
  it("equals the brute-force optimum on small rounds, and is infeasible exactly when brute force finds nothing", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 2, max: 4 }),
        fc.integer({ min: 1, max: 2 }),
        fc.integer({ min: 0, max: 3 }),
        fc.nat(),
        async (apps, experts, k, start, seed) => {
          const round = fc.sample(
            roundOf({ apps, experts, k, maxLoads: seed % 3 === 0, conflictRate: 0.15, fixedRate: 0.1 }),
            { numRuns: 1, seed },
          )[0] as AssignmentRound;
          const expected = bruteForceOptimum(round);
          // A small start makes the LP price pairs in by column generation.
          const result = assigned(
            await assignReviewers(round, { startingCandidates: start, repairConnectivity: false }),
          );
          if (expected === null) {
            expect(result.status).toBe("infeasible");
          } else {
            expect(result.status).toBe("assigned");
            expect(result.optimum).toBe(expected);
            expect(result.objective).toBe(expected);
            expectHardConstraints(round, result.pairs);
          }
        },
      ),
      { numRuns: 150 },
    );
  }, 60_000);

  it("gives every application k distinct reviewers, no conflict, loads within one, fixed pairs kept (larger rounds)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 8, max: 60 }),
        fc.integer({ min: 4, max: 12 }),
        fc.integer({ min: 2, max: 3 }),
        fc.nat(),
        async (apps, experts, k, seed) => {
          const round = fc.sample(roundOf({ apps, experts, k, conflictRate: 0.1 }), {
            numRuns: 1,
            seed,
          })[0] as AssignmentRound;
          const result = assigned(await assignReviewers(round, { startingCandidates: 1 }));
          // With 10 % conflicts and at least 4 experts a round can still be infeasible by chance.
          if (result.status !== "assigned") return;
          expectHardConstraints(round, result.pairs);
          const loads = result.loads.map((l) => l.load);
          expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
          expect(result.loadSpread).toEqual({ min: Math.min(...loads), max: Math.max(...loads) });
          expect(result.objective).toBe(result.optimum - result.repair.loss);
          expect(result.pairs.reduce((s, p) => s + p.score, 0)).toBe(result.objective);
        },
      ),
      { numRuns: 60 },
    );
  }, 60_000);

  it("keeps fixed pairs and the hard constraints with hand adjustments", async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), async (seed) => {
        const round = fc.sample(roundOf({ apps: 24, experts: 6, k: 2, fixedRate: 0.08 }), {
          numRuns: 1,
          seed,
        })[0] as AssignmentRound;
        const result = assigned(await assignReviewers(round));
        expect(result.status).toBe("assigned");
        expectHardConstraints(round, result.pairs);
        for (const p of result.pairs) {
          const isFixed = (round.fixed ?? []).some(
            (f) => f.applicationId === p.applicationId && f.expertId === p.expertId,
          );
          expect(p.fixed).toBe(isFixed);
        }
        for (const l of result.loads) {
          expect(l.load).toBeGreaterThanOrEqual(l.min);
          expect(l.load).toBeLessThanOrEqual(l.max);
        }
      }),
      { numRuns: 40 },
    );
  }, 60_000);

  it("prices in left-out pairs until the optimum over every pair is reached (column generation)", async () => {
    const rounds = fc.sample(roundOf({ apps: 40, experts: 8, k: 3 }), { numRuns: 20, seed: 2026 });
    let priced = 0;
    for (const round of rounds) {
      const started = assigned(
        await assignReviewers(round, { startingCandidates: 0, repairConnectivity: false }),
      );
      const everyPair = assigned(
        await assignReviewers(round, { startingCandidates: 8, repairConnectivity: false }),
      );
      expect(everyPair.solver.columns).toBe(everyPair.solver.candidatePairs);
      expect(started.optimum).toBe(everyPair.optimum);
      if (started.solver.runs > 1) priced++;
    }
    // Some of these rounds needed pairs beyond the starting ones.
    expect(priced).toBeGreaterThan(0);
  }, 60_000);

  it("refuses a malformed round with its problems, never a solve", async () => {
    const result = await assignReviewers({
      applications: [
        { id: "a", fields: [] },
        { id: "a", fields: [] },
      ],
      experts: [{ id: "x", fields: [], maxLoad: -1 }],
      reviewersPerApplication: 0,
      conflicts: [{ applicationId: "a", expertId: "x" }],
      fixed: [
        { applicationId: "a", expertId: "x" },
        { applicationId: "zz", expertId: "x" },
      ],
    });
    expect(result.status).toBe("invalid");
    if (result.status !== "invalid") return;
    expect(result.problems.map((p) => p.code).sort()).toEqual([
      "duplicate_application",
      "fixed_pair_conflicts",
      "max_load_invalid",
      "reviewers_per_application_invalid",
      "unknown_application",
    ]);
  });
});

describe("rounds that cannot meet every constraint", () => {
  const experts = (n: number, maxLoad?: number) =>
    Array.from({ length: n }, (_, i) => ({
      id: `e${i}`,
      fields: ["elderly"],
      ...(maxLoad === undefined ? {} : { maxLoad }),
    }));

  it("names the application with too few experts free of conflicts", async () => {
    const result = assigned(
      await assignReviewers({
        applications: [1, 2, 3, 4].map((i) => ({ id: `a${i}`, fields: ["elderly"] })),
        experts: experts(3),
        reviewersPerApplication: 2,
        conflicts: [
          { applicationId: "a3", expertId: "e0" },
          { applicationId: "a3", expertId: "e1" },
        ],
      }),
    );
    expect(result.status).toBe("infeasible");
    expect(result.shortfalls).toEqual([
      { applicationId: "a3", missing: 1, reason: "too_few_experts", available: 1 },
    ]);
    // The rest still get their reviewers, with no conflict.
    expect(result.pairs.filter((p) => p.applicationId !== "a3")).toHaveLength(6);
    expect(result.pairs.some((p) => p.applicationId === "a3" && p.expertId === "e2")).toBe(true);
  });

  it("names applications left out by max loads as capacity", async () => {
    const result = assigned(
      await assignReviewers({
        applications: [1, 2, 3].map((i) => ({ id: `a${i}`, fields: ["elderly"] })),
        experts: experts(2, 1),
        reviewersPerApplication: 1,
      }),
    );
    expect(result.status).toBe("infeasible");
    expect(result.shortfalls).toHaveLength(1);
    expect(result.shortfalls[0]).toMatchObject({ missing: 1, reason: "capacity", available: 2 });
    expect(result.pairs).toHaveLength(2);
  });

  it("names the applications that only an already full expert may review", async () => {
    // Both applications may only go to e0, whose balanced load is 1.
    const result = assigned(
      await assignReviewers({
        applications: [1, 2].map((i) => ({ id: `a${i}`, fields: ["elderly"] })),
        experts: experts(2),
        reviewersPerApplication: 1,
        conflicts: [
          { applicationId: "a1", expertId: "e1" },
          { applicationId: "a2", expertId: "e1" },
        ],
      }),
    );
    expect(result.status).toBe("infeasible");
    expect(result.shortfalls).toHaveLength(1);
    expect(result.shortfalls[0]).toMatchObject({ missing: 1, reason: "capacity" });
    expect(result.underloaded.map((l) => l.expertId)).toEqual(["e1"]);
  });

  it("reports an expert who cannot reach a balanced load, even when every application is served", async () => {
    const applications = [1, 2, 3, 4].map((i) => ({ id: `a${i}`, fields: ["elderly"] }));
    const result = assigned(
      await assignReviewers({
        applications,
        experts: experts(3),
        reviewersPerApplication: 1,
        conflicts: applications.map((a) => ({ applicationId: a.id, expertId: "e2" })),
      }),
    );
    expect(result.status).toBe("infeasible");
    expect(result.shortfalls).toEqual([]);
    expect(result.underloaded).toEqual([{ expertId: "e2", load: 0, min: 1, max: 2 }]);
  });
});

describe("connectivity of the expert-application graph", () => {
  /** Two fields, experts and applications split between them: the optimum is two groups. */
  const clustered = (conflicts: ReviewPair[] = []): AssignmentRound => ({
    applications: Array.from({ length: 12 }, (_, i) => ({
      id: `a${String(i).padStart(2, "0")}`,
      fields: [i < 6 ? "elderly" : "children"],
    })),
    experts: Array.from({ length: 6 }, (_, i) => ({ id: `e${i}`, fields: [i < 3 ? "elderly" : "children"] })),
    reviewersPerApplication: 2,
    conflicts,
  });

  it("joins the groups the optimum falls into, keeping every constraint, at the least loss", async () => {
    const round = clustered();
    const unrepaired = assigned(await assignReviewers(round, { repairConnectivity: false }));
    expect(unrepaired.components).toBe(2);
    expect(unrepaired.objective).toBe(24);
    const result = assigned(await assignReviewers(round));
    expect(result.status).toBe("assigned");
    expect(result.components).toBe(1);
    expect(result.smallestOverlap).toBeGreaterThanOrEqual(1);
    expectHardConstraints(round, result.pairs);
    // One swap joins two groups; each swap here trades two matching pairs for two non-matching.
    expect(result.repair).toEqual({ swaps: 1, loss: 2 });
    expect(result.objective).toBe(22);
  });

  it("stops only at one component or when no swap between two components could join them", async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.double({ min: 0, max: 0.6, noNaN: true }), async (seed, conflictRate) => {
        // Clustered rounds with many conflicts: sometimes no swap exists.
        const random = fc.sample(
          fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 72, maxLength: 72 }),
          {
            numRuns: 1,
            seed,
          },
        )[0] as number[];
        const conflicts = random.flatMap((r, i) =>
          r < conflictRate
            ? [{ applicationId: `a${String(Math.floor(i / 6)).padStart(2, "0")}`, expertId: `e${i % 6}` }]
            : [],
        );
        const round = clustered(conflicts);
        const result = assigned(await assignReviewers(round));
        if (result.status !== "assigned") return;
        expectHardConstraints(round, result.pairs);
        if (result.components === 1) return;
        // No swap of two pairs from different components, free of conflicts, lowers the count.
        const appIndex = (id: string) => Number(id.slice(1));
        const expertIndex = (id: string) => Number(id.slice(1));
        const graph: GraphPair[] = result.pairs.map((p) => ({
          app: appIndex(p.applicationId),
          expert: expertIndex(p.expertId),
        }));
        const shape = { apps: 12, experts: 6 };
        const isConflict = (app: number, expert: number) =>
          conflicts.some((c) => appIndex(c.applicationId) === app && expertIndex(c.expertId) === expert);
        for (let i = 0; i < graph.length; i++) {
          for (let j = i + 1; j < graph.length; j++) {
            const p1 = graph[i] as GraphPair;
            const p2 = graph[j] as GraphPair;
            if (isConflict(p1.app, p2.expert) || isConflict(p2.app, p1.expert)) continue;
            if (
              graph.some(
                (p) =>
                  (p.app === p1.app && p.expert === p2.expert) ||
                  (p.app === p2.app && p.expert === p1.expert),
              )
            )
              continue;
            const swapped = graph.map((p, n) =>
              n === i ? { app: p1.app, expert: p2.expert } : n === j ? { app: p2.app, expert: p1.expert } : p,
            );
            expect(componentCount(shape, swapped)).toBeGreaterThanOrEqual(result.components);
          }
        }
      }),
      { numRuns: 40 },
    );
  });

  it("measures components and overlap of hand-made pairs", () => {
    const round = clustered();
    const pairs = [
      { applicationId: "a00", expertId: "e0" },
      { applicationId: "a00", expertId: "e1" },
      { applicationId: "a01", expertId: "e1" },
      { applicationId: "a01", expertId: "e2" },
      { applicationId: "a06", expertId: "e3" },
      { applicationId: "a06", expertId: "e4" },
    ];
    const figures = assignmentFigures(round, pairs);
    expect(figures.components).toBe(2);
    // e0 shares only with e1; e5 has no load and does not count.
    expect(figures.smallestOverlap).toBe(1);
    expect(figures.objective).toBe(6);
    expect(figures.loads.find((l) => l.expertId === "e1")).toEqual({
      expertId: "e1",
      load: 2,
      min: 4,
      max: 4,
    });
  });
});

describe("an expert's drop-out", () => {
  it("gives their applications new reviewers and leaves every other pair as it was", async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), async (seed) => {
        const round = fc.sample(roundOf({ apps: 30, experts: 6, k: 2, conflictRate: 0.05 }), {
          numRuns: 1,
          seed,
        })[0] as AssignmentRound;
        const before = assigned(await assignReviewers(round));
        if (before.status !== "assigned") return;
        const after = assigned(await reassignAfterDropOut(round, before.pairs, "e3"));
        if (after.status !== "assigned") return;
        const key = (p: ReviewPair) => `${p.applicationId}/${p.expertId}`;
        const kept = new Set(after.pairs.map(key));
        for (const p of before.pairs) if (p.expertId !== "e3") expect(kept.has(key(p))).toBe(true);
        expect(after.pairs.every((p) => p.expertId !== "e3")).toBe(true);
        expectHardConstraints({ ...round, experts: round.experts.filter((e) => e.id !== "e3") }, after.pairs);
        // 60 reviews over 5 experts: 12 each, the least the highest load can be.
        expect(Math.max(...after.loads.map((l) => l.load))).toBe(12);
        expect(after.pairs.length - before.pairs.filter((p) => p.expertId !== "e3").length).toBe(
          before.loads.find((l) => l.expertId === "e3")?.load,
        );
      }),
      { numRuns: 25 },
    );
  });
});
