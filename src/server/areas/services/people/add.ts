/**
 * Staff add an individual (a trainee who came to the desk, a name on a paper sign-up sheet). The
 * account signs in by its mobile. With a password given, that is the first one and must be
 * changed at the first sign-in (as for accounts an administrator creates); without, nobody knows
 * a password, and the person sets their own with 忘记密码: the code goes to the mobile staff gave,
 * so only its holder can. Account, profile, audit entry and the text telling the person how to sign
 * in (welcome-sms.ts) are one transaction.
 */
import { randomBytes } from "node:crypto";
import type { z } from "zod";
import type { Db } from "../../../../db/client";
import { personProfiles, users } from "../../../../db/schema";
import { isUniqueViolation } from "../../../../db/sql-text";
import type { PersonDetail, ZPersonCreate } from "../../../../schemas/services/people";
import { recordAudit } from "../../../audit";
import type { Context } from "../../../context";
import { assertPasswordPolicy, hashPassword } from "../../../passwords";
import { requireAccess } from "../../../policy";
import { duplicateMobile, mobileTaken } from "../../recruitment/registration/codes";
import { personDetail } from "./detail";
import { queueWelcomeSms } from "./welcome-sms";

export async function addPerson(
  db: Db,
  ctx: Context,
  input: z.output<typeof ZPersonCreate>,
): Promise<PersonDetail> {
  requireAccess(ctx.actor, "person.manage");
  if (input.password) assertPasswordPolicy(input.password, [input.mobile], ctx.lang, "password");
  if (await mobileTaken(db, input.mobile)) throw duplicateMobile(ctx);
  // Without a password: a random one nobody is told (the person sets theirs by phone code).
  const passwordHash = await hashPassword(input.password ?? randomBytes(32).toString("base64url"));
  const signIn = input.password ? "initial_password" : "phone_reset";
  const id = await db
    .transaction(async (tx) => {
      const [user] = await tx
        .insert(users)
        .values({
          baseId: ctx.actor.baseId,
          username: input.mobile,
          mobile: input.mobile,
          // Typed in by staff: not proven to be the person's until they use a code sent to it.
          mobileConfirmedAt: null,
          email: input.email ?? null,
          displayName: input.displayName,
          passwordHash,
          roles: ["individual"],
          mustChangePassword: !!input.password,
        })
        .returning();
      if (!user) throw new Error("user insert returned nothing");
      await tx.insert(personProfiles).values({
        userId: user.id,
        baseId: user.baseId,
        workUnit: input.workUnit ?? null,
        jobTitle: input.jobTitle ?? null,
        source: "staff",
        addedBy: ctx.actor.userId,
      });
      await recordAudit(tx, ctx, {
        baseId: user.baseId,
        action: "person.added",
        entityType: "person",
        entityId: user.id,
        after: {
          displayName: user.displayName,
          mobile: user.mobile,
          email: user.email,
          workUnit: input.workUnit ?? null,
          jobTitle: input.jobTitle ?? null,
          signIn,
        },
      });
      await queueWelcomeSms(tx, { id: user.id, baseId: user.baseId, mobile: input.mobile }, signIn);
      return user.id;
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) throw duplicateMobile(ctx);
      throw error;
    });
  return personDetail(db, ctx, id);
}
