/**
 * Automatic assignment of expert reviewers to the applications of a review round (评审轮次).
 *
 * Hard constraints: every application gets exactly k distinct reviewers; no pair that is a
 * conflict of interest; every expert's load within their band (balanced within one, see
 * assignment-loads.ts; never above their own max load); fixed pairs (staff's hand adjustments,
 * or everyone else's pairs after a drop-out) kept as they are.
 *
 * Objective, among assignments meeting all of them: the most shared fields, i.e. the sum over
 * assigned pairs of the number of the organization's fields of work that are also fields of the
 * expert's expertise. A count rather than a share: an expert covering two of an application's
 * fields serves it better than one covering one, and a generalist is not penalized for knowing
 * more. It is solved exactly, as a linear program (assignment-lp.ts): the optimum over all
 * non-conflicted pairs, not a greedy approximation.
 *
 * Then the expert-application graph is checked (review-graph.ts): one component, so scores can be
 * normalized per expert, and the smallest overlap. If the optimum falls into groups, swaps that
 * keep every constraint join them at the least loss of match score, reported as such.
 *
 * When the constraints cannot all hold, nothing is relaxed silently: the result is
 * `infeasible`, naming the applications that cannot get k reviewers (too few experts without a
 * conflict, or not enough capacity among them) and the experts left below their band, with the
 * best partial assignment that keeps conflicts and max loads.
 */

import { type LoadBand, loadBands } from "./assignment-loads";
import { solveAssignmentLp } from "./assignment-lp";
import {
  componentCount,
  type GraphPair,
  type GraphShape,
  repairConnectivity,
  smallestOverlap,
} from "./review-graph";

export interface ReviewApplication {
  id: string;
  /** The organization's fields of work ("elderly", "children", ...). */
  fields: readonly string[];
}

export interface ReviewExpert {
  id: string;
  /** Fields of expertise, in the same vocabulary as the organizations' fields. */
  fields: readonly string[];
  /** The most applications this expert will review in the round; no limit when absent. */
  maxLoad?: number;
}

export interface ReviewPair {
  applicationId: string;
  expertId: string;
}

export interface AssignmentRound {
  applications: readonly ReviewApplication[];
  experts: readonly ReviewExpert[];
  /** k: reviewers per application. */
  reviewersPerApplication: number;
  /** Pairs that may never be assigned (the caller keeps the reason). */
  conflicts?: readonly ReviewPair[];
  /** Pairs kept as they are. */
  fixed?: readonly ReviewPair[];
}

export type RoundProblem =
  | { code: "reviewers_per_application_invalid"; value: number }
  | { code: "duplicate_application"; applicationId: string }
  | { code: "duplicate_expert"; expertId: string }
  | { code: "max_load_invalid"; expertId: string; value: number }
  | { code: "unknown_application"; applicationId: string }
  | { code: "unknown_expert"; expertId: string }
  | { code: "duplicate_fixed_pair"; applicationId: string; expertId: string }
  | { code: "fixed_pair_conflicts"; applicationId: string; expertId: string }
  | {
      code: "too_many_fixed_reviewers";
      applicationId: string;
      fixed: number;
      reviewersPerApplication: number;
    }
  | { code: "fixed_load_above_max"; expertId: string; fixed: number; maxLoad: number };

export interface AssignedPair extends ReviewPair {
  /** Shared fields of the organization and the expert. */
  score: number;
  fixed: boolean;
}

export interface ExpertLoad {
  expertId: string;
  load: number;
  /** The band the load must be in. */
  min: number;
  max: number;
}

export interface Shortfall {
  applicationId: string;
  /** Reviewers it did not get. */
  missing: number;
  /**
   * `too_few_experts`: fewer than k experts without a conflict (`available` says how many);
   * `capacity`: enough of them, but not enough room in their loads.
   */
  reason: "too_few_experts" | "capacity";
  available: number;
}

export interface AssignmentFigures {
  /** Total match score of the pairs. */
  objective: number;
  loads: ExpertLoad[];
  loadSpread: { min: number; max: number };
  /** Connected components of the expert-application graph (1 is what normalization needs). */
  components: number;
  /** Fewest other experts any expert shares an application with (see review-graph.ts). */
  smallestOverlap: number;
}

export type Assignment =
  | { status: "invalid"; problems: RoundProblem[] }
  | (AssignmentFigures & {
      status: "assigned" | "infeasible";
      pairs: AssignedPair[];
      /** Applications left short of k reviewers (empty when assigned). */
      shortfalls: Shortfall[];
      /** Experts left below their band's minimum (empty when assigned). */
      underloaded: ExpertLoad[];
      /** The solver's optimum before the connectivity repair, and what the repair gave up. */
      optimum: number;
      repair: { swaps: number; loss: number };
      solver: { columns: number; candidatePairs: number; runs: number };
    });

export interface AssignmentOptions {
  /** Candidates per application the LP starts from (more are priced in as needed). */
  startingCandidates?: number;
  /** Join the graph's components by swaps (on by default). */
  repairConnectivity?: boolean;
}

/** Shared fields of an organization and an expert: the match score of the pair. */
function matchScore(applicationFields: readonly string[], expertFields: ReadonlySet<string>): number {
  let shared = 0;
  for (const field of new Set(applicationFields)) if (expertFields.has(field)) shared++;
  return shared;
}

/** The round by index, with its checks. */
function indexRound(round: AssignmentRound) {
  const problems: RoundProblem[] = [];
  const k = round.reviewersPerApplication;
  if (!Number.isInteger(k) || k < 1) problems.push({ code: "reviewers_per_application_invalid", value: k });
  const appIndex = new Map<string, number>();
  round.applications.forEach((a, i) => {
    if (appIndex.has(a.id)) problems.push({ code: "duplicate_application", applicationId: a.id });
    else appIndex.set(a.id, i);
  });
  const expertIndex = new Map<string, number>();
  round.experts.forEach((e, i) => {
    if (expertIndex.has(e.id)) problems.push({ code: "duplicate_expert", expertId: e.id });
    else expertIndex.set(e.id, i);
    if (e.maxLoad !== undefined && (!Number.isInteger(e.maxLoad) || e.maxLoad < 0)) {
      problems.push({ code: "max_load_invalid", expertId: e.id, value: e.maxLoad });
    }
  });
  const experts = round.experts.length;
  const keyOf = (pair: ReviewPair): number | null => {
    const app = appIndex.get(pair.applicationId);
    const expert = expertIndex.get(pair.expertId);
    if (app === undefined) problems.push({ code: "unknown_application", applicationId: pair.applicationId });
    if (expert === undefined) problems.push({ code: "unknown_expert", expertId: pair.expertId });
    return app === undefined || expert === undefined ? null : app * experts + expert;
  };
  const conflicts = new Set<number>();
  for (const pair of round.conflicts ?? []) {
    const key = keyOf(pair);
    if (key !== null) conflicts.add(key);
  }
  const fixed = new Set<number>();
  for (const pair of round.fixed ?? []) {
    const key = keyOf(pair);
    if (key === null) continue;
    if (fixed.has(key)) problems.push({ code: "duplicate_fixed_pair", ...pair });
    else if (conflicts.has(key)) problems.push({ code: "fixed_pair_conflicts", ...pair });
    else fixed.add(key);
  }
  const fixedPerApp = new Array<number>(round.applications.length).fill(0);
  const fixedLoads = new Array<number>(experts).fill(0);
  for (const key of fixed) {
    const app = Math.floor(key / experts);
    fixedPerApp[app] = (fixedPerApp[app] as number) + 1;
    fixedLoads[key % experts] = (fixedLoads[key % experts] as number) + 1;
  }
  fixedPerApp.forEach((count, app) => {
    if (count > k) {
      problems.push({
        code: "too_many_fixed_reviewers",
        applicationId: round.applications[app]?.id as string,
        fixed: count,
        reviewersPerApplication: k,
      });
    }
  });
  fixedLoads.forEach((load, e) => {
    const maxLoad = round.experts[e]?.maxLoad;
    if (maxLoad !== undefined && maxLoad >= 0 && load > maxLoad) {
      problems.push({
        code: "fixed_load_above_max",
        expertId: round.experts[e]?.id as string,
        fixed: load,
        maxLoad,
      });
    }
  });
  const expertFields = round.experts.map((e) => new Set(e.fields));
  const scores = new Map<number, number>();
  const score = (app: number, expert: number) => {
    const key = app * experts + expert;
    let value = scores.get(key);
    if (value === undefined) {
      value = matchScore(round.applications[app]?.fields ?? [], expertFields[expert] as Set<string>);
      scores.set(key, value);
    }
    return value;
  };
  const shape: GraphShape = { apps: round.applications.length, experts };
  return { problems, k, appIndex, expertIndex, conflicts, fixed, fixedPerApp, fixedLoads, score, shape };
}

function toGraphPairs(index: ReturnType<typeof indexRound>, pairs: readonly ReviewPair[]): GraphPair[] {
  return pairs.map((p) => ({
    app: index.appIndex.get(p.applicationId) as number,
    expert: index.expertIndex.get(p.expertId) as number,
  }));
}

function figures(
  round: AssignmentRound,
  index: ReturnType<typeof indexRound>,
  pairs: readonly GraphPair[],
  bands: readonly LoadBand[],
): AssignmentFigures {
  const loadOf = new Array<number>(round.experts.length).fill(0);
  let objective = 0;
  for (const p of pairs) {
    loadOf[p.expert] = (loadOf[p.expert] as number) + 1;
    objective += index.score(p.app, p.expert);
  }
  const loads = round.experts.map((e, i) => ({
    expertId: e.id,
    load: loadOf[i] as number,
    min: bands[i]?.min ?? 0,
    max: bands[i]?.max ?? 0,
  }));
  return {
    objective,
    loads,
    loadSpread: {
      min: loadOf.length ? Math.min(...loadOf) : 0,
      max: loadOf.length ? Math.max(...loadOf) : 0,
    },
    components: componentCount(index.shape, pairs),
    smallestOverlap: smallestOverlap(index.shape, pairs),
  };
}

function bandsOf(round: AssignmentRound, index: ReturnType<typeof indexRound>): LoadBand[] {
  return loadBands(
    round.applications.length * index.k,
    index.fixedLoads,
    round.experts.map((e) => e.maxLoad ?? Number.POSITIVE_INFINITY),
  );
}

/**
 * The figures staff see for any set of pairs, a hand-adjusted one included: each pair's score,
 * the total, each expert's load against their band, the load spread, components and overlap.
 * The pairs must name the round's applications and experts.
 */
export function assignmentFigures(round: AssignmentRound, pairs: readonly ReviewPair[]): AssignmentFigures {
  const index = indexRound(round);
  return figures(round, index, toGraphPairs(index, pairs), bandsOf(round, index));
}

export async function assignReviewers(
  round: AssignmentRound,
  options: AssignmentOptions = {},
): Promise<Assignment> {
  const index = indexRound(round);
  if (index.problems.length > 0) return { status: "invalid", problems: index.problems };
  const { k, shape, fixed, conflicts } = index;
  const bands = bandsOf(round, index);
  const candidates: number[][] = round.applications.map((_, app) =>
    round.experts.flatMap((_, e) => {
      const key = app * shape.experts + e;
      return conflicts.has(key) || fixed.has(key) ? [] : [e];
    }),
  );
  const need = index.fixedPerApp.map((count) => k - count);
  const solved = need.some((n) => n > 0)
    ? await solveAssignmentLp({
        need,
        bandMin: bands.map((b, e) => b.min - (index.fixedLoads[e] as number)),
        bandMax: bands.map((b, e) => b.max - (index.fixedLoads[e] as number)),
        candidates,
        score: index.score,
        startingCandidates: options.startingCandidates ?? 2 * k + 2,
      })
    : { pairs: [], missing: need.map(() => 0), underload: bands.map(() => 0), columns: 0, runs: 0 };
  const fixedPairs = [...fixed].map((key) => ({
    app: Math.floor(key / shape.experts),
    expert: key % shape.experts,
  }));
  const solvedPairs = [...fixedPairs, ...solved.pairs];
  const optimum = solvedPairs.reduce((sum, p) => sum + index.score(p.app, p.expert), 0);
  const repaired =
    options.repairConnectivity === false
      ? { pairs: solvedPairs, swaps: 0, loss: 0 }
      : repairConnectivity(shape, solvedPairs, {
          score: index.score,
          allowed: (app, expert) => !conflicts.has(app * shape.experts + expert),
          isFixed: (p) => fixed.has(p.app * shape.experts + p.expert),
        });
  const pairs = repaired.pairs
    .map((p) => ({
      applicationId: round.applications[p.app]?.id as string,
      expertId: round.experts[p.expert]?.id as string,
      score: index.score(p.app, p.expert),
      fixed: fixed.has(p.app * shape.experts + p.expert),
    }))
    .sort((x, y) => x.applicationId.localeCompare(y.applicationId) || x.expertId.localeCompare(y.expertId));
  const shortfalls: Shortfall[] = [];
  solved.missing.forEach((missing, app) => {
    if (missing === 0) return;
    const available = (candidates[app]?.length ?? 0) + (index.fixedPerApp[app] as number);
    shortfalls.push({
      applicationId: round.applications[app]?.id as string,
      missing,
      reason: available < k ? "too_few_experts" : "capacity",
      available,
    });
  });
  const shown = figures(round, index, repaired.pairs, bands);
  const underloaded = shown.loads.filter((l, e) => (solved.underload[e] ?? 0) > 0 && l.load < l.min);
  return {
    status: shortfalls.length === 0 && underloaded.length === 0 ? "assigned" : "infeasible",
    ...shown,
    pairs,
    shortfalls,
    underloaded,
    optimum,
    repair: { swaps: repaired.swaps, loss: repaired.loss },
    solver: {
      columns: solved.columns,
      candidatePairs: candidates.reduce((sum, list) => sum + list.length, 0),
      runs: solved.runs,
    },
  };
}

/**
 * After an expert drops out: the round without them, every other pair of `current` fixed, so
 * only the dropped expert's applications get a new reviewer each. The load bands are recomputed
 * by water-filling from the others' current loads, so loads rise only where the freed reviews
 * must go, lowest loads first, and the highest load is the least possible.
 */
export function reassignAfterDropOut(
  round: AssignmentRound,
  current: readonly ReviewPair[],
  expertId: string,
  options: AssignmentOptions = {},
): Promise<Assignment> {
  return assignReviewers(
    {
      ...round,
      experts: round.experts.filter((e) => e.id !== expertId),
      conflicts: (round.conflicts ?? []).filter((p) => p.expertId !== expertId),
      fixed: current.filter((p) => p.expertId !== expertId),
    },
    options,
  );
}
