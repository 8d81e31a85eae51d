/**
 * Schulze's ranks per track for the SQL ranking. The method compares every pair of applications
 * over the experts' own orders, a cubic closure that SQL would not make cheaper, so it runs here
 * on the ballots alone (application, expert, total: three numbers a review) and the tie keys
 * the database computed, never on the reviews' records. Its result depends on nothing but the
 * track's submitted reviews, so it is kept per round and track, keyed by what would change it
 * (their count, newest update and versions): every instance computes the same ranks from the
 * same rows, and a submitted, reopened or changed review gives a new key. The closure runs in a
 * worker thread (schulze-thread.ts), so the event loop keeps serving while it runs.
 */
import { type SQL, sql } from "drizzle-orm";
import { type Db, rowsOf } from "../../../../db/client";
import type { Track } from "../../../../domain/call";
import { compareByTieRule, type TieKeys } from "../../../../domain/review/ranking";
import type { SchulzeCost } from "../../../../domain/review/schulze";
import { withSortMemory } from "./aggregate-sql";
import { schulzeInWorker } from "./schulze-thread";

export interface TrackSchulze {
  track: Track;
  ids: string[];
  ranks: number[];
  cost: SchulzeCost;
}

const MEMO_SIZE = 64;
/**
 * The computation per key, pending or done: concurrent requests for the same reviews wait on the
 * one run instead of each starting its own. A failed run is forgotten, so the next request retries.
 */
const memo = new Map<string, Promise<TrackSchulze>>();

/** The ballots and tie keys of `tracks`, from the aggregation's own CTEs. */
export async function schulzeRanks(db: Db, roundId: string, ctes: SQL, tracks: readonly Track[]) {
  const keys = rowsOf<{ track: Track; n: number; newest: string | null; versions: number }>(
    await db.execute(sql`
      SELECT s.track, count(r.id)::int AS n, max(r.updated_at)::text AS newest,
             coalesce(sum(r.version), 0)::int AS versions
        FROM round_subjects s
        LEFT JOIN reviews r ON r.round_id = s.round_id AND r.subject_id = s.subject_id AND r.status = 'submitted'
       WHERE s.round_id = ${roundId}::uuid GROUP BY s.track`),
  );
  const keyOf = (track: Track) => {
    const k = keys.find((row) => row.track === track);
    return `${roundId}:${track}:${k?.n ?? 0}:${k?.newest ?? ""}:${k?.versions ?? 0}`;
  };
  const runs = new Map(tracks.map((track) => [track, memo.get(keyOf(track))]));
  const missing = tracks.filter((track) => runs.get(track) === undefined);
  if (missing.length > 0) {
    const computed = computeSchulze(db, ctes, missing);
    missing.forEach((track, i) => {
      const key = keyOf(track);
      const run = computed.then((results) => results[i] as TrackSchulze);
      runs.set(track, run);
      remember(key, run);
      run.catch(() => {
        if (memo.get(key) === run) memo.delete(key);
      });
    });
  }
  return Promise.all(tracks.map((track) => runs.get(track) as Promise<TrackSchulze>));
}

function remember(key: string, value: Promise<TrackSchulze>) {
  memo.delete(key);
  memo.set(key, value);
  if (memo.size > MEMO_SIZE) memo.delete(memo.keys().next().value as string);
}

/**
 * Runs Schulze per track over the ballots read from the database (also what the bench times):
 * the candidates indexed in the tie rule's order, so the worker gets numbers only.
 */
export async function computeSchulze(db: Db, ctes: SQL, tracks: readonly Track[]): Promise<TrackSchulze[]> {
  const rows = rowsOf<{
    track: Track;
    subject_id: string;
    expert_id: string;
    total: number;
    n: number;
    median: number;
    mean: number;
  }>(
    await withSortMemory(db, (tx) =>
      tx.execute(sql`WITH ${ctes}
        SELECT r.track, r.subject_id, r.expert_id, r.total::float8 AS total, v.n, v.median, v.mean
          FROM rev r JOIN valued v ON v.tk = r.tk AND v.subject_id = r.subject_id`),
    ),
  );
  return Promise.all(
    tracks.map(async (track) => {
      const tie = new Map<string, TieKeys>();
      const byExpert = new Map<string, { subject: string; total: number }[]>();
      let size = 0;
      for (const row of rows) {
        if (row.track !== track) continue;
        tie.set(row.subject_id, {
          applicationId: row.subject_id,
          count: Number(row.n),
          median: Number(row.median),
          mean: Number(row.mean),
        });
        const ballot = byExpert.get(row.expert_id) ?? [];
        ballot.push({ subject: row.subject_id, total: Number(row.total) });
        byExpert.set(row.expert_id, ballot);
        size++;
      }
      // compareByTieRule is a total order (the id decides last): candidate i is the i-th in it.
      const ids = [...tie.values()].sort(compareByTieRule).map((t) => t.applicationId);
      const index = new Map(ids.map((id, i) => [id, i]));
      const ballots = {
        starts: new Int32Array(byExpert.size + 1),
        candidates: new Int32Array(size),
        values: new Float64Array(size),
      };
      let at = 0;
      let b = 0;
      for (const ballot of byExpert.values()) {
        for (const { subject, total } of ballot) {
          ballots.candidates[at] = index.get(subject) as number;
          ballots.values[at] = total;
          at++;
        }
        ballots.starts[++b] = at;
      }
      const tieRank = Int32Array.from(ids, (_, i) => i);
      const vote = await schulzeInWorker(ids.length, ballots, tieRank);
      const order = Array.from(vote.order, (i) => ids[i] as string);
      return { track, ids: order, ranks: order.map((_, i) => i + 1), cost: vote.cost };
    }),
  );
}
