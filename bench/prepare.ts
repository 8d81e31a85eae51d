/**
 * A fresh database per engine for one bench run: migrated, demo-seeded (accounts, towns, calls),
 * then loaded with the scale's generated organizations, its calls' applications, inspections and
 * review rounds (bench/scale.ts), by COPY (bench/bulk.ts). The same seed gives the same
 * organizations, applications and reviews on every run and on both engines. Then, before the
 * server starts, the SMS outbox's drain is timed on it (sms-drain.ts).
 */
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { asc, eq, sql } from "drizzle-orm";
import { type Database, type Engine, migrateDatabase, openDatabase, rowsOf } from "../src/db/client";
import { PROFILE_COLUMNS } from "../src/db/organization-profile";
import { communities, organizations, towns } from "../src/db/schema";
import type { ProfileRow } from "../src/db/seed/application-writer";
import { DEMO_PASSWORD, DEMO_TOWNS } from "../src/db/seed/changping";
import { seedDemoIfEmpty } from "../src/db/seed/demo";
import { generateOrganizations, seededRandom } from "../src/db/seed/generate";
import type { Residency } from "../src/domain/organization";
import { hashPassword } from "../src/server/passwords";
import { adminQuery, withDatabase } from "../test/support/postgres-setup";
import { copyClock, copyRows } from "./bulk";
import { addRacers, RACE_CAPACITY, RACE_TRAININGS, type Racer } from "./enrolment-race";
import { explainQueries } from "./explain";
import { type LoadedFunding, loadFunding } from "./funding";
import { type LoadedIncubation, loadIncubation } from "./incubation";
import { type LoadedPosts, loadPosts } from "./posts";
import { seededUuid } from "./recorder";
import { loadRecruitment, type RecordedAdmission } from "./recruitment";
import type { Scale } from "./scale";
import { type LoadedServices, loadServices } from "./services";
import { measureSmsDrain, type SmsDrain } from "./sms-drain";

// Credit-code serials above the demo's, so the (base, credit code) unique index never clashes.
const SERIAL_OFFSET = 100_000;
/** How many distinct organizations (and applications) the detail scenarios cycle through. */
const DETAIL_SAMPLE = 1000;

export interface PreparedDatabase {
  engine: Engine;
  /** Environment for the server process: where its database is. */
  env: Record<string, string>;
  organizationCount: number;
  /** Organization ids for the detail scenario (spread over the generated set). */
  sampleIds: string[];
  /** The open call the applications were made to. */
  callId: string;
  /** Application ids for the staff detail scenario (spread over the loaded ones, no drafts). */
  applicationIds: string[];
  applicationCount: number;
  /** The staff account's unread notifications (what the bell counts). */
  staffUnread: number;
  /** The demo liaison's town and what its figures count there. */
  liaisonTown: { name: string; organizations: number; applications: number };
  /** Stages 2-3: the rounds, their size, and the demo expert's reviews (the scoring page's). */
  admission: RecordedAdmission & { expertReviewIds: string[] };
  /** Stage 4: cohorts, incubations and their growth files. */
  incubation: LoadedIncubation;
  /** The 4Z services: requests, records, trainings, mentoring, and the ledger of what they delivered. */
  services: LoadedServices;
  /** Issue 13: funds, projects, grants with budget lines and tranches, spending, reports and values. */
  funding: LoadedFunding;
  /** The enrolment race's members, each of another organization (the demo password). */
  racers: Racer[];
  /** Information (资讯): posts, targeted ones' recipients and read receipts. */
  posts: LoadedPosts;
  calls: number;
  /** Seconds the bulk load took (organizations, applications, reviews), without the VACUUM. */
  bulkSeconds: number;
  /** Of which in COPY (the rest: playing the stories in memory). */
  copySeconds: number;
  /** The SMS outbox's drain; null with `--sms=0`. */
  smsDrain: SmsDrain | null;
  loadSeconds: number;
  serverVersion: string;
  /** EXPLAIN ANALYZE of the scenarios' queries, when asked for. */
  plans: string | null;
}

export async function prepareDatabase(
  engine: Engine,
  options: {
    scale: Scale;
    seed: number;
    postgresUrl: string;
    explain: boolean;
    smsNotices: number;
    /** Members enrolling at once in the enrolment race. */
    racers: number;
  },
  hooks: {
    log(message: string): void;
    /** Receives the undo step (remove the directory, drop the database) as soon as there is one. */
    onCleanup(undo: () => Promise<void>): void;
  },
): Promise<PreparedDatabase> {
  const { log } = hooks;
  const started = performance.now();
  const lap = (what: string) =>
    log(`${engine}: ${what} at ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const target = engine === "pglite" ? await pgliteTarget() : await postgresTarget(options.postgresUrl);
  hooks.onCleanup(target.cleanup);
  const database = await target.open();
  try {
    lap("database open");
    await migrateDatabase(database);
    const { baseId } = await seedDemoIfEmpty(database.db, hashPassword);
    lap("migrated and demo-seeded");
    const bulkStarted = performance.now();
    const { scale } = options;
    const applicants = await insertOrganizations(database, baseId, {
      organizations: scale.organizations,
      seed: options.seed,
    });
    lap(`${scale.organizations} organizations inserted`);
    const recruitment = await loadRecruitment(database, baseId, applicants, {
      seed: options.seed,
      calls: scale.calls,
      perCall: scale.perCall,
      experts: scale.experts,
      k: scale.k,
      // Every fifth call: enough to see a city's load move.
      progress: (message) => {
        if (/^call \d*[05] of/.test(message)) lap(message);
      },
    });
    const incubation = await loadIncubation(database, baseId, applicants, {
      seed: options.seed,
      calls: scale.calls,
    });
    lap(
      `${incubation.incubations} incubations in ${incubation.cohorts} cohorts inserted, ${incubation.assessments} baseline assessments (${incubation.growthEvents} growth-file events in all)`,
    );
    // The demo password: the enrolment race signs in as some of these members.
    const memberHash = await hashPassword(DEMO_PASSWORD);
    const services = await loadServices(database, baseId, {
      seed: options.seed,
      passwordHash: memberHash,
      race: { trainings: RACE_TRAININGS, capacity: RACE_CAPACITY },
    });
    lap(
      `services inserted: ${services.requests} requests, ${services.records} records, ${services.trainings} trainings ` +
        `(${services.enrolments} enrolments, ${services.attendances} attended, ${services.certificates} certificates), ` +
        `${services.mentorships} mentorships (${services.sessions} sessions); ${services.deliveries} ledger rows`,
    );
    const funding = await loadFunding(database, baseId, { seed: options.seed });
    lap(
      `funding inserted: ${funding.projects} projects, ${funding.grants} grants, ${funding.expenses} spending items, ` +
        `${funding.reports} reports (${funding.values} indicator values)`,
    );
    const racers = await addRacers(database, baseId, options.racers, {
      passwordHash: memberHash,
      seed: options.seed,
    });
    const loadedPosts = await loadPosts(database, baseId, incubation.organizationIds, {
      seed: options.seed,
      organizations: scale.organizations,
      passwordHash: await hashPassword(randomBytes(18).toString("base64url")),
    });
    lap(
      `${loadedPosts.posts} posts inserted (${loadedPosts.recipients} recipients, ${loadedPosts.reads} read receipts)`,
    );
    const bulkSeconds = (performance.now() - bulkStarted) / 1000;
    const copySeconds = copyClock.seconds;
    copyClock.seconds = 0;
    copyClock.rows = 0;
    const { admission } = recruitment;
    lap(
      `${recruitment.rows} rows of ${recruitment.calls} calls' recruitment inserted (with ${admission.inspections} inspections and ${admission.rounds} rounds of ${admission.reviews} reviews by ${admission.experts} experts, ${admission.submitted} submitted)`,
    );
    // What PostgreSQL's autovacuum does after such a load (PGlite has no autovacuum daemon):
    // statistics for the planner, and the GIN indexes' pending lists merged into the index.
    await database.db.execute(sql`VACUUM ANALYZE`);
    const [counted] = rowsOf<{ n: number }>(
      await database.db.execute(sql`SELECT count(*)::int AS n FROM organizations`),
    );
    const step = Math.max(1, Math.floor((counted?.n ?? 0) / DETAIL_SAMPLE));
    // Every step-th organization in a content order: the same organizations on every run.
    const ids = rowsOf<{ id: string }>(
      await database.db.execute(sql`
          SELECT id FROM (
            SELECT id, row_number() OVER (ORDER BY name, credit_code, address, founded_on) AS n FROM organizations
          ) s WHERE n % ${step} = 0 ORDER BY n LIMIT ${DETAIL_SAMPLE}`),
    );
    const [version] = rowsOf<{ v: string }>(await database.db.execute(sql`SELECT version() AS v`));
    const [recruited] = rowsOf<{ applications: number; unread: number }>(
      await database.db.execute(sql`
          SELECT (SELECT count(*)::int FROM applications) AS applications,
                 (SELECT count(*)::int FROM notifications n JOIN users u ON u.id = n.user_id
                   WHERE u.username = 'staff' AND n.read_at IS NULL) AS unread`),
    );
    const applicationStep = Math.max(1, Math.floor(recruitment.applicationIds.length / DETAIL_SAMPLE));
    const liaisonTown = await liaisonTownOf(database);
    const expertReviewIds = rowsOf<{ id: string }>(
      await database.db.execute(sql`
          SELECT r.id FROM reviews r JOIN users u ON u.id = r.expert_id
          WHERE u.username = 'expert' AND r.round_id = ${recruitment.admission.roundId} ORDER BY r.id`),
    ).map((r) => r.id);
    const plans = options.explain
      ? await explainQueries(database, baseId, ids[0]?.id ?? "", recruitment.callId)
      : null;
    let smsDrain: SmsDrain | null = null;
    if (options.smsNotices > 0) {
      log(`${engine}: queuing ${options.smsNotices} SMS notices and draining them …`);
      smsDrain = await measureSmsDrain(database, baseId, {
        notices: options.smsNotices,
        passwordHash: await hashPassword(randomBytes(18).toString("base64url")),
        logDir: target.env.DATA_DIR ?? os.tmpdir(),
      });
      lap(`${smsDrain.sent} SMS notices drained`);
    }
    return {
      engine,
      env: target.env,
      organizationCount: counted?.n ?? 0,
      sampleIds: ids.map((r) => r.id),
      callId: recruitment.callId,
      admission: { ...recruitment.admission, expertReviewIds },
      incubation,
      services,
      funding,
      racers,
      posts: loadedPosts,
      calls: recruitment.calls,
      bulkSeconds,
      copySeconds,
      applicationIds: recruitment.applicationIds
        .filter((_, i) => i % applicationStep === 0)
        .slice(0, DETAIL_SAMPLE),
      applicationCount: recruited?.applications ?? 0,
      staffUnread: recruited?.unread ?? 0,
      liaisonTown,
      smsDrain,
      loadSeconds: (performance.now() - started) / 1000,
      serverVersion: (version?.v ?? "").split(" on ")[0] ?? "",
      plans,
    };
  } finally {
    // The server process opens the database itself (PGlite allows one process at a time).
    await database.close();
  }
}

/**
 * The demo liaison's town (the demo seed places it in the town whose organizations applied most),
 * with its organizations and their applications; the bench needs one, or the liaison's scenario
 * would time an empty answer.
 */
async function liaisonTownOf(database: Database): Promise<PreparedDatabase["liaisonTown"]> {
  const [town] = rowsOf<{ name: string; organizations: number; applications: number }>(
    await database.db.execute(sql`
      SELECT t.name,
             (SELECT count(*)::int FROM organizations o WHERE o.town_id = t.id) AS organizations,
             (SELECT count(*)::int FROM applications a JOIN organizations o ON o.id = a.organization_id
               WHERE o.town_id = t.id) AS applications
        FROM users u JOIN towns t ON t.id = u.town_id
       WHERE u.username = 'liaison'`),
  );
  if (!town) throw new Error("bench: the demo account liaison has no town; its figures would be empty");
  return town;
}

interface Target {
  env: Record<string, string>;
  open(): Promise<Database>;
  cleanup(): Promise<void>;
}

async function pgliteTarget(): Promise<Target> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "hatchery-bench-"));
  return {
    env: { DATA_DIR: dataDir, DATABASE_URL: "" },
    open: () => openDatabase({ databaseUrl: null, dataDir }),
    cleanup: () => rm(dataDir, { recursive: true, force: true }),
  };
}

async function postgresTarget(adminUrl: string): Promise<Target> {
  const name = `hatchery_bench_${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;
  try {
    await adminQuery(adminUrl, `CREATE DATABASE ${name}`);
  } catch (error) {
    throw new Error(
      `bench: cannot create a PostgreSQL database through ${adminUrl} (${(error as Error).message}). ` +
        "Start PostgreSQL, set DATABASE_URL, or run with --engines=pglite.",
    );
  }
  const url = withDatabase(adminUrl, name);
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "hatchery-bench-"));
  return {
    env: { DATA_DIR: dataDir, DATABASE_URL: url },
    open: () => openDatabase({ databaseUrl: url }),
    cleanup: async () => {
      await rm(dataDir, { recursive: true, force: true });
      // --keep: left for EXPLAIN and a server of one's own (dropped by hand).
      if (process.env.BENCH_KEEP === "true") console.log(`bench: kept the database ${url}`);
      else await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

/**
 * COPYs the generated organizations in (ids seeded too, so a run's ids repeat); returns those
 * that may apply to a call, as the profiles the applications are judged by.
 */
export async function insertOrganizations(
  database: Database,
  baseId: string,
  options: { organizations: number; seed: number },
): Promise<ProfileRow[]> {
  const { db } = database;
  const townRows = await db
    .select()
    .from(towns)
    .where(eq(towns.baseId, baseId))
    .orderBy(asc(towns.sortOrder));
  const communityRows = await db.select().from(communities).where(eq(communities.baseId, baseId));
  const communityIds = new Map(communityRows.map((c) => [`${c.townId}/${c.name}`, c.id]));
  const random = seededRandom(options.seed);
  // Roughly the demo's mix: a tenth resident, a third virtually incubated, the rest neither.
  const residencies: Residency[] = Array.from({ length: options.organizations }, () => {
    const r = random();
    return r < 0.1 ? "resident" : r < 0.45 ? "virtual" : "none";
  });
  const generated = generateOrganizations(random, options.organizations, {
    towns: DEMO_TOWNS.map((t) => ({ name: t.name, communities: t.communities.length })),
    residencies,
    offset: SERIAL_OFFSET,
  });
  // A stream of its own for the ids: the organizations' contents stay those of earlier runs.
  const ids = seededRandom(options.seed ^ 0x1d5);
  const rows = generated.map((g) => {
    // The demo seed gives towns sortOrder = their index in DEMO_TOWNS, as the generator counts them.
    const town = townRows[g.townIndex];
    const names = DEMO_TOWNS[g.townIndex]?.communities ?? [];
    return {
      id: seededUuid(ids),
      baseId,
      name: g.name,
      registrationStatus: g.registrationStatus,
      creditCode: g.creditCode,
      foundedOn: g.foundedOn,
      fields: g.fields,
      townId: town?.id ?? null,
      townName: town?.name ?? null,
      communityIds: town
        ? g.communityPicks
            .map((p) => communityIds.get(`${town.id}/${names[p]}`))
            .filter((id): id is string => !!id)
        : [],
      address: g.address,
      leaderName: g.leaderName,
      contactName: g.contactName,
      contactPhone: g.contactPhone,
      staffCount: g.staffCount,
      volunteerCount: g.volunteerCount,
      partyOrganization: g.partyOrganization,
      partyMemberCount: g.partyMemberCount,
      residency: g.residency,
      description: g.description,
    };
  });
  await copyRows(
    database,
    organizations,
    rows.map(({ townName: _, ...row }) => row),
  );
  // As the demo's applicants: the virtually incubated and the not yet incubated.
  return rows
    .filter((row) => row.residency !== "resident")
    .map((row) => {
      const profile = { townName: row.townName } as Record<string, unknown>;
      for (const key of Object.keys(PROFILE_COLUMNS)) profile[key] = row[key as keyof typeof row];
      return profile as ProfileRow;
    });
}
