/**
 * Writing a post: a new draft, and edits at the version read (409 when stale). The body is
 * sanitized here, whatever the editor sent, and its plain text kept for search. The audience
 * (visibility and targeting) changes only in a draft; a targeted post is never public.
 */
import { and, eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "../../../../db/client";
import { cohorts, posts } from "../../../../db/schema";
import {
  availablePostEvents,
  isAudienceEditable,
  isPostEditable,
  isTargeted,
  POST_LIMITS,
} from "../../../../domain/services/post";
import type { PostView, ZPostCreate, ZPostUpdate } from "../../../../schemas/services/posts";
import { recordAudit } from "../../../audit";
import type { Context } from "../../../context";
import { fieldError, versionConflict } from "../../../errors";
import { requireAccess } from "../../../policy";
import { attachmentsOf, requirePostFiles } from "./attachments";
import { isScheduled, loadPost, type PostRow, postStatusInvalid, targetingOf } from "./load";
import { plainText, sanitizePostHtml } from "./sanitize";

type PostCreate = z.output<typeof ZPostCreate>;
type PostUpdate = z.output<typeof ZPostUpdate>;

export async function createPost(db: Db, ctx: Context, input: PostCreate): Promise<PostView> {
  requireAccess(ctx.actor, "post.manage", { baseId: ctx.actor.baseId });
  return db.transaction(async (tx) => {
    const values = await checkedValues(tx, ctx, input, null);
    const [row] = await tx
      .insert(posts)
      .values({
        ...values,
        baseId: ctx.actor.baseId,
        createdBy: ctx.actor.userId,
        updatedBy: ctx.actor.userId,
      })
      .returning();
    if (!row) throw new Error("post not inserted");
    await recordAudit(tx, ctx, {
      baseId: row.baseId,
      action: "post.create",
      entityType: "post",
      entityId: row.id,
      after: auditShape(row),
    });
    return postView(tx, row);
  });
}

export async function updatePost(db: Db, ctx: Context, id: string, input: PostUpdate): Promise<PostView> {
  return db.transaction(async (tx) => {
    const row = await loadPost(tx, ctx, id, { lock: true });
    if (row.version !== input.version) throw versionConflict(row.version);
    if (!isPostEditable(row.status)) throw postStatusInvalid(ctx, row.status);
    const values = await checkedValues(tx, ctx, input, id);
    if (!isAudienceEditable(row.status) && audienceChanged(row, values))
      throw postStatusInvalid(ctx, row.status);
    const [updated] = await tx
      .update(posts)
      .set({ ...values, version: row.version + 1, updatedBy: ctx.actor.userId, updatedAt: new Date() })
      .where(and(eq(posts.id, id), eq(posts.version, row.version)))
      .returning();
    if (!updated) throw versionConflict(row.version);
    await recordAudit(tx, ctx, {
      baseId: row.baseId,
      action: "post.update",
      entityType: "post",
      entityId: id,
      before: auditShape(row),
      after: auditShape(updated),
    });
    return postView(tx, updated);
  });
}

export async function getPost(db: Db, ctx: Context, id: string): Promise<PostView> {
  return postView(db, await loadPost(db, ctx, id));
}

/** The row's values from the request, every rule checked first (400 naming the field). */
async function checkedValues(tx: Db, ctx: Context, input: PostCreate, postId: string | null) {
  const bodyHtml = sanitizePostHtml(input.bodyHtml);
  const bodyText = plainText(bodyHtml);
  if (bodyText.length === 0) throw fieldError("bodyHtml", "post_body_empty");
  if (bodyText.length > POST_LIMITS.bodyText)
    throw fieldError("bodyHtml", "too_long", { maximum: POST_LIMITS.bodyText });
  const targeting = input.targeting;
  if (isTargeted(targeting) && input.visibility === "public")
    throw fieldError("visibility", "post_targeted_public");
  if (targeting.cohortIds.length > 0) {
    const found = await tx
      .select({ id: cohorts.id })
      .from(cohorts)
      .where(and(inArray(cohorts.id, [...targeting.cohortIds]), eq(cohorts.baseId, ctx.actor.baseId)));
    if (found.length !== targeting.cohortIds.length)
      throw fieldError("targeting.cohortIds", "cohort_not_in_base");
  }
  await requirePostFiles(tx, postId, input.fileIds);
  return {
    kind: input.kind,
    visibility: input.visibility,
    title: input.title,
    summary: input.summary,
    bodyHtml,
    bodyText,
    source: input.source ?? null,
    link: input.link ?? null,
    deadlineOn: input.deadlineOn ?? null,
    targetTracks: [...targeting.tracks],
    targetCohortIds: [...targeting.cohortIds],
    targetResidencies: [...targeting.residencies],
    targetFields: [...targeting.fields],
    fileIds: [...input.fileIds],
  };
}

function audienceChanged(row: PostRow, values: Awaited<ReturnType<typeof checkedValues>>): boolean {
  const same = (a: readonly string[], b: readonly string[]) =>
    a.length === b.length && [...a].sort().join() === [...b].sort().join();
  return (
    row.visibility !== values.visibility ||
    !same(row.targetTracks, values.targetTracks) ||
    !same(row.targetCohortIds, values.targetCohortIds) ||
    !same(row.targetResidencies, values.targetResidencies) ||
    !same(row.targetFields, values.targetFields)
  );
}

export function auditShape(row: PostRow) {
  return {
    kind: row.kind,
    status: row.status,
    visibility: row.visibility,
    title: row.title,
    targeting: targetingOf(row),
    deadlineOn: row.deadlineOn,
    bodyLength: row.bodyText.length,
    fileIds: row.fileIds,
    version: row.version,
  };
}

export async function postView(db: Db, row: PostRow): Promise<PostView> {
  const now = new Date();
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    visibility: row.visibility,
    title: row.title,
    summary: row.summary,
    bodyHtml: row.bodyHtml,
    source: row.source,
    link: row.link,
    deadlineOn: row.deadlineOn,
    targeting: {
      tracks: row.targetTracks,
      cohortIds: row.targetCohortIds,
      residencies: row.targetResidencies as PostView["targeting"]["residencies"],
      fields: row.targetFields,
    },
    publishedAt: row.publishedAt?.toISOString() ?? null,
    scheduled: isScheduled(row, now),
    withdrawnAt: row.withdrawnAt?.toISOString() ?? null,
    withdrawReason: row.withdrawReason,
    events: availablePostEvents(row.status),
    audienceEditable: isAudienceEditable(row.status),
    attachments: await attachmentsOf(db, row),
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}
