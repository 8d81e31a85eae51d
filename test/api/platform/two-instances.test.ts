/**
 * Two real server processes on one PostgreSQL database, started together on an empty database
 * (so they race to migrate and seed): a session made on one is valid on the other, an edit on
 * one is seen on the other, a stale edit loses with 409, and signing out on one ends the session
 * on both. PostgreSQL only: PGlite is one process's embedded database.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { freePort, stopProcess } from "../../../scripts/lib/processes";
import { DEMO_PASSWORD } from "../../../src/db/seed/changping";
import { adminQuery, withDatabase } from "../../support/postgres-setup";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const START_TIMEOUT_MS = 150_000;

interface Instance {
  name: string;
  url: string;
  child: ChildProcess;
  output: string[];
}

/** A browser-like session: the cookies the server set, and the CSRF token for unsafe requests. */
class Session {
  cookies = new Map<string, string>();
  csrfToken: string | null = null;

  async send(instance: Instance, method: string, url: string, body?: unknown) {
    const headers: Record<string, string> = { "accept-language": "zh-CN" };
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    if (body !== undefined) headers["content-type"] = "application/json";
    if (method !== "GET" && this.csrfToken) headers["x-csrf-token"] = this.csrfToken;
    const response = await fetch(instance.url + url, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    for (const raw of response.headers.getSetCookie()) {
      const [pair = ""] = raw.split(";");
      const [name = "", value = ""] = pair.split("=");
      if (value === "" || /max-age=0|expires=thu, 01 jan 1970/i.test(raw)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await response.text();
    return { status: response.status, json: text ? JSON.parse(text) : null };
  }
}

let adminUrl = "";
let databaseName = "";
let dataDir = "";
const instances: Instance[] = [];

describe.skipIf(process.env.TEST_ENGINE !== "postgres")("two instances on one PostgreSQL", () => {
  beforeAll(async () => {
    adminUrl = process.env.DATABASE_URL as string;
    // Named after the run, so the run's teardown drops it even if this file's afterAll cannot.
    databaseName = `hatchery_${inject("pgRun")}_two_${randomBytes(3).toString("hex")}`;
    await adminQuery(adminUrl, `CREATE DATABASE ${databaseName}`);
    dataDir = await mkdtemp(path.join(os.tmpdir(), "hatchery-two-"));
    const env = {
      DATABASE_URL: withDatabase(adminUrl, databaseName),
      SESSION_SECRET: randomBytes(24).toString("base64url"),
      SEED_DEMO: "true",
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      LOG_LEVEL: "warn",
    };
    const ports = [await freePort(), await freePort()];
    for (const [i, port] of ports.entries()) instances.push(startInstance(i === 0 ? "A" : "B", port, env));
    await Promise.all(instances.map(waitForHealth));
  }, START_TIMEOUT_MS + 30_000);

  afterAll(async () => {
    await Promise.all(instances.map((instance) => stopProcess(instance.child)));
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
    if (databaseName) await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
  }, 60_000);

  it("both instances answer on the same database, migrated and seeded once", async () => {
    const [a, b] = instances as [Instance, Instance];
    for (const instance of [a, b]) {
      const health = await new Session().send(instance, "GET", "/api/health");
      expect(health).toEqual({ status: 200, json: expect.objectContaining({ engine: "postgres" }) });
    }
    const staff = new Session();
    await signIn(staff, a);
    const list = await staff.send(b, "GET", "/api/organizations?page=1&pageSize=1");
    expect(list.status).toBe(200);
    expect(list.json.total).toBe(141);
  });

  it("a session made on A is valid on B, an edit on A is seen on B, and B's stale edit is refused", async () => {
    const [a, b] = instances as [Instance, Instance];
    const staff = new Session();
    const user = await signIn(staff, a);

    const me = await staff.send(b, "GET", "/api/auth/me");
    expect(me.status).toBe(200);
    expect(me.json.user).toMatchObject({ id: user.id, username: "staff" });
    expect(me.json.csrfToken).toBe(staff.csrfToken);

    const list = await staff.send(a, "GET", "/api/organizations?page=1&pageSize=1&sort=name&order=asc");
    expect(list.status).toBe(200);
    const before = list.json.items[0];
    const description = `两实例测试 ${randomBytes(4).toString("hex")}`;

    const edited = await staff.send(a, "PATCH", `/api/organizations/${before.id}`, {
      name: before.name,
      registrationStatus: before.registrationStatus,
      description,
      version: before.version,
    });
    expect(edited.status).toBe(200);
    expect(edited.json).toMatchObject({ description, version: before.version + 1 });

    const seen = await staff.send(b, "GET", `/api/organizations/${before.id}`);
    expect(seen.status).toBe(200);
    expect(seen.json).toMatchObject({ description, version: before.version + 1 });

    const stale = await staff.send(b, "PATCH", `/api/organizations/${before.id}`, {
      name: before.name,
      registrationStatus: before.registrationStatus,
      description: "过期的修改",
      version: before.version,
    });
    expect(stale.status).toBe(409);
    expect(stale.json.code).toBe("version_conflict");
    const after = await staff.send(a, "GET", `/api/organizations/${before.id}`);
    expect(after.json).toMatchObject({ description, version: before.version + 1 });
  });

  it("signing out on A ends the session on B", async () => {
    const [a, b] = instances as [Instance, Instance];
    const staff = new Session();
    await signIn(staff, a);
    const cookies = new Map(staff.cookies);
    expect((await staff.send(b, "GET", "/api/auth/me")).status).toBe(200);

    expect((await staff.send(a, "POST", "/api/auth/logout")).status).toBe(200);
    // The browser would have dropped the cookie; replay the old one to show the server forgot it.
    staff.cookies = cookies;
    expect((await staff.send(b, "GET", "/api/auth/me")).status).toBe(401);
  });
});

async function signIn(session: Session, instance: Instance): Promise<{ id: string }> {
  const response = await session.send(instance, "POST", "/api/auth/login", {
    username: "staff",
    password: DEMO_PASSWORD,
  });
  expect(response.status).toBe(200);
  session.csrfToken = response.json.csrfToken;
  return response.json.user;
}

function startInstance(name: string, port: number, env: Record<string, string>): Instance {
  // Node with tsx's loader rather than `npx tsx`, so the process we stop is the server itself.
  const child = spawn(process.execPath, ["--import", "tsx", "src/server/main.ts"], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  child.stdout?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  return { name, url: `http://127.0.0.1:${port}`, child, output };
}

async function waitForHealth(instance: Instance): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (instance.child.exitCode !== null) {
      throw new Error(
        `instance ${instance.name} exited with code ${instance.child.exitCode}:\n${instance.output.join("")}`,
      );
    }
    const ok = await fetch(`${instance.url}/api/health`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`instance ${instance.name} did not answer /api/health:\n${instance.output.join("")}`);
}
