/**
 * The recruitment figures of the home page for government viewers and community liaisons (and
 * base staff): a handful of grouped counts, scoped by the policy in SQL, so a liaison's request
 * never reads another town's rows and nothing but counts leaves the database.
 */
import { and, asc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import type { Db } from "../../../../db/client";
import {
  applicationCounts,
  bases,
  calls,
  organizationCounts,
  organizationFieldCounts,
  towns,
} from "../../../../db/schema";
import type { ListScope } from "../../../../domain/access";
import type { RecruitmentFigures } from "../../../../schemas/recruitment/figures";
import type { Context } from "../../../context";
import { requireAccess } from "../../../policy";
import { requireListScope } from "../../../scope";
import { type Reads, UNSHARED } from "../../../shared-reads";
import { type ApplicationGroupRow, buildSections } from "./sections";

export async function recruitmentFigures(
  db: Db,
  ctx: Context,
  reads: Reads = UNSHARED,
): Promise<RecruitmentFigures> {
  requireAccess(ctx.actor, "stats.recruitment");
  const scope = requireListScope(ctx.actor, "stats.recruitment");
  // The answer depends on the scope alone: readers of the same scope share a read in flight.
  return reads.read(`figures:${JSON.stringify(scope)}`, () => figuresOf(db, scope));
}

async function figuresOf(db: Db, scope: ListScope): Promise<RecruitmentFigures> {
  if (scope.kind === "town") return townFigures(db, scope);
  // Never given for the figures: they are the base's, a town's or all bases'.
  if (scope.kind === "organization" || scope.kind === "assigned" || scope.kind === "partner")
    return { scope: "base", town: null, sections: [] };
  const where = scope.baseIds === "all" ? undefined : inArray(bases.id, scope.baseIds);
  // The bases and their counts in one round trip: the scope already names the bases.
  const [baseRows, counts] = await Promise.all([
    db.select({ id: bases.id, name: bases.name }).from(bases).where(where).orderBy(asc(bases.name)),
    readCounts(db, scope.baseIds, null),
  ]);
  const sections = buildSections(baseRows, { ...counts, withTowns: true });
  return { scope: scope.baseIds === "all" ? "bases" : "base", town: null, sections };
}

/** A liaison's town: its organizations and their applications; calls are the base's (public). */
async function townFigures(db: Db, scope: Extract<ListScope, { kind: "town" }>): Promise<RecruitmentFigures> {
  // No town set: no figures at all, rather than the whole base's.
  if (!scope.townId) return { scope: "town", town: null, sections: [] };
  const [[town], baseRows, counts] = await Promise.all([
    db
      .select({ id: towns.id, name: towns.name })
      .from(towns)
      .where(and(eq(towns.id, scope.townId), eq(towns.baseId, scope.baseId))),
    db.select({ id: bases.id, name: bases.name }).from(bases).where(eq(bases.id, scope.baseId)),
    readCounts(db, [scope.baseId], scope.townId),
  ]);
  // A town of another base: nothing either (its counts were read under this base: none).
  if (!town) return { scope: "town", town: null, sections: [] };
  return { scope: "town", town, sections: buildSections(baseRows, { ...counts, withTowns: false }) };
}

/**
 * The counts of the given bases (all: every base), or of one town of one base: read from the counts the database
 * keeps (src/db/schema/counts.ts, migration 0017), a few hundred rows whatever the registry's
 * size, instead of grouping every organization and application of the base on each visit.
 */
async function readCounts(db: Db, baseIds: string[] | "all", townId: string | null) {
  const now = sql`now()`;
  const inScope = (columns: { baseId: PgColumn; townId: PgColumn }) =>
    and(
      baseIds === "all" ? undefined : inArray(columns.baseId, baseIds),
      townId ? eq(columns.townId, townId) : undefined,
    );
  const sumOf = (filter?: SQL) =>
    sql<number>`coalesce(sum(${applicationCounts.n})${filter ? sql` filter (where ${filter})` : sql``}, 0)`.mapWith(
      Number,
    );
  // Independent reads: on PostgreSQL the pool runs them side by side.
  const [callRows, applicationRows, kindRows, fieldRows] = await Promise.all([
    db
      .select({
        baseId: calls.baseId,
        upcoming: sql<number>`count(*) filter (where ${calls.status} = 'published' and ${calls.opensAt} > ${now})`,
        open: sql<number>`count(*) filter (where ${calls.status} = 'published' and ${calls.opensAt} <= ${now} and ${calls.closesAt} > ${now})`,
        closed: sql<number>`count(*) filter (where ${calls.status} = 'closed' or (${calls.status} = 'published' and ${calls.closesAt} <= ${now}))`,
      })
      .from(calls)
      .where(baseIds === "all" ? undefined : inArray(calls.baseId, baseIds))
      .groupBy(calls.baseId),
    db
      .select({
        baseId: applicationCounts.baseId,
        track: applicationCounts.track,
        status: applicationCounts.status,
        townId: applicationCounts.townId,
        townName: towns.name,
        total: sumOf(),
        submitted: sumOf(sql`${applicationCounts.submitted}`),
        accepted: sumOf(sql`${applicationCounts.accepted}`),
      })
      .from(applicationCounts)
      .leftJoin(towns, eq(towns.id, applicationCounts.townId))
      .where(inScope(applicationCounts))
      .groupBy(
        applicationCounts.baseId,
        applicationCounts.track,
        applicationCounts.status,
        applicationCounts.townId,
        towns.name,
      )
      .having(sql`sum(${applicationCounts.n}) > 0`) as Promise<ApplicationGroupRow[]>,
    db
      .select({
        baseId: organizationCounts.baseId,
        kind: organizationCounts.registrationStatus,
        count: sql<number>`sum(${organizationCounts.n})`.mapWith(Number),
      })
      .from(organizationCounts)
      .where(inScope(organizationCounts))
      .groupBy(organizationCounts.baseId, organizationCounts.registrationStatus)
      .having(sql`sum(${organizationCounts.n}) > 0`),
    db
      .select({
        baseId: organizationFieldCounts.baseId,
        field: organizationFieldCounts.field,
        count: sql<number>`sum(${organizationFieldCounts.n})`.mapWith(Number),
      })
      .from(organizationFieldCounts)
      .where(inScope(organizationFieldCounts))
      .groupBy(organizationFieldCounts.baseId, organizationFieldCounts.field)
      .having(sql`sum(${organizationFieldCounts.n}) > 0`),
  ]);
  return {
    calls: callRows.map((r) => ({
      baseId: r.baseId,
      upcoming: Number(r.upcoming),
      open: Number(r.open),
      closed: Number(r.closed),
    })),
    applications: applicationRows,
    kinds: kindRows,
    fields: fieldRows,
  };
}
