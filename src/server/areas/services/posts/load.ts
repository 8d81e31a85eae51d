/**
 * Finding a post: staff through `post.manage` (any post of their base); a reader through
 * `post.read`, with the `post_reader` relation when the post is published, visible by now, and
 * either untargeted or aimed at the reader's organization. Anything else is 404 for a reader, so
 * a draft, a scheduled post and another organization's targeted post look the same: absent.
 */
import { and, eq, exists, isNotNull, lte, not, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { postRecipients, posts } from "../../../../db/schema";
import type { Relation, Subject } from "../../../../domain/access";
import { type Actor, hasRole } from "../../../../domain/roles";
import { isTargeted, type PostStatus, type PostTargeting } from "../../../../domain/services/post";
import { POST_LABELS } from "../../../../schemas/services/post-labels";
import type { Context } from "../../../context";
import { AppError, notFound } from "../../../errors";
import { requireAccess, requireRoleFor } from "../../../policy";

export type PostRow = typeof posts.$inferSelect;

/** A post of the actor's base for staff (FOR UPDATE with `lock`); 404 when not theirs. */
export async function loadPost(tx: Db, ctx: Context, id: string, options: { lock?: boolean } = {}) {
  requireRoleFor(ctx.actor, "post.manage");
  const query = tx.select().from(posts).where(eq(posts.id, id)).limit(1);
  const [row] = options.lock ? await query.for("update") : await query;
  if (!row) throw notFound();
  requireAccess(ctx.actor, "post.manage", { baseId: row.baseId });
  return row;
}

/** A post its reader may open (the relation found here, the decision the policy's). */
export async function loadReadablePost(db: Db, ctx: Context, id: string): Promise<PostRow> {
  const [row] = await db.select().from(posts).where(eq(posts.id, id)).limit(1);
  if (!row) throw notFound();
  const relations: Relation[] = (await isReaderOf(db, ctx, row)) ? ["post_reader"] : [];
  requireAccess(ctx.actor, "post.read", { baseId: row.baseId, relations });
  return row;
}

/** A published public post visible now (the portal's, no sign-in), or undefined. */
export async function publicPost(db: Db, id: string): Promise<PostRow | undefined> {
  const [row] = await db
    .select()
    .from(posts)
    .where(and(eq(posts.id, id), visibleSql(new Date()), eq(posts.visibility, "public")))
    .limit(1);
  return row;
}

/** A post's policy subject for the files area (its attachments are read as the post is). */
export async function postOwnerSubject(
  db: Db,
  id: string,
  actor: Actor,
  fileId?: string,
): Promise<Subject | null> {
  const [row] = await db.select().from(posts).where(eq(posts.id, id)).limit(1);
  if (!row) return null;
  // A reader reads only what the post carries: a file uploaded and left out is staff's alone.
  const carried = !fileId || row.fileIds.includes(fileId);
  const relations: Relation[] = carried && (await isReaderOf(db, { actor }, row)) ? ["post_reader"] : [];
  return { baseId: row.baseId, relations };
}

async function isReaderOf(db: Db, ctx: { actor: Actor }, row: PostRow): Promise<boolean> {
  if (row.baseId !== ctx.actor.baseId || !isVisible(row, new Date())) return false;
  if (!isTargeted(targetingOf(row))) return true;
  if (!ctx.actor.organizationId) return false;
  const [hit] = await db
    .select({ one: sql`1` })
    .from(postRecipients)
    .where(
      and(eq(postRecipients.postId, row.id), eq(postRecipients.organizationId, ctx.actor.organizationId)),
    )
    .limit(1);
  return !!hit;
}

export function isVisible(row: Pick<PostRow, "status" | "publishedAt">, now: Date): boolean {
  return row.status === "published" && row.publishedAt !== null && row.publishedAt <= now;
}

export function isScheduled(row: Pick<PostRow, "status" | "publishedAt">, now: Date): boolean {
  return row.status === "published" && row.publishedAt !== null && row.publishedAt > now;
}

export function targetingOf(row: PostRow): PostTargeting {
  return {
    tracks: row.targetTracks,
    cohortIds: row.targetCohortIds,
    residencies: row.targetResidencies,
    fields: row.targetFields,
  };
}

/** SQL: the post has any targeting. */
export const targetedSql = sql<boolean>`(cardinality(${posts.targetTracks}) + cardinality(${posts.targetCohortIds}) + cardinality(${posts.targetResidencies}) + cardinality(${posts.targetFields}) > 0)`;

/** SQL: published and visible by `now`. */
export function visibleSql(now: Date): SQL {
  return and(eq(posts.status, "published"), isNotNull(posts.publishedAt), lte(posts.publishedAt, now)) as SQL;
}

/**
 * SQL: what the signed-in actor's feed holds (with `visibleSql`): staff every post of the base;
 * anyone else the untargeted ones and those aimed at their organization.
 */
export function feedSql(ctx: Context, db: Db): SQL {
  const base = eq(posts.baseId, ctx.actor.baseId);
  if (hasRole(ctx.actor, "admin", "staff")) return base;
  const untargeted = not(targetedSql);
  const organizationId = ctx.actor.organizationId;
  if (!organizationId) return and(base, untargeted) as SQL;
  const aimed = exists(
    db
      .select({ one: sql`1` })
      .from(postRecipients)
      .where(and(eq(postRecipients.postId, posts.id), eq(postRecipients.organizationId, organizationId))),
  );
  return and(base, or(untargeted, aimed)) as SQL;
}

/** 409: the post's status does not allow this, in the user's language, with the current status. */
export function postStatusInvalid(ctx: Context, status: PostStatus): AppError {
  return new AppError("post_status_invalid", {
    params: { status: POST_LABELS[ctx.lang].status[status] },
    details: { currentStatus: status },
  });
}
