/**
 * The server under test runs in a child process of its own (`node --import tsx
 * src/server/main.ts`, as `npm run dev` does without the watcher): autocannon in the same
 * process would share the server's event loop and CPU time, and its own bookkeeping would count
 * against the server's throughput.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { freePort, stopProcess } from "../scripts/lib/processes";
import { DEMO_PASSWORD } from "../src/db/seed/changping";

export interface RunningServer {
  url: string;
  logFile: string;
  /** The server process's id (its memory is read from /proc/<pid>/status). */
  pid: number;
  /** Asks the server's probe (bench/sql-probe.ts) and waits for its answer. */
  probe<T>(message: Record<string, unknown> & { probe: string }): Promise<T>;
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 180_000;

export async function startServer(options: {
  env: Record<string, string>;
  logLevel: string;
  logDir: string;
}): Promise<RunningServer> {
  const port = await freePort();
  const logFile = path.join(options.logDir, "server.log");
  const log = createWriteStream(logFile);
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "--import", "./bench/sql-probe.ts", "src/server/main.ts"],
    {
      cwd: process.cwd(),
      env: {
        ...process.env,
        ...options.env,
        NODE_ENV: "production",
        HOST: "127.0.0.1",
        PORT: String(port),
        SEED_DEMO: "false",
        SESSION_SECRET: randomBytes(24).toString("base64url"),
        LOG_LEVEL: options.logLevel,
      },
      // The fourth: the IPC channel to the probe.
      stdio: ["ignore", "pipe", "pipe", "ipc"],
    },
  );
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const url = `http://127.0.0.1:${port}`;
  const server: RunningServer = {
    url,
    logFile,
    pid: child.pid ?? 0,
    probe: (message) => askProbe(child, message),
    stop: () => stopProcess(child),
  };
  try {
    await waitForHealth(url, child);
  } catch (error) {
    await server.stop();
    const tail = (await readFile(logFile, "utf8").catch(() => "")).split("\n").slice(-20).join("\n");
    throw new Error(`${(error as Error).message}\n--- server log (last lines) ---\n${tail}`);
  }
  return server;
}

/** Signs in over HTTP like a browser and returns the Cookie header the scenarios send. */
export async function signIn(url: string, username: string): Promise<string> {
  const response = await fetch(`${url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (response.status !== 200) {
    throw new Error(`bench: sign-in as ${username} answered ${response.status}: ${await response.text()}`);
  }
  return response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

/** One question to the probe; its answer is the next message with the same `probe` name. */
function askProbe<T>(child: ChildProcess, message: Record<string, unknown> & { probe: string }): Promise<T> {
  return new Promise((resolve, reject) => {
    const listen = (answer: { probe?: string; error?: string }) => {
      if (answer?.probe !== message.probe) return;
      child.off("message", listen);
      if (answer.error) reject(new Error(`bench: the server's probe: ${answer.error}`));
      else resolve(answer as T);
    };
    child.on("message", listen);
    child.send(message);
  });
}

async function waitForHealth(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`bench: the server exited with code ${child.exitCode}`);
    const ok = await fetch(`${url}/api/health`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`bench: the server did not answer ${url}/api/health within ${READY_TIMEOUT_MS / 1000} s`);
}
