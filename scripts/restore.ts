/**
 * `npm run restore <archive>`: brings back what `npm run backup` wrote. The server must be stopped.
 * - PGlite: DATA_DIR/db moves aside to DATA_DIR/db.before-restore-<time> and the archived data
 *   directory is loaded in its place (put back as it was if loading fails).
 * - PostgreSQL (the archive holds a pg_dump): pg_restore --clean into DATABASE_URL.
 * The files folder and the session secret move aside the same way and the archived ones replace
 * them. Migrations newer than the archive apply when the server starts. See docs/OPERATIONS.md.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import * as tar from "tar";
import { PGLITE_EXTENSIONS } from "../src/db/client";
import { appliedMigrations } from "../src/server/areas/platform/system/maintenance";
import {
  ARCHIVE,
  BACKUP_FORMAT,
  fail,
  knownMigrations,
  type Manifest,
  probeServer,
  refuseIfHeldElsewhere,
  runMain,
  runPgTool,
  type Settings,
  settings,
  stamp,
} from "./lib/operations";

async function main(): Promise<void> {
  const given = process.argv[2];
  if (!given) fail("usage: npm run restore <archive.tar.gz>");
  const archive = path.resolve(given);
  if (!existsSync(archive)) fail(`${archive} does not exist`);
  const s = settings();
  if (await probeServer(s.serverUrl)) {
    fail(`a server answers on ${s.serverUrl}: stop it (every instance) before restoring`);
  }

  mkdirSync(s.dataDir, { recursive: true });
  // Unpacked next to the data, so that putting things in place is a rename, not a copy.
  const work = mkdtempSync(path.join(s.dataDir, ".restore-"));
  try {
    await tar.extract({ file: archive, cwd: work, strict: true });
    const manifest = readManifest(work);
    if (manifest.migrations > knownMigrations()) {
      fail(
        `the archive comes from a newer version (${manifest.migrations} migrations, this one knows ` +
          `${knownMigrations()}): upgrade the application first`,
      );
    }
    const when = stamp();
    const report = [
      `restored ${path.basename(archive)} (made ${manifest.createdAt}, version ${manifest.appVersion})`,
    ];
    if (manifest.engine === "pglite") {
      if (s.databaseUrl) {
        fail(
          "the archive holds an embedded (PGlite) database but DATABASE_URL is set: unset it to restore into DATA_DIR/db",
        );
      }
      refuseIfHeldElsewhere(s, "restore");
      report.push(await restorePglite(s, work, when));
    } else {
      if (!s.databaseUrl)
        fail("the archive holds a PostgreSQL dump: set DATABASE_URL to the database to restore into");
      report.push(await restorePostgres(s.databaseUrl, work));
    }
    report.push(restoreFiles(s, work, when), restoreSessionSecret(s, work, when));
    report.push("start the server; migrations newer than the archive apply at start");
    console.log(report.join("\n  "));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function readManifest(work: string): Manifest {
  const file = path.join(work, ARCHIVE.manifest);
  if (!existsSync(file)) fail("no manifest.json in the archive: not a Hatchery backup");
  const manifest = JSON.parse(readFileSync(file, "utf8")) as Manifest;
  if (manifest.format !== BACKUP_FORMAT) fail(`unknown backup format "${manifest.format}"`);
  if (manifest.engine !== "pglite" && manifest.engine !== "postgres")
    fail(`unknown engine "${manifest.engine}"`);
  return manifest;
}

async function restorePglite(s: Settings, work: string, when: string): Promise<string> {
  const dump = path.join(work, ARCHIVE.pgliteDump);
  if (!existsSync(dump)) fail(`the archive has no ${ARCHIVE.pgliteDump}`);
  const aside = `${s.dbDir}.before-restore-${when}`;
  const had = existsSync(s.dbDir);
  if (had) renameSync(s.dbDir, aside);
  try {
    const blob = new Blob([readFileSync(dump)], { type: "application/x-gzip" });
    const pglite = new PGlite(s.dbDir, { loadDataDir: blob, extensions: PGLITE_EXTENSIONS });
    let migrations: number;
    try {
      await pglite.waitReady;
      migrations = await appliedMigrations(pglite);
    } finally {
      await pglite.close();
    }
    return (
      `database: loaded into ${s.dbDir} (${migrations} migrations applied)` +
      (had ? `; the previous one is in ${aside}` : "")
    );
  } catch (error) {
    // Leave things as they were: the old database back in its place.
    rmSync(s.dbDir, { recursive: true, force: true });
    if (had) renameSync(aside, s.dbDir);
    throw error;
  }
}

async function restorePostgres(databaseUrl: string, work: string): Promise<string> {
  const dump = path.join(work, ARCHIVE.postgresDump);
  if (!existsSync(dump)) fail(`the archive has no ${ARCHIVE.postgresDump}`);
  await runPgTool(
    "pg_restore",
    [
      "--clean",
      "--if-exists",
      "--no-owner",
      "--no-privileges",
      "--single-transaction",
      "--exit-on-error",
      dump,
    ],
    databaseUrl,
  );
  const url = new URL(databaseUrl);
  return `database: pg_restore --clean into ${url.pathname.slice(1)} on ${url.host}`;
}

function restoreFiles(s: Settings, work: string, when: string): string {
  const incoming = path.join(work, ARCHIVE.files);
  const aside = `${s.filesDir}.before-restore-${when}`;
  const had = existsSync(s.filesDir);
  if (had) renameSync(s.filesDir, aside);
  const movedAside = had ? `; the previous folder is in ${aside}` : "";
  if (!existsSync(incoming)) return `files: none in the archive${movedAside}`;
  renameSync(incoming, s.filesDir);
  return `files: restored into ${s.filesDir}${movedAside}`;
}

function restoreSessionSecret(s: Settings, work: string, when: string): string {
  const incoming = path.join(work, ARCHIVE.sessionSecret);
  const overridden = process.env.SESSION_SECRET ? " (SESSION_SECRET is set and takes precedence)" : "";
  if (!existsSync(incoming)) return `session secret: none in the archive, kept as it is${overridden}`;
  const secret = readFileSync(incoming, "utf8").trim();
  if (existsSync(s.sessionSecretFile)) {
    if (readFileSync(s.sessionSecretFile, "utf8").trim() === secret)
      return `session secret: unchanged${overridden}`;
    renameSync(s.sessionSecretFile, `${s.sessionSecretFile}.before-restore-${when}`);
  }
  writeFileSync(s.sessionSecretFile, secret, { mode: 0o600 });
  return `session secret: restored into ${s.sessionSecretFile}${overridden}`;
}

runMain(main);
