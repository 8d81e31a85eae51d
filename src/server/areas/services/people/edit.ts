/**
 * Staff edit a person: name, mobile, email, work unit, title, from the account's version (a save
 * from an older copy is 409). The mobile is the person's sign-in: a new one must be nobody
 * else's mobile or account name, becomes the account name too when that was the old mobile, and
 * is not confirmed (staff typed it). Account, profile and audit entry are one transaction.
 */
import { eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "../../../../db/client";
import { personProfiles, users } from "../../../../db/schema";
import { isUniqueViolation } from "../../../../db/sql-text";
import type { PersonDetail, ZPersonUpdate } from "../../../../schemas/services/people";
import { changedFields, recordAudit } from "../../../audit";
import type { Context } from "../../../context";
import { requireAccess } from "../../../policy";
import { keptOrGiven, loadForChange } from "../../platform/users/service";
import { duplicateMobile, mobileTaken } from "../../recruitment/registration/codes";
import { personGuard } from "./account";
import { personDetail } from "./detail";

export async function updatePerson(
  db: Db,
  ctx: Context,
  id: string,
  input: z.output<typeof ZPersonUpdate>,
): Promise<PersonDetail> {
  requireAccess(ctx.actor, "person.manage");
  await db
    .transaction(async (tx) => {
      const account = await loadForChange(tx, ctx, id, input.version, personGuard(ctx));
      const mobile = keptOrGiven(account.mobile, input.mobile) ?? account.mobile;
      const mobileChanged = mobile !== account.mobile;
      if (mobileChanged && mobile && (await mobileTaken(tx, mobile, id))) throw duplicateMobile(ctx);
      const [profile] = await tx.select().from(personProfiles).where(eq(personProfiles.userId, id));
      const before = snapshot(account, profile);
      await tx
        .update(users)
        .set({
          displayName: input.displayName,
          mobile,
          // Individuals sign in by their mobile: the account name follows it.
          username:
            mobileChanged && mobile && account.username === account.mobile ? mobile : account.username,
          mobileConfirmedAt: mobileChanged ? null : account.mobileConfirmedAt,
          email: input.email ?? null,
          version: sql`${users.version} + 1`,
          updatedAt: sql`now()`,
        })
        .where(eq(users.id, id));
      const values = { workUnit: input.workUnit ?? null, jobTitle: input.jobTitle ?? null };
      // The profile's own version moves too, so the person's 个人信息 open elsewhere sees it is stale.
      await tx
        .insert(personProfiles)
        .values({ userId: id, baseId: account.baseId, source: "staff", ...values })
        .onConflictDoUpdate({
          target: personProfiles.userId,
          set: { ...values, version: sql`${personProfiles.version} + 1`, updatedAt: sql`now()` },
        });
      const after = snapshot({ displayName: input.displayName, mobile, email: input.email ?? null }, values);
      await recordAudit(tx, ctx, {
        baseId: account.baseId,
        action: "person.updated",
        entityType: "person",
        entityId: id,
        ...changedFields(before, after),
      });
    })
    .catch((error: unknown) => {
      // Two edits giving the same new number at once: the unique index decides.
      if (isUniqueViolation(error)) throw duplicateMobile(ctx);
      throw error;
    });
  return personDetail(db, ctx, id);
}

function snapshot(
  account: { displayName: string; mobile: string | null; email: string | null },
  profile: { workUnit: string | null; jobTitle: string | null } | undefined,
) {
  return {
    displayName: account.displayName,
    mobile: account.mobile,
    email: account.email,
    workUnit: profile?.workUnit ?? null,
    jobTitle: profile?.jobTitle ?? null,
  };
}
