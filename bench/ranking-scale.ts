/**
 * How the ranking's cost grows with a round (docs/PERFORMANCE.md, "A round's ranking at scale"):
 * one synthetic round at 600, 6,000 and 60,000 applications over the four tracks, five submitted
 * reviews each by 300 experts (the default rubrics, half-point scores), loaded in bulk by
 * INSERT … SELECT. Timed: the aggregation statement (every method's values and ranks, the flags,
 * per track), the median of `--runs`; on PostgreSQL at every size, on PGlite at the two
 * smaller. Then Schulze per track over the ballots, with its cost, up to `--schulze-max`
 * candidates a track (its matrices are n² each: beyond that only the cost is printed).
 *
 *   npm run bench:ranking
 *   npm run bench:ranking -- --sizes=600,6000 --engines=postgres --runs=5
 */
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { type Database, type Engine, migrateDatabase, openDatabase, rowsOf } from "../src/db/client";
import { TRACKS } from "../src/domain/call";
import { DEFAULT_RUBRICS } from "../src/domain/review/default-rubrics";
import { DEFAULT_RANKING_SETTINGS } from "../src/domain/review/track-ranking";
import {
  type AggregateOptions,
  rankingCtes,
  trackTotalsSql,
  withSortMemory,
} from "../src/server/areas/admission/ranking/aggregate-sql";
import { computeSchulze } from "../src/server/areas/admission/ranking/schulze-ranks";
import { adminQuery, withDatabase } from "../test/support/postgres-setup";
import { machineLines } from "./report";

const { values: args } = parseArgs({
  options: {
    sizes: { type: "string", default: "600,6000,60000" },
    engines: { type: "string", default: "postgres,pglite" },
    "pglite-max": { type: "string", default: "6000" },
    "schulze-max": { type: "string", default: "1500" },
    runs: { type: "string", default: "3" },
    experts: { type: "string", default: "300" },
    explain: { type: "boolean", default: false },
  },
});
const SIZES = (args.sizes as string).split(",").map(Number);
const ENGINES = (args.engines as string).split(",") as Engine[];
const PGLITE_MAX = Number(args["pglite-max"]);
const SCHULZE_MAX = Number(args["schulze-max"]);
const RUNS = Number(args.runs);
const EXPERTS = Number(args.experts);
const REVIEWS_EACH = 5;
const POSTGRES_URL = process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/test";

interface Figure {
  engine: Engine;
  applications: number;
  reviews: number;
  loadSeconds: number;
  aggregateMs: number;
  /** The PostgreSQL server process's CPU time for the statement (median), when it runs here. */
  aggregateCpuMs: number | null;
  fromScoresMs: number;
  schulze: { track: string; candidates: number; pathSteps: number; ms: number | null }[];
}

async function main() {
  console.log(machineLines(`npm run bench:ranking -- ${process.argv.slice(2).join(" ")}`.trim()).join("\n"));
  const figures: Figure[] = [];
  for (const engine of ENGINES) {
    for (const size of SIZES) {
      if (engine === "pglite" && size > PGLITE_MAX) continue;
      figures.push(await measure(engine, size));
    }
  }
  report(figures);
}

async function measure(engine: Engine, applications: number): Promise<Figure> {
  const target = engine === "pglite" ? await pgliteTarget() : await postgresTarget();
  const database = await target.open();
  try {
    await migrateDatabase(database);
    const started = performance.now();
    const options = await loadRound(database, applications);
    const loadSeconds = (performance.now() - started) / 1000;
    // Wall time, and on a local PostgreSQL the server process's own CPU time for the statement
    // (/proc/<backend pid>/stat): on a shared machine the wall time follows the load, the CPU
    // time mostly does not.
    let cpuMs: number | null = null;
    const time = async (statement: () => ReturnType<typeof trackTotalsSql>) => {
      const laps: number[] = [];
      const cpu: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const t0 = performance.now();
        await withSortMemory(database.db, async (tx) => {
          const ticks = database.pglite ? null : await backendTicks(tx);
          const result = await tx.execute(statement());
          const after = ticks ? await ticks() : null;
          if (after !== null) cpu.push(after);
          return result;
        });
        laps.push(performance.now() - t0);
      }
      cpuMs = cpu.length === RUNS ? (cpu.sort((a, b) => a - b)[cpu.length >> 1] as number) : null;
      return laps.sort((a, b) => a - b)[laps.length >> 1] as number;
    };
    // First as rows written without a stored total (computed from the scores in the statement),
    // then with the totals stored as submitting a review stores them.
    const fromScoresMs = await time(() => trackTotalsSql(options));
    await database.db.execute(
      sql`WITH ${rankingCtes(options)} UPDATE reviews r SET total_micro = rev.total FROM rev WHERE rev.id = r.id`,
    );
    if (database.pglite) await database.pglite.exec("VACUUM ANALYZE");
    else await database.db.execute(sql`VACUUM ANALYZE`);
    const aggregateMs = await time(() => trackTotalsSql(options));
    const aggregateCpuMs = cpuMs as number | null;
    if (args.explain) {
      const plan = rowsOf<Record<string, string>>(
        await withSortMemory(database.db, (tx) =>
          tx.execute(sql`EXPLAIN (ANALYZE, BUFFERS) ${trackTotalsSql(options)}`),
        ),
      );
      console.log(plan.map((r) => Object.values(r)[0]).join("\n"));
    }
    const schulze: Figure["schulze"] = [];
    for (const r of options.rubrics) {
      const candidates = Math.ceil(applications / TRACKS.length);
      const pathSteps = candidates * (candidates - 1) * (candidates - 2);
      if (candidates > SCHULZE_MAX) {
        schulze.push({ track: r.track, candidates, pathSteps, ms: null });
        continue;
      }
      const t0 = performance.now();
      const [vote] = await computeSchulze(database.db, rankingCtes(options), [r.track]);
      const ms = performance.now() - t0;
      schulze.push({
        track: r.track,
        candidates: vote?.cost.candidates ?? 0,
        pathSteps: vote?.cost.pathSteps ?? 0,
        ms,
      });
    }
    const figure = {
      engine,
      applications,
      reviews: applications * REVIEWS_EACH,
      loadSeconds,
      aggregateMs,
      aggregateCpuMs,
      fromScoresMs,
      schulze,
    };
    console.log(
      `${engine} ${applications}: loaded in ${loadSeconds.toFixed(1)} s, aggregation ${aggregateMs.toFixed(0)} ms${aggregateCpuMs === null ? "" : ` (server CPU ${aggregateCpuMs} ms)`} (${fromScoresMs.toFixed(0)} ms from the scores)`,
    );
    return figure;
  } finally {
    await database.close();
    await target.cleanup();
  }
}

/** One base, 300 experts, one organization for every subject, the four default rubrics, the round. */
async function loadRound(database: Database, applications: number): Promise<AggregateOptions> {
  const { db } = database;
  const one = async <T>(query: ReturnType<typeof sql>) => rowsOf<T>(await db.execute(query))[0] as T;
  await db.execute(sql`SELECT setseed(0.2026)`);
  const base = await one<{ id: string }>(
    sql`INSERT INTO bases (code, name, district) VALUES ('bench', '基准', '昌平区') RETURNING id`,
  );
  const organization = await one<{ id: string }>(sql`
    INSERT INTO organizations (base_id, name, registration_status)
    VALUES (${base.id}, '基准机构', 'social_group') RETURNING id`);
  await db.execute(sql`
    INSERT INTO users (base_id, username, display_name, password_hash, roles)
    SELECT ${base.id}, 'expert' || i, '专家' || i, 'x', ARRAY['expert'] FROM generate_series(1, ${EXPERTS}) i`);
  const rubrics = [];
  for (const track of TRACKS) {
    const criteria = DEFAULT_RUBRICS[track].criteria;
    const row = await one<{ id: string }>(sql`
      INSERT INTO rubrics (base_id, track, version, title, criteria)
      VALUES (${base.id}, ${track}, 1, ${track}, ${JSON.stringify(criteria)}::jsonb) RETURNING id`);
    rubrics.push({ track, rubricId: row.id, criteria });
  }
  const round = await one<{ id: string }>(sql`
    INSERT INTO review_rounds (base_id, title, status, reviews_per_subject, deadline, rubric_ids)
    VALUES (${base.id}, '基准轮次', 'closed', ${REVIEWS_EACH}, now(),
            ${JSON.stringify(Object.fromEntries(rubrics.map((r) => [r.track, r.rubricId])))}::jsonb) RETURNING id`);
  const trackArray = sql.raw(`ARRAY[${TRACKS.map((t) => `'${t}'`).join(",")}]`);
  await db.execute(sql`
    INSERT INTO round_subjects (round_id, subject_id, base_id, organization_id, track)
    SELECT ${round.id}::uuid, gen_random_uuid(), ${base.id}::uuid, ${organization.id}::uuid,
           (${trackArray})[1 + i % ${TRACKS.length}]
      FROM generate_series(0, ${applications - 1}) i`);
  const experts = sql`(SELECT array_agg(id ORDER BY username) FROM users WHERE base_id = ${base.id}::uuid)`;
  // Each application's five experts are consecutive in a shuffled order: distinct, evenly loaded.
  // The scores object per track, every criterion 0-10 in half points.
  const arms = rubrics.map((r) => {
    const pairs = r.criteria.map((c) => sql`${c.key}::text, floor(random() * 21) / 2`);
    return sql`WHEN ${r.track} THEN jsonb_build_object(${sql.join(pairs, sql`, `)})`;
  });
  const rubricOf = sql.join(
    rubrics.map((r) => sql`WHEN ${r.track} THEN ${r.rubricId}::uuid`),
    sql` `,
  );
  await db.execute(sql`
    INSERT INTO reviews (base_id, round_id, subject_id, expert_id, rubric_id, status, scores, submitted_at)
    SELECT ${base.id}::uuid, s.round_id, s.subject_id, e.ids[1 + (s.n * ${REVIEWS_EACH} + j) % ${EXPERTS}],
           CASE s.track ${rubricOf} END, 'submitted', CASE s.track ${sql.join(arms, sql` `)} END, now()
      FROM (SELECT round_id, subject_id, track, row_number() OVER (ORDER BY subject_id) - 1 AS n
              FROM round_subjects WHERE round_id = ${round.id}::uuid) s
     CROSS JOIN generate_series(0, ${REVIEWS_EACH - 1}) j
     CROSS JOIN (SELECT ${experts} AS ids) e`);
  if (database.pglite) await database.pglite.exec("VACUUM ANALYZE");
  else await db.execute(sql`VACUUM ANALYZE`);
  return {
    roundId: round.id,
    rubrics,
    settings: DEFAULT_RANKING_SETTINGS,
    schulze: { ids: [], ranks: [] },
  };
}

function report(figures: Figure[]) {
  console.log(
    "\n| engine | applications | reviews | load s | aggregation ms | × | server CPU ms | × | totals from the scores ms | × |",
  );
  console.log(
    "| ------ | -----------: | ------: | -----: | -------------: | -: | ------------: | -: | ------------------------: | -: |",
  );
  for (const f of figures) {
    const before = figures.find((g) => g.engine === f.engine && g.applications * 10 === f.applications);
    const ratio = (a: number, b: number | undefined) => (b ? (a / b).toFixed(1) : "");
    console.log(
      `| ${f.engine} | ${f.applications.toLocaleString("en")} | ${f.reviews.toLocaleString("en")} | ${f.loadSeconds.toFixed(1)} | ${f.aggregateMs.toFixed(0)} | ${ratio(f.aggregateMs, before?.aggregateMs)} | ${f.aggregateCpuMs ?? ""} | ${f.aggregateCpuMs === null ? "" : ratio(f.aggregateCpuMs, before?.aggregateCpuMs ?? undefined)} | ${f.fromScoresMs.toFixed(0)} | ${ratio(f.fromScoresMs, before?.fromScoresMs)} |`,
    );
  }
  console.log("\n× : against the size ten times smaller on the same engine (ten times the rows).");
  console.log("\nSchulze per track (ballots read from the database, then the closure in JS):\n");
  console.log("| engine | applications | track | candidates | closure steps | ms |");
  console.log("| ------ | -----------: | ----- | ---------: | ------------: | -: |");
  for (const f of figures) {
    for (const s of f.schulze) {
      console.log(
        `| ${f.engine} | ${f.applications.toLocaleString("en")} | ${s.track} | ${s.candidates.toLocaleString("en")} | ${s.pathSteps.toExponential(2)} | ${s.ms === null ? `not run (> ${SCHULZE_MAX})` : s.ms.toFixed(0)} |`,
      );
    }
  }
}

/** The CPU time (ms) the transaction's backend has used since this call, read when the returned function is. */
async function backendTicks(tx: Database["db"]): Promise<(() => Promise<number>) | null> {
  const [row] = rowsOf<{ pid: number }>(await tx.execute(sql`SELECT pg_backend_pid() AS pid`));
  const file = `/proc/${row?.pid}/stat`;
  if (!existsSync(file)) return null; // a server on another machine
  // utime and stime, in clock ticks (100 a second on Linux): fields 14 and 15, after the name.
  const read = () => {
    const fields = readFileSync(file, "utf8").split(") ")[1]?.split(" ") ?? [];
    return (Number(fields[11]) + Number(fields[12])) * 10;
  };
  const start = read();
  return async () => read() - start;
}

interface Target {
  open(): Promise<Database>;
  cleanup(): Promise<void>;
}

async function pgliteTarget(): Promise<Target> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "hatchery-ranking-"));
  return {
    open: () => openDatabase({ databaseUrl: null, dataDir }),
    cleanup: () => rm(dataDir, { recursive: true, force: true }),
  };
}

async function postgresTarget(): Promise<Target> {
  const name = `hatchery_ranking_${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;
  await adminQuery(POSTGRES_URL, `CREATE DATABASE ${name}`);
  return {
    open: () => openDatabase({ databaseUrl: withDatabase(POSTGRES_URL, name) }),
    cleanup: () => adminQuery(POSTGRES_URL, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

await main();
