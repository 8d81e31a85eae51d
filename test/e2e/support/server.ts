/**
 * One real server per test file: `node dist/server/main.js` as a child process, on a free port,
 * over a fresh embedded database in a temporary DATA_DIR (so the demo data is loaded anew).
 * It logs at info level (pino JSON lines): the text messages the default SMS provider writes to
 * the log (phone codes) are picked out as the lines arrive, so a test can read the code it was sent.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort, stopProcess } from "../../../scripts/lib/processes";
import { ensureBuilt, ROOT, SERVER_ENTRY } from "./build";

/** A text message the server "sent" (the log-only SMS provider: `{sms: {mobile, text}}`). */
export interface SentSms {
  mobile: string;
  text: string;
  at: number;
}

export interface RunningServer {
  baseUrl: string;
  /** The last part of what the server wrote (stdout and stderr), for failure reports. */
  output(): string;
  /** Every text message sent since the server started, oldest first. */
  sms(): SentSms[];
  stop(): Promise<void>;
}

const OUTPUT_KEPT = 200_000;

export async function startServer(): Promise<RunningServer> {
  ensureBuilt();
  const dataDir = mkdtempSync(path.join(tmpdir(), "hatchery-e2e-"));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: "127.0.0.1",
    SEED_DEMO: "true",
    LOG_LEVEL: "info",
  };
  // Always the embedded engine: a DATABASE_URL meant for the API suite must not be shared.
  delete env.DATABASE_URL;

  const child = spawn(process.execPath, [SERVER_ENTRY], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-OUTPUT_KEPT);
  };
  const sent: SentSms[] = [];
  let partial = "";
  // stdout carries the log: whole lines only (a chunk may end mid-line).
  child.stdout?.on("data", (chunk: Buffer) => {
    keep(chunk);
    const lines = (partial + chunk.toString()).split("\n");
    partial = lines.pop() ?? "";
    for (const line of lines) {
      const sms = smsOf(line);
      if (sms) sent.push(sms);
    }
  });
  child.stderr?.on("data", keep);

  const stop = async () => {
    await stopProcess(child);
    rmSync(dataDir, { recursive: true, force: true });
  };

  const started = Date.now();
  try {
    await waitForHealth(baseUrl, child, () => output);
    console.log(`[e2e] server ready at ${baseUrl} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, output: () => output, sms: () => [...sent], stop };
}

/** The SMS in one log line, if it is the log-only provider's line. */
function smsOf(line: string): SentSms | null {
  if (!line.includes('"sms"')) return null;
  try {
    const entry = JSON.parse(line) as { sms?: { mobile?: unknown; text?: unknown }; time?: unknown };
    const { mobile, text } = entry.sms ?? {};
    if (typeof mobile !== "string" || typeof text !== "string") return null;
    return { mobile, text, at: typeof entry.time === "number" ? entry.time : Date.now() };
  } catch {
    return null; // not JSON (a stack trace, a warning of node's)
  }
}

/** Polls /api/health until the server answers; fails at once if the process dies. */
async function waitForHealth(baseUrl: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 100_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `server exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${output()}`,
      );
    }
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`server did not answer /api/health within 100 s:\n${output()}`);
}
