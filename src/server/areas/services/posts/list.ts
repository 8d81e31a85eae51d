/**
 * The staff list of posts: filters by kind, status, audience and a search term, newest first;
 * each targeted published post with its recipients and how many of them have a reader, counted
 * in the same statement (the count does not grow with the rows).
 */
import { and, count, desc, eq, ilike, or, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "../../../../db/client";
import { posts } from "../../../../db/schema";
import { escapeLike } from "../../../../db/sql-text";
import type { PostPage, ZPostListQuery } from "../../../../schemas/services/posts";
import type { Context } from "../../../context";
import { requireAccess } from "../../../policy";
import { isScheduled, targetedSql } from "./load";

type ListQuery = z.output<typeof ZPostListQuery>;

export async function listPosts(db: Db, ctx: Context, query: ListQuery): Promise<PostPage> {
  requireAccess(ctx.actor, "post.manage", { baseId: ctx.actor.baseId });
  const conditions: SQL[] = [eq(posts.baseId, ctx.actor.baseId)];
  if (query.kind) conditions.push(eq(posts.kind, query.kind));
  if (query.status) conditions.push(eq(posts.status, query.status));
  if (query.visibility) conditions.push(eq(posts.visibility, query.visibility));
  const q = query.q?.trim();
  if (q) {
    const pattern = `%${escapeLike(q)}%`;
    conditions.push(or(ilike(posts.title, pattern), ilike(posts.summary, pattern)) as SQL);
  }
  const where = and(...conditions);
  // Written out with their tables: in a one-table select Drizzle leaves columns unqualified.
  const recipients = sql<number>`(select count(*)::int from post_recipients pr where pr.post_id = posts.id)`;
  const readers = sql<number>`(select count(distinct r.organization_id)::int from post_reads r
    join post_recipients pr on pr.post_id = r.post_id and pr.organization_id = r.organization_id
    where r.post_id = posts.id)`;
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: posts.id,
        kind: posts.kind,
        status: posts.status,
        visibility: posts.visibility,
        title: posts.title,
        targeted: targetedSql,
        publishedAt: posts.publishedAt,
        deadlineOn: posts.deadlineOn,
        recipients,
        readers,
        updatedAt: posts.updatedAt,
      })
      .from(posts)
      .where(where)
      .orderBy(desc(posts.updatedAt), desc(posts.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ n: count() }).from(posts).where(where),
  ]);
  const now = new Date();
  return {
    items: rows.map((r) => ({
      ...r,
      scheduled: isScheduled(r, now),
      publishedAt: r.publishedAt?.toISOString() ?? null,
      recipients: Number(r.recipients),
      readers: Number(r.readers),
      updatedAt: r.updatedAt.toISOString(),
    })),
    total: total?.n ?? 0,
    page: query.page,
    pageSize: query.pageSize,
  };
}
