/**
 * The platform's process: configuration, database (migrated, demo data on first start), HTTP.
 * `npm start` runs the compiled form of this file (dist/server/main.js).
 */
import { type Db, migrateDatabase, openDatabase, refreshStatistics } from "../db/client";
import { bootstrapIfEmpty, databaseIsEmpty } from "../db/seed/bootstrap";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../db/seed/changping";
import { seedDemoIfEmpty } from "../db/seed/demo";
import { passwordProblems } from "../domain/password-policy";
import { buildApp } from "./app";
import { sendReviewReminders } from "./areas/admission/reviews/reminders";
import { noticeOverdueMilestones } from "./areas/funding/grants/milestone-notices";
import { failLateReports, sendReportReminders } from "./areas/funding/reports/late";
import { sendOverduePlanNotices } from "./areas/incubation/plan/overdue";
import { mailerFor } from "./areas/platform/notifications/mailer";
import { startEmailWorker } from "./areas/platform/notifications/outbox";
import { startSmsWorker } from "./areas/platform/notifications/sms-outbox";
import { sendDeadlineReminders } from "./areas/recruitment/applications/reminders";
import { deliverDuePosts } from "./areas/services/posts/lifecycle";
import { sendTrainingReminders } from "./areas/services/trainings/reminders";
import { type Config, loadConfig } from "./config";
import { lockDataDir } from "./data-dir-lock";
import { sweep } from "./housekeeping";
import { hashPassword } from "./passwords";
import { startPeriodic } from "./periodic";
import { smsProviderFor } from "./sms";
import { localFileStorage } from "./storage";

async function main(): Promise<void> {
  const config = loadConfig();
  const unlock = config.databaseUrl ? () => {} : lockDataDir(config.dataDir);
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    directUrl: config.databaseDirectUrl,
    readUrl: config.databaseReadUrl,
    dataDir: config.dataDir,
    // PGlite's worker thread died (a crash, out of memory): nothing can be answered any more.
    // Exit, so that a supervisor (systemd, Docker's restart policy) starts the server again.
    onEmbeddedExit: (error) => {
      console.error(`fatal: ${error.message}; exiting`, error.cause ?? "");
      process.exit(1);
    },
  });
  await migrateDatabase(database);
  const seed = config.seedDemo ? await seedDemoIfEmpty(database.db, hashPassword) : null;
  if (!config.seedDemo) await bootstrapInstallation(database.db, config);
  // The demo documents' bytes: the database layer made them, the storage keeps them.
  const storage = localFileStorage(config.dataDir);
  for (const file of seed?.files ?? []) {
    if (!(await storage.has(file.sha256))) await storage.putBytes(file.bytes);
  }
  await refreshStatistics(database);
  const app = await buildApp({ config, database, logger: true });
  // Every instance runs the outbox worker; SKIP LOCKED keeps them from sending a row twice.
  const emailWorker = startEmailWorker({
    db: database.db,
    mailer: mailerFor(config, app.log),
    logger: app.log,
    intervalMs: config.emailPollSeconds * 1000,
  });
  const smsWorker = startSmsWorker({
    db: database.db,
    provider: smsProviderFor(config, app.log),
    limits: config.smsLimits,
    logger: app.log,
    intervalMs: config.smsPollSeconds * 1000,
  });

  const periodic = [
    startPeriodic({
      name: "housekeeping: old rows removed",
      intervalMs: 60 * 60_000,
      logger: app.log,
      run: async () => {
        const removed = await sweep(database.db, { idleMinutes: config.sessionIdleMinutes });
        return removed.rateLimits + removed.phoneCodes + removed.sessions > 0 ? { removed } : null;
      },
    }),
    startPeriodic({
      name: "deadline reminders sent",
      intervalMs: 15 * 60_000,
      logger: app.log,
      run: async () => {
        const sent = await sendDeadlineReminders(database.db);
        return sent > 0 ? { sent } : null;
      },
    }),
    startPeriodic({
      name: "scoring deadline reminders sent",
      intervalMs: 15 * 60_000,
      logger: app.log,
      run: async () => {
        const sent = await sendReviewReminders(database.db);
        return sent > 0 ? { sent } : null;
      },
    }),
    startPeriodic({
      name: "overdue plan actions told to their organizations",
      intervalMs: 15 * 60_000,
      logger: app.log,
      run: async () => {
        const sent = await sendOverduePlanNotices(database.db);
        return sent > 0 ? { sent } : null;
      },
    }),
    startPeriodic({
      name: "training reminders sent (the day before)",
      intervalMs: 15 * 60_000,
      logger: app.log,
      run: async () => {
        const sent = await sendTrainingReminders(database.db);
        return sent > 0 ? { sent } : null;
      },
    }),
    startPeriodic({
      name: "progress reports late beyond the grace days failed",
      intervalMs: 15 * 60_000,
      logger: app.log,
      run: async () => {
        const failed = await failLateReports(database.db);
        return failed > 0 ? { failed } : null;
      },
    }),
    startPeriodic({
      name: "progress report reminders sent",
      intervalMs: 15 * 60_000,
      logger: app.log,
      run: async () => {
        const sent = await sendReportReminders(database.db);
        return sent > 0 ? { sent } : null;
      },
    }),
    startPeriodic({
      name: "overdue grant milestones noticed",
      intervalMs: 60 * 60_000,
      logger: app.log,
      run: async () => {
        const noticed = await noticeOverdueMilestones(database.db);
        return noticed > 0 ? { noticed } : null;
      },
    }),
    startPeriodic({
      name: "scheduled posts delivered",
      intervalMs: 60_000,
      logger: app.log,
      run: () => deliverDuePosts(database.db),
    }),
  ];

  const shutdown = async (signal: string) => {
    app.log.info(`${signal}: closing`);
    await emailWorker.stop();
    await smsWorker.stop();
    for (const task of periodic) await task.stop();
    await app.close();
    await database.close();
    unlock();
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));

  await app.listen({ port: config.port, host: config.host });
  const shownHost = config.host === "0.0.0.0" || config.host === "::" ? "localhost" : config.host;
  const lines = [
    "",
    `  社会组织孵化基地综合服务平台 Hatchery is running: http://${shownHost}:${config.port}`,
    `  database: ${database.engine === "pglite" ? `PGlite (embedded) in ${config.dataDir}` : "PostgreSQL (DATABASE_URL)"}`,
    seed?.seeded ? "  demo data loaded into the empty database" : "  existing data kept",
  ];
  if (config.seedDemo) {
    lines.push(`  demo accounts (password ${DEMO_PASSWORD}):`);
    for (const a of DEMO_ACCOUNTS) lines.push(`    ${a.username.padEnd(8)} ${a.displayName}`);
  }
  console.log(lines.join("\n"));
}

/** Without demo data, an empty database gets its base and administrator from the environment. */
async function bootstrapInstallation(db: Db, config: Config): Promise<void> {
  if (!(await databaseIsEmpty(db))) return;
  const { adminPassword, adminUsername, baseCode, baseName, district } = config.bootstrap;
  const problems = adminPassword ? passwordProblems(adminPassword, [adminUsername]) : ["missing"];
  if (!adminPassword || problems.length > 0) {
    throw new Error(
      `The database is empty and SEED_DEMO=false: set ADMIN_PASSWORD (at least 10 characters with letters and digits, not containing the account name) to create the base "${baseName}" and its administrator "${adminUsername}". Problems: ${problems.join(", ")}`,
    );
  }
  const created = await bootstrapIfEmpty(db, {
    base: { code: baseCode, name: baseName, district },
    admin: {
      username: adminUsername,
      displayName: "系统管理员",
      passwordHash: await hashPassword(adminPassword),
    },
  });
  if (created)
    console.log(
      `  created the base "${baseName}" and its administrator "${adminUsername}" (change the password at first sign-in)`,
    );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
