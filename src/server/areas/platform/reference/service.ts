import { and, asc, count, eq, gte, inArray, sql } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { auditLog, communities, organizations, towns, users } from "../../../../db/schema";
import { listScope } from "../../../../domain/access";
import { hasRole } from "../../../../domain/roles";
import type { HomeStats, Town } from "../../../../schemas/platform/reference";
import type { Context } from "../../../context";
import { requireAccess } from "../../../policy";
import { scopeWhere } from "../../../scope";
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
export async function homeStats(db: Db, ctx: Context): Promise<HomeStats> {
  requireAccess(ctx.actor, "stats.read");
  // A liaison's figures are its town's; roles that list no organizations see zeros, not an error.
  const scope = listScope(ctx.actor, "stats.recruitment") ?? listScope(ctx.actor, "organization.list");
  const where = scope ? scopeWhere(scope, ORGANIZATION_SCOPE) : sql`false`;
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
  const admin = hasRole(ctx.actor, "admin");
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
