/**
 * `npm run backup` while the real server runs, a change, `npm run restore`: the change is gone and
 * everything else is there. The server is a child process over a temporary DATA_DIR, as an
 * operator runs it; the scripts are run through npm, as the docs say.
 */
import { type ChildProcess, execFile, spawn } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import * as tar from "tar";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { freePort, stopProcess } from "../../../scripts/lib/processes";
import { DEMO_PASSWORD } from "../../../src/db/seed/changping";
import { adminQuery, withDatabase } from "../../support/postgres-setup";

const root = path.resolve(import.meta.dirname, "../../..");
const run = promisify(execFile);

describe.skipIf(process.env.TEST_ENGINE !== "pglite")("backup and restore of the embedded database", () => {
  let work: string;
  let dataDir: string;
  let env: NodeJS.ProcessEnv;
  let baseUrl: string;
  let server: ChildProcess | null = null;
  let output = "";

  beforeAll(async () => {
    work = mkdtempSync(path.join(tmpdir(), "hatchery-backup-test-"));
    dataDir = path.join(work, "data");
    const port = await freePort();
    // The platform's own defaults: PGlite in DATA_DIR, demo data, a generated session secret.
    const { DATABASE_URL: _u, SESSION_SECRET: _s, SEED_DEMO: _d, ...inherited } = process.env;
    env = { ...inherited, DATA_DIR: dataDir, PORT: String(port), HOST: "127.0.0.1", LOG_LEVEL: "warn" };
    baseUrl = `http://127.0.0.1:${port}`;
    await startServer();
  }, 300_000);

  afterAll(async () => {
    await stopServer();
    rmSync(work, { recursive: true, force: true });
  }, 60_000);

  async function startServer(): Promise<void> {
    output = "";
    // node --import tsx: one process, so SIGTERM reaches the server's own shutdown.
    const child = spawn(process.execPath, ["--import", "tsx", "src/server/main.ts"], {
      cwd: root,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    server = child;
    child.stdout?.on("data", (chunk) => (output += chunk));
    child.stderr?.on("data", (chunk) => (output += chunk));
    for (;;) {
      if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${output}`);
      const health = await fetch(`${baseUrl}/api/health`).catch(() => null);
      if (health?.ok) return;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  async function stopServer(): Promise<void> {
    const child = server;
    server = null;
    if (child) await stopProcess(child);
  }

  const npm = (...args: string[]) => run("npm", ["run", "--silent", ...args], { cwd: root, env });

  async function signIn(username = "staff") {
    const response = await fetch(`${baseUrl}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username, password: DEMO_PASSWORD }),
    });
    expect(response.status).toBe(200);
    const cookie = response.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const { csrfToken } = (await response.json()) as { csrfToken: string };
    const send = (method: string, url: string, body?: unknown) =>
      fetch(`${baseUrl}${url}`, {
        method,
        headers: {
          cookie,
          "x-csrf-token": csrfToken,
          ...(body === undefined ? {} : { "content-type": "application/json" }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    return {
      get: (url: string) => send("GET", url),
      post: (url: string, body?: unknown) => send("POST", url, body),
    };
  }
  type Client = Awaited<ReturnType<typeof signIn>>;

  const createOrganization = async (client: Client, name: string) => {
    const response = await client.post("/api/organizations", { name, registrationStatus: "unregistered" });
    expect(response.status).toBe(201);
  };
  const organizations = async (client: Client, q?: string) => {
    const query = q ? `?pageSize=1&q=${encodeURIComponent(q)}` : "?pageSize=1";
    const response = await client.get(`/api/organizations${query}`);
    expect(response.status).toBe(200);
    return ((await response.json()) as { total: number }).total;
  };

  it("answers the maintenance endpoint only with the token from DATA_DIR, and keeps it out of the API document", async () => {
    const tokenFile = path.join(dataDir, "maintenance-token");
    expect(statSync(tokenFile).mode & 0o777).toBe(0o600);
    for (const token of [undefined, "not-the-token"]) {
      const response = await fetch(`${baseUrl}/api/system/backup`, {
        method: "POST",
        headers: token ? { "x-maintenance-token": token } : {},
      });
      expect(response.status).toBe(403);
      expect(((await response.json()) as { code: string }).code).toBe("forbidden");
    }
    const doc = (await (await fetch(`${baseUrl}/api/openapi.json`)).json()) as { paths: object };
    expect(Object.keys(doc.paths).some((p) => p.startsWith("/api/system"))).toBe(false);
  });

  it("backs up while the server runs; restore brings back that moment, files and session secret included", async () => {
    const staff = await signIn();
    await createOrganization(staff, "备份前的组织");
    // The demo data stores its documents too; the test's own files come on top.
    const demoFiles = filesIn(path.join(dataDir, "files"));
    mkdirSync(path.join(dataDir, "files/uploads"), { recursive: true });
    writeFileSync(path.join(dataDir, "files/uploads/章程.txt"), "备份前的文件");
    const archive = path.join(work, "backups/hatchery-test.tar.gz");

    const backup = await npm("backup", archive);
    expect(backup.stdout).toContain("dumped by the running server");
    expect(existsSync(archive)).toBe(true);

    // After the backup: changes that the restore must undo.
    await createOrganization(staff, "备份后的组织");
    writeFileSync(path.join(dataDir, "files/uploads/之后.txt"), "备份后的文件");
    expect(await organizations(staff, "备份后的组织")).toBe(1);

    // Refused while the server answers, and nothing is touched.
    const refused = await npm("restore", archive).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(refused?.code).not.toBe(0);
    expect(refused?.stderr).toContain("stop it");
    expect(readdirSync(dataDir).filter((f) => f.includes("before-restore"))).toEqual([]);

    await stopServer();
    // With the server stopped, the script reads the data directory itself.
    const offline = path.join(work, "backups/offline.tar.gz");
    expect((await npm("backup", offline)).stdout).toContain("no server running");
    expect(manifestOf(offline)).toMatchObject({ engine: "pglite", source: "data-dir", files: demoFiles + 2 });
    expect(manifestOf(archive)).toMatchObject({ engine: "pglite", source: "server", files: demoFiles + 1 });

    // As on a new machine: another session secret. The restore must bring the original back,
    // or the session made before the backup could not pass its CSRF check below.
    const secretFile = path.join(dataDir, "session-secret");
    const secret = readFileSync(secretFile, "utf8");
    writeFileSync(secretFile, "another-secret-on-another-machine");
    const restore = await npm("restore", archive);
    expect(restore.stdout).toContain("db.before-restore-");
    expect(readFileSync(secretFile, "utf8")).toBe(secret);
    expect(readdirSync(dataDir).some((f) => f.startsWith("db.before-restore-"))).toBe(true);
    await startServer();

    expect(await organizations(staff, "备份前的组织")).toBe(1);
    expect(await organizations(staff, "备份后的组织")).toBe(0);
    expect(await organizations(staff)).toBe(141 + 1);
    expect(readdirSync(path.join(dataDir, "files/uploads"))).toEqual(["章程.txt"]);
    // The session from before the backup still works, writes included (CSRF uses the secret).
    await createOrganization(staff, "恢复后的组织");
    const again = await signIn("member");
    expect((await again.get("/api/auth/me")).status).toBe(200);
  }, 600_000);
});

describe.skipIf(process.env.TEST_ENGINE !== "postgres")("backup and restore on PostgreSQL", () => {
  // Set in beforeAll: the describe body also runs (skipped) where no PostgreSQL is configured.
  let name: string;
  let adminUrl: string;
  let url: string;
  let work: string;

  beforeAll(async () => {
    name = `hatchery_${inject("pgRun")}_backup`;
    adminUrl = process.env.DATABASE_URL as string;
    url = withDatabase(adminUrl, name);
    work = mkdtempSync(path.join(tmpdir(), "hatchery-backup-pg-"));
    await adminQuery(adminUrl, `CREATE DATABASE ${name} TEMPLATE ${inject("pgTemplate")}`);
  }, 60_000);
  afterAll(async () => {
    await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    rmSync(work, { recursive: true, force: true });
  });

  const query = async (text: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query(text)).rows;
    } finally {
      await client.end();
    }
  };

  it("pg_dump into the archive, pg_restore brings it back", async () => {
    const env = {
      ...process.env,
      DATABASE_URL: url,
      DATA_DIR: path.join(work, "data"),
      PORT: String(await freePort()),
    };
    const npm = (...args: string[]) => run("npm", ["run", "--silent", ...args], { cwd: root, env });
    const archive = path.join(work, "pg.tar.gz");
    expect((await npm("backup", archive)).stdout).toContain("by pg_dump");
    expect(manifestOf(archive)).toMatchObject({ engine: "postgres", source: "pg_dump" });

    await query(
      "INSERT INTO organizations (base_id, name, registration_status) SELECT id, '备份后的组织', 'unregistered' FROM bases",
    );
    expect((await npm("restore", archive)).stdout).toContain("pg_restore --clean");
    expect(await query("SELECT count(*)::int AS n FROM organizations")).toEqual([{ n: 141 }]);
    expect(await query("SELECT id FROM organizations WHERE name = '备份后的组织'")).toEqual([]);
  }, 120_000);
});

function filesIn(dir: string): number {
  if (!existsSync(dir)) return 0;
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;
}

function manifestOf(archive: string): Record<string, unknown> {
  const into = mkdtempSync(path.join(tmpdir(), "hatchery-manifest-"));
  try {
    tar.extract({ file: archive, cwd: into, sync: true, filter: (p) => p === "manifest.json" });
    return JSON.parse(readFileSync(path.join(into, "manifest.json"), "utf8"));
  } finally {
    rmSync(into, { recursive: true, force: true });
  }
}
