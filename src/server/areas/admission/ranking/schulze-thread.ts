/**
 * Runs Schulze off the event loop: one long-lived worker thread per process (schulze-worker.ts),
 * started on first use, jobs answered in order. Under tsx or vitest the worker is the TypeScript
 * source, loaded through tsx's loader; in the bundle (dist/server/main.js) it is the sibling
 * dist/server/schulze-worker.js. The process is held open only while a job is pending.
 */
import type { Worker } from "node:worker_threads";
import { startModuleWorker } from "../../../../db/worker-module";
import type { IndexedBallots, SchulzeCost } from "../../../../domain/review/schulze";
import type { SchulzeAnswer, SchulzeJob } from "./schulze-worker";

interface Pending {
  resolve: (value: { order: Int32Array; cost: SchulzeCost }) => void;
  reject: (error: Error) => void;
}

interface Thread {
  worker: Worker;
  pending: Map<number, Pending>;
}

let thread: Thread | null = null;
let nextId = 1;

/** How many jobs this process has posted: the tests read it to see concurrent requests share one. */
export const schulzeJobsPosted = () => nextId - 1;

function startWorker(): Thread {
  const started = startModuleWorker(import.meta.url, "schulze-worker");
  started.unref();
  const pending = new Map<number, Pending>();
  const own: Thread = { worker: started, pending };
  started.on("message", (answer: SchulzeAnswer) => {
    const job = pending.get(answer.id);
    if (!job) return;
    pending.delete(answer.id);
    if (pending.size === 0) started.unref();
    if ("error" in answer) job.reject(new Error(answer.error));
    else job.resolve({ order: answer.order, cost: answer.cost });
  });
  const fail = (error: Error) => {
    // A dead worker fails its jobs; the next job starts a new one.
    if (thread === own) thread = null;
    for (const job of pending.values()) job.reject(error);
    pending.clear();
  };
  started.on("error", fail);
  started.on("exit", (code) => fail(new Error(`the Schulze worker exited (${code})`)));
  return own;
}

/** Schulze over candidates 0..n-1 (see schulzeIndexed), computed in the worker thread. */
export function schulzeInWorker(
  n: number,
  ballots: IndexedBallots,
  tieRank: Int32Array,
): Promise<{ order: Int32Array; cost: SchulzeCost }> {
  thread ??= startWorker();
  const { worker, pending } = thread;
  const id = nextId++;
  const job: SchulzeJob = { id, n, ballots, tieRank };
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    worker.ref();
    worker.postMessage(job, [
      ballots.starts.buffer,
      ballots.candidates.buffer,
      ballots.values.buffer,
      tieRank.buffer,
    ] as ArrayBuffer[]);
  });
}
