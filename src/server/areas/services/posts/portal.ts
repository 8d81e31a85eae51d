/**
 * The public portal's posts: published, public, visible by now, of every base on this
 * installation; no sign-in. Search is Chinese-friendly: a term of two characters or more is
 * first narrowed by the post's bigram index (title, summary and text, migration 0003's function),
 * then confirmed by ILIKE, as the organization registry searches names.
 */
import { and, count, desc, eq, ilike, or, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "../../../../db/client";
import { posts } from "../../../../db/schema";
import { escapeLike } from "../../../../db/sql-text";
import type { PostFeedPage, PostReadingView, ZPortalPostQuery } from "../../../../schemas/services/posts";
import { notFound } from "../../../errors";
import { excerptSql, readingView } from "./feed";
import { publicPost, visibleSql } from "./load";

type PortalQuery = z.output<typeof ZPortalPostQuery>;

const PUBLIC = () => eq(posts.visibility, "public");

export async function listPortalPosts(db: Db, query: PortalQuery): Promise<PostFeedPage> {
  const conditions: SQL[] = [visibleSql(new Date()), PUBLIC()];
  if (query.kind) conditions.push(eq(posts.kind, query.kind));
  const q = query.q?.trim();
  if (q) conditions.push(postMatches(q));
  const where = and(...conditions);
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: posts.id,
        kind: posts.kind,
        title: posts.title,
        excerpt: excerptSql,
        deadlineOn: posts.deadlineOn,
        publishedAt: posts.publishedAt,
      })
      .from(posts)
      .where(where)
      .orderBy(desc(posts.publishedAt), desc(posts.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ n: count() }).from(posts).where(where),
  ]);
  return {
    items: rows.map((r) => ({
      ...r,
      publishedAt: (r.publishedAt as Date).toISOString(),
      targeted: false,
      read: false,
    })),
    total: total?.n ?? 0,
    unread: 0,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export async function getPortalPost(db: Db, id: string): Promise<PostReadingView> {
  const row = await publicPost(db, id);
  if (!row) throw notFound();
  return readingView(db, row, null);
}

function postMatches(q: string): SQL {
  const pattern = `%${escapeLike(q)}%`;
  const text = or(
    ilike(posts.title, pattern),
    ilike(posts.summary, pattern),
    ilike(posts.bodyText, pattern),
  ) as SQL;
  return [...q].length >= 2 ? (and(sql`${posts.searchBigrams} @> name_bigrams(${q})`, text) as SQL) : text;
}
