/**
 * 个人注册: a person without an organization registers with a confirmed phone (the registration's
 * own phone codes, purpose `register`), a password and a name, and is signed in at once. The
 * account (role `individual`), the profile, the audit entry, the used-up code and the session are
 * written in one transaction. Public: no actor yet, so rate limits instead of a policy check.
 */
import type { z } from "zod";
import type { Db } from "../../../../db/client";
import { personProfiles, users } from "../../../../db/schema";
import { isUniqueViolation } from "../../../../db/sql-text";
import type { ZIndividualRegistrationRequest } from "../../../../schemas/services/people";
import { recordAudit } from "../../../audit";
import type { AnonymousContext } from "../../../context";
import { assertPasswordPolicy, hashPassword } from "../../../passwords";
import { checkPhoneCode, consumePhoneCode } from "../../../phone-codes";
import { createSession, currentUserView, type SessionSettings } from "../../platform/auth/sessions";
import { duplicateMobile, mobileTaken } from "../../recruitment/registration/codes";
import { chooseBase, limitRegistrations } from "../../recruitment/registration/register";

export async function registerIndividual(
  db: Db,
  settings: SessionSettings,
  ctx: AnonymousContext,
  input: z.output<typeof ZIndividualRegistrationRequest>,
) {
  await limitRegistrations(db, ctx);
  // What needs no code first, so a typo or a taken number costs no code attempt.
  assertPasswordPolicy(input.password, [input.mobile], ctx.lang, "password");
  const baseId = await chooseBase(db, { baseId: input.baseId });
  if (await mobileTaken(db, input.mobile)) throw duplicateMobile(ctx);
  const codeId = await checkPhoneCode(db, settings.secret, input.mobile, "register", input.code);
  const passwordHash = await hashPassword(input.password);

  const { session, userId } = await db
    .transaction(async (tx) => {
      const [user] = await tx
        .insert(users)
        .values({
          baseId,
          username: input.mobile,
          mobile: input.mobile,
          // The phone code just checked proves it.
          mobileConfirmedAt: new Date(),
          email: input.email ?? null,
          displayName: input.displayName,
          passwordHash,
          roles: ["individual"],
          lastLoginAt: new Date(),
        })
        .returning();
      if (!user) throw new Error("user insert returned nothing");
      await tx.insert(personProfiles).values({
        userId: user.id,
        baseId,
        workUnit: input.workUnit ?? null,
        jobTitle: input.jobTitle ?? null,
        source: "registration",
      });
      await recordAudit(tx, ctx, {
        baseId,
        action: "person.registered",
        entityType: "person",
        entityId: user.id,
        after: {
          username: user.username,
          mobile: user.mobile,
          displayName: user.displayName,
          workUnit: input.workUnit ?? null,
          jobTitle: input.jobTitle ?? null,
        },
        actor: { id: user.id, name: user.displayName },
      });
      await consumePhoneCode(tx, codeId);
      return { session: await createSession(tx, user.id, settings, ctx), userId: user.id };
    })
    .catch((error: unknown) => {
      // The same number registering twice at once: the unique index decides.
      if (isUniqueViolation(error)) throw duplicateMobile(ctx);
      throw error;
    });
  return { session, user: await currentUserView(db, userId) };
}
