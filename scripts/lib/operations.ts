/**
 * What `npm run backup` and `npm run restore` share: where the data lives, how to tell whether the
 * server is running on it, and the layout of a backup archive.
 */
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { MIGRATIONS_DIR } from "../../src/db/client";
import { MAINTENANCE_TOKEN_FILE } from "../../src/server/areas/platform/system/maintenance";

/** Inside an archive. */
export const ARCHIVE = {
  manifest: "manifest.json",
  pgliteDump: "database/pglite-datadir.tar.gz",
  postgresDump: "database/postgres.dump",
  files: "files",
  sessionSecret: "session-secret",
} as const;

export const BACKUP_FORMAT = "hatchery-backup/1";

export interface Manifest {
  format: typeof BACKUP_FORMAT;
  createdAt: string;
  engine: "pglite" | "postgres";
  appVersion: string;
  /** Migrations the database had applied when it was dumped. */
  migrations: number;
  /** How the database was dumped: by the running server, from the data directory, or pg_dump. */
  source: "server" | "data-dir" | "pg_dump";
  database: string;
  files: number;
  sessionSecret: boolean;
}

/** The same settings the server reads (src/server/config.ts), without creating anything. */
export function settings(env: NodeJS.ProcessEnv = process.env) {
  const dataDir = path.resolve(env.DATA_DIR ?? "./data");
  const host = env.HOST ?? "0.0.0.0";
  // A server listening on every interface is reached on the loopback one.
  const reach =
    host === "0.0.0.0" ? "127.0.0.1" : host === "::" ? "[::1]" : host.includes(":") ? `[${host}]` : host;
  return {
    dataDir,
    dbDir: path.join(dataDir, "db"),
    filesDir: path.join(dataDir, ARCHIVE.files),
    sessionSecretFile: path.join(dataDir, ARCHIVE.sessionSecret),
    tokenFile: path.join(dataDir, MAINTENANCE_TOKEN_FILE),
    databaseUrl: env.DATABASE_URL || null,
    serverUrl: `http://${reach}:${env.PORT || 3000}`,
  };
}

export type Settings = ReturnType<typeof settings>;

/** The running server's answer to /api/health, or null when nothing answers. */
export async function probeServer(serverUrl: string): Promise<{ engine: string; version: string } | null> {
  try {
    const response = await fetch(`${serverUrl}/api/health`, { signal: AbortSignal.timeout(3000) });
    if (!response.ok) return null;
    const body = (await response.json()) as { status?: string; engine?: string; version?: string };
    return body.status === "ok" ? { engine: String(body.engine), version: String(body.version) } : null;
  } catch {
    return null;
  }
}

/**
 * PGlite takes no lock on its data directory: a second process opening it while the server runs
 * would corrupt it. The server keeps the maintenance token file there while it runs, so its
 * presence with no server answering means "running elsewhere, or crashed": refuse, and say so.
 */
export function refuseIfHeldElsewhere(s: Settings, doing: string): void {
  if (!existsSync(s.tokenFile)) return;
  fail(
    `${s.tokenFile} exists, so a server seems to be running on ${s.dataDir}, but nothing answers on ${s.serverUrl}.\n` +
      `  If it runs on another address, set PORT (and HOST) to it and try again.\n` +
      `  If it is stopped (it crashed and left the file behind), delete the file, then ${doing} again.`,
  );
}

/** How many migrations this code base knows (Drizzle's journal). */
export function knownMigrations(): number {
  const journal = JSON.parse(readFileSync(path.join(MIGRATIONS_DIR, "meta/_journal.json"), "utf8"));
  return (journal.entries as unknown[]).length;
}

/** Local time as YYYYMMDD-HHMMSS, for file names an operator reads. */
export function stamp(date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return (
    `${date.getFullYear()}${p(date.getMonth() + 1)}${p(date.getDate())}-` +
    `${p(date.getHours())}${p(date.getMinutes())}${p(date.getSeconds())}`
  );
}

/**
 * Runs a PostgreSQL client tool with the password in the environment rather than on the command
 * line (where `ps` would show it).
 */
export function runPgTool(tool: string, args: string[], databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl);
  const password = decodeURIComponent(url.password);
  url.password = "";
  const env = { ...process.env, ...(password ? { PGPASSWORD: password } : {}) };
  return new Promise((resolve, reject) => {
    const child = spawn(tool, [...args, `--dbname=${url.toString()}`], {
      env,
      stdio: ["ignore", "inherit", "inherit"],
    });
    child.on("error", (error) =>
      reject(
        (error as NodeJS.ErrnoException).code === "ENOENT"
          ? new Error(`${tool} is not installed (Debian: apt-get install postgresql-client)`)
          : error,
      ),
    );
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${tool} exited with code ${code}`)),
    );
  });
}

class OperationError extends Error {}

export function fail(message: string): never {
  throw new OperationError(message);
}

/** Runs a script's main: an OperationError is the operator's message, anything else a bug. */
export function runMain(main: () => Promise<void>): void {
  main().catch((error) => {
    console.error(error instanceof OperationError ? `error: ${error.message}` : error);
    process.exit(1);
  });
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
