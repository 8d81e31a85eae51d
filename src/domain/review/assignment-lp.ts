/**
 * The assignment as a linear program, solved by HiGHS (WebAssembly, loaded from node_modules: no
 * network). Variables x(a, e) in [0, 1] for candidate pairs only; one row per application still
 * needing reviewers (sum over e of x = need) and one per expert (band min <= sum over a of x <=
 * band max); minimize minus the match score.
 *
 * Integral without branching: the rows are the two sides of a bipartite graph and each x column
 * has a 1 in one application row and one expert row, an incidence matrix, which is totally
 * unimodular; slack columns are unit columns and bounds are integers, so every vertex of the
 * polytope is integral and the simplex method ends on one. The caller asserts it anyway.
 *
 * Small by column generation: the LP starts from the best few experts of each application and
 * the best few applications of each expert, then adds any left-out pair whose reduced cost
 * (cost minus the duals of its two rows) could improve the objective, until none can. At that
 * point the row duals prove the restricted optimum optimal for every candidate pair, so the answer
 * is the optimum over all pairs, found from a fraction of them.
 *
 * When the hard rows cannot all hold, two more passes on the same model: first the fewest missing
 * reviews (weighted above everything) and then the fewest reviews below experts' band minimum,
 * through slack columns; then, with those slacks fixed at what that pass found, the best match.
 * Fixing slacks changes bounds only, so the matrix stays totally unimodular (a weighted single
 * pass would need weights that swamp score differences in floating point).
 */
import loadHighs, { type Highs } from "highs";
import type { GraphPair } from "./review-graph";

let runtime: Promise<Highs> | undefined;

/** The HiGHS runtime, compiled once per process on first use (about 0.2 s). */
function highs(): Promise<Highs> {
  runtime ??= loadHighs();
  return runtime;
}

export interface LpInput {
  /** Per application: reviewers still to assign (k minus its fixed pairs). */
  need: readonly number[];
  /** Per expert: the band of additional load, beyond their fixed pairs. */
  bandMin: readonly number[];
  bandMax: readonly number[];
  /** Per application: the experts it may still get (no conflict, not already fixed). */
  candidates: readonly (readonly number[])[];
  score(app: number, expert: number): number;
  /** How many candidates per application (and per expert, scaled by load) the LP starts with. */
  startingCandidates: number;
}

export interface LpResult {
  pairs: GraphPair[];
  /** Per application: reviewers it could not get. */
  missing: number[];
  /** Per expert: reviews below their band minimum. */
  underload: number[];
  /** Pair columns in the final LP, and simplex runs (column generation rounds, all passes). */
  columns: number;
  runs: number;
}

const TOLERANCE = 1e-6;
const STATUS_OPTIMAL = 7;
const STATUS_INFEASIBLE = 8;

/** Deterministic tie-break that spreads equal scores over experts (no clustering by index). */
function spread(app: number, expert: number): number {
  return (Math.imul(app + 1, 0x9e3779b1) ^ Math.imul(expert + 1, 0x85ebca6b)) >>> 0;
}

function startingPairs(input: LpInput): Set<number> {
  const experts = input.bandMax.length;
  const chosen = new Set<number>();
  const order = (app: number) => (x: number, y: number) =>
    input.score(app, y) - input.score(app, x) || spread(app, x) - spread(app, y);
  const byExpert: number[][] = Array.from({ length: experts }, () => []);
  input.candidates.forEach((list, app) => {
    if ((input.need[app] ?? 0) === 0) return;
    const usable = list.filter((e) => (input.bandMax[e] ?? 0) > 0);
    const best = [...usable].sort(order(app)).slice(0, input.startingCandidates + (input.need[app] ?? 0));
    for (const e of best) chosen.add(app * experts + e);
    for (const e of usable) byExpert[e]?.push(app);
  });
  // Each expert also starts with enough of their own best applications to reach their band.
  byExpert.forEach((apps, e) => {
    const take = 2 * (input.bandMax[e] ?? 0) + input.startingCandidates;
    apps
      .sort((x, y) => input.score(y, e) - input.score(x, e) || spread(x, e) - spread(y, e))
      .slice(0, take)
      .forEach((app) => {
        chosen.add(app * experts + e);
      });
  });
  return chosen;
}

export async function solveAssignmentLp(input: LpInput): Promise<LpResult> {
  const solver = await highs();
  const apps = input.need.length;
  const experts = input.bandMax.length;
  const rowOfApp = new Array<number>(apps).fill(-1);
  const rowLower: number[] = [];
  const rowUpper: number[] = [];
  input.need.forEach((need, app) => {
    if (need <= 0) return;
    rowOfApp[app] = rowLower.length;
    rowLower.push(need);
    rowUpper.push(need);
  });
  const firstExpertRow = rowLower.length;
  for (let e = 0; e < experts; e++) {
    rowLower.push(input.bandMin[e] ?? 0);
    rowUpper.push(input.bandMax[e] ?? 0);
  }
  const rows = rowLower.length;
  // Slack columns first, one per row (held at 0 while the rows are hard), then pair columns.
  const model = solver.createModel({
    numCols: rows,
    numRows: rows,
    colCost: new Float64Array(rows),
    colLower: new Float64Array(rows),
    colUpper: new Float64Array(rows),
    rowLower,
    rowUpper,
    matrix: {
      format: "csc",
      numRows: rows,
      numCols: rows,
      starts: Int32Array.from({ length: rows + 1 }, (_, i) => i),
      indices: Int32Array.from({ length: rows }, (_, i) => i),
      values: new Float64Array(rows).fill(1),
    },
  });
  try {
    // Presolve off: on these degenerate LPs HiGHS's presolve took 20 to 30 times the solve.
    model.options.set({ output_flag: false, presolve: "off" });
    const pairKeys: number[] = [];
    const included = new Set<number>();
    let scoring = true;
    const costOf = (key: number) => (scoring ? -input.score(Math.floor(key / experts), key % experts) : 0);
    const addPairs = (keys: readonly number[]) => {
      if (keys.length === 0) return;
      const starts = new Int32Array(keys.length + 1);
      const indices = new Int32Array(keys.length * 2);
      keys.forEach((key, i) => {
        starts[i] = 2 * i;
        indices[2 * i] = rowOfApp[Math.floor(key / experts)] as number;
        indices[2 * i + 1] = firstExpertRow + (key % experts);
        included.add(key);
        pairKeys.push(key);
      });
      starts[keys.length] = indices.length;
      model.addCols({
        cost: Float64Array.from(keys, costOf),
        lower: new Float64Array(keys.length),
        upper: new Float64Array(keys.length).fill(1),
        matrix: {
          format: "csc",
          numRows: rows,
          numCols: keys.length,
          starts,
          indices,
          values: new Float64Array(indices.length).fill(1),
        },
      });
    };
    let runs = 0;
    /** Runs to the optimum over every candidate pair, adding pairs the duals price in. */
    const optimize = (): "optimal" | "infeasible" => {
      for (;;) {
        const { modelStatus } = model.run();
        runs++;
        if (modelStatus === STATUS_INFEASIBLE) return "infeasible";
        if (modelStatus !== STATUS_OPTIMAL) throw new Error(`assignment LP ended with status ${modelStatus}`);
        const { rowDual } = model.getSolution();
        const entering: number[] = [];
        input.candidates.forEach((list, app) => {
          const row = rowOfApp[app] as number;
          if (row < 0) return;
          for (const e of list) {
            const key = app * experts + e;
            if (included.has(key) || (input.bandMax[e] ?? 0) === 0) continue;
            const reduced = costOf(key) - (rowDual[row] as number) - (rowDual[firstExpertRow + e] as number);
            if (reduced < -TOLERANCE) entering.push(key);
          }
        });
        if (entering.length === 0) return "optimal";
        addPairs(entering);
      }
    };
    addPairs([...startingPairs(input)].sort((x, y) => x - y));
    let outcome = optimize();
    if (outcome === "infeasible") {
      // Fewest missing reviews first (each outweighs every possible underload), then underload.
      const all = { kind: "range" as const, from: 0, to: rows - 1 };
      const weight = rowUpper.slice(firstExpertRow).reduce((s, v) => s + v, 0) + 1;
      model.changeColsBounds(
        all,
        new Float64Array(rows),
        Float64Array.from(rowLower, (v) => v),
      );
      model.changeColsCost(
        all,
        Float64Array.from(rowLower, (_, row) => (row < firstExpertRow ? weight : 1)),
      );
      scoring = false;
      const repricePairs = () => {
        if (pairKeys.length === 0) return;
        model.changeColsCost(
          { kind: "range", from: rows, to: rows + pairKeys.length - 1 },
          Float64Array.from(pairKeys, costOf),
        );
      };
      repricePairs();
      if (optimize() !== "optimal") throw new Error("assignment LP with slacks cannot be infeasible");
      const slack = model.getSolution().colValue.slice(0, rows);
      model.changeColsBounds(all, slack, slack);
      model.changeColsCost(all, new Float64Array(rows));
      scoring = true;
      repricePairs();
      outcome = optimize();
      if (outcome !== "optimal") throw new Error("assignment LP infeasible with its own slacks fixed");
    }
    const values = model.getSolution().colValue;
    for (const v of values) {
      // Total unimodularity promises a vertex with whole values; a fraction would be a bug.
      if (Math.abs(v - Math.round(v)) > TOLERANCE)
        throw new Error(`assignment LP solution is fractional: ${v}`);
    }
    const missing = new Array<number>(apps).fill(0);
    const underload = new Array<number>(experts).fill(0);
    for (let app = 0; app < apps; app++) {
      const row = rowOfApp[app] as number;
      if (row >= 0) missing[app] = Math.round(values[row] as number);
    }
    for (let e = 0; e < experts; e++) underload[e] = Math.round(values[firstExpertRow + e] as number);
    const pairs: GraphPair[] = [];
    pairKeys.forEach((key, i) => {
      if (Math.round(values[rows + i] as number) === 1)
        pairs.push({ app: Math.floor(key / experts), expert: key % experts });
    });
    return { pairs, missing, underload, columns: pairKeys.length, runs };
  } finally {
    model.dispose();
  }
}
