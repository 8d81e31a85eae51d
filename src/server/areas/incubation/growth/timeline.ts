/**
 * One organization's growth file (组织成长档案): its events newest first, filtered by area
 * (`<area>` of the kind) and by period (calendar days in Asia/Shanghai). The base's staff read any
 * organization's file; a member reads its own, without the events kept for the base.
 */
import { count, desc, eq, gte, inArray, lt, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { growthEvents, organizations } from "../../../../db/schema";
import { growthArea } from "../../../../domain/growth";
import { hasRole } from "../../../../domain/roles";
import type { GrowthEvent, GrowthFile, GrowthFilter } from "../../../../schemas/incubation/growth";
import type { Context } from "../../../context";
import { notFound } from "../../../errors";
import { requireAccess, requireRoleFor } from "../../../policy";

/** The start of a Shanghai calendar day as an instant (UTC+8, no daylight saving). */
function dayStart(day: string): Date {
  return new Date(`${day}T00:00:00+08:00`);
}

function nextDayStart(day: string): Date {
  const start = dayStart(day);
  return new Date(start.getTime() + 24 * 3600 * 1000);
}

/** The organization `id` whose file the actor may read: 404 for another base's or organization's. */
export async function growthOwner(db: Db, ctx: Context, id: string): Promise<{ id: string; name: string }> {
  requireRoleFor(ctx.actor, "incubation.read");
  const [row] = await db
    .select({ id: organizations.id, name: organizations.name, baseId: organizations.baseId })
    .from(organizations)
    .where(eq(organizations.id, id))
    .limit(1);
  if (!row) throw notFound();
  requireAccess(ctx.actor, "incubation.read", { baseId: row.baseId, organizationId: row.id });
  return { id: row.id, name: row.name };
}

/** The base's own view or the organization's: members never see the events kept for the base. */
function visibleTo(ctx: Context, organizationId: string): SQL {
  const own = eq(growthEvents.organizationId, organizationId);
  return hasRole(ctx.actor, "admin", "staff") ? own : sql`${own} AND ${eq(growthEvents.staffOnly, false)}`;
}

export function growthWhere(ctx: Context, organizationId: string, filter: GrowthFilter): SQL {
  const conditions: SQL[] = [visibleTo(ctx, organizationId)];
  if (filter.areas?.length) {
    conditions.push(inArray(sql`split_part(${growthEvents.kind}, '.', 1)`, filter.areas));
  }
  if (filter.from) conditions.push(gte(growthEvents.occurredAt, dayStart(filter.from)));
  if (filter.to) conditions.push(lt(growthEvents.occurredAt, nextDayStart(filter.to)));
  return sql.join(conditions, sql` AND `);
}

export function toGrowthEvent(row: typeof growthEvents.$inferSelect): GrowthEvent {
  return {
    id: row.id,
    kind: row.kind,
    area: growthArea(row.kind),
    occurredAt: row.occurredAt.toISOString(),
    title: row.title,
    params: row.params,
    actorName: row.actorName,
    subjectId: row.subjectId,
    incubationId: row.incubationId,
  };
}

/** Newest first; events of one instant in the order they were written. */
export const GROWTH_ORDER = [
  desc(growthEvents.occurredAt),
  desc(growthEvents.createdAt),
  desc(growthEvents.id),
];

export async function growthFile(
  db: Db,
  ctx: Context,
  id: string,
  filter: GrowthFilter,
): Promise<GrowthFile> {
  const organization = await growthOwner(db, ctx, id);
  const where = growthWhere(ctx, id, filter);
  const area = sql<string>`split_part(${growthEvents.kind}, '.', 1)`;
  // Three reads, whatever the page size: the page, its total, the areas with their counts.
  const [rows, [total], areas] = await Promise.all([
    db
      .select()
      .from(growthEvents)
      .where(where)
      .orderBy(...GROWTH_ORDER)
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize),
    db.select({ n: count() }).from(growthEvents).where(where),
    db
      .select({ area, count: count() })
      .from(growthEvents)
      .where(visibleTo(ctx, id))
      .groupBy(area)
      .orderBy(area),
  ]);
  return {
    organization,
    items: rows.map(toGrowthEvent),
    total: total?.n ?? 0,
    page: filter.page,
    pageSize: filter.pageSize,
    areas: areas.map((a) => ({ area: a.area, count: a.count })),
  };
}
