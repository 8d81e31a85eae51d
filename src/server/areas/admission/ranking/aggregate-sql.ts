/**
 * The ranking's aggregation as one SQL statement: the review totals, every method's value and
 * rank, the flags and the experts' figures are computed by the database from the round's
 * submitted reviews, so a request never loads a round's reviews into objects (docs/REVIEW.md,
 * "Computed in the database"). Its results are equal, to the last bit, to `rankTrack`'s
 * (src/domain/review/track-ranking.ts), which stays the reference; test/api/admission/
 * ranking-sql.test.ts compares the two. How it stays exact:
 *
 * - a review's total is computed in float8 with the same operations in the same order as
 *   `totalMicro` (the criteria summed left to right, the weights' sum passed in from JS), and
 *   rounded half up as Math.round does (PostgreSQL's round(float8) rounds half to even);
 * - totals are whole micro-points (bigint), so counts, sums, minima and maxima are exact;
 * - every floating sum the JS takes over a sorted list is summed here in the same order (an
 *   ordered aggregate `sum(x ORDER BY x)`, or a window ordered the same way whose frame is the
 *   whole partition), and every division is the same one.
 *
 * Schulze's ranks are not computed here (its closure is cubic): they come in as a parameter,
 * computed per track over the ballots only (schulze-ranks.ts).
 */
import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import type { Track } from "../../../../domain/call";
import type { RankingSettings, RankMethod } from "../../../../domain/review/track-ranking";

/** The criteria of a track's rubric as the math reads them. */
export interface TrackRubric {
  track: Track;
  rubricId: string;
  criteria: readonly { key: string; weight: number; min: number; max: number }[];
}

/** Math.round for the positive and negative values here: half up, never half to even. */
const roundHalfUp = (x: SQL) => sql`(floor(${x}) + CASE WHEN ${x} - floor(${x}) >= 0.5 THEN 1 ELSE 0 END)`;

/** The review's total in micro-points before rounding, as `totalMicro` computes it. */
function unroundedTotal(rubric: TrackRubric): SQL {
  const terms = rubric.criteria.map(
    (c) =>
      sql`(${c.weight}::float8 * ((r.scores->>${c.key})::float8 - ${c.min}::float8)) / ${c.max - c.min}::float8`,
  );
  const weighted = sql`(${sql.join(terms, sql` + `)})`;
  let weightSum = 0;
  for (const c of rubric.criteria) weightSum += c.weight;
  return sql`((${weighted} * 100::float8 * 1000000::float8) / ${weightSum}::float8)`;
}

/** True when the review fits its track's rubric: the rubric's id, every key and no other, numbers within scale. */
function fits(rubric: TrackRubric): SQL {
  const keys = rubric.criteria.map((c) => c.key);
  const scores = rubric.criteria.map(
    (c) => sql`CASE WHEN jsonb_typeof(r.scores->${c.key}) = 'number'
      THEN (r.scores->>${c.key})::float8 BETWEEN ${c.min}::float8 AND ${c.max}::float8 ELSE false END`,
  );
  // A total stored at submit was checked then by the same rules (reviews/service.ts).
  return sql`(r.rubric_id = ${rubric.rubricId}::uuid AND (r.total_micro IS NOT NULL OR ((r.scores - ${textArray(keys)}) = '{}'::jsonb
    AND ${sql.join(scores, sql` AND `)})))`;
}

/** A list as one text[] parameter-per-element array (drizzle would expand a bare JS array into a row). */
const textArray = (values: readonly string[]) =>
  values.length === 0
    ? sql`ARRAY[]::text[]`
    : sql`ARRAY[${sql.join(
        values.map((v) => sql`${v}`),
        sql`, `,
      )}]::text[]`;

function byTrack(
  column: SQL,
  rubrics: readonly TrackRubric[],
  each: (r: TrackRubric) => SQL,
  otherwise: SQL,
): SQL {
  const arms = rubrics.map((r) => sql`WHEN ${r.track} THEN ${each(r)}`);
  return sql`CASE ${column} ${sql.join(arms, sql` `)} ELSE ${otherwise} END`;
}

const TIE = sql`n DESC, median DESC, mean DESC, subject_id`;
const rankBy = (value: string, nullable = false) =>
  sql.raw(`CASE WHEN ${value} IS NULL THEN NULL ELSE row_number() OVER (PARTITION BY tk${nullable ? `, ${value} IS NULL` : ""}
    ORDER BY ${value} DESC, n DESC, median DESC, mean DESC, subject_id) END`);

const METHOD_RANK: Record<RankMethod, string> = {
  mean: "r_mean",
  median: "r_median",
  trimmedMean: "r_trimmed",
  zScore: "r_z",
  schulze: "r_schulze",
};

export interface AggregateOptions {
  roundId: string;
  rubrics: readonly TrackRubric[];
  settings: RankingSettings;
  /** Schulze's rank of every ranked application (all tracks); empty when not computed (the bench). */
  schulze: { ids: string[]; ranks: number[] };
}

/**
 * The common table expressions of the aggregation, ending in `ranked`: one row per application
 * with a submitted review, every value, rank, flag and its position in the round's method.
 * `invalid` holds the reviews that do not fit their rubric (the caller refuses the round then).
 */
export function rankingCtes(o: AggregateOptions): SQL {
  const tracks = o.rubrics.map((r) => r.track);
  const { trimmedMinReviews, spreadThreshold, method } = o.settings;
  return sql`
  subj AS (
    -- tk: the track as a number, what every sort and partition reads (text compares by collation).
    SELECT s.subject_id, s.track, array_position(${textArray(tracks)}, s.track) AS tk FROM round_subjects s
     WHERE s.round_id = ${o.roundId}::uuid AND s.track = ANY(${textArray(tracks)})
  ),
  checked AS MATERIALIZED (
    -- The validity and the unrounded total in one pass, each evaluated once (OFFSET 0 keeps the
    -- planner from copying the check into every place that reads it), and no jsonb kept.
    SELECT r.id, r.subject_id, r.expert_id, r.track, r.tk, r.ok,
           CASE WHEN r.ok THEN coalesce(r.total_micro::float8,
             ${byTrack(sql`r.track`, o.rubrics, unroundedTotal, sql`NULL::float8`)}) END AS x
      FROM (
        SELECT r.id, r.subject_id, r.expert_id, r.total_micro, r.scores, s.track, s.tk,
               ${byTrack(sql`s.track`, o.rubrics, fits, sql`false`)} AS ok
          FROM reviews r JOIN subj s ON s.subject_id = r.subject_id
         WHERE r.round_id = ${o.roundId}::uuid AND r.status = 'submitted' OFFSET 0
      ) r
  ),
  invalid AS (SELECT subject_id, expert_id FROM checked WHERE NOT ok),
  rev AS (
    SELECT id, subject_id, expert_id, track, tk, ${roundHalfUp(sql`x`)}::bigint AS total FROM checked WHERE ok
  ),
  -- Each expert's count, mean and SD as windows over their reviews in ascending total: one sort,
  -- and the squares summed in the order the JS sums them (a whole-partition frame adds its rows
  -- in the window's order).
  expert_w AS (
    SELECT r.*, count(*) OVER w AS n, sum(r.total) OVER w AS s
      FROM rev r
    WINDOW w AS (PARTITION BY r.tk, r.expert_id ORDER BY r.total
                 ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)
  ),
  scored AS MATERIALIZED (
    SELECT id, subject_id, expert_id, track, tk, total, n AS expert_n, mean AS expert_mean, sd AS expert_sd,
           CASE WHEN sd = 0 THEN NULL ELSE (total - mean) / sd END AS z
      FROM (
        SELECT e.*, sqrt(sum((e.total - e.mean) * (e.total - e.mean)) OVER w / e.n) AS sd
          FROM (SELECT x.*, x.s::float8 / x.n AS mean FROM expert_w x) e
        WINDOW w AS (PARTITION BY e.tk, e.expert_id ORDER BY e.total
                     ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)
      ) q
  ),
  scale AS (
    SELECT DISTINCT ON (tk, expert_id) track, expert_id, expert_n::int AS n, expert_mean AS mean,
           expert_sd AS sd
      FROM scored ORDER BY tk, expert_id
  ),
  app AS (
    SELECT (${textArray(tracks)})[tk] AS track, tk, subject_id, count(*)::int AS n, sum(total) AS s,
           min(total) AS lo, max(total) AS hi, array_agg(total ORDER BY total) AS sorted,
           sum(z ORDER BY z) AS zs, count(z)::int AS zn
      FROM scored GROUP BY tk, subject_id
  ),
  valued AS (
    SELECT track, tk, subject_id, n, s, zn AS z_reviews,
           s::float8 / n / 1000000::float8 AS mean,
           CASE WHEN n % 2 = 1 THEN sorted[n / 2 + 1]::float8 / 1000000::float8
                ELSE (sorted[n / 2] + sorted[n / 2 + 1])::float8 / 2 / 1000000::float8 END AS median,
           CASE WHEN n >= greatest(3, ${trimmedMinReviews}::int)
                THEN (s - lo - hi)::float8 / (n - 2) / 1000000::float8 END AS trimmed,
           CASE WHEN zn = 0 THEN 0::float8
                ELSE ${roundHalfUp(sql`(zs / zn * 1000000000::float8)`)} / 1000000000::float8 + 0::float8 END AS z,
           (hi - lo)::float8 / 1000000::float8 AS spread
      FROM app
  ),
  ranked0 AS (
    SELECT v.*, v.spread > ${spreadThreshold}::float8 AS disagreement,
           ${rankBy("mean")} AS r_mean, ${rankBy("median")} AS r_median,
           ${rankBy("trimmed", true)} AS r_trimmed, ${rankBy("z")} AS r_z,
           sch.rank AS r_schulze,
           bool_and(v.trimmed IS NOT NULL) OVER (PARTITION BY v.tk) AS all_trimmed
      FROM valued v
      LEFT JOIN unnest(${`{${o.schulze.ids.join(",")}}`}::uuid[], ${`{${o.schulze.ranks.join(",")}}`}::int[])
             AS sch(sid, rank) ON sch.sid = v.subject_id
  ),
  ranked AS (
    SELECT r.*,
           NOT (r_median = r_mean AND r_z = r_mean AND coalesce(r_schulze = r_mean, true)
                AND (NOT all_trimmed OR r_trimmed = r_mean)) AS ranks_differ,
           row_number() OVER (PARTITION BY tk ORDER BY ${sql.raw(METHOD_RANK[method])} NULLS LAST, ${TIE}) AS position
      FROM ranked0 r
  )`;
}

/** The per-track figures of the ranking: how many are ranked, whether the methods agree. */
export function trackTotalsSql(o: AggregateOptions): SQL {
  return sql`WITH ${rankingCtes(o)}
  SELECT track, count(*)::int AS ranked, bool_and(NOT ranks_differ) AS methods_agree,
         (SELECT count(*)::int FROM invalid) AS invalid
    FROM ranked GROUP BY track`;
}

export { METHOD_RANK };

/**
 * Runs the ranking's statements with room to sort in memory: at tens of thousands of reviews the
 * ordered aggregates and rank windows outgrow the default 4 MB and spill to disk. SET LOCAL ends
 * with the transaction, so the pool's connections keep their settings.
 */
export async function withSortMemory<T>(db: Db, run: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL work_mem = '64MB'`);
    // Compiling the statement (JIT) cost a quarter to a half second at 300,000 reviews, more than it saved.
    await tx.execute(sql`SET LOCAL jit = off`);
    return run(tx as unknown as Db);
  });
}
