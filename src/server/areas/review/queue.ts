/**
 * The work queue: the base's applications with filters, order and paging. The export shares the
 * filters and the order (`queueWhere`, `queueOrder`), so the file holds what the screen shows.
 */
import { and, arrayContains, asc, count, eq, gt, ilike, inArray, ne, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "../../../db/client";
import { applicationMessages, applications, calls, organizations, towns } from "../../../db/schema";
import { escapeLike } from "../../../db/sql-text";
import type { QueuePage, QueueRow, ZQueueFilter, ZQueueQuery } from "../../../schemas/review";
import type { Context } from "../../context";
import { requireAccess } from "../../policy";

export type QueueFilter = z.output<typeof ZQueueFilter>;
export type QueueQueryData = z.output<typeof ZQueueQuery>;

/** Applicant messages staff have not read yet, per application. */
const unreadApplicantMessages = sql<number>`(
  select count(*)::int from ${applicationMessages} m
  where m.application_id = ${applications.id} and m.side = 'applicant' and m.read_at is null
)`;

export async function listQueue(db: Db, ctx: Context, query: QueueQueryData): Promise<QueuePage> {
  requireAccess(ctx.actor, "application.list");
  const where = queueWhere(ctx, query);
  const [totals] = await db
    .select({ total: count() })
    .from(applications)
    .innerJoin(organizations, eq(organizations.id, applications.organizationId))
    .where(where);
  const rows = await selectQueue(db)
    .where(where)
    .orderBy(...queueOrder(query))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return {
    items: rows.map(toQueueRow),
    total: totals?.total ?? 0,
    page: query.page,
    pageSize: query.pageSize,
  };
}

function selectQueue(db: Db) {
  return db
    .select({
      application: applications,
      organizationName: organizations.name,
      townName: towns.name,
      callTitle: calls.title,
      unread: unreadApplicantMessages,
    })
    .from(applications)
    .innerJoin(organizations, eq(organizations.id, applications.organizationId))
    .innerJoin(calls, eq(calls.id, applications.callId))
    .leftJoin(towns, eq(towns.id, organizations.townId))
    .$dynamic();
}

type QueueSelectRow = Awaited<ReturnType<ReturnType<typeof selectQueue>["execute"]>>[number];

function toQueueRow(row: QueueSelectRow): QueueRow {
  const a = row.application;
  return {
    id: a.id,
    organization: { id: a.organizationId, name: row.organizationName, townName: row.townName },
    call: { id: a.callId, title: row.callTitle },
    track: a.track,
    status: a.status,
    missingItems: a.missingItems,
    submissionCount: a.submissionCount,
    lastSubmittedAt: a.lastSubmittedAt?.toISOString() ?? null,
    statusChangedAt: a.statusChangedAt.toISOString(),
    extendedUntil: a.extendedUntil?.toISOString() ?? null,
    unreadMessages: Number(row.unread),
    version: a.version,
  };
}

/** The actor's base and the filters. Drafts are the applicant's own business unless asked for. */
export function queueWhere(ctx: Context, f: QueueFilter): SQL | undefined {
  const conditions: SQL[] = [eq(applications.baseId, ctx.actor.baseId)];
  if (f.status && f.status.length > 0) conditions.push(inArray(applications.status, f.status));
  else conditions.push(ne(applications.status, "draft"));
  if (f.callId) conditions.push(eq(applications.callId, f.callId));
  if (f.track) conditions.push(eq(applications.track, f.track));
  if (f.townId) conditions.push(eq(organizations.townId, f.townId));
  if (f.field) conditions.push(arrayContains(organizations.fields, [f.field]));
  if (f.completeness === "complete") conditions.push(eq(applications.missingItems, 0));
  if (f.completeness === "incomplete") conditions.push(gt(applications.missingItems, 0));
  if (f.unread) conditions.push(sql`${unreadApplicantMessages} > 0`);
  const q = f.q?.trim();
  if (q) conditions.push(nameMatches(q));
  return and(...conditions);
}

/** Same approach as the registry: the name's bigram index narrows, ILIKE confirms. */
function nameMatches(q: string): SQL {
  const pattern = `%${escapeLike(q)}%`;
  if ([...q].length < 2) return ilike(organizations.name, pattern);
  return and(
    sql`${organizations.nameBigrams} @> name_bigrams(${q})`,
    ilike(organizations.name, pattern),
  ) as SQL;
}

const SORTS = {
  statusChangedAt: applications.statusChangedAt,
  lastSubmittedAt: applications.lastSubmittedAt,
  name: organizations.name,
  missingItems: applications.missingItems,
} as const;

/** Never-submitted rows go last either way; the id breaks ties so pages never overlap. */
export function queueOrder(f: Pick<QueueFilter, "sort" | "order">): SQL[] {
  const direction = f.order === "asc" ? sql`asc` : sql`desc`;
  const nulls = f.sort === "lastSubmittedAt" ? sql` nulls last` : sql``;
  return [sql`${SORTS[f.sort]} ${direction}${nulls}`, asc(applications.id)];
}
