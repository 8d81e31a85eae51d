/**
 * The recruitment figures of the home page for government viewers and community liaisons (and
 * base staff): a handful of grouped counts, scoped by the policy in SQL, so a liaison's request
 * never reads another town's rows and nothing but counts leaves the database.
 */
import { and, asc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { applicationEvents, applications, bases, calls, organizations, towns } from "../../../../db/schema";
import type { ListScope } from "../../../../domain/access";
import type { RecruitmentFigures } from "../../../../schemas/recruitment/figures";
import type { Context } from "../../../context";
import { requireAccess } from "../../../policy";
import { requireListScope } from "../../../scope";
import { type ApplicationGroupRow, buildSections } from "./sections";

export async function recruitmentFigures(db: Db, ctx: Context): Promise<RecruitmentFigures> {
  requireAccess(ctx.actor, "stats.recruitment");
  const scope = requireListScope(ctx.actor, "stats.recruitment");
  if (scope.kind === "town") return townFigures(db, scope);
  // Never given for the figures: they are the base's, a town's or all bases'.
  if (scope.kind === "organization" || scope.kind === "assigned")
    return { scope: "base", town: null, sections: [] };
  const where = scope.baseIds === "all" ? undefined : inArray(bases.id, scope.baseIds);
  const baseRows = await db
    .select({ id: bases.id, name: bases.name })
    .from(bases)
    .where(where)
    .orderBy(asc(bases.name));
  const ids = baseRows.map((b) => b.id);
  const sections = await countSections(db, baseRows, inArray(organizations.baseId, ids));
  return { scope: scope.baseIds === "all" ? "bases" : "base", town: null, sections };
}

/** A liaison's town: its organizations and their applications; calls are the base's (public). */
async function townFigures(db: Db, scope: Extract<ListScope, { kind: "town" }>): Promise<RecruitmentFigures> {
  const [town] = scope.townId
    ? await db
        .select({ id: towns.id, name: towns.name })
        .from(towns)
        .where(and(eq(towns.id, scope.townId), eq(towns.baseId, scope.baseId)))
    : [];
  // No town set (or one of another base): no figures at all, rather than the whole base's.
  if (!town) return { scope: "town", town: null, sections: [] };
  const baseRows = await db
    .select({ id: bases.id, name: bases.name })
    .from(bases)
    .where(eq(bases.id, scope.baseId));
  const inTown = and(eq(organizations.baseId, scope.baseId), eq(organizations.townId, town.id));
  const sections = await countSections(db, baseRows, inTown, { withTowns: false });
  return { scope: "town", town, sections };
}

/** The counts of the given bases; `orgWhere` narrows organizations and, through them, applications. */
async function countSections(
  db: Db,
  baseRows: { id: string; name: string }[],
  orgWhere: SQL | undefined,
  options = { withTowns: true },
) {
  if (baseRows.length === 0) return [];
  const ids = baseRows.map((b) => b.id);
  const now = sql`now()`;
  const callRows = await db
    .select({
      baseId: calls.baseId,
      upcoming: sql<number>`count(*) filter (where ${calls.status} = 'published' and ${calls.opensAt} > ${now})`,
      open: sql<number>`count(*) filter (where ${calls.status} = 'published' and ${calls.opensAt} <= ${now} and ${calls.closesAt} > ${now})`,
      closed: sql<number>`count(*) filter (where ${calls.status} = 'closed' or (${calls.status} = 'published' and ${calls.closesAt} <= ${now}))`,
    })
    .from(calls)
    .where(inArray(calls.baseId, ids))
    .groupBy(calls.baseId);
  // Accepted for screening at some point: the status now, or a history row (withdrawn since).
  const everAccepted = sql`(${applications.status} = 'accepted' or exists (select 1 from ${applicationEvents} where ${applicationEvents.applicationId} = ${applications.id} and ${applicationEvents.toStatus} = 'accepted'))`;
  const applicationRows: ApplicationGroupRow[] = await db
    .select({
      baseId: applications.baseId,
      track: applications.track,
      status: applications.status,
      townId: organizations.townId,
      townName: towns.name,
      total: sql<number>`count(*)`.mapWith(Number),
      submitted: sql<number>`count(*) filter (where ${applications.firstSubmittedAt} is not null)`.mapWith(
        Number,
      ),
      accepted: sql<number>`count(*) filter (where ${everAccepted})`.mapWith(Number),
    })
    .from(applications)
    .innerJoin(organizations, eq(organizations.id, applications.organizationId))
    .leftJoin(towns, eq(towns.id, organizations.townId))
    .where(and(inArray(applications.baseId, ids), orgWhere))
    .groupBy(applications.baseId, applications.track, applications.status, organizations.townId, towns.name);
  const kindRows = await db
    .select({
      baseId: organizations.baseId,
      kind: organizations.registrationStatus,
      count: sql<number>`count(*)`.mapWith(Number),
    })
    .from(organizations)
    .where(orgWhere)
    .groupBy(organizations.baseId, organizations.registrationStatus);
  const fieldRows = await db
    .select({
      // A raw FROM (unnest) hides the table from drizzle's select check: name the column in SQL.
      baseId: sql<string>`${organizations.baseId}`,
      field: sql<string>`f`,
      count: sql<number>`count(*)`.mapWith(Number),
    })
    .from(sql`${organizations}, unnest(${organizations.fields}) as f`)
    .where(orgWhere)
    .groupBy(organizations.baseId, sql`f`);
  return buildSections(baseRows, {
    calls: callRows.map((r) => ({
      baseId: r.baseId,
      upcoming: Number(r.upcoming),
      open: Number(r.open),
      closed: Number(r.closed),
    })),
    applications: applicationRows,
    kinds: kindRows,
    fields: fieldRows,
    withTowns: options.withTowns,
  });
}
