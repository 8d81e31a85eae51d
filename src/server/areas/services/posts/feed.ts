/**
 * The reader's side: the signed-in feed ("资讯": public posts, posts for signed-in users, and
 * targeted ones that reach the reader's organization), unread first marked; opening a post
 * records the reader's receipt once. Staff read every post of their base here as well.
 */
import { and, count, desc, eq, isNull, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "../../../../db/client";
import { postReads, posts } from "../../../../db/schema";
import type {
  PostFeedEntry,
  PostFeedPage,
  PostReadingView,
  ZPostFeedQuery,
} from "../../../../schemas/services/posts";
import type { Context } from "../../../context";
import { requireAccess } from "../../../policy";
import { attachmentsOf } from "./attachments";
import { feedSql, isVisible, loadReadablePost, type PostRow, targetedSql, visibleSql } from "./load";

type FeedQuery = z.output<typeof ZPostFeedQuery>;

/** The start of the body a list shows when a post has no summary. */
export const excerptSql = sql<string>`case when ${posts.summary} <> '' then ${posts.summary} else left(${posts.bodyText}, 140) end`;

export async function listFeed(db: Db, ctx: Context, query: FeedQuery): Promise<PostFeedPage> {
  requireAccess(ctx.actor, "post.feed");
  const now = new Date();
  const readJoin = and(eq(postReads.postId, posts.id), eq(postReads.userId, ctx.actor.userId));
  const scope: SQL[] = [visibleSql(now), feedSql(ctx, db)];
  if (query.targeted === "true") scope.push(targetedSql);
  const filtered = [...scope];
  if (query.kind) filtered.push(eq(posts.kind, query.kind));
  if (query.unread === "true") filtered.push(isNull(postReads.postId));
  const [rows, [total], [unread]] = await Promise.all([
    db
      .select({
        id: posts.id,
        kind: posts.kind,
        title: posts.title,
        excerpt: excerptSql,
        deadlineOn: posts.deadlineOn,
        publishedAt: posts.publishedAt,
        targeted: targetedSql,
        readAt: postReads.readAt,
      })
      .from(posts)
      .leftJoin(postReads, readJoin)
      .where(and(...filtered))
      .orderBy(desc(posts.publishedAt), desc(posts.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db
      .select({ n: count() })
      .from(posts)
      .leftJoin(postReads, readJoin)
      .where(and(...filtered)),
    db
      .select({ n: count() })
      .from(posts)
      .leftJoin(postReads, readJoin)
      .where(and(...scope, isNull(postReads.postId))),
  ]);
  return {
    items: rows.map(
      (r): PostFeedEntry => ({
        id: r.id,
        kind: r.kind,
        title: r.title,
        excerpt: r.excerpt,
        deadlineOn: r.deadlineOn,
        publishedAt: (r.publishedAt as Date).toISOString(),
        targeted: r.targeted,
        read: r.readAt !== null,
      }),
    ),
    total: total?.n ?? 0,
    unread: unread?.n ?? 0,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** Opens a post for its reader and records the receipt (the first reading only). */
export async function readPost(db: Db, ctx: Context, id: string): Promise<PostReadingView> {
  const row = await loadReadablePost(db, ctx, id);
  let readAt: Date | null = null;
  if (isVisible(row, new Date())) {
    await db
      .insert(postReads)
      .values({
        postId: row.id,
        userId: ctx.actor.userId,
        organizationId: ctx.actor.organizationId,
        baseId: row.baseId,
      })
      .onConflictDoNothing();
    const [read] = await db
      .select({ readAt: postReads.readAt })
      .from(postReads)
      .where(and(eq(postReads.postId, row.id), eq(postReads.userId, ctx.actor.userId)));
    readAt = read?.readAt ?? null;
  }
  return readingView(db, row, readAt);
}

export async function readingView(db: Db, row: PostRow, readAt: Date | null): Promise<PostReadingView> {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    summary: row.summary,
    bodyHtml: row.bodyHtml,
    source: row.source,
    link: row.link,
    deadlineOn: row.deadlineOn,
    publishedAt: (row.publishedAt ?? row.updatedAt).toISOString(),
    visibility: row.visibility,
    targeted:
      row.targetTracks.length +
        row.targetCohortIds.length +
        row.targetResidencies.length +
        row.targetFields.length >
      0,
    readAt: readAt?.toISOString() ?? null,
    attachments: await attachmentsOf(db, row),
  };
}
