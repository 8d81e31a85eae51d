/**
 * 个人信息: the individual's own profile (name, email, work unit, title), versioned: a save from
 * an older copy is 409. The first save of an account from before profiles existed creates it.
 * The mobile is not edited here: it is the account's sign-in, changed only with a phone code.
 */
import { and, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "../../../../db/client";
import { personProfiles, users } from "../../../../db/schema";
import type { OwnProfile, ZOwnProfileUpdate } from "../../../../schemas/services/people";
import { changedFields, recordAudit } from "../../../audit";
import type { Context } from "../../../context";
import { notFound, versionConflict } from "../../../errors";
import { requireAccess } from "../../../policy";

async function profileOf(db: Db, userId: string): Promise<OwnProfile> {
  const [row] = await db
    .select({ user: users, profile: personProfiles })
    .from(users)
    .leftJoin(personProfiles, eq(personProfiles.userId, users.id))
    .where(eq(users.id, userId));
  if (!row) throw notFound();
  return {
    id: row.user.id,
    displayName: row.user.displayName,
    mobile: row.user.mobile,
    email: row.user.email,
    workUnit: row.profile?.workUnit ?? null,
    jobTitle: row.profile?.jobTitle ?? null,
    version: row.profile?.version ?? 0,
  };
}

export async function ownProfile(db: Db, ctx: Context): Promise<OwnProfile> {
  requireAccess(ctx.actor, "person.self");
  return profileOf(db, ctx.actor.userId);
}

export async function updateOwnProfile(
  db: Db,
  ctx: Context,
  input: z.output<typeof ZOwnProfileUpdate>,
): Promise<OwnProfile> {
  requireAccess(ctx.actor, "person.self");
  const me = ctx.actor.userId;
  await db.transaction(async (tx) => {
    // Locked, so two saves of the same version cannot both pass the check below.
    await tx.select({ id: users.id }).from(users).where(eq(users.id, me)).for("update");
    const before = await profileOf(tx, me);
    if (before.version !== input.version) throw versionConflict(before.version);
    const values = { workUnit: input.workUnit ?? null, jobTitle: input.jobTitle ?? null };
    if (before.version === 0) {
      // Accounts from before profiles were added by staff (or the demo seed).
      await tx
        .insert(personProfiles)
        .values({ userId: me, baseId: ctx.actor.baseId, source: "staff", ...values });
    } else {
      await tx
        .update(personProfiles)
        .set({ ...values, version: sql`${personProfiles.version} + 1`, updatedAt: sql`now()` })
        .where(and(eq(personProfiles.userId, me), eq(personProfiles.version, input.version)));
    }
    await tx
      .update(users)
      .set({
        displayName: input.displayName,
        email: input.email ?? null,
        version: sql`${users.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(eq(users.id, me));
    const after = await profileOf(tx, me);
    await recordAudit(tx, ctx, {
      baseId: ctx.actor.baseId,
      action: "person.profile_updated",
      entityType: "person",
      entityId: me,
      ...changedFields(before, after),
    });
  });
  return profileOf(db, me);
}
