/**
 * Publishing, withdrawing and taking a post back to a draft, each at the version read, through the
 * lifecycle table (src/domain/services/post.ts), audited in the same transaction. Publishing fixes
 * a targeted post's recipients (the organizations that match then) and, once the post is visible,
 * delivers it: the bell and email to its readers, exactly once (`notified_at`), however often it
 * is withdrawn, fixed and published again. A scheduled post is delivered by `deliverDuePosts`.
 */
import {
  and,
  arrayOverlaps,
  eq,
  inArray,
  isNotNull,
  isNull,
  lte,
  notInArray,
  type SQL,
  sql,
} from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "../../../../db/client";
import { incubations, organizations, postRecipients, posts, users } from "../../../../db/schema";
import {
  isTargeted,
  nextPostStatus,
  type PostEvent,
  type PostTargeting,
} from "../../../../domain/services/post";
import type { PostView, ZPostPublishRequest, ZPostWithdraw } from "../../../../schemas/services/posts";
import { recordAudit } from "../../../audit";
import type { Context } from "../../../context";
import { fieldError, versionConflict } from "../../../errors";
import { notify } from "../../../notify";
import { isVisible, loadPost, type PostRow, postStatusInvalid, targetingOf } from "./load";
import { auditShape, postView } from "./write";

type Publish = z.output<typeof ZPostPublishRequest>;
type Withdraw = z.output<typeof ZPostWithdraw>;
export type PostStep =
  | { event: "publish"; input: Publish }
  | { event: "withdraw"; input: Withdraw }
  | { event: "redraft"; input: { version: number } };

export async function changePostStatus(db: Db, ctx: Context, id: string, step: PostStep): Promise<PostView> {
  return db.transaction(async (tx) => {
    const row = await loadPost(tx, ctx, id, { lock: true });
    if (row.version !== step.input.version) throw versionConflict(row.version);
    const next = nextPostStatus(row.status, step.event);
    if (!next) throw postStatusInvalid(ctx, row.status);
    const now = new Date();
    const change = await stepValues(tx, ctx, row, step, now);
    const [updated] = await tx
      .update(posts)
      .set({ ...change, status: next, version: row.version + 1, updatedBy: ctx.actor.userId, updatedAt: now })
      .where(eq(posts.id, id))
      .returning();
    if (!updated) throw versionConflict(row.version);
    if (step.event === "publish" && isVisible(updated, now)) await deliverPost(tx, updated, ctx.actor.userId);
    await recordAudit(tx, ctx, {
      baseId: row.baseId,
      action: AUDIT[step.event],
      entityType: "post",
      entityId: id,
      before: auditShape(row),
      after: {
        ...auditShape(updated),
        publishedAt: updated.publishedAt,
        ...(step.event === "withdraw" ? { reason: step.input.reason } : {}),
      },
    });
    return postView(tx, updated);
  });
}

const AUDIT = {
  publish: "post.publish",
  withdraw: "post.withdraw",
  redraft: "post.redraft",
} as const satisfies Record<PostEvent, string>;

async function stepValues(tx: Db, ctx: Context, row: PostRow, step: PostStep, now: Date) {
  switch (step.event) {
    case "publish": {
      const at = step.input.publishAt ? new Date(step.input.publishAt) : now;
      if (at < now) throw fieldError("publishAt", "post_publish_at_past");
      await fixRecipients(tx, row);
      return { publishedAt: at, publishedBy: ctx.actor.userId, withdrawnAt: null, withdrawReason: null };
    }
    case "withdraw":
      return { withdrawnAt: now, withdrawReason: step.input.reason };
    case "redraft":
      return {};
  }
}

/** The recipients of a targeted post, matched now (the list is replaced on a new publication). */
async function fixRecipients(tx: Db, row: PostRow): Promise<void> {
  await tx.delete(postRecipients).where(eq(postRecipients.postId, row.id));
  const targeting = targetingOf(row);
  if (!isTargeted(targeting)) return;
  const matched = await matchingOrganizations(tx, row.baseId, targeting);
  if (matched.length === 0) return;
  await tx
    .insert(postRecipients)
    .values(matched.map((organizationId) => ({ postId: row.id, organizationId, baseId: row.baseId })));
}

/**
 * The organizations of a base a targeting reaches: each list is an "any of", the lists together
 * "all of"; track and cohort are those of the organization's open incubation; residency and
 * field tags the registry's (the rule: matchesTargeting in the domain).
 */
export async function matchingOrganizations(tx: Db, baseId: string, t: PostTargeting): Promise<string[]> {
  const conditions: SQL[] = [eq(organizations.baseId, baseId)];
  if (t.residencies.length > 0) conditions.push(inArray(organizations.residency, [...t.residencies]));
  if (t.fields.length > 0) conditions.push(arrayOverlaps(organizations.fields, [...t.fields]));
  if (t.tracks.length > 0 || t.cohortIds.length > 0) {
    const open = [
      sql`${incubations.organizationId} = ${organizations.id}`,
      notInArray(incubations.status, ["graduated", "terminated"]),
    ];
    if (t.tracks.length > 0) open.push(inArray(incubations.track, [...t.tracks]));
    if (t.cohortIds.length > 0) open.push(inArray(incubations.cohortId, [...t.cohortIds]));
    conditions.push(
      sql`exists (${tx
        .select({ one: sql`1` })
        .from(incubations)
        .where(and(...open))})`,
    );
  }
  const rows = await tx
    .select({ id: organizations.id })
    .from(organizations)
    .where(and(...conditions));
  return rows.map((r) => r.id);
}

/**
 * The bell and email for a visible post, once: members of the organizations a targeted post
 * reaches, or every organization member of the base for an untargeted signed-in post. A public
 * post is for everyone and reaches members through their feed, not the bell.
 */
async function deliverPost(tx: Db, row: PostRow, actorId: string | null): Promise<void> {
  if (row.notifiedAt) return;
  await tx.update(posts).set({ notifiedAt: new Date() }).where(eq(posts.id, row.id));
  const targeted = isTargeted(targetingOf(row));
  if (!targeted && row.visibility === "public") return;
  const readers = targeted
    ? await tx
        .select({ id: users.id })
        .from(users)
        .innerJoin(postRecipients, eq(postRecipients.organizationId, users.organizationId))
        .where(eq(postRecipients.postId, row.id))
    : await tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.baseId, row.baseId), isNotNull(users.organizationId)));
  if (readers.length === 0) return;
  await notify(tx, {
    baseId: row.baseId,
    recipients: { kind: "users", userIds: readers.map((r) => r.id) },
    kind: "post_published",
    params: { postTitle: row.title, postKind: row.kind, deadlineOn: row.deadlineOn },
    link: `/posts/${row.id}`,
    exceptUserId: actorId,
  });
}

/** Delivers scheduled posts whose time has come (the periodic task; idempotent, instance-safe). */
export async function deliverDuePosts(db: Db, now = new Date()): Promise<{ delivered: number } | null> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select()
      .from(posts)
      .where(and(eq(posts.status, "published"), isNull(posts.notifiedAt), lte(posts.publishedAt, now)))
      .limit(50)
      .for("update", { skipLocked: true });
    for (const row of due) await deliverPost(tx, row, row.publishedBy);
    return due.length > 0 ? { delivered: due.length } : null;
  });
}
