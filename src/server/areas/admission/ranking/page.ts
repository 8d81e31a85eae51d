/**
 * One page of a round's ranking, as the meeting view asks for it: the database aggregates the
 * round (aggregate-sql.ts) and returns only the page's applications, their reviews, the track's
 * experts and each track's totals; Schulze's ranks come from schulze-ranks.ts. What the figures
 * mean: docs/REVIEW.md.
 */

import { inArray, type SQL, sql } from "drizzle-orm";
import { type Db, rowsOf } from "../../../../db/client";
import { admissionDecisions, reviews, rubrics } from "../../../../db/schema";
import { TRACKS, type Track } from "../../../../domain/call";
import { type Review, ReviewInputError, totalMicro, validateRubric } from "../../../../domain/review/rubric";
import { DEFAULT_RANKING_SETTINGS, type RankingSettings } from "../../../../domain/review/track-ranking";
import type { RankedApplication, RankingPage, RankingQuery } from "../../../../schemas/admission/ranking";
import { ZRankingQuery } from "../../../../schemas/admission/ranking";
import type { Context } from "../../../context";
import { type Reads, UNSHARED } from "../../../shared-reads";
import {
  type AggregateOptions,
  METHOD_RANK,
  rankingCtes,
  type TrackRubric,
  withSortMemory,
} from "./aggregate-sql";
import { loadRound, type RoundRow } from "./load";
import { asRankingInput, decisionView, quotaOf } from "./ranking";
import { schulzeRanks } from "./schulze-ranks";

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

export async function getRankingPage(
  db: Db,
  ctx: Context,
  roundId: string,
  query: RankingQuery,
  reads: Reads = UNSHARED,
) {
  const round = await loadRound(db, ctx, roundId);
  const page = ZRankingQuery.parse(query);
  // The page depends on the round and the question alone, not on who asks (the access check is
  // above), so a meeting whose staff open the same page together reads it once (shared-reads.ts).
  return reads.read(`ranking:${round.id}:${round.version}:${JSON.stringify(page)}`, () =>
    rankingPage(db, round, page),
  );
}

/** The round's settings and each track's rubric, refused as the JS ranking refuses them. */
async function rankingInput(db: Db, round: RoundRow) {
  const settings: RankingSettings = {
    ...DEFAULT_RANKING_SETTINGS,
    method: round.method,
    trimmedMinReviews: round.trimmedMinReviews,
    spreadThreshold: round.spreadThreshold,
    expertDeviationThreshold: round.expertDeviationThreshold,
  };
  const ids = Object.values(round.rubricIds).filter((id): id is string => typeof id === "string");
  const rows = ids.length ? await db.select().from(rubrics).where(inArray(rubrics.id, ids)) : [];
  const present = rowsOf<{ track: Track }>(
    await db.execute(sql`SELECT DISTINCT track FROM round_subjects WHERE round_id = ${round.id}::uuid`),
  ).map((r) => r.track);
  const trackRubrics: (TrackRubric & { row: (typeof rows)[number] })[] = [];
  for (const track of TRACKS) {
    const row = rows.find((r) => r.id === round.rubricIds[track]);
    if (!row || !present.includes(track)) continue;
    asRankingInput(track, () => {
      validateRubric({ id: row.id, track: row.track, criteria: row.criteria });
      if (row.track !== track) {
        throw new ReviewInputError("track_mismatch", { reason: "the rubric belongs to another track" });
      }
    });
    trackRubrics.push({ track, rubricId: row.id, criteria: row.criteria, row });
  }
  return { settings, rubrics: trackRubrics };
}

async function rankingPage(
  db: Db,
  round: RoundRow,
  q: ReturnType<typeof ZRankingQuery.parse>,
): Promise<RankingPage> {
  const input = await rankingInput(db, round);
  const sort = q.sort ?? round.method;
  const head = { roundId: round.id, title: round.title, status: round.status, method: round.method };
  const selected = input.rubrics.find((r) => r.track === q.track) ?? input.rubrics[0];
  const base = { sort, order: q.order, page: q.page, pageSize: q.pageSize };
  if (!selected) return { ...head, ...base, tracks: [], track: null, items: [], total: 0 };

  const options: AggregateOptions = {
    roundId: round.id,
    rubrics: input.rubrics,
    settings: input.settings,
    schulze: { ids: [], ranks: [] },
  };
  const votes = await schulzeRanks(
    db,
    round.id,
    rankingCtes(options),
    input.rubrics.map((r) => r.track),
  );
  options.schulze = { ids: votes.flatMap((v) => v.ids), ranks: votes.flatMap((v) => v.ranks) };
  const [row] = rowsOf<PageRow>(
    await withSortMemory(db, (tx) => tx.execute(pageSql(options, selected, sort, q))),
  );
  if (!row) throw new Error("the ranking query returned no row");
  // Checked in the same statement (one pass over the round's reviews), refused before anything is shown.
  if (row.invalid) await refuseInvalidReview(db, row.invalid, input.rubrics);

  const items = await withDecisions(db, row.items ?? []);
  const tracks = await Promise.all(
    input.rubrics.map(async (r) => {
      const totals = (row.tracks ?? []).find((t) => t.track === r.track);
      const quota = await quotaOf(db, round, r.track);
      const admitted = totals?.admitted ?? 0;
      const next = quota !== null && admitted < quota ? (totals?.next ?? null) : null;
      return {
        track: r.track,
        rubricId: r.rubricId,
        quota,
        admitted,
        ranked: totals?.ranked ?? 0,
        unreviewed: totals?.unreviewed ?? 0,
        methodsAgree: totals?.agree ?? true,
        schulzeCost: (
          votes.find((v) => v.track === r.track) as { cost: RankingPage["tracks"][0]["schulzeCost"] }
        ).cost,
        nextOnWaitlist: next
          ? {
              applicationId: next.applicationId,
              organizationName: next.organizationName,
              applicationVersion: next.applicationVersion,
            }
          : null,
      };
    }),
  );
  const current = tracks.find((t) => t.track === selected.track) as (typeof tracks)[number];
  const quota = current.quota;
  return {
    ...head,
    ...base,
    tracks,
    track: {
      track: selected.track,
      criteria: selected.row.criteria.map((c) => ({
        key: c.key,
        nameZh: c.name.zhCN,
        nameEn: c.name.en,
        weight: c.weight,
        min: c.min,
        max: c.max,
      })),
      criterionMeans: row.criterion_means ?? {},
      experts: (row.experts ?? []).map((e) => ({
        expertId: e.expertId,
        expertName: e.expertName ?? "",
        reviews: e.reviews,
        mean: e.mean,
        sd: e.sd,
        constant: e.sd === 0,
        deviation: e.deviation,
        compared: e.compared,
        flagged: e.deviation !== null && Math.abs(e.deviation) > input.settings.expertDeviationThreshold,
      })),
      unreviewed: row.unreviewed ?? [],
      quotaLine:
        quota !== null && quota > 0 && quota <= current.ranked && q.order === "asc"
          ? { position: quota, page: Math.ceil(quota / q.pageSize) }
          : null,
    },
    items,
    total: current.ranked,
  };
}

/** A review that the math refuses is a 400 naming it, with the JS validator's own words. */
async function refuseInvalidReview(
  db: Db,
  bad: { id: string; track: Track },
  trackRubrics: readonly TrackRubric[],
) {
  const [review] = await db
    .select()
    .from(reviews)
    .where(inArray(reviews.id, [bad.id]));
  const rubric = trackRubrics.find((r) => r.track === bad.track) as TrackRubric;
  const asReview: Review = {
    applicationId: review?.subjectId ?? "",
    expertId: review?.expertId ?? "",
    track: bad.track,
    rubricId: review?.rubricId ?? "",
    scores: review?.scores ?? {},
  };
  asRankingInput(bad.track, () => {
    totalMicro({ id: rubric.rubricId, track: rubric.track, criteria: rubric.criteria }, asReview);
    // The database saw a problem the JS does not (a bound at float precision): say so plainly.
    throw new ReviewInputError("score_invalid", {
      applicationId: asReview.applicationId,
      expertId: asReview.expertId,
    });
  });
}

interface PageRow {
  /** The first review (by application, expert) that does not fit its rubric, if any. */
  invalid: { id: string; track: Track } | null;
  tracks:
    | {
        track: Track;
        ranked: number;
        unreviewed: number;
        admitted: number;
        agree: boolean | null;
        next: { applicationId: string; organizationName: string; applicationVersion: number } | null;
      }[]
    | null;
  items: (Omit<RankedApplication, "decision"> & { decision: null })[] | null;
  experts:
    | {
        expertId: string;
        expertName: string | null;
        reviews: number;
        mean: number;
        sd: number;
        deviation: number | null;
        compared: number;
      }[]
    | null;
  unreviewed: { applicationId: string; organizationName: string; status: string }[] | null;
  criterion_means: Record<string, number | null> | null;
}

function pageSql(
  o: AggregateOptions,
  selected: TrackRubric,
  sort: keyof typeof METHOD_RANK,
  q: { page: number; pageSize: number; order: "asc" | "desc" },
): SQL {
  const rank = sql.raw(METHOD_RANK[sort]);
  const order =
    q.order === "asc"
      ? sql`${rank} ASC NULLS LAST, position ASC`
      : sql`${rank} DESC NULLS FIRST, position DESC`;
  const means = selected.criteria.map((c) => sql`${c.key}::text, avg((rv.scores->>${c.key})::float8)`);
  return sql`WITH ${rankingCtes(o)},
  page AS (
    SELECT * FROM ranked WHERE track = ${selected.track} ORDER BY ${order}
     LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}
  ),
  page_reviews AS (
    SELECT sc.subject_id, json_agg(json_build_object(
             'reviewId', rv.id, 'expertId', rv.expert_id, 'expertName', coalesce(u.display_name, ''),
             'total', sc.total::float8 / 1000000::float8, 'zScore', sc.z, 'scores', rv.scores,
             'comments', rv.comments, 'overallComment', rv.overall_comment) ORDER BY rv.expert_id) AS list
      FROM scored sc JOIN page k ON k.subject_id = sc.subject_id
      JOIN reviews rv ON rv.id = sc.id LEFT JOIN users u ON u.id = rv.expert_id
     GROUP BY sc.subject_id
  ),
  deviation AS (
    SELECT sc.expert_id, count(*)::int AS compared,
           sum(sc.total::float8 - (a.s - sc.total)::float8 / (a.n - 1) ORDER BY
               sc.total::float8 - (a.s - sc.total)::float8 / (a.n - 1)) AS gaps
      FROM scored sc JOIN app a ON a.track = sc.track AND a.subject_id = sc.subject_id
     WHERE sc.track = ${selected.track} AND a.n > 1
     GROUP BY sc.expert_id
  )
  SELECT
    (SELECT json_agg(t) FROM (
       SELECT s.track, count(k.subject_id)::int AS ranked, (count(*) - count(k.subject_id))::int AS unreviewed,
              count(*) FILTER (WHERE a.status IN ('admitted', 'confirmed'))::int AS admitted,
              bool_and(NOT k.ranks_differ) AS agree,
              (array_agg(json_build_object('applicationId', a.id, 'organizationName', o.name,
                 'applicationVersion', a.version) ORDER BY k.position)
                 FILTER (WHERE a.status = 'waitlisted' AND k.subject_id IS NOT NULL))[1] AS next
         FROM round_subjects s
         JOIN applications a ON a.id = s.subject_id
         JOIN organizations o ON o.id = s.organization_id
         LEFT JOIN ranked k ON k.track = s.track AND k.subject_id = s.subject_id
        WHERE s.round_id = ${o.roundId}::uuid
        GROUP BY s.track) t) AS tracks,
    (SELECT json_agg(json_build_object(
       'applicationId', k.subject_id, 'organizationId', o.id, 'organizationName', o.name,
       'status', a.status, 'applicationVersion', a.version, 'position', k.position,
       'count', k.n, 'mean', k.mean, 'median', k.median, 'trimmedMean', k.trimmed,
       'trimmedMeanReason', CASE WHEN k.trimmed IS NULL THEN 'too_few_reviews' END,
       'zScore', k.z, 'zScoreReviews', k.z_reviews, 'spread', k.spread, 'disagreement', k.disagreement,
       'ranks', json_build_object('mean', k.r_mean, 'median', k.r_median, 'trimmedMean', k.r_trimmed,
                                  'zScore', k.r_z, 'schulze', k.r_schulze),
       'ranksDiffer', k.ranks_differ, 'reviews', coalesce(p.list, '[]'::json), 'decision', NULL)
       ORDER BY ${order})
       FROM page k
       JOIN applications a ON a.id = k.subject_id
       JOIN round_subjects s ON s.round_id = ${o.roundId}::uuid AND s.subject_id = k.subject_id
       JOIN organizations o ON o.id = s.organization_id
       LEFT JOIN page_reviews p ON p.subject_id = k.subject_id) AS items,
    (SELECT json_agg(json_build_object(
       'expertId', e.expert_id, 'expertName', u.display_name, 'reviews', e.n,
       'mean', e.mean / 1000000::float8, 'sd', e.sd / 1000000::float8,
       'deviation', CASE WHEN d.compared IS NULL THEN NULL ELSE d.gaps / d.compared / 1000000::float8 END,
       'compared', coalesce(d.compared, 0)) ORDER BY e.expert_id)
       FROM scale e LEFT JOIN deviation d ON d.expert_id = e.expert_id
       LEFT JOIN users u ON u.id = e.expert_id
      WHERE e.track = ${selected.track}) AS experts,
    (SELECT json_agg(u) FROM (
       SELECT s.subject_id AS "applicationId", o.name AS "organizationName", a.status
         FROM round_subjects s
         JOIN applications a ON a.id = s.subject_id
         JOIN organizations o ON o.id = s.organization_id
        WHERE s.round_id = ${o.roundId}::uuid AND s.track = ${selected.track}
          AND NOT EXISTS (SELECT 1 FROM ranked k WHERE k.subject_id = s.subject_id)
        ORDER BY o.name, s.subject_id LIMIT 50) u) AS unreviewed,
    (SELECT json_build_object(${sql.join(means, sql`, `)})
       FROM checked c JOIN reviews rv ON rv.id = c.id
      WHERE c.ok AND c.track = ${selected.track}) AS criterion_means,
    (SELECT json_build_object('id', c.id, 'track', c.track) FROM checked c WHERE NOT c.ok
      ORDER BY c.subject_id, c.expert_id LIMIT 1) AS invalid`;
}

/** The decisions of the page's applications: at most a page of rows. */
async function withDecisions(
  db: Db,
  items: (Omit<RankedApplication, "decision"> & { decision: null })[],
): Promise<RankedApplication[]> {
  const ids = items.map((a) => a.applicationId);
  const rows = ids.length
    ? await db.select().from(admissionDecisions).where(inArray(admissionDecisions.applicationId, ids))
    : [];
  return items.map((a) => {
    const d = rows.find((r) => r.applicationId === a.applicationId);
    return {
      ...a,
      zScoreReviews: Number(a.zScoreReviews),
      reviews: a.reviews.map((r) => ({ ...r, zScore: num(r.zScore) })),
      decision: d ? decisionView(d) : null,
    };
  });
}
