import { and, asc, count, eq, gte, inArray, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import {
  auditLog,
  communities,
  organizationCounts,
  organizationFieldCounts,
  organizations,
  towns,
  users,
} from "../../../../db/schema";
import { type ListScope, listScope } from "../../../../domain/access";
import { hasRole } from "../../../../domain/roles";
import type { HomeStats, Town } from "../../../../schemas/platform/reference";
import type { Context } from "../../../context";
import { requireAccess } from "../../../policy";
import { scopeWhere } from "../../../scope";
import { type Reads, UNSHARED } from "../../../shared-reads";
import { ORGANIZATION_SCOPE } from "../organizations/list";

export async function listTowns(db: Db, ctx: Context): Promise<Town[]> {
  requireAccess(ctx.actor, "reference.read");
  const townRows = await db
    .select()
    .from(towns)
    .where(eq(towns.baseId, ctx.actor.baseId))
    .orderBy(asc(towns.sortOrder), asc(towns.name));
  const communityRows = await db
    .select()
    .from(communities)
    .where(eq(communities.baseId, ctx.actor.baseId))
    .orderBy(asc(communities.name));
  return townRows.map((t) => ({
    id: t.id,
    name: t.name,
    kind: t.kind,
    communities: communityRows.filter((c) => c.townId === t.id).map((c) => ({ id: c.id, name: c.name })),
  }));
}

/** Hub organizations (枢纽型社会组织) an organization may belong to: any registered one of the base. */
export async function listHubOrganizations(db: Db, ctx: Context) {
  requireAccess(ctx.actor, "reference.read");
  return db
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(
      and(
        eq(organizations.baseId, ctx.actor.baseId),
        inArray(organizations.registrationStatus, ["social_group", "foundation"]),
      ),
    )
    .orderBy(asc(organizations.name));
}

/**
 * The home page's live figures, scoped like the organization list; a community liaison's are
 * their town's (none while no town is set), like their recruitment figures.
 */
export async function homeStats(db: Db, ctx: Context, reads: Reads = UNSHARED): Promise<HomeStats> {
  requireAccess(ctx.actor, "stats.read");
  // A liaison's figures are its town's; roles that list no organizations see zeros, not an error.
  const scope = listScope(ctx.actor, "stats.recruitment") ?? listScope(ctx.actor, "organization.list");
  const admin = hasRole(ctx.actor, "admin");
  // The answer depends on the scope, and for an administrator the base: shared by those alike.
  const key = `home:${admin ? ctx.actor.baseId : ""}:${JSON.stringify(scope)}`;
  return reads.read(key, () => homeStatsOf(db, ctx, scope, admin));
}

async function homeStatsOf(
  db: Db,
  ctx: Context,
  scope: ListScope | null,
  admin: boolean,
): Promise<HomeStats> {
  const { totals, byField, byTown } =
    scope?.kind === "bases" || scope?.kind === "town"
      ? await keptCounts(db, scope)
      : await countedNow(db, scope ? scopeWhere(scope, ORGANIZATION_SCOPE) : sql`false`);
  let userCount: number | null = null;
  let auditToday: number | null = null;
  if (admin) {
    const [u] = await db.select({ n: count() }).from(users).where(eq(users.baseId, ctx.actor.baseId));
    const [a] = await db
      .select({ n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.baseId, ctx.actor.baseId), gte(auditLog.at, sql`now() - interval '1 day'`)));
    userCount = u?.n ?? 0;
    auditToday = a?.n ?? 0;
  }
  return {
    organizations: totals?.organizations ?? 0,
    resident: totals?.resident ?? 0,
    virtual: totals?.virtual ?? 0,
    unregistered: totals?.unregistered ?? 0,
    byField,
    byTown,
    users: userCount,
    auditToday,
  };
}

/**
 * A base's or a town's figures from the counts the database keeps (migration 0017): a few hundred
 * rows, not the whole registry, in one round trip each, side by side.
 */
async function keptCounts(db: Db, scope: ListScope) {
  const where = scopeWhere(scope, { baseId: organizationCounts.baseId, townId: organizationCounts.townId });
  const sumWhere = (filter: SQL) =>
    sql<number>`coalesce(sum(${organizationCounts.n}) filter (where ${filter}), 0)`.mapWith(Number);
  const [[totals], byField, byTown] = await Promise.all([
    db
      .select({
        organizations: sql<number>`coalesce(sum(${organizationCounts.n}), 0)`.mapWith(Number),
        resident: sumWhere(sql`${organizationCounts.residency} = 'resident'`),
        virtual: sumWhere(sql`${organizationCounts.residency} = 'virtual'`),
        unregistered: sumWhere(sql`${organizationCounts.registrationStatus} = 'unregistered'`),
      })
      .from(organizationCounts)
      .where(where),
    db
      .select({
        field: organizationFieldCounts.field,
        count: sql<number>`sum(${organizationFieldCounts.n})`.mapWith(Number),
      })
      .from(organizationFieldCounts)
      .where(
        scopeWhere(scope, { baseId: organizationFieldCounts.baseId, townId: organizationFieldCounts.townId }),
      )
      .groupBy(organizationFieldCounts.field)
      .having(sql`sum(${organizationFieldCounts.n}) > 0`)
      .orderBy(sql`sum(${organizationFieldCounts.n}) desc`),
    db
      .select({
        townId: towns.id,
        townName: towns.name,
        count: sql<number>`sum(${organizationCounts.n})`.mapWith(Number),
      })
      .from(organizationCounts)
      .innerJoin(towns, eq(towns.id, organizationCounts.townId))
      .where(where)
      .groupBy(towns.id, towns.name)
      .having(sql`sum(${organizationCounts.n}) > 0`)
      .orderBy(sql`sum(${organizationCounts.n}) desc`),
  ]);
  return { totals, byField, byTown };
}

/** One organization's own figures (a member's home): counted from its row. */
async function countedNow(db: Db, where: SQL | undefined) {
  const [totals] = await db
    .select({
      organizations: count(),
      resident: sql<number>`count(*) filter (where ${organizations.residency} = 'resident')`.mapWith(Number),
      virtual: sql<number>`count(*) filter (where ${organizations.residency} = 'virtual')`.mapWith(Number),
      unregistered:
        sql<number>`count(*) filter (where ${organizations.registrationStatus} = 'unregistered')`.mapWith(
          Number,
        ),
    })
    .from(organizations)
    .where(where);
  const byField = await db
    .select({ field: sql<string>`f`, count: sql<number>`count(*)`.mapWith(Number) })
    .from(sql`${organizations}, unnest(${organizations.fields}) as f`)
    .where(where)
    .groupBy(sql`f`)
    .orderBy(sql`count(*) desc`);
  const byTown = await db
    .select({ townId: towns.id, townName: towns.name, count: count() })
    .from(organizations)
    .innerJoin(towns, eq(towns.id, organizations.townId))
    .where(where)
    .groupBy(towns.id, towns.name)
    .orderBy(sql`count(*) desc`);
  return { totals, byField, byTown };
}
