/**
 * The base's money figures (资金数据), computed in SQL in four grouped statements whatever the
 * number of grants: the money movements (committed grants, paid tranches, counted spending) by
 * fund, track and year; the funds with what they hold and what is owed; the indicators' latest
 * accepted values against their targets by track; the projects by status. Every sum is integer
 * fen. Each movement is dated by its own day: a grant by its start, a tranche by its payment
 * (Asia/Shanghai), spending by the day it was spent; a year filter keeps the movements of that year.
 */
import { sql } from "drizzle-orm";
import { type Db, rowsOf } from "../../../../db/client";
import type { Track } from "../../../../domain/call";
import { TRACKS } from "../../../../domain/call";
import {
  COMMITTED_GRANT_STATUSES,
  COUNTED_EXPENSE_STATUSES,
  FUND_KINDS,
  type FundKind,
  PROJECT_STATUSES,
  type ProjectStatus,
} from "../../../../domain/funding/grant";
import { divideRounded, sumFen } from "../../../../domain/funding/money";
import type { FundingFigures, FundingFiguresQuery, Money } from "../../../../schemas/funding/figures";
import type { Context } from "../../../context";
import { requireAccess } from "../../../policy";

type Measure = "committed" | "disbursed" | "spent";
interface MovementRow {
  measure: Measure;
  fund_id: string;
  track: Track;
  year: number;
  fen: string | number;
}

/** How many projects the figures name (by money committed). */
const TOP_PROJECTS = 20;

/**
 * Every money movement of the base, dated by its own day: a committed grant by its start, a paid
 * tranche by its payment (Asia/Shanghai), counted spending by the day spent.
 */
function movementsOf(baseId: string) {
  return sql`
        SELECT 'committed' AS measure, g.fund_id, g.project_id,
               extract(year FROM g.starts_on)::int AS year, g.amount_fen AS fen
          FROM grants g
         WHERE g.base_id = ${baseId} AND g.status IN (${list(COMMITTED_GRANT_STATUSES)})
        UNION ALL
        SELECT 'disbursed', g.fund_id, g.project_id,
               extract(year FROM coalesce((t.paid_at AT TIME ZONE 'Asia/Shanghai')::date, t.planned_on, g.starts_on))::int,
               t.amount_fen
          FROM grant_tranches t JOIN grants g ON g.id = t.grant_id
         WHERE t.base_id = ${baseId} AND t.status = 'paid'
        UNION ALL
        SELECT 'spent', g.fund_id, g.project_id, extract(year FROM e.spent_on)::int, e.amount_fen
          FROM grant_expenses e JOIN grants g ON g.id = e.grant_id
         WHERE e.base_id = ${baseId} AND e.status IN (${list(COUNTED_EXPENSE_STATUSES)})`;
}

const list = (values: readonly string[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );
const zero = (): Money => ({ committedFen: 0, disbursedFen: 0, spentFen: 0 });
const FIELD: Record<Measure, keyof Money> = {
  committed: "committedFen",
  disbursed: "disbursedFen",
  spent: "spentFen",
};

function add(into: Money, row: { measure: Measure; fen: number }) {
  const key = FIELD[row.measure];
  into[key] = sumFen([into[key], row.fen]);
}

export async function fundingFigures(
  db: Db,
  ctx: Context,
  query: FundingFiguresQuery,
): Promise<FundingFigures> {
  requireAccess(ctx.actor, "funding.figures");
  const baseId = ctx.actor.baseId;
  const year = query.year ?? null;
  const [movements, top, fundRows, achievement, statuses] = await Promise.all([
    db.execute(sql`
      WITH m AS (${movementsOf(baseId)})
      SELECT m.measure, m.fund_id, i.track, m.year, sum(m.fen)::bigint AS fen
        FROM m JOIN projects p ON p.id = m.project_id JOIN incubations i ON i.id = p.incubation_id
       WHERE ${year}::int IS NULL OR m.year = ${year}::int
       GROUP BY m.measure, m.fund_id, i.track, m.year`),
    // The projects with the most money committed (the page links each to its results).
    db.execute(sql`
      WITH m AS (${movementsOf(baseId)})
      SELECT p.id, p.title, p.status, o.name AS organization,
             coalesce(sum(m.fen) FILTER (WHERE m.measure = 'committed'), 0)::bigint AS committed,
             coalesce(sum(m.fen) FILTER (WHERE m.measure = 'disbursed'), 0)::bigint AS disbursed,
             coalesce(sum(m.fen) FILTER (WHERE m.measure = 'spent'), 0)::bigint AS spent
        FROM m JOIN projects p ON p.id = m.project_id JOIN organizations o ON o.id = p.organization_id
       WHERE ${year}::int IS NULL OR m.year = ${year}::int
       GROUP BY p.id, p.title, p.status, o.name
       ORDER BY committed DESC, p.title, p.id
       LIMIT ${TOP_PROJECTS}`),
    db.execute(sql`
      SELECT f.id, f.name, f.kind, f.capacity_fen AS capacity,
             coalesce((SELECT sum(g.owed_fen) FROM grants g WHERE g.fund_id = f.id), 0)::bigint AS owed
        FROM funds f
       WHERE f.base_id = ${baseId}
       ORDER BY f.kind, f.name`),
    // Each indicator's latest accepted value (by period end, up to the year's end when one is asked).
    db.execute(sql`
      WITH latest AS (
        SELECT DISTINCT ON (v.indicator_id) v.indicator_id, v.value
          FROM indicator_values v JOIN progress_reports r ON r.id = v.report_id
         WHERE v.base_id = ${baseId} AND r.status = 'accepted'
           AND (${year}::int IS NULL OR r.period_end <= make_date(${year}::int, 12, 31))
         ORDER BY v.indicator_id, r.period_end DESC, r.id DESC
      )
      SELECT i.track, count(*)::int AS indicators, count(l.indicator_id)::int AS measured,
             count(*) FILTER (WHERE CASE WHEN pi.target_value >= pi.baseline_value
                                         THEN l.value >= pi.target_value
                                         ELSE l.value <= pi.target_value END)::int AS met
        FROM project_indicators pi
        JOIN projects p ON p.id = pi.project_id
        JOIN incubations i ON i.id = p.incubation_id
        LEFT JOIN latest l ON l.indicator_id = pi.id
       WHERE pi.base_id = ${baseId} AND pi.removed_at IS NULL AND p.status IN ('active', 'closed')
       GROUP BY i.track`),
    db.execute(sql`
      SELECT status, count(*)::int AS projects FROM projects WHERE base_id = ${baseId} GROUP BY status`),
  ]);

  const rows = rowsOf<MovementRow>(movements).map((r) => ({ ...r, fen: Number(r.fen) }));
  const funds = rowsOf<{
    id: string;
    name: string;
    kind: FundKind;
    capacity: string | number;
    owed: string | number;
  }>(fundRows);
  const byFund = funds.map((f) => {
    const money = zero();
    for (const r of rows) if (r.fund_id === f.id) add(money, r);
    return {
      fundId: f.id,
      name: f.name,
      kind: f.kind,
      capacityFen: Number(f.capacity),
      owedFen: Number(f.owed),
      ...money,
    };
  });
  const kindOf = new Map(funds.map((f) => [f.id, f.kind]));
  const byKind = FUND_KINDS.map((kind) => {
    const money = zero();
    for (const r of rows) if (kindOf.get(r.fund_id) === kind) add(money, r);
    return { kind, ...money };
  });
  const byTrack = TRACKS.map((track) => {
    const money = zero();
    for (const r of rows) if (r.track === track) add(money, r);
    return { track, ...money };
  });
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
  const byYear = years.map((y) => {
    const money = zero();
    for (const r of rows) if (r.year === y) add(money, r);
    return { year: y, ...money };
  });
  const totals = zero();
  for (const r of rows) add(totals, r);
  const achieved = rowsOf<{ track: Track; indicators: number; measured: number; met: number }>(achievement);
  const counts = rowsOf<{ status: ProjectStatus; projects: number }>(statuses);
  return {
    year,
    totals: {
      ...totals,
      owedFen: sumFen(byFund.map((f) => f.owedFen)),
      capacityFen: sumFen(byFund.map((f) => f.capacityFen)),
    },
    byFund,
    byKind,
    byTrack,
    byYear,
    achievement: TRACKS.map((track) => {
      const a = achieved.find((x) => x.track === track);
      const measured = Number(a?.measured ?? 0);
      const met = Number(a?.met ?? 0);
      return {
        track,
        indicators: Number(a?.indicators ?? 0),
        measured,
        met,
        metBp: measured > 0 ? divideRounded(met * 10_000, measured) : null,
      };
    }),
    topProjects: rowsOf<{
      id: string;
      title: string;
      status: ProjectStatus;
      organization: string;
      committed: string | number;
      disbursed: string | number;
      spent: string | number;
    }>(top).map((p) => ({
      projectId: p.id,
      title: p.title,
      status: p.status,
      organizationName: p.organization,
      committedFen: Number(p.committed),
      disbursedFen: Number(p.disbursed),
      spentFen: Number(p.spent),
    })),
    projectsByStatus: PROJECT_STATUSES.map((status) => ({
      status,
      projects: Number(counts.find((c) => c.status === status)?.projects ?? 0),
    })),
  };
}
