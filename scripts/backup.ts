/**
 * `npm run backup [archive]`: the database, the uploaded files (DATA_DIR/files) and the session
 * secret in one .tar.gz (default backups/hatchery-YYYYMMDD-HHMMSS.tar.gz), with a manifest.json.
 * - PGlite, server running: the server dumps its own data directory (POST /api/system/backup with
 *   DATA_DIR/maintenance-token), since no second process may open it.
 * - PGlite, server stopped: the data directory is opened here and dumped.
 * - PostgreSQL (DATABASE_URL set): pg_dump --format=custom.
 * See docs/OPERATIONS.md.
 */
import {
  chmodSync,
  copyFileSync,
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import * as tar from "tar";
import { PGLITE_EXTENSIONS } from "../src/db/client";
import {
  appliedMigrations,
  MAINTENANCE_HEADER,
  MIGRATIONS_HEADER,
  VERSION_HEADER,
} from "../src/server/areas/platform/system/maintenance";
import { API_VERSION } from "../src/server/version";
import {
  ARCHIVE,
  BACKUP_FORMAT,
  fail,
  formatBytes,
  type Manifest,
  probeServer,
  refuseIfHeldElsewhere,
  runMain,
  runPgTool,
  type Settings,
  settings,
  stamp,
} from "./lib/operations";

interface Dumped {
  engine: Manifest["engine"];
  source: Manifest["source"];
  database: string;
  appVersion: string;
  migrations: number;
  /** For the report: where the dump came from. */
  from: string;
}

async function main(): Promise<void> {
  const s = settings();
  const out = path.resolve(process.argv[2] ?? path.join("backups", `hatchery-${stamp()}.tar.gz`));
  if (existsSync(out)) fail(`${out} already exists; give another file name`);

  const staging = mkdtempSync(path.join(tmpdir(), "hatchery-backup-"));
  try {
    mkdirSync(path.join(staging, "database"));
    const dumped = s.databaseUrl ? await dumpPostgres(s.databaseUrl, staging) : await dumpPglite(s, staging);
    const entries = [ARCHIVE.manifest, dumped.database];

    // The files go in as they are: a link to the folder, followed while archiving, copies nothing.
    const files = existsSync(s.filesDir) ? countFiles(s.filesDir) : 0;
    if (existsSync(s.filesDir)) {
      symlinkSync(s.filesDir, path.join(staging, ARCHIVE.files));
      entries.push(ARCHIVE.files);
    }
    const sessionSecret = existsSync(s.sessionSecretFile);
    if (sessionSecret) {
      copyFileSync(s.sessionSecretFile, path.join(staging, ARCHIVE.sessionSecret));
      entries.push(ARCHIVE.sessionSecret);
    }
    const manifest: Manifest = {
      format: BACKUP_FORMAT,
      createdAt: new Date().toISOString(),
      engine: dumped.engine,
      appVersion: dumped.appVersion,
      migrations: dumped.migrations,
      source: dumped.source,
      database: dumped.database,
      files,
      sessionSecret,
    };
    writeFileSync(path.join(staging, ARCHIVE.manifest), `${JSON.stringify(manifest, null, 2)}\n`);

    // Written under another name and renamed at the end: an archive that exists is complete.
    mkdirSync(path.dirname(out), { recursive: true, mode: 0o700 });
    const partial = `${out}.partial`;
    try {
      await tar.create({ gzip: true, file: partial, cwd: staging, follow: true, portable: true }, entries);
      chmodSync(partial, 0o600); // it holds the session secret and every record
      renameSync(partial, out);
    } finally {
      rmSync(partial, { force: true });
    }

    console.log(`backup written: ${shown(out)} (${formatBytes(statSync(out).size)})`);
    console.log(`  database: ${dumped.from} (${dumped.migrations} migrations applied)`);
    console.log(
      `  files: ${existsSync(s.filesDir) ? `${files} from ${s.filesDir}` : `none (${s.filesDir} does not exist)`}`,
    );
    console.log(`  session secret: ${sessionSecret ? "included" : "none in DATA_DIR (SESSION_SECRET set?)"}`);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

async function dumpPglite(s: Settings, staging: string): Promise<Dumped> {
  const target = path.join(staging, ARCHIVE.pgliteDump);
  const health = await probeServer(s.serverUrl);
  if (health) {
    if (health.engine !== "pglite") {
      fail(
        `the server on ${s.serverUrl} runs on ${health.engine}: set DATABASE_URL to back it up with pg_dump`,
      );
    }
    if (!existsSync(s.tokenFile)) {
      fail(
        `a server answers on ${s.serverUrl} but ${s.tokenFile} does not exist: is ${s.dataDir} its DATA_DIR?`,
      );
    }
    const response = await fetch(`${s.serverUrl}/api/system/backup`, {
      method: "POST",
      headers: { [MAINTENANCE_HEADER]: readFileSync(s.tokenFile, "utf8").trim() },
    });
    if (response.status === 403) {
      fail(
        `the server on ${s.serverUrl} refused ${s.tokenFile}: it runs on another DATA_DIR than ${s.dataDir}`,
      );
    }
    if (!response.ok || !response.body)
      fail(`the server answered ${response.status}: ${await response.text()}`);
    await pipeline(Readable.fromWeb(response.body as never), createWriteStream(target));
    return {
      engine: "pglite",
      source: "server",
      database: ARCHIVE.pgliteDump,
      appVersion: response.headers.get(VERSION_HEADER) ?? health.version,
      migrations: Number(response.headers.get(MIGRATIONS_HEADER) ?? 0),
      from: `PGlite, dumped by the running server at ${s.serverUrl}`,
    };
  }

  refuseIfHeldElsewhere(s, "back up");
  if (!existsSync(path.join(s.dbDir, "PG_VERSION"))) fail(`no database in ${s.dbDir}: nothing to back up`);
  const pglite = new PGlite(s.dbDir, { extensions: PGLITE_EXTENSIONS });
  try {
    await pglite.waitReady;
    const migrations = await appliedMigrations(pglite);
    await pglite.exec("CHECKPOINT");
    const dump = await pglite.dumpDataDir("gzip");
    writeFileSync(target, Buffer.from(await dump.arrayBuffer()));
    return {
      engine: "pglite",
      source: "data-dir",
      database: ARCHIVE.pgliteDump,
      appVersion: API_VERSION,
      migrations,
      from: `PGlite, read from ${s.dbDir} (no server running)`,
    };
  } finally {
    await pglite.close();
  }
}

async function dumpPostgres(databaseUrl: string, staging: string): Promise<Dumped> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  let migrations: number;
  try {
    migrations = await appliedMigrations(client);
  } finally {
    await client.end();
  }
  await runPgTool(
    "pg_dump",
    ["--format=custom", `--file=${path.join(staging, ARCHIVE.postgresDump)}`],
    databaseUrl,
  );
  const url = new URL(databaseUrl);
  return {
    engine: "postgres",
    source: "pg_dump",
    database: ARCHIVE.postgresDump,
    appVersion: API_VERSION,
    migrations,
    from: `PostgreSQL database ${url.pathname.slice(1)} on ${url.host}, by pg_dump`,
  };
}

/** Relative to where the command ran when it is below it, else absolute. */
function shown(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith("..") ? file : relative;
}

function countFiles(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;
}

runMain(main);
