/**
 * The work queue: the base's applications with filters, order and paging. The export shares the
 * filters and the order (`queueWhere`, `queueOrder`), so the file holds what the screen shows.
 */
import { and, arrayContains, asc, count, eq, gt, ilike, inArray, ne, type SQL, sql } from "drizzle-orm";
import type { PgSelect } from "drizzle-orm/pg-core";
import type { z } from "zod";
import type { Db } from "../../../../db/client";
import { applicationMessages, applications, calls, organizations, towns } from "../../../../db/schema";
import { escapeLike } from "../../../../db/sql-text";
import type { QueuePage, QueueRow, ZQueueFilter, ZQueueQuery } from "../../../../schemas/recruitment/intake";
import type { Context } from "../../../context";
import { requireListScope, scopeWhere } from "../../../scope";

/** An application is its organization's own record. */
export const APPLICATION_SCOPE = { baseId: applications.baseId, organizationId: applications.organizationId };

export type QueueFilter = z.output<typeof ZQueueFilter>;
export type QueueQueryData = z.output<typeof ZQueueQuery>;

/** Applicant messages staff have not read yet, per application. */
const unreadApplicantMessages = sql<number>`(
  select count(*)::int from ${applicationMessages} m
  where m.application_id = ${applications.id} and m.side = 'applicant' and m.read_at is null
)`;

/** The applicant wrote after the base's last word: a reply is owed (reading is not replying). */
const awaitingReply = sql`exists (
  select 1 from ${applicationMessages} m
  where m.application_id = ${applications.id} and m.side = 'applicant'
    and m.created_at > coalesce((
      select max(s.created_at) from ${applicationMessages} s
      where s.application_id = ${applications.id} and s.side = 'staff'
    ), '-infinity'::timestamptz)
)`;

/**
 * The page's ids are cut on `applications` alone when no filter or sort needs the organization
 * (joining every match to the registry before cutting the page made the queue a scan of all
 * organizations); the 20 rows with their joins are read around that cut in the same statement,
 * and the count beside it on the pool.
 */
export async function listQueue(db: Db, ctx: Context, query: QueueQueryData): Promise<QueuePage> {
  const where = queueWhere(ctx, query);
  const byOrganization = needsOrganization(query);
  const page = withOrganization(
    db.select({ id: applications.id }).from(applications).$dynamic(),
    byOrganization,
  )
    .where(where)
    .orderBy(...queueOrder(query))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const [[totals], rows] = await Promise.all([
    withOrganization(db.select({ total: count() }).from(applications).$dynamic(), byOrganization).where(
      where,
    ),
    selectQueue(db)
      .where(inArray(applications.id, page))
      .orderBy(...queueOrder(query)),
  ]);
  return {
    items: rows.map(toQueueRow),
    total: totals?.total ?? 0,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** Whether the filters or the sort read the organization's columns. */
function needsOrganization(f: QueueQueryData): boolean {
  return !!(f.townId || f.field || f.q?.trim()) || f.sort === "name";
}

/** The registry joined in, for filters and sorts on the organization (the selection is unchanged). */
function withOrganization<Q extends PgSelect>(query: Q, byOrganization: boolean): Q {
  return byOrganization
    ? (query.innerJoin(organizations, eq(organizations.id, applications.organizationId)) as unknown as Q)
    : query;
}

function selectQueue(db: Db) {
  return db
    .select({
      // What a row shows: not the answers, the documents' state or the audit columns.
      application: {
        id: applications.id,
        organizationId: applications.organizationId,
        callId: applications.callId,
        track: applications.track,
        status: applications.status,
        missingItems: applications.missingItems,
        submissionCount: applications.submissionCount,
        lastSubmittedAt: applications.lastSubmittedAt,
        statusChangedAt: applications.statusChangedAt,
        extendedUntil: applications.extendedUntil,
        version: applications.version,
      },
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

/**
 * The policy's scope of the list (403 for a role without one) and the filters. Drafts are the
 * applicant's own business unless asked for.
 */
export function queueWhere(ctx: Context, f: QueueFilter): SQL | undefined {
  const scope = requireListScope(ctx.actor, "application.list");
  const conditions: (SQL | undefined)[] = [scopeWhere(scope, APPLICATION_SCOPE)];
  if (f.status && f.status.length > 0) conditions.push(inArray(applications.status, f.status));
  else conditions.push(ne(applications.status, "draft"));
  if (f.callId) conditions.push(eq(applications.callId, f.callId));
  if (f.track) conditions.push(eq(applications.track, f.track));
  if (f.townId) conditions.push(eq(organizations.townId, f.townId));
  if (f.field) conditions.push(arrayContains(organizations.fields, [f.field]));
  if (f.completeness === "complete") conditions.push(eq(applications.missingItems, 0));
  if (f.completeness === "incomplete") conditions.push(gt(applications.missingItems, 0));
  if (f.unread) conditions.push(awaitingReply);
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
