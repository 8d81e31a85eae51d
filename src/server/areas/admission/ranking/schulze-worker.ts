/**
 * The worker thread that runs Schulze's closure (schulze-thread.ts starts it): the cubic step of
 * a ranking must not hold the server's event loop, where it would stall every other request.
 * It receives the ballots as typed arrays (moved, not cloned) and answers with the order.
 * Bundled apart as dist/server/schulze-worker.js (scripts/build-server.mjs).
 */
import { parentPort } from "node:worker_threads";
import { type IndexedBallots, schulzeIndexed } from "../../../../domain/review/schulze";

export interface SchulzeJob {
  id: number;
  n: number;
  ballots: IndexedBallots;
  tieRank: Int32Array;
}

export type SchulzeAnswer =
  | { id: number; order: Int32Array; cost: ReturnType<typeof schulzeIndexed>["cost"] }
  | { id: number; error: string };

const port = parentPort;
if (!port) throw new Error("schulze-worker runs as a worker thread only");
port.on("message", (job: SchulzeJob) => {
  let answer: SchulzeAnswer;
  try {
    const { order, cost } = schulzeIndexed(job.n, job.ballots, job.tieRank);
    answer = { id: job.id, order, cost };
    port.postMessage(answer, [order.buffer as ArrayBuffer]);
  } catch (error) {
    answer = { id: job.id, error: error instanceof Error ? error.message : String(error) };
    port.postMessage(answer);
  }
});
