/**
 * What the bench reads from the server under test besides its answers: the SQL each route sends
 * and how long that SQL takes run directly (through bench/sql-probe.ts), the process's resident
 * memory (from /proc, on Linux), and a CPU profile of one route.
 */
import { readFile } from "node:fs/promises";
import type { RunningServer } from "./server";

interface Statement {
  text: string;
  values: unknown[];
}

export interface SqlFigures {
  /** Statements of a request: the median over `REQUESTS` requests, one at a time. */
  statements: number;
  /** The fewest and most statements one of those requests sent (a list's N+1 shows as a spread). */
  fewest: number;
  most: number;
  /** Median over `REPLAYS` runs of the median request's statements, one after another, in ms. */
  directMs: number;
  /** Median time of the same requests over HTTP, one at a time, in ms. */
  httpMs: number;
}

const REQUESTS = 5;
const REPLAYS = 15;

/**
 * Sends `REQUESTS` requests one after another, the probe recording each one's statements, then
 * has the probe run the statements of the request with the median count again on their own.
 * The probe counts at the drivers, so no response header of the server's is needed.
 */
export async function sqlFigures(
  server: RunningServer,
  nextRequest: () => { path: string; headers: Record<string, string> },
): Promise<SqlFigures> {
  const times: number[] = [];
  const recorded: Statement[][] = [];
  for (let i = 0; i < REQUESTS; i++) {
    const { path, headers } = nextRequest();
    await server.probe({ probe: "record" });
    const started = performance.now();
    const response = await fetch(server.url + path, { headers });
    await response.arrayBuffer();
    times.push(performance.now() - started);
    recorded.push((await server.probe<{ statements: Statement[] }>({ probe: "take" })).statements);
  }
  recorded.sort((a, b) => a.length - b.length);
  const typical = recorded[Math.floor(recorded.length / 2)] ?? [];
  const { totals } = await server.probe<{ totals: number[] }>({
    probe: "replay",
    statements: typical,
    rounds: REPLAYS,
  });
  return {
    statements: typical.length,
    fewest: recorded[0]?.length ?? 0,
    most: recorded.at(-1)?.length ?? 0,
    directMs: median(totals),
    httpMs: median(times),
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** Samples the server's resident set every 100 ms until stopped; returns the peak in MiB. */
export function sampleMemory(pid: number): { stop(): Promise<number> } {
  let peak = 0;
  let reading: Promise<void> = Promise.resolve();
  const read = () => {
    reading = residentMiB(pid).then((mib) => {
      peak = Math.max(peak, mib);
    });
  };
  read();
  const timer = setInterval(read, 100);
  return {
    async stop() {
      clearInterval(timer);
      await reading;
      return peak;
    },
  };
}

/** VmRSS of a process in MiB; 0 where /proc is not there (the column then reads 0). */
export async function residentMiB(pid: number, field: "VmRSS" | "VmHWM" = "VmRSS"): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, "utf8").catch(() => "");
  const kib = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1];
  return kib ? Number(kib) / 1024 : 0;
}

export interface ProfileLine {
  name: string;
  share: number;
}

export async function profiled<T>(
  server: RunningServer,
  run: () => Promise<T>,
  top = 15,
): Promise<{ result: T; top: ProfileLine[] }> {
  await server.probe({ probe: "profile-start" });
  const result = await run();
  const answer = await server.probe<{ top: ProfileLine[] }>({ probe: "profile-stop", top });
  return { result, top: answer.top };
}
