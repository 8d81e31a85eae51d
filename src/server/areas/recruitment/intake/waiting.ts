/**
 * What waits for base staff (the staff home): applications to check, applicant messages nobody
 * answered, calls closing within a week, returned applications whose deadline passed. Each item
 * carries what its link needs, so the home page is one click from every action.
 */
import { and, asc, count, eq, gt, inArray, lte, type SQL, type SQLWrapper, sql } from "drizzle-orm";
import { type Db, rowsOf } from "../../../../db/client";
import { applicationMessages, applications, calls, inspections, organizations } from "../../../../db/schema";
import type { ListScope } from "../../../../domain/access";
import { deadlineOf } from "../../../../domain/application";
import type { Waiting, WaitingItem } from "../../../../schemas/recruitment/intake";
import type { Context } from "../../../context";
import { requireListScope, scopeWhere } from "../../../scope";
import { type Reads, UNSHARED } from "../../../shared-reads";
import { APPLICATION_SCOPE } from "./queue";

const ITEMS = 5;
const WEEK = 7 * 24 * 60 * 60 * 1000;

export async function waitingForStaff(db: Db, ctx: Context, reads: Reads = UNSHARED): Promise<Waiting> {
  const scope = requireListScope(ctx.actor, "application.list");
  // The answer depends on the scope alone (the base): its staff share a read in flight.
  return reads.read(`waiting:${JSON.stringify(scope)}`, () => waitingIn(db, scope));
}

async function waitingIn(db: Db, scope: ListScope): Promise<Waiting> {
  const [toCheck, unanswered, closingSoon, overdue, toPlan, toSignOff] = await Promise.all([
    toCheckCard(db, scope),
    unansweredCard(db, scope),
    closingSoonCard(db, scope),
    overdueCard(db, scope),
    toPlanCard(db, scope),
    toSignOffCard(db, scope),
  ]);
  return {
    toCheck,
    unansweredMessages: unanswered,
    closingSoon,
    returnedOverdue: overdue,
    toPlan,
    toSignOff,
  };
}

/** What every item shows: the application, its organization and its call. */
const ITEM_COLUMNS = {
  id: applications.id,
  organizationName: organizations.name,
  callTitle: calls.title,
  track: applications.track,
  status: applications.status,
};

/**
 * A card's count as a column of its page, so a card is one statement, not two: an uncorrelated
 * subquery, computed once. An empty page means a count of zero (same conditions).
 */
function totalOf(query: SQLWrapper) {
  return sql<number>`(${query})`.mapWith(Number);
}

function applicationItems(db: Db, total: SQL<number>) {
  return db
    .select({
      ...ITEM_COLUMNS,
      total,
      lastSubmittedAt: applications.lastSubmittedAt,
      statusChangedAt: applications.statusChangedAt,
      closesAt: calls.closesAt,
      extendedUntil: applications.extendedUntil,
    })
    .from(applications)
    .innerJoin(organizations, eq(organizations.id, applications.organizationId))
    .innerJoin(calls, eq(calls.id, applications.callId))
    .$dynamic();
}

/** A row with ITEM_COLUMNS, whatever else the card's query selected. */
type ItemRow = Pick<WaitingItem, "organizationName" | "callTitle" | "track" | "status"> & { id: string };

function item(row: ItemRow, since: Date): WaitingItem {
  return {
    applicationId: row.id,
    organizationName: row.organizationName,
    callTitle: row.callTitle,
    track: row.track,
    status: row.status,
    since: since.toISOString(),
  };
}

async function toCheckCard(db: Db, scope: ListScope) {
  // In the words of the partial index applications_to_check, which then gives the five in order.
  const where = and(
    scopeWhere(scope, APPLICATION_SCOPE),
    sql`${applications.status} in ('submitted', 'resubmitted')`,
  );
  const total = totalOf(db.select({ n: count() }).from(applications).where(where));
  const waitingSince = sql`coalesce(${applications.lastSubmittedAt}, ${applications.statusChangedAt})`;
  const rows = await applicationItems(db, total)
    .where(where)
    .orderBy(asc(waitingSince), asc(applications.id))
    .limit(ITEMS);
  return {
    count: rows[0]?.total ?? 0,
    items: rows.map((r) => item(r, r.lastSubmittedAt ?? r.statusChangedAt)),
  };
}

async function unansweredCard(db: Db, scope: ListScope) {
  const unread = db
    .select({
      applicationId: applicationMessages.applicationId,
      unread: sql<number>`count(*)::int`.as("unread"),
      oldest: sql<Date>`min(${applicationMessages.createdAt})`.as("oldest"),
      preview:
        sql<string>`(array_agg(left(${applicationMessages.body}, 80) order by ${applicationMessages.createdAt}))[1]`.as(
          "preview",
        ),
      // Over the groups (a window runs after GROUP BY), before the five are cut.
      total: sql<number>`count(*) over ()`.as("total"),
    })
    .from(applicationMessages)
    .where(
      and(
        scopeWhere(scope, { baseId: applicationMessages.baseId }),
        eq(applicationMessages.side, "applicant"),
        // Unanswered, not unread: opening the thread is not a reply. What the applicant wrote
        // after the base's last word (a message, or a return's reason) still waits.
        sql`${applicationMessages.createdAt} > coalesce((
          select max(s.created_at) from application_messages s
          where s.application_id = ${applicationMessages.applicationId} and s.side = 'staff'
        ), '-infinity'::timestamptz)`,
      ),
    )
    .groupBy(applicationMessages.applicationId)
    // The five oldest are chosen among the groups, so only they are joined to their application.
    .orderBy(sql`min(${applicationMessages.createdAt})`, asc(applicationMessages.applicationId))
    .limit(ITEMS)
    .as("unread");
  const rows = await db
    .select({
      ...ITEM_COLUMNS,
      total: sql<number>`${unread.total}`.mapWith(Number),
      unread: unread.unread,
      oldest: unread.oldest,
      preview: unread.preview,
    })
    .from(unread)
    .innerJoin(applications, eq(applications.id, unread.applicationId))
    .innerJoin(organizations, eq(organizations.id, applications.organizationId))
    .innerJoin(calls, eq(calls.id, applications.callId))
    .orderBy(asc(unread.oldest), asc(applications.id))
    .limit(ITEMS);
  return {
    count: rows[0]?.total ?? 0,
    items: rows.map((r) => ({
      ...item(r, new Date(r.oldest)),
      unread: Number(r.unread),
      preview: r.preview,
    })),
  };
}

async function closingSoonCard(db: Db, scope: ListScope) {
  const now = new Date();
  const within = and(
    scopeWhere(scope, { baseId: calls.baseId }),
    eq(calls.status, "published"),
    gt(calls.closesAt, now),
    lte(calls.closesAt, new Date(now.getTime() + WEEK)),
  );
  // The calls and their counts by status in one statement (a lateral count per call).
  const soon = rowsOf<{
    id: string;
    title: string;
    closesAt: Date | string;
    drafts: number;
    toCheck: number;
    returned: number;
    accepted: number;
  }>(
    await db.execute(sql`
      select ${calls.id} as "id", ${calls.title} as "title", ${calls.closesAt} as "closesAt",
        n.drafts as "drafts", n.to_check as "toCheck", n.returned as "returned", n.accepted as "accepted"
      from ${calls} cross join lateral (
        select count(*) filter (where a.status = 'draft')::int as drafts,
          count(*) filter (where a.status in ('submitted', 'resubmitted'))::int as to_check,
          count(*) filter (where a.status = 'returned')::int as returned,
          count(*) filter (where a.status = 'accepted')::int as accepted
        from ${applications} a where a.call_id = ${calls.id}
      ) n
      where ${within}
      order by ${calls.closesAt}`),
  );
  return soon.map((c) => ({
    id: c.id,
    title: c.title,
    closesAt: new Date(c.closesAt).toISOString(),
    drafts: Number(c.drafts),
    toCheck: Number(c.toCheck),
    returned: Number(c.returned),
    accepted: Number(c.accepted),
  }));
}

/** Returned, and neither the call's closing time nor an extension lets it come back now. */
async function overdueCard(db: Db, scope: ListScope) {
  const deadline = sql`greatest(${calls.closesAt}, coalesce(${applications.extendedUntil}, ${calls.closesAt}))`;
  const where = and(
    scopeWhere(scope, APPLICATION_SCOPE),
    eq(applications.status, "returned"),
    sql`${deadline} < now()`,
  );
  const total = totalOf(
    db
      .select({ n: count() })
      .from(applications)
      .innerJoin(calls, eq(calls.id, applications.callId))
      .where(where),
  );
  const rows = await applicationItems(db, total).where(where).orderBy(asc(deadline)).limit(ITEMS);
  return {
    count: rows[0]?.total ?? 0,
    items: rows.map((r) => item(r, deadlineOf(r.closesAt, r.extendedUntil))),
  };
}

/** Stage 2: accepted, no inspection planned yet (the oldest acceptance first). */
async function toPlanCard(db: Db, scope: ListScope) {
  const where = and(scopeWhere(scope, APPLICATION_SCOPE), eq(applications.status, "accepted"));
  const total = totalOf(db.select({ n: count() }).from(applications).where(where));
  const rows = await applicationItems(db, total)
    .where(where)
    .orderBy(asc(applications.statusChangedAt), asc(applications.id))
    .limit(ITEMS);
  return { count: rows[0]?.total ?? 0, items: rows.map((r) => item(r, r.statusChangedAt)) };
}

/** Stage 2: inspections planned or being recorded whose time has passed (the oldest first). */
async function toSignOffCard(db: Db, scope: ListScope) {
  const where = and(
    scopeWhere(scope, { baseId: inspections.baseId }),
    inArray(inspections.status, ["planned", "recording"]),
    lte(inspections.scheduledAt, new Date()),
  );
  const rows = await db
    .select({
      ...ITEM_COLUMNS,
      inspectionId: inspections.id,
      scheduledAt: inspections.scheduledAt,
      total: totalOf(db.select({ n: count() }).from(inspections).where(where)),
    })
    .from(inspections)
    .innerJoin(applications, eq(applications.id, inspections.applicationId))
    .innerJoin(organizations, eq(organizations.id, applications.organizationId))
    .innerJoin(calls, eq(calls.id, applications.callId))
    .where(where)
    .orderBy(asc(inspections.scheduledAt), asc(inspections.id))
    .limit(ITEMS);
  return {
    count: rows[0]?.total ?? 0,
    items: rows.map((r) => ({ ...item(r, r.scheduledAt), inspectionId: r.inspectionId })),
  };
}
