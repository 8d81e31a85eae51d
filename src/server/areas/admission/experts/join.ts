/**
 * Joining by an invitation link (public): the page reads the invitation by its token, then the
 * invitee accepts. Accepting creates the account (role expert, a password under the policy) and
 * the expert profile, or gives the expert role to the account the person already has: the one
 * signed in, or the account of this base with the invitation's mobile (its password proves it is
 * theirs). An account of another base is refused: an account belongs to one base. The invitation
 * is single use (a conditional update), and the person is signed in.
 */
import { and, eq, gt, sql } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { expertInvitations, expertProfiles, users } from "../../../../db/schema";
import { isUniqueViolation } from "../../../../db/sql-text";
import { maskMobile } from "../../../../domain/phone";
import type { Role } from "../../../../domain/roles";
import { EXPERT_LANDING, type JoinInvitation, type JoinRequest } from "../../../../schemas/admission/experts";
import { recordAudit } from "../../../audit";
import type { AnonymousContext, SignedInActor } from "../../../context";
import { AppError, fieldError } from "../../../errors";
import { assertPasswordPolicy, hashPassword, verifyPassword } from "../../../passwords";
import { hit, peek } from "../../../rate-limit";
import { failuresFromAddress, IP_WINDOW_SECONDS, MAX_FAILURES_PER_IP } from "../../platform/auth/service";
import { createSession, currentUserView, type SessionSettings } from "../../platform/auth/sessions";
import { baseNameOf } from "./invitations";
import { tokenHash } from "./tokens";
import { invitationStatus } from "./view";

type InvitationRow = typeof expertInvitations.$inferSelect;

/** The invitation behind a token, or the error that says why it cannot be used. */
async function openInvitation(db: Db, ctx: AnonymousContext, token: string): Promise<InvitationRow> {
  const ipKey = failuresFromAddress(ctx);
  if ((await peek(db, ipKey, IP_WINDOW_SECONDS)) >= MAX_FAILURES_PER_IP) {
    throw new AppError("too_many_attempts", { params: { minutes: 15 } });
  }
  const [row] = await db
    .select()
    .from(expertInvitations)
    .where(eq(expertInvitations.tokenHash, tokenHash(token)));
  if (!row) {
    // Guessing tokens counts like guessing passwords.
    await hit(db, ipKey, IP_WINDOW_SECONDS);
    throw new AppError("invitation_not_found");
  }
  const status = invitationStatus(row);
  if (status === "revoked") throw new AppError("invitation_revoked");
  if (status === "accepted") throw new AppError("invitation_used");
  if (status === "expired") throw new AppError("invitation_expired");
  return row;
}

async function accountByMobile(db: Db, mobile: string | null) {
  if (!mobile) return null;
  const [row] = await db.select().from(users).where(eq(users.mobile, mobile));
  return row ?? null;
}

export async function readInvitation(
  db: Db,
  ctx: AnonymousContext,
  actor: SignedInActor | null,
  token: string,
): Promise<JoinInvitation> {
  const row = await openInvitation(db, ctx, token);
  const [inviter] = row.createdBy
    ? await db.select({ name: users.displayName }).from(users).where(eq(users.id, row.createdBy))
    : [];
  const existing = actor ? null : await accountByMobile(db, row.mobile);
  return {
    name: row.name,
    baseName: await baseNameOf(db, row.baseId),
    inviterName: inviter?.name ?? null,
    message: row.message,
    fields: row.fields,
    expiresAt: row.expiresAt.toISOString(),
    mobile: maskMobile(row.mobile),
    email: row.email,
    existingAccount: actor ? actor.baseId === row.baseId : existing?.baseId === row.baseId,
  };
}

export async function acceptInvitation(
  db: Db,
  settings: SessionSettings,
  ctx: AnonymousContext,
  actor: SignedInActor | null,
  input: JoinRequest,
) {
  const invitation = await openInvitation(db, ctx, input.token);
  const ipKey = failuresFromAddress(ctx);
  // Whose account: the one signed in, the one with the invitation's mobile, or a new one.
  let linkTo: typeof users.$inferSelect | null = null;
  if (actor) {
    if (actor.baseId !== invitation.baseId) throw new AppError("invitation_other_base");
    const [me] = await db.select().from(users).where(eq(users.id, actor.userId));
    linkTo = me ?? null;
  } else {
    const existing = await accountByMobile(db, invitation.mobile);
    if (existing) {
      if (existing.baseId !== invitation.baseId) throw new AppError("invitation_other_base");
      if (!input.password) throw fieldError("password", "required");
      if (!(await verifyPassword(existing.passwordHash, input.password))) {
        await hit(db, ipKey, IP_WINDOW_SECONDS);
        throw new AppError("invalid_credentials");
      }
      linkTo = existing;
    }
  }
  if (linkTo && linkTo.status !== "active") throw new AppError("account_disabled");

  let passwordHash: string | null = null;
  const displayName = input.displayName?.trim() || invitation.name;
  if (!linkTo) {
    if (!input.password) throw fieldError("password", "required");
    assertPasswordPolicy(input.password, [invitation.mobile, invitation.email], ctx.lang, "password");
    passwordHash = await hashPassword(input.password);
  }

  const userId = await db
    .transaction(async (tx) => {
      const [taken] = await tx
        .update(expertInvitations)
        .set({ status: "accepted", acceptedAt: sql`now()` })
        .where(
          and(
            eq(expertInvitations.id, invitation.id),
            eq(expertInvitations.status, "sent"),
            gt(expertInvitations.expiresAt, sql`now()`),
          ),
        )
        .returning({ id: expertInvitations.id });
      if (!taken) throw new AppError("invitation_used");
      let user: typeof users.$inferSelect;
      if (linkTo) {
        const roles: Role[] = linkTo.roles.includes("expert") ? linkTo.roles : [...linkTo.roles, "expert"];
        const [updated] = await tx
          .update(users)
          .set({ roles, lastLoginAt: sql`now()`, version: sql`${users.version} + 1`, updatedAt: sql`now()` })
          .where(eq(users.id, linkTo.id))
          .returning();
        if (!updated) throw new Error("linked account vanished");
        user = updated;
      } else {
        const [created] = await tx
          .insert(users)
          .values({
            baseId: invitation.baseId,
            username: invitation.mobile ?? (invitation.email as string).toLowerCase(),
            mobile: invitation.mobile,
            email: invitation.email,
            displayName,
            passwordHash: passwordHash as string,
            roles: ["expert"],
            lastLoginAt: new Date(),
          })
          .returning();
        if (!created) throw new Error("user insert returned nothing");
        user = created;
      }
      await tx
        .insert(expertProfiles)
        .values({ userId: user.id, baseId: invitation.baseId, fields: invitation.fields })
        .onConflictDoNothing();
      await tx
        .update(expertInvitations)
        .set({ userId: user.id })
        .where(eq(expertInvitations.id, invitation.id));
      await recordAudit(tx, ctx, {
        baseId: invitation.baseId,
        action: "expert.joined",
        entityType: "expert",
        entityId: user.id,
        after: { invitationId: invitation.id, linked: !!linkTo, roles: user.roles, mobile: user.mobile },
        actor: { id: user.id, name: user.displayName },
      });
      return user.id;
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) {
        throw new AppError("duplicate", { params: { label: ctx.lang === "en" ? "The account" : "该账号" } });
      }
      throw error;
    });
  const session = await createSession(db, userId, settings, ctx);
  return { session, user: await currentUserView(db, userId), target: EXPERT_LANDING, linked: !!linkTo };
}
