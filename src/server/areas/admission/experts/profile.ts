/**
 * The expert's own side (expert.self): the profile (fields of expertise, affiliation, title,
 * bio; versioned, the first save creates it), the conflicts they declare with organizations of
 * the base (a reason is required; they may withdraw their own declarations, never the staff's),
 * and a name search of the base's organizations to declare against.
 */
import { and, asc, eq, ilike, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "../../../../db/client";
import { expertConflicts, expertProfiles, organizations, users } from "../../../../db/schema";
import { escapeLike, isUniqueViolation } from "../../../../db/sql-text";
import type {
  Conflict,
  ExpertProfile,
  ZConflictInput,
  ZExpertProfileUpdate,
} from "../../../../schemas/admission/experts";
import { recordAudit } from "../../../audit";
import type { Context } from "../../../context";
import { AppError, notFound, versionConflict } from "../../../errors";
import { requireAccess } from "../../../policy";
import { conflictViews, organizationOfBase } from "./load";

export async function profileOf(db: Db, userId: string): Promise<ExpertProfile> {
  const [row] = await db
    .select({ profile: expertProfiles, displayName: users.displayName })
    .from(users)
    .leftJoin(expertProfiles, eq(expertProfiles.userId, users.id))
    .where(eq(users.id, userId));
  if (!row) throw notFound();
  const p = row.profile;
  return {
    userId,
    displayName: row.displayName,
    fields: p?.fields ?? [],
    affiliation: p?.affiliation ?? null,
    title: p?.title ?? null,
    bio: p?.bio ?? null,
    version: p?.version ?? 0,
  };
}

export async function ownProfile(db: Db, ctx: Context): Promise<ExpertProfile> {
  requireAccess(ctx.actor, "expert.self");
  return profileOf(db, ctx.actor.userId);
}

export async function updateOwnProfile(
  db: Db,
  ctx: Context,
  input: z.output<typeof ZExpertProfileUpdate>,
): Promise<ExpertProfile> {
  requireAccess(ctx.actor, "expert.self");
  const before = await profileOf(db, ctx.actor.userId);
  if (before.version !== input.version) throw versionConflict(before.version);
  const values = {
    fields: input.fields,
    affiliation: input.affiliation ?? null,
    title: input.title ?? null,
    bio: input.bio ?? null,
  };
  await db
    .transaction(async (tx) => {
      if (input.version === 0) {
        await tx
          .insert(expertProfiles)
          .values({ userId: ctx.actor.userId, baseId: ctx.actor.baseId, ...values });
      } else {
        const [row] = await tx
          .update(expertProfiles)
          .set({ ...values, version: sql`${expertProfiles.version} + 1`, updatedAt: sql`now()` })
          .where(and(eq(expertProfiles.userId, ctx.actor.userId), eq(expertProfiles.version, input.version)))
          .returning({ v: expertProfiles.version });
        if (!row) throw versionConflict((await profileOf(tx, ctx.actor.userId)).version);
      }
      await recordAudit(tx, ctx, {
        baseId: ctx.actor.baseId,
        action: "expert.profile_updated",
        entityType: "expert",
        entityId: ctx.actor.userId,
        before: { fields: before.fields, affiliation: before.affiliation, title: before.title },
        after: { fields: values.fields, affiliation: values.affiliation, title: values.title },
      });
    })
    .catch(async (error: unknown) => {
      // Two first saves at once: the second finds the row the first created.
      if (isUniqueViolation(error)) throw versionConflict((await profileOf(db, ctx.actor.userId)).version);
      throw error;
    });
  return profileOf(db, ctx.actor.userId);
}

/** The expert's own conflicts: what they declared, what staff recorded, and what is detected. */
export async function ownConflicts(db: Db, ctx: Context): Promise<{ items: Conflict[] }> {
  requireAccess(ctx.actor, "expert.self");
  const [me] = await db.select().from(users).where(eq(users.id, ctx.actor.userId));
  if (!me) throw notFound();
  return { items: await conflictViews(db, ctx.actor.baseId, me) };
}

export async function declareConflict(
  db: Db,
  ctx: Context,
  input: z.output<typeof ZConflictInput>,
): Promise<Conflict> {
  requireAccess(ctx.actor, "expert.self");
  return storeConflict(db, ctx, ctx.actor.userId, "declared", input);
}

/** Stores a declared or staff-recorded conflict (one per expert and organization). */
export async function storeConflict(
  db: Db,
  ctx: Context,
  expertId: string,
  source: "declared" | "staff",
  input: z.output<typeof ZConflictInput>,
): Promise<Conflict> {
  // Another base's organization does not exist here: 404.
  const organization = await organizationOfBase(db, ctx.actor.baseId, input.organizationId);
  return db
    .transaction(async (tx) => {
      const [row] = await tx
        .insert(expertConflicts)
        .values({
          baseId: ctx.actor.baseId,
          expertId,
          organizationId: organization.id,
          source,
          reason: input.reason,
          createdBy: ctx.actor.userId,
        })
        .returning();
      if (!row) throw new Error("conflict insert returned nothing");
      await recordAudit(tx, ctx, {
        baseId: ctx.actor.baseId,
        action: source === "declared" ? "expert.conflict_declared" : "expert.conflict_recorded",
        entityType: "expert",
        entityId: expertId,
        after: {
          conflictId: row.id,
          organizationId: organization.id,
          organizationName: organization.name,
          reason: row.reason,
        },
      });
      return {
        id: row.id,
        organizationId: organization.id,
        organizationName: organization.name,
        kind: source,
        reason: row.reason,
        createdAt: row.createdAt.toISOString(),
      };
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) throw new AppError("conflict_exists");
      throw error;
    });
}

/** Withdraws one of the expert's own declarations; a staff record or another's is 404. */
export async function withdrawConflict(db: Db, ctx: Context, conflictId: string): Promise<void> {
  requireAccess(ctx.actor, "expert.self");
  await db.transaction(async (tx) => {
    const [row] = await tx
      .delete(expertConflicts)
      .where(
        and(
          eq(expertConflicts.id, conflictId),
          eq(expertConflicts.expertId, ctx.actor.userId),
          eq(expertConflicts.source, "declared"),
        ),
      )
      .returning();
    if (!row) throw notFound();
    await recordAudit(tx, ctx, {
      baseId: row.baseId,
      action: "expert.conflict_withdrawn",
      entityType: "expert",
      entityId: ctx.actor.userId,
      before: { conflictId: row.id, organizationId: row.organizationId, reason: row.reason },
    });
  });
}

/** Up to 20 organizations of the expert's base whose name contains `q`. */
export async function searchOrganizations(db: Db, ctx: Context, q: string) {
  requireAccess(ctx.actor, "expert.self");
  const items = await db
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(and(eq(organizations.baseId, ctx.actor.baseId), ilike(organizations.name, `%${escapeLike(q)}%`)))
    .orderBy(asc(organizations.name))
    .limit(20);
  return { items };
}
