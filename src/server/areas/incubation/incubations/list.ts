/**
 * The incubations list: staff see the base's, a member its organization's, an expert those it
 * is invited to assess (the policy's scope). Filters by cohort, track, residency, status, the
 * person responsible, the organization's name, and what is due: the baseline (no submitted
 * assessor baseline and its due day passed) or the exit (open, planned end within the window).
 * The page and its total are one statement; the base's settings one more.
 */
import { and, asc, eq, ilike, inArray, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { cohorts, incubations, organizations, users } from "../../../../db/schema";
import { escapeLike } from "../../../../db/sql-text";
import { addDays, type IncubationSettings } from "../../../../domain/incubation/lifecycle";
import { shanghaiDate } from "../../../../domain/shanghai-time";
import type {
  IncubationListState,
  IncubationPage,
  IncubationRow,
} from "../../../../schemas/incubation/incubations";
import type { Context } from "../../../context";
import { requireListScope, scopeWhere } from "../../../scope";
import { settingsOf } from "../settings/service";

/** Nothing is due while suspended, in the exit review or closed. */
const DUE_STATUSES = sql`${incubations.status} in ('active', 'extended')`;

/** The due conditions for today and the base's settings. */
export function dueConditions(settings: IncubationSettings, today: string) {
  const baselineCutoff = addDays(today, -settings.baselineDueDays);
  const exitHorizon = addDays(today, settings.exitDueDays);
  const baseline = sql<boolean>`(${DUE_STATUSES} and ${incubations.startOn} < ${baselineCutoff}::date and not exists (
    select 1 from assessments a where a.incubation_id = ${incubations.id}
      and a.phase = 'baseline' and a.side = 'assessor' and a.status = 'submitted'))`;
  const exit = sql<boolean>`(${DUE_STATUSES} and ${incubations.plannedEndOn} <= ${exitHorizon}::date)`;
  // The plan is agreed within the same days as the baseline (the first month of the year).
  const plan = sql<boolean>`(${DUE_STATUSES} and ${incubations.startOn} < ${baselineCutoff}::date and not exists (
    select 1 from incubation_plans p where p.incubation_id = ${incubations.id} and p.status = 'agreed'))`;
  // An agreed plan's open action past its due day (src/server/areas/incubation/plan/overdue.ts).
  const actions = sql<boolean>`exists (
    select 1 from plan_actions pa join incubation_plans p on p.id = pa.plan_id
    where p.incubation_id = ${incubations.id} and p.status = 'agreed'
      and pa.status = 'open' and pa.removed_at is null and pa.due_on < ${today}::date)`;
  return { baseline, exit, plan, actions };
}

/** The list's WHERE for this actor and these filters (the export uses it too). */
async function incubationFilter(db: Db, ctx: Context, query: Omit<IncubationListState, "page" | "pageSize">) {
  const scope = requireListScope(ctx.actor, "incubation.list");
  const settings = await settingsOf(db, ctx.actor.baseId);
  const due = dueConditions(settings, shanghaiDate(new Date()));
  const conditions: (SQL | undefined)[] = [
    scope.kind === "assigned"
      ? // An expert: the incubations an assessment names them on; a mentor: those it mentors now.
        and(
          eq(incubations.baseId, scope.baseId),
          sql`(exists (select 1 from assessments a where a.incubation_id = ${incubations.id} and a.assessor_id = ${scope.userId})
            or exists (select 1 from mentorships m where m.incubation_id = ${incubations.id} and m.mentor_id = ${scope.userId} and m.status = 'active'))`,
        )
      : scopeWhere(scope, { baseId: incubations.baseId, organizationId: incubations.organizationId }),
  ];
  if (query.cohortId) conditions.push(eq(incubations.cohortId, query.cohortId));
  if (query.track) conditions.push(eq(incubations.track, query.track));
  if (query.residency) conditions.push(eq(incubations.residency, query.residency));
  if (query.status?.length) conditions.push(inArray(incubations.status, query.status));
  if (query.responsibleId) conditions.push(eq(incubations.responsibleId, query.responsibleId));
  if (query.due === "baseline") conditions.push(due.baseline);
  if (query.due === "exit") conditions.push(due.exit);
  if (query.due === "plan") conditions.push(due.plan);
  if (query.due === "actions") conditions.push(due.actions);
  const q = query.q?.trim();
  if (q) conditions.push(ilike(organizations.name, `%${escapeLike(q)}%`));
  return { where: and(...conditions), due };
}

const SORTS = {
  startOn: incubations.startOn,
  plannedEndOn: incubations.plannedEndOn,
  name: organizations.name,
  updatedAt: incubations.updatedAt,
};

/** The rows of the list (a page, or all for the export), with the total in each row. */
export async function selectIncubationRows(
  db: Db,
  ctx: Context,
  query: Omit<IncubationListState, "page" | "pageSize">,
  page: { limit: number; offset: number },
): Promise<{ items: IncubationRow[]; total: number }> {
  const { where, due } = await incubationFilter(db, ctx, query);
  const direction = query.order === "asc" ? sql`asc` : sql`desc`;
  const rows = await db
    .select({
      incubation: incubations,
      organizationName: organizations.name,
      cohortName: cohorts.name,
      responsibleName: users.displayName,
      baselineOverdue: due.baseline.mapWith(Boolean),
      exitDue: due.exit.mapWith(Boolean),
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(incubations)
    .innerJoin(organizations, eq(organizations.id, incubations.organizationId))
    .innerJoin(cohorts, eq(cohorts.id, incubations.cohortId))
    .leftJoin(users, eq(users.id, incubations.responsibleId))
    .where(where)
    .orderBy(sql`${SORTS[query.sort]} ${direction}`, asc(incubations.id))
    .limit(page.limit)
    .offset(page.offset);
  return {
    total: rows[0]?.total ?? 0,
    items: rows.map(
      (r): IncubationRow => ({
        id: r.incubation.id,
        organization: { id: r.incubation.organizationId, name: r.organizationName },
        cohort: { id: r.incubation.cohortId, name: r.cohortName },
        track: r.incubation.track,
        residency: r.incubation.residency,
        origin: r.incubation.origin,
        status: r.incubation.status,
        startOn: r.incubation.startOn,
        plannedEndOn: r.incubation.plannedEndOn,
        endedOn: r.incubation.endedOn,
        responsible:
          r.incubation.responsibleId && r.responsibleName
            ? { id: r.incubation.responsibleId, name: r.responsibleName }
            : null,
        baselineOverdue: r.baselineOverdue,
        exitDue: r.exitDue,
        version: r.incubation.version,
      }),
    ),
  };
}

export async function listIncubations(
  db: Db,
  ctx: Context,
  query: IncubationListState,
): Promise<IncubationPage> {
  const { items, total: counted } = await selectIncubationRows(db, ctx, query, {
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  // Past the last page the window count is missing: count again only then.
  let total = counted;
  if (items.length === 0 && query.page > 1) {
    total = (await selectIncubationRows(db, ctx, query, { limit: 1, offset: 0 })).total;
  }
  return { items, total, page: query.page, pageSize: query.pageSize };
}
