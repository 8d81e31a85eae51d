/** Schulze in the worker thread (src/server/areas/admission/ranking/schulze-thread.ts). */
import { describe, expect, it } from "vitest";
import { type Ballot, type IndexedBallots, schulze } from "../../src/domain/review/schulze";
import { schulzeInWorker } from "../../src/server/areas/admission/ranking/schulze-thread";

/** A deterministic round: `voters` experts each scoring `each` of `n` candidates, few distinct totals. */
function round(n: number, voters: number, each: number) {
  let seed = 2026;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const names = Array.from({ length: n }, (_, i) => `c${String(i).padStart(4, "0")}`);
  const ballots: Ballot[] = Array.from({ length: voters }, () => {
    const ballot = new Map<string, number>();
    while (ballot.size < each) ballot.set(names[Math.floor(next() * n)] as string, Math.floor(next() * 8));
    return ballot;
  });
  const index = new Map(names.map((c, i) => [c, i]));
  const size = voters * each;
  const flat: IndexedBallots = {
    starts: Int32Array.from({ length: voters + 1 }, (_, b) => b * each),
    candidates: new Int32Array(size),
    values: new Float64Array(size),
  };
  let at = 0;
  for (const ballot of ballots) {
    for (const [c, v] of ballot) {
      flat.candidates[at] = index.get(c) as number;
      flat.values[at++] = v;
    }
  }
  // The names sort as their indices: the tie order is the index order.
  return { names, ballots, flat, tieRank: Int32Array.from(names, (_, i) => i) };
}

describe("Schulze in the worker thread", () => {
  it("gives the order and cost schulze() gives on the same ballots", async () => {
    const r = round(120, 60, 20);
    const expected = schulze(r.names, r.ballots, (a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const got = await schulzeInWorker(r.names.length, r.flat, r.tieRank);
    expect(Array.from(got.order, (i) => r.names[i])).toEqual(expected.order);
    expect(got.cost).toEqual(expected.cost);
  });

  it("leaves the event loop free while a large closure runs", async () => {
    const r = round(400, 300, 25);
    const events: string[] = [];
    const vote = schulzeInWorker(r.names.length, r.flat, r.tieRank).then(() => events.push("schulze"));
    // A timer queued after the job starts fires before the job's answer: the loop was not held.
    await new Promise((resolve) => setImmediate(resolve));
    events.push("timer");
    await vote;
    expect(events).toEqual(["timer", "schulze"]);
  });
});
