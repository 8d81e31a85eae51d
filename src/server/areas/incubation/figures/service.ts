/**
 * The incubation figures of the home page (孵化数据): incubations by status, track and residency,
 * and per cohort how many are in the base, graduated or ended, how many have their baseline
 * (基线前测) and how many are overdue without one, with the cohort's mean baseline. One grouped
 * read, scoped by the policy in SQL exactly as the recruitment figures are.
 */
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { bases, cohorts, incubations, organizations, towns } from "../../../../db/schema";
import type { ListScope } from "../../../../domain/access";
import type { Track } from "../../../../domain/call";
import { TRACKS } from "../../../../domain/call";
import {
  DEFAULT_INCUBATION_SETTINGS,
  INCUBATION_STATUSES,
  type IncubationStatus,
  RESIDENCIES,
  type Residency,
} from "../../../../domain/incubation/lifecycle";
import { shanghaiDate } from "../../../../domain/shanghai-time";
import type { IncubationFigures, IncubationSection } from "../../../../schemas/incubation/figures";
import type { Context } from "../../../context";
import { requireAccess } from "../../../policy";
import { requireListScope, scopeWhere } from "../../../scope";
import { type Reads, UNSHARED } from "../../../shared-reads";

interface GroupRow {
  baseId: string;
  cohortId: string;
  cohortName: string;
  startsOn: string;
  track: Track;
  status: IncubationStatus;
  residency: Residency;
  n: number;
  baselineDone: number;
  baselineOverdue: number;
  baselineSum: number | null;
}

const CURRENT: readonly IncubationStatus[] = ["active", "suspended", "extended", "in_exit_review"];

export async function incubationFigures(
  db: Db,
  ctx: Context,
  reads: Reads = UNSHARED,
): Promise<IncubationFigures> {
  // The same audience and the same scope as the recruitment figures.
  requireAccess(ctx.actor, "stats.recruitment");
  const scope = requireListScope(ctx.actor, "stats.recruitment");
  return reads.read(`incubation-figures:${JSON.stringify(scope)}`, () => figuresOf(db, scope));
}

async function figuresOf(db: Db, scope: ListScope): Promise<IncubationFigures> {
  if (scope.kind === "organization" || scope.kind === "assigned" || scope.kind === "partner")
    return { scope: "base", town: null, sections: [] };
  let town: { id: string; name: string } | null = null;
  if (scope.kind === "town") {
    if (!scope.townId) return { scope: "town", town: null, sections: [] };
    const [row] = await db
      .select({ id: towns.id, name: towns.name })
      .from(towns)
      .where(and(eq(towns.id, scope.townId), eq(towns.baseId, scope.baseId)));
    if (!row) return { scope: "town", town: null, sections: [] };
    town = row;
  }
  const baseWhere =
    scope.kind === "town"
      ? eq(bases.id, scope.baseId)
      : scope.baseIds === "all"
        ? undefined
        : inArray(bases.id, scope.baseIds);
  const today = shanghaiDate(new Date());
  const [baseRows, groups] = await Promise.all([
    db.select({ id: bases.id, name: bases.name }).from(bases).where(baseWhere).orderBy(asc(bases.name)),
    db
      .select({
        baseId: incubations.baseId,
        cohortId: cohorts.id,
        cohortName: cohorts.name,
        startsOn: cohorts.startsOn,
        track: incubations.track,
        status: incubations.status,
        residency: incubations.residency,
        n: sql<number>`count(*)::int`,
        baselineDone: sql<number>`count(*) filter (where baseline.total is not null)::int`,
        // Overdue: still in the base, past its start plus the base's days, without a baseline.
        baselineOverdue: sql<number>`count(*) filter (where baseline.total is null
          and ${incubations.status} in ('active', 'extended')
          and ${incubations.startOn} + coalesce(settings.baseline_due_days, ${DEFAULT_INCUBATION_SETTINGS.baselineDueDays}) < ${today}::date)::int`,
        baselineSum: sql<number | null>`sum(baseline.total)::float8`,
      })
      .from(incubations)
      .innerJoin(cohorts, eq(cohorts.id, incubations.cohortId))
      .innerJoin(organizations, eq(organizations.id, incubations.organizationId))
      .leftJoin(sql`incubation_settings settings`, sql`settings.base_id = ${incubations.baseId}`)
      .leftJoin(
        sql`LATERAL (SELECT a.total FROM assessments a WHERE a.incubation_id = ${incubations.id}
          AND a.phase = 'baseline' AND a.side = 'assessor' AND a.status = 'submitted'
          ORDER BY a.revision DESC LIMIT 1) baseline`,
        sql`true`,
      )
      .where(
        scopeWhere(scope, {
          baseId: incubations.baseId,
          organizationId: incubations.organizationId,
          townId: organizations.townId,
        }),
      )
      .groupBy(
        incubations.baseId,
        cohorts.id,
        cohorts.name,
        cohorts.startsOn,
        incubations.track,
        incubations.status,
        incubations.residency,
      ) as Promise<GroupRow[]>,
  ]);
  const sections = baseRows.map((base) =>
    sectionOf(
      base,
      groups.filter((g) => g.baseId === base.id),
    ),
  );
  return {
    scope: scope.kind === "town" ? "town" : scope.baseIds === "all" ? "bases" : "base",
    town,
    sections:
      scope.kind === "town" || scope.baseIds !== "all" ? sections : sections.filter((s) => s.total > 0),
  };
}

function sectionOf(base: { id: string; name: string }, groups: GroupRow[]): IncubationSection {
  const sum = (rows: GroupRow[]) => rows.reduce((n, r) => n + r.n, 0);
  const cohortIds = [...new Set(groups.map((g) => g.cohortId))];
  const cohortRows = cohortIds.map((id) => {
    const rows = groups.filter((g) => g.cohortId === id);
    const first = rows[0] as GroupRow;
    const done = rows.reduce((n, r) => n + r.baselineDone, 0);
    const total = rows.reduce((n, r) => n + (r.baselineSum ?? 0), 0);
    return {
      cohortId: id,
      name: first.cohortName,
      startsOn: first.startsOn,
      total: sum(rows),
      current: sum(rows.filter((r) => CURRENT.includes(r.status))),
      graduated: sum(rows.filter((r) => r.status === "graduated")),
      terminated: sum(rows.filter((r) => r.status === "terminated")),
      baselineDone: done,
      baselineOverdue: rows.reduce((n, r) => n + r.baselineOverdue, 0),
      baselineMean: done > 0 ? Math.round((total / done) * 100) / 100 : null,
    };
  });
  cohortRows.sort((a, b) =>
    a.startsOn < b.startsOn ? 1 : a.startsOn > b.startsOn ? -1 : a.name.localeCompare(b.name),
  );
  return {
    baseId: base.id,
    baseName: base.name,
    total: sum(groups),
    byStatus: INCUBATION_STATUSES.map((status) => ({
      status,
      count: sum(groups.filter((g) => g.status === status)),
    })),
    byTrack: TRACKS.map((track) => ({ track, count: sum(groups.filter((g) => g.track === track)) })),
    byResidency: RESIDENCIES.map((residency) => ({
      residency,
      count: sum(groups.filter((g) => g.residency === residency)),
    })),
    cohorts: cohortRows,
  };
}
