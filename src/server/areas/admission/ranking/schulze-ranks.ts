/**
 * Schulze's ranks per track for the SQL ranking. The method compares every pair of applications
 * over the experts' own orders, a cubic closure that SQL would not make cheaper, so it runs here
 * on the ballots alone (application, expert, total: three numbers a review) and the tie keys
 * the database computed, never on the reviews' records. Its result depends on nothing but the
 * track's submitted reviews, so it is kept per round and track, keyed by what would change it
 * (their count, newest update and versions): every instance computes the same ranks from the
 * same rows, and a submitted, reopened or changed review gives a new key.
 */
import { type SQL, sql } from "drizzle-orm";
import { type Db, rowsOf } from "../../../../db/client";
import type { Track } from "../../../../domain/call";
import { compareByTieRule, type TieKeys } from "../../../../domain/review/ranking";
import { type SchulzeCost, schulze } from "../../../../domain/review/schulze";

export interface TrackSchulze {
  track: Track;
  ids: string[];
  ranks: number[];
  cost: SchulzeCost;
}

const MEMO_SIZE = 64;
const memo = new Map<string, TrackSchulze>();

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
  const missing = tracks.filter((track) => !memo.has(keyOf(track)));
  if (missing.length > 0) {
    for (const result of await computeSchulze(db, ctes, missing)) remember(keyOf(result.track), result);
  }
  return tracks.map((track) => memo.get(keyOf(track)) as TrackSchulze);
}

function remember(key: string, value: TrackSchulze) {
  memo.delete(key);
  memo.set(key, value);
  if (memo.size > MEMO_SIZE) memo.delete(memo.keys().next().value as string);
}

/** Runs Schulze per track over the ballots read from the database (also what the bench times). */
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
    await db.execute(sql`WITH ${ctes}
      SELECT r.track, r.subject_id, r.expert_id, r.total::float8 AS total, v.n, v.median, v.mean
        FROM rev r JOIN valued v ON v.track = r.track AND v.subject_id = r.subject_id`),
  );
  return tracks.map((track) => {
    const tie = new Map<string, TieKeys>();
    const ballots = new Map<string, Map<string, number>>();
    for (const row of rows) {
      if (row.track !== track) continue;
      tie.set(row.subject_id, {
        applicationId: row.subject_id,
        count: Number(row.n),
        median: Number(row.median),
        mean: Number(row.mean),
      });
      const ballot = ballots.get(row.expert_id) ?? new Map<string, number>();
      ballot.set(row.subject_id, Number(row.total));
      ballots.set(row.expert_id, ballot);
    }
    const vote = schulze([...tie.keys()], [...ballots.values()], (a, b) =>
      compareByTieRule(tie.get(a) as TieKeys, tie.get(b) as TieKeys),
    );
    return { track, ids: vote.order, ranks: vote.order.map((_, i) => i + 1), cost: vote.cost };
  });
}
