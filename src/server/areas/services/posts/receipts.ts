/**
 * Read receipts (阅读回执) of a post, for staff: per organization reached, whether one of its
 * members read it, who first and when; for an untargeted post, the organizations that read it.
 * As .xlsx too (audited).
 */
import { and, asc, eq, isNotNull, sql } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { organizations, postReads, postRecipients, users } from "../../../../db/schema";
import { isTargeted } from "../../../../domain/services/post";
import { shanghaiDate, shanghaiDateTime } from "../../../../domain/shanghai-time";
import type { PostReceiptEntry, PostReceiptsView } from "../../../../schemas/services/posts";
import { recordAudit } from "../../../audit";
import type { Context } from "../../../context";
import { writeExportSheet } from "../../../xlsx-export";
import { loadPost, targetingOf } from "./load";

export async function postReceipts(db: Db, ctx: Context, id: string): Promise<PostReceiptsView> {
  const post = await loadPost(db, ctx, id);
  const targeted = isTargeted(targetingOf(post));
  const firstRead = sql<Date | null>`min(${postReads.readAt})`;
  const firstReader = sql<
    string | null
  >`(array_agg(${users.displayName} order by ${postReads.readAt}) filter (where ${postReads.userId} is not null))[1]`;
  const readers = sql<number>`count(${postReads.userId})::int`;
  const rows = targeted
    ? await db
        .select({
          organizationId: organizations.id,
          organizationName: organizations.name,
          firstRead,
          firstReader,
          readers,
        })
        .from(postRecipients)
        .innerJoin(organizations, eq(organizations.id, postRecipients.organizationId))
        .leftJoin(
          postReads,
          and(
            eq(postReads.postId, postRecipients.postId),
            eq(postReads.organizationId, postRecipients.organizationId),
          ),
        )
        .leftJoin(users, eq(users.id, postReads.userId))
        .where(eq(postRecipients.postId, id))
        .groupBy(organizations.id, organizations.name)
        .orderBy(sql`min(${postReads.readAt}) nulls last`, asc(organizations.name))
    : await db
        .select({
          organizationId: organizations.id,
          organizationName: organizations.name,
          firstRead,
          firstReader,
          readers,
        })
        .from(postReads)
        .innerJoin(organizations, eq(organizations.id, postReads.organizationId))
        .leftJoin(users, eq(users.id, postReads.userId))
        .where(and(eq(postReads.postId, id), isNotNull(postReads.organizationId)))
        .groupBy(organizations.id, organizations.name)
        .orderBy(sql`min(${postReads.readAt})`, asc(organizations.name));
  const items = rows.map(
    (r): PostReceiptEntry => ({
      organizationId: r.organizationId,
      organizationName: r.organizationName,
      readAt: r.firstRead ? new Date(r.firstRead).toISOString() : null,
      readerName: r.firstReader,
      readers: Number(r.readers),
    }),
  );
  return {
    postId: post.id,
    title: post.title,
    targeted,
    recipients: targeted ? items.length : 0,
    read: items.filter((i) => i.readAt !== null).length,
    items,
  };
}

const COLUMNS = [
  { header: "社会组织", width: 36 },
  { header: "是否已读", width: 10 },
  { header: "首次阅读时间", width: 20 },
  { header: "首位阅读人", width: 14 },
  { header: "阅读人数", width: 10 },
] as const;

export async function exportPostReceipts(
  db: Db,
  ctx: Context,
  id: string,
): Promise<{ buffer: Buffer; filename: string }> {
  const view = await postReceipts(db, ctx, id);
  const buffer = await writeExportSheet(
    "阅读回执",
    COLUMNS,
    view.items,
    (i) => [
      i.organizationName,
      i.readAt ? "已读" : "未读",
      i.readAt ? shanghaiDateTime(new Date(i.readAt)) : null,
      i.readerName,
      i.readers,
    ],
    {
      preface: {
        name: "说明",
        lines: [
          ["资讯", view.title],
          ["推送方式", view.targeted ? "定向推送" : "未定向（列出已阅读的组织）"],
          ["推送组织数", String(view.recipients)],
          ["已读组织数", String(view.read)],
          ["导出时间", shanghaiDateTime(new Date())],
          ["导出人", ctx.actor.displayName],
        ],
      },
    },
  );
  await recordAudit(db, ctx, {
    baseId: ctx.actor.baseId,
    action: "post.receipts_exported",
    entityType: "post",
    entityId: id,
    after: { rows: view.items.length },
  });
  const date = shanghaiDate(new Date()).replaceAll("-", "");
  return { buffer, filename: `阅读回执-${view.title.slice(0, 40)}-${date}.xlsx` };
}
