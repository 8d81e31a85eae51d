/**
 * The inspections list: staff see the base's, an expert those they are named on (the policy's
 * "assigned" scope on inspection_inspectors.user_id). By default only the latest revision of
 * each record shows; an earlier, corrected one is read from its successor's page.
 */
import { and, asc, count, eq, gte, ilike, inArray, lt, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "../../../../db/client";
import {
  applications,
  calls,
  inspectionInspectors,
  inspections,
  organizations,
  users,
} from "../../../../db/schema";
import { escapeLike } from "../../../../db/sql-text";
import type {
  InspectionListState,
  InspectionPage,
  InspectionRow,
} from "../../../../schemas/admission/inspections";
import type { Context } from "../../../context";
import { requireListScope, scopeWhere } from "../../../scope";

const mine = alias(inspectionInspectors, "mine");

/** Start of a calendar day in Beijing time. */
const dayStart = (day: string) => new Date(`${day}T00:00:00+08:00`);
const DAY = 24 * 60 * 60 * 1000;

export async function listInspections(
  db: Db,
  ctx: Context,
  query: InspectionListState,
): Promise<InspectionPage> {
  const scope = requireListScope(ctx.actor, "inspection.list");
  const assigned = scope.kind === "assigned";
  const conditions: (SQL | undefined)[] = [
    scopeWhere(scope, {
      baseId: inspections.baseId,
      organizationId: inspections.organizationId,
      ...(assigned ? { assigneeId: mine.userId } : {}),
    }),
    sql`not exists (select 1 from inspections successor where successor.supersedes_id = ${inspections.id})`,
  ];
  if (query.status?.length) conditions.push(inArray(inspections.status, query.status));
  if (query.mode) conditions.push(eq(inspections.mode, query.mode));
  if (query.from) conditions.push(gte(inspections.scheduledAt, dayStart(query.from)));
  if (query.to) conditions.push(lt(inspections.scheduledAt, new Date(dayStart(query.to).getTime() + DAY)));
  if (query.inspectorId)
    conditions.push(
      sql`exists (select 1 from ${inspectionInspectors} where ${inspectionInspectors.inspectionId} = ${inspections.id} and ${inspectionInspectors.userId} = ${query.inspectorId})`,
    );
  const q = query.q?.trim();
  if (q) conditions.push(ilike(organizations.name, `%${escapeLike(q)}%`));
  const where = and(...conditions);

  const base = () => {
    const select = db
      .select({
        inspection: inspections,
        organizationName: organizations.name,
        callTitle: calls.title,
      })
      .from(inspections)
      .innerJoin(organizations, eq(organizations.id, inspections.organizationId))
      .innerJoin(applications, eq(applications.id, inspections.applicationId))
      .innerJoin(calls, eq(calls.id, applications.callId))
      .$dynamic();
    return assigned
      ? select.innerJoin(mine, and(eq(mine.inspectionId, inspections.id), eq(mine.userId, ctx.actor.userId)))
      : select;
  };
  const counted = db
    .select({ total: count() })
    .from(inspections)
    .innerJoin(organizations, eq(organizations.id, inspections.organizationId))
    .$dynamic();
  const [totals] = await (assigned
    ? counted.innerJoin(mine, and(eq(mine.inspectionId, inspections.id), eq(mine.userId, ctx.actor.userId)))
    : counted
  ).where(where);

  const SORTS = {
    scheduledAt: inspections.scheduledAt,
    updatedAt: inspections.updatedAt,
    name: organizations.name,
  };
  const direction = query.order === "asc" ? sql`asc` : sql`desc`;
  const rows = await base()
    .where(where)
    .orderBy(sql`${SORTS[query.sort]} ${direction}`, asc(inspections.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const names = await inspectorNames(
    db,
    rows.map((r) => r.inspection.id),
  );
  return {
    items: rows.map(
      (r): InspectionRow => ({
        id: r.inspection.id,
        applicationId: r.inspection.applicationId,
        organization: { id: r.inspection.organizationId, name: r.organizationName },
        callTitle: r.callTitle,
        revision: r.inspection.revision,
        status: r.inspection.status,
        mode: r.inspection.mode,
        scheduledAt: r.inspection.scheduledAt.toISOString(),
        place: r.inspection.place,
        inspectors: names.get(r.inspection.id) ?? [],
        recommendation: r.inspection.recommendation,
        version: r.inspection.version,
      }),
    ),
    total: totals?.total ?? 0,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** Each inspection's inspectors, by name. */
export async function inspectorNames(
  db: Db,
  ids: readonly string[],
): Promise<Map<string, { id: string; name: string }[]>> {
  const map = new Map<string, { id: string; name: string }[]>();
  if (ids.length === 0) return map;
  const rows = await db
    .select({ inspectionId: inspectionInspectors.inspectionId, id: users.id, name: users.displayName })
    .from(inspectionInspectors)
    .innerJoin(users, eq(users.id, inspectionInspectors.userId))
    .where(inArray(inspectionInspectors.inspectionId, [...ids]))
    .orderBy(asc(users.displayName));
  for (const r of rows) {
    const list = map.get(r.inspectionId) ?? [];
    list.push({ id: r.id, name: r.name });
    map.set(r.inspectionId, list);
  }
  return map;
}
