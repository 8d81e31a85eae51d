/**
 * `npm run bench [-- --scale=district|city|province --duration=10 --engines=pglite,postgres]`
 * (or the BENCH_* variables): for each engine, a fresh database of that size (bench/scale.ts,
 * loaded by COPY, the load timed), the SMS outbox's drain timed on it, the server in a child
 * process on 127.0.0.1, and every scenario at every concurrency for a fixed duration, after a
 * warm-up of its own. Each row: requests/s, p50, p99, the ratio to the no-database route, the SQL
 * statements a request sends and how long they take run directly (bench/sql-probe.ts, measured
 * one request at a time after the rows), and the server's peak resident memory during the row.
 * Then the training enrolment race (bench/enrolment-race.ts: members signing up at once for a few
 * seats, its result checked). Prints the machine and the tables (requests, race, SMS); exits
 * non-zero if any request was answered with anything but 2xx, the race's result was wrong, or a
 * queued text was not sent. Temporary directories and databases are
 * removed at the end, also on failure, Ctrl-C or SIGTERM.
 * Other options: --warmup (s), --connections=1,50, --seed, --log-level (server's), --sms (texts
 * to drain, 0: none), --only (scenario names, substrings, comma-separated; the pings always run), --explain (plans of the scenarios' queries), --profile (a CPU profile of
 * the slowest route at the highest concurrency, its top self times printed), --keep (the
 * PostgreSQL database is left in place and its URL printed, for EXPLAIN or a server of one's own).
 */
import type { Engine } from "../src/db/client";
import { RACE_CAPACITY, RACE_NAME, runEnrolmentRace } from "./enrolment-race";
import { type PreparedDatabase, prepareDatabase } from "./prepare";
import {
  failures,
  machineLines,
  profileTable,
  type RaceRow,
  type Row,
  raceFailures,
  raceTable,
  type SmsRow,
  smsFailures,
  smsTable,
  table,
} from "./report";
import { checkEngines, parseScale, type Scale } from "./scale";
import {
  BENCH_ACCOUNTS,
  headersOf,
  measure,
  preflight,
  SCENARIOS,
  type ScenarioContext,
  type Sessions,
  settle,
} from "./scenarios";
import { type RunningServer, signIn, startServer } from "./server";
import { profiled, residentMiB, sampleMemory, sqlFigures } from "./server-figures";

interface Options {
  scale: Scale;
  seconds: number;
  warmupSeconds: number;
  engines: Engine[];
  connections: number[];
  seed: number;
  postgresUrl: string;
  logLevel: string;
  explain: boolean;
  smsNotices: number;
  profile: boolean;
  /** Scenario names to run (substrings); the two pings always run, as the ratios' denominators. */
  only: string[];
}

function parseOptions(argv: string[], env: NodeJS.ProcessEnv): Options {
  const args = new Map<string, string>();
  for (const arg of argv) {
    if (arg === "--explain" || arg === "--profile" || arg === "--keep") {
      args.set(arg.slice(2), "true");
      continue;
    }
    const match = /^--([a-z-]+)=(.*)$/.exec(arg);
    if (!match?.[1]) throw new Error(`bench: unknown argument "${arg}" (use --name=value)`);
    args.set(match[1], match[2] ?? "");
  }
  const known = [
    "scale",
    "duration",
    "warmup",
    "engines",
    "connections",
    "seed",
    "log-level",
    "explain",
    "sms",
    "profile",
    "keep",
    "only",
  ];
  for (const name of args.keys())
    if (!known.includes(name)) throw new Error(`bench: unknown option --${name}`);
  const value = (name: string, envName: string, fallback: string) =>
    args.get(name) ?? env[envName] ?? fallback;
  const positive = (name: string, raw: string) => {
    const n = Number(raw);
    if (!Number.isInteger(n) || n <= 0)
      throw new Error(`bench: --${name} must be a positive integer, got "${raw}"`);
    return n;
  };
  const nonNegative = (name: string, raw: string) => (raw === "0" ? 0 : positive(name, raw));
  // Read where the PostgreSQL database is dropped (bench/prepare.ts).
  if (args.get("keep") === "true") env.BENCH_KEEP = "true";
  const engines = value("engines", "BENCH_ENGINES", "pglite,postgres").split(",");
  for (const e of engines)
    if (e !== "pglite" && e !== "postgres") throw new Error(`bench: unknown engine "${e}"`);
  return {
    scale: parseScale(value("scale", "BENCH_SCALE", "district")),
    seconds: positive("duration", value("duration", "BENCH_DURATION", "10")),
    warmupSeconds: positive("warmup", value("warmup", "BENCH_WARMUP", "2")),
    engines: engines as Engine[],
    connections: value("connections", "BENCH_CONNECTIONS", "1,50")
      .split(",")
      .map((c) => positive("connections", c)),
    seed: positive("seed", value("seed", "BENCH_SEED", "20260101")),
    postgresUrl: env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/test",
    logLevel: value("log-level", "BENCH_LOG_LEVEL", "info"),
    explain: value("explain", "BENCH_EXPLAIN", "false") === "true",
    smsNotices: nonNegative("sms", value("sms", "BENCH_SMS", "5000")),
    profile: value("profile", "BENCH_PROFILE", "false") === "true",
    only: value("only", "BENCH_ONLY", "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
  };
}

/** Undo steps of the engine in progress, newest first; run at the end or on Ctrl-C. */
const cleanups: (() => Promise<void>)[] = [];
let cleaning: Promise<void> = Promise.resolve();
/** Chained, so Ctrl-C during a cleanup waits for it rather than exiting halfway through it. */
function cleanUp(): Promise<void> {
  cleaning = cleaning.then(async () => {
    while (cleanups.length > 0) {
      await cleanups
        .pop()?.()
        .catch((error: Error) => console.error(`bench: cleanup failed: ${error.message}`));
    }
  });
  return cleaning;
}

/** One line per engine for the report: what ran, at what scale. */
const engineLines: string[] = [];
/** The SMS outbox's drain per engine. */
const smsRows: SmsRow[] = [];
/** The enrolment race per engine. */
const raceRows: RaceRow[] = [];
/** The server's peak resident memory per engine (the kernel's high-water mark). */
const peaks: string[] = [];
/** The slowest route's CPU profile per engine, with `--profile`. */
const profiles: string[] = [];

async function benchEngine(engine: Engine, options: Options): Promise<Row[]> {
  const { scale } = options;
  log(
    `${engine}: preparing a ${scale.name} database: ${scale.organizations} organizations, ${scale.calls} calls of up to ${scale.perCall} applications …`,
  );
  const racers = Math.max(...options.connections);
  const prepared: PreparedDatabase = await prepareDatabase(
    engine,
    { ...options, racers },
    {
      log,
      onCleanup: (undo) => cleanups.push(undo),
    },
  );
  log(
    `${engine}: ${prepared.serverVersion}, ${prepared.organizationCount} organizations, ` +
      `${prepared.applicationCount} applications, loaded in ${prepared.bulkSeconds.toFixed(1)} s (COPY ${prepared.copySeconds.toFixed(1)} s), ready in ${prepared.loadSeconds.toFixed(1)} s; starting the server`,
  );
  const pool = engine === "postgres" ? `, pool of ${process.env.DB_POOL_SIZE ?? 10} connections` : "";
  engineLines.push(
    `engine:  ${engine}: ${prepared.serverVersion}${pool}, ${prepared.organizationCount} organizations, ` +
      `${prepared.applicationCount} applications in ${prepared.calls} calls, ${prepared.admission.rounds} rounds of ` +
      `${prepared.admission.reviews} reviews by ${prepared.admission.experts} experts (the ranking's round: ` +
      `${prepared.admission.rankingSubjects} applications), ${prepared.staffUnread} unread notifications for staff; ` +
      `loaded in ${prepared.bulkSeconds.toFixed(1)} s (${prepared.copySeconds.toFixed(1)} s of it in COPY; ready with the ` +
      `demo seed, VACUUM ANALYZE and the SMS drain in ${prepared.loadSeconds.toFixed(1)} s); ` +
      `the liaison's town ${prepared.liaisonTown.name}: ${prepared.liaisonTown.organizations} organizations, ` +
      `${prepared.liaisonTown.applications} applications`,
  );
  if (prepared.smsDrain) smsRows.push({ engine, drain: prepared.smsDrain });
  if (prepared.plans) console.log(`\n${prepared.plans}\n`);
  const server: RunningServer = await startServer({
    env: prepared.env,
    logLevel: options.logLevel,
    logDir: prepared.env.DATA_DIR ?? ".",
  });
  cleanups.push(server.stop);
  const sessions = {} as Sessions;
  for (const account of BENCH_ACCOUNTS) sessions[account] = await signIn(server.url, account);
  const context: ScenarioContext = {
    organizationIds: prepared.sampleIds,
    callId: prepared.callId,
    applicationIds: prepared.applicationIds,
    roundId: prepared.admission.roundId,
    rankingRoundId: prepared.admission.rankingRoundId,
    expertReviewIds: prepared.admission.expertReviewIds,
    cohortId: prepared.incubation.cohortId,
    incubatedOrganizationIds: prepared.incubation.organizationIds,
    serviceRequestIds: prepared.services.requestIds,
    projectIds: prepared.funding.projectIds,
  };
  const skipped = await preflight(server.url, context, sessions);

  const rows: Row[] = [];
  const chosen = SCENARIOS.filter(
    (s) =>
      !skipped.includes(s.name) &&
      (options.only.length === 0 ||
        s.name.startsWith("ping") ||
        options.only.some((o) => s.name.includes(o))),
  );
  for (const scenario of chosen) {
    // Unrecorded warm-up: JIT, connection pool and database caches, at moderate concurrency.
    await measure({
      url: server.url,
      scenario,
      context,
      connections: 10,
      seconds: options.warmupSeconds,
      sessions,
    });
    await settle(server.url);
    // The route's SQL, one request at a time, before its load leaves anything behind.
    const nextPath = scenario.paths(context);
    const sql = await sqlFigures(server, () => ({
      path: nextPath(),
      headers: headersOf(scenario, sessions),
    }));
    log(
      `${engine}: ${scenario.name}: ${sql.statements} statements a request (${sql.fewest}-${sql.most}), ` +
        `${sql.directMs.toFixed(2)} ms run directly, ${sql.httpMs.toFixed(2)} ms over HTTP (one at a time)`,
    );
    for (const connections of options.connections) {
      const memory = sampleMemory(server.pid);
      const measurement = await measure({
        url: server.url,
        scenario,
        context,
        connections,
        seconds: options.seconds,
        sessions,
      });
      const rssMiB = await memory.stop();
      await settle(server.url);
      rows.push({ engine, scenario: scenario.name, connections, measurement, ratio: 1, rssMiB, sql });
      log(
        `${engine}: ${scenario.name} × ${connections}: ${measurement.requestsPerSecond.toFixed(0)} req/s, ` +
          `p50 ${measurement.p50.toFixed(2)} ms, p99 ${measurement.p99.toFixed(2)} ms, RSS ${rssMiB.toFixed(0)} MiB`,
      );
    }
  }
  if (options.only.length === 0 || options.only.some((o) => RACE_NAME.includes(o))) {
    const race = await runEnrolmentRace({
      url: server.url,
      trainingIds: prepared.services.raceTrainingIds,
      racers: prepared.racers,
      capacity: RACE_CAPACITY,
      seconds: options.seconds,
      staffCookie: sessions.staff,
    });
    raceRows.push({ engine, race });
    await settle(server.url);
    log(
      `${engine}: ${RACE_NAME}: ${race.rounds} rounds of ${race.racers} racers for ${race.capacity} seats, ` +
        `${race.perSecond.toFixed(0)} enrolments/s, p50 ${race.p50.toFixed(1)} ms, p99 ${race.p99.toFixed(1)} ms, ` +
        `${race.problems.length === 0 ? "every check held" : `${race.problems.length} checks failed`}`,
    );
  }
  const yardstick = SCENARIOS[0]?.name;
  for (const row of rows) {
    const ping = rows.find((r) => r.scenario === yardstick && r.connections === row.connections);
    row.ratio = ping?.measurement.requestsPerSecond
      ? row.measurement.requestsPerSecond / ping.measurement.requestsPerSecond
      : Number.NaN;
  }
  peaks.push(`${engine}: ${(await residentMiB(server.pid, "VmHWM")).toFixed(0)} MiB`);
  if (options.profile) await profileSlowest(engine, server, rows, context, sessions, options);
  await cleanUp();
  return rows;
}

/**
 * The CPU profile of the slowest route (the longest request one at a time) at the highest
 * concurrency, run again for the row's duration while the probe's profiler samples the server:
 * its top self times.
 */
async function profileSlowest(
  engine: Engine,
  server: RunningServer,
  rows: Row[],
  context: ScenarioContext,
  sessions: Sessions,
  options: Options,
): Promise<void> {
  const connections = Math.max(...options.connections);
  // The longest single request: under load several routes can get none through at all.
  const slowest = rows
    .filter((r) => r.connections === connections && r.scenario !== SCENARIOS[0]?.name)
    .sort((a, b) => (b.sql?.httpMs ?? 0) - (a.sql?.httpMs ?? 0))[0];
  const scenario = SCENARIOS.find((s) => s.name === slowest?.scenario);
  if (!scenario) return;
  log(`${engine}: profiling ${scenario.name} × ${connections} for ${options.seconds} s …`);
  const { result, top } = await profiled(server, () =>
    measure({ url: server.url, scenario, context, connections, seconds: options.seconds, sessions }),
  );
  await settle(server.url);
  profiles.push(
    `CPU profile, ${engine}, ${scenario.name} × ${connections} (${result.requestsPerSecond.toFixed(0)} req/s while ` +
      `profiled), the server's top self time:\n\n${profileTable(top)}`,
  );
}

function log(message: string): void {
  console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const options = parseOptions(argv, process.env);
  checkEngines(options.scale, options.engines);
  const envShown = Object.entries(process.env)
    .filter(([k]) => k.startsWith("BENCH_"))
    .map(([k, v]) => `${k}=${v} `)
    .join("");
  const command = `${envShown}npm run bench${argv.length ? ` -- ${argv.join(" ")}` : ""}`;
  const header = machineLines(command);
  header.push(
    `options: scale ${options.scale.name} (seed ${options.seed}), ${options.seconds} s per row after a ` +
      `${options.warmupSeconds} s warm-up per scenario, server log level ${options.logLevel}`,
  );
  console.log(header.join("\n"));

  // Ctrl-C, or a `timeout` around a long run: the database and the server go either way.
  for (const [signal, code] of [
    ["SIGINT", 130],
    ["SIGTERM", 143],
  ] as const) {
    process.once(signal, () => {
      log(`${signal}: cleaning up`);
      void cleanUp().finally(() => process.exit(code));
    });
  }

  const rows: Row[] = [];
  for (const engine of options.engines) rows.push(...(await benchEngine(engine, options)));
  console.log(`${engineLines.join("\n")}\n`);
  console.log(`server peak memory (RSS high-water mark): ${peaks.join(", ")}\n\n${table(rows)}\n`);
  for (const profile of profiles) console.log(`${profile}\n`);
  if (raceRows.length > 0) console.log(`${raceTable(raceRows)}\n`);
  if (smsRows.length > 0) console.log(`${smsTable(smsRows)}\n`);
  const failed = failures(rows);
  if (failed.length > 0) {
    console.error(`bench FAILED: requests answered with something other than 2xx:\n  ${failed.join("\n  ")}`);
    process.exitCode = 1;
  }
  const wrong = raceFailures(raceRows);
  if (wrong.length > 0) {
    console.error(`bench FAILED: the enrolment race's result is wrong:\n  ${wrong.join("\n  ")}`);
    process.exitCode = 1;
  }
  const unsent = smsFailures(smsRows);
  if (unsent.length > 0) {
    console.error(`bench FAILED: queued texts the drain did not send:\n  ${unsent.join("\n  ")}`);
    process.exitCode = 1;
  }
}

main()
  .catch((error: Error) => {
    // A failed query's message carries every parameter of a 1,000-row INSERT: keep it short.
    const cause = error.cause instanceof Error ? ` (${error.cause.message})` : "";
    console.error(`bench FAILED: ${error.message.slice(0, 600)}${cause}`);
    process.exitCode = 1;
  })
  .finally(cleanUp);
