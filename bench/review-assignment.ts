/**
 * Automatic expert assignment on seeded rounds (`npx tsx bench/review-assignment.ts`): the LP
 * with its connectivity repair next to a greedy baseline on 600 applications × 40 experts
 * (k = 3 and 5), then solve times of larger rounds. Same seed, same rounds; no database.
 */
import os from "node:os";
import { generateOrganizations, pickerOf, seededRandom } from "../src/db/seed/generate";
import { FIVE_GOOD_FIELDS, ORGANIZATION_FIELDS } from "../src/domain/organization";
import {
  type AssignmentRound,
  assignmentFigures,
  assignReviewers,
  type ReviewPair,
} from "../src/domain/review/assignment";

const SEED = 20261207;

/** A round: generated organizations' fields, experts with one to three fields, a few conflicts. */
function seededRound(apps: number, experts: number, k: number): AssignmentRound {
  const random = seededRandom(SEED ^ (apps * 7919 + experts * 31 + k));
  const pick = pickerOf(random);
  const organizations = generateOrganizations(random, apps, {
    towns: [{ name: "城北街道", communities: 3 }],
    residencies: ["none"],
  });
  const expertList = Array.from({ length: experts }, (_, i) => {
    // Experts' fields lean towards the five good communities, as the organizations' do.
    const count = 1 + Math.floor(random() * 3);
    const fields = new Set(
      Array.from({ length: count }, () =>
        random() < 0.6 ? pick(FIVE_GOOD_FIELDS) : pick(ORGANIZATION_FIELDS),
      ),
    );
    return { id: `expert-${String(i + 1).padStart(3, "0")}`, fields: [...fields] };
  });
  const applications = organizations.map((o, i) => ({
    id: `app-${String(i + 1).padStart(4, "0")}`,
    fields: o.fields,
  }));
  // About one conflict per 15 applications: an expert who advised, works for or funds the organization.
  const conflicts: ReviewPair[] = Array.from({ length: Math.ceil(apps / 15) }, () => ({
    applicationId: pick(applications).id,
    expertId: pick(expertList).id,
  }));
  return { applications, experts: expertList, reviewersPerApplication: k, conflicts };
}

/**
 * The baseline: applications in order, each takes the k best-matching of the least-loaded
 * experts it has no conflict with, never past the balanced maximum ceil(L).
 */
function greedy(round: AssignmentRound): { pairs: ReviewPair[]; short: number } {
  const k = round.reviewersPerApplication;
  const cap = Math.ceil((round.applications.length * k) / round.experts.length);
  const load = new Map(round.experts.map((e) => [e.id, 0]));
  const conflict = new Set((round.conflicts ?? []).map((c) => `${c.applicationId}/${c.expertId}`));
  const pairs: ReviewPair[] = [];
  let short = 0;
  for (const a of round.applications) {
    const chosen = round.experts
      .filter((e) => !conflict.has(`${a.id}/${e.id}`) && (load.get(e.id) as number) < cap)
      .map((e) => ({
        e,
        score: a.fields.filter((f) => e.fields.includes(f)).length,
        load: load.get(e.id) as number,
      }))
      .sort((x, y) => y.score - x.score || x.load - y.load)
      .slice(0, k);
    short += k - chosen.length;
    for (const { e } of chosen) {
      load.set(e.id, (load.get(e.id) as number) + 1);
      pairs.push({ applicationId: a.id, expertId: e.id });
    }
  }
  return { pairs, short };
}

function row(cells: (string | number)[]): string {
  return `| ${cells.join(" | ")} |`;
}

async function compare(apps: number, experts: number, k: number): Promise<string[]> {
  const round = seededRound(apps, experts, k);
  const started = performance.now();
  const result = await assignReviewers(round);
  const seconds = (performance.now() - started) / 1000;
  if (result.status === "invalid") throw new Error(JSON.stringify(result.problems));
  const baselineStarted = performance.now();
  const baseline = greedy(round);
  const baselineSeconds = (performance.now() - baselineStarted) / 1000;
  const b = assignmentFigures(round, baseline.pairs);
  const size = `${apps} × ${experts}, k = ${k}`;
  return [
    row([
      size,
      `LP (optimum ${result.optimum}, ${result.repair.swaps} swaps)`,
      result.objective,
      `${result.loadSpread.min}–${result.loadSpread.max}`,
      result.components,
      result.smallestOverlap,
      result.shortfalls.length,
      `${seconds.toFixed(2)} s (${result.solver.columns} of ${result.solver.candidatePairs} pairs, ${result.solver.runs} runs)`,
    ]),
    row([
      size,
      "greedy",
      b.objective,
      `${b.loadSpread.min}–${b.loadSpread.max}`,
      b.components,
      b.smallestOverlap,
      `${baseline.short} reviews`,
      `${baselineSeconds.toFixed(2)} s`,
    ]),
  ];
}

async function main() {
  const cpus = os.cpus();
  console.log(`date:    ${new Date().toISOString()}`);
  console.log(`machine: ${cpus[0]?.model ?? "unknown CPU"} × ${cpus.length}, node ${process.version}`);
  console.log(`seed:    ${SEED}\n`);
  const loadStarted = performance.now();
  // The first call compiles HiGHS's WebAssembly; timed apart so the rows below are solves only.
  await assignReviewers({
    applications: [{ id: "a", fields: [] }],
    experts: [{ id: "e", fields: [] }],
    reviewersPerApplication: 1,
  });
  console.log(
    `HiGHS loaded and a one-pair round solved in ${((performance.now() - loadStarted) / 1000).toFixed(2)} s\n`,
  );
  console.log(
    row(["round", "method", "objective", "loads", "components", "smallest overlap", "short", "time"]),
  );
  console.log(row(["---", "---", "---:", "---", "---:", "---:", "---:", "---"]));
  for (const [apps, experts, k] of [
    [600, 40, 3],
    [600, 40, 5],
    [1500, 100, 3],
    [3000, 200, 3],
    [3000, 200, 5],
    [6000, 400, 3],
  ] as const) {
    for (const line of await compare(apps, experts, k)) console.log(line);
  }
}

await main();
