/**
 * The bell: each signed-in user reads and marks only their own notifications (any role may; a
 * notification of someone else does not exist for them, 404). Marking read is not audited: it
 * changes nothing but the reader's own inbox.
 */
import { and, count, desc, eq, isNull, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "../../../../db/client";
import { notifications } from "../../../../db/schema";
import type {
  Notification,
  NotificationPage,
  ZNotificationQuery,
} from "../../../../schemas/platform/notifications";
import type { Context } from "../../../context";
import { notFound } from "../../../errors";

type NotificationQuery = z.output<typeof ZNotificationQuery>;

export async function listNotifications(
  db: Db,
  ctx: Context,
  query: NotificationQuery,
): Promise<NotificationPage> {
  const mine = eq(notifications.userId, ctx.actor.userId);
  const where = query.unread === "true" ? and(mine, isNull(notifications.readAt)) : mine;
  const [total] = await db.select({ n: count() }).from(notifications).where(where);
  const rows = await db
    .select()
    .from(notifications)
    .where(where)
    // Unread first, then newest first.
    .orderBy(sql`${notifications.readAt} IS NOT NULL`, desc(notifications.createdAt), desc(notifications.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return {
    items: rows.map(toNotification),
    total: total?.n ?? 0,
    page: query.page,
    pageSize: query.pageSize,
    unread: await unreadCount(db, ctx),
  };
}

export async function unreadCount(db: Db, ctx: Context): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, ctx.actor.userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

/** Marks one read (again is fine); another user's notification is 404. */
export async function markRead(db: Db, ctx: Context, id: string): Promise<Notification> {
  const [row] = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
    .where(and(eq(notifications.id, id), eq(notifications.userId, ctx.actor.userId)))
    .returning();
  if (!row) throw notFound();
  return toNotification(row);
}

export async function markAllRead(db: Db, ctx: Context): Promise<{ updated: number }> {
  const rows = await db
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(and(eq(notifications.userId, ctx.actor.userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return { updated: rows.length };
}

function toNotification(row: typeof notifications.$inferSelect): Notification {
  return {
    id: row.id,
    kind: row.kind as Notification["kind"],
    params: row.params,
    link: row.link,
    readAt: row.readAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}
