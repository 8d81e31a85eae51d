/**
 * Sign-in links (登录链接): staff send an expert a link that signs them in at once and opens their
 * assignments, for busy outsiders who will not remember a password. Short-lived (72 hours by
 * default, staff choose 1 to 168), single use (`used_at`, set by a conditional update), only the
 * token's SHA-256 stored. Redeeming is a POST from the page (a button), so a message app's link
 * preview, which only GETs the page, does not use it up. Wrong tokens count against the address
 * like wrong passwords; a disabled account is refused.
 */
import { and, eq, isNull, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "../../../../db/client";
import { signInLinks, users } from "../../../../db/schema";
import {
  EXPERT_LANDING,
  type SignInLinkSent,
  type ZSignInLinkCreate,
} from "../../../../schemas/admission/experts";
import { recordAudit } from "../../../audit";
import type { AnonymousContext, Context } from "../../../context";
import { AppError, fieldError } from "../../../errors";
import { hit, peek } from "../../../rate-limit";
import { failuresFromAddress, IP_WINDOW_SECONDS, MAX_FAILURES_PER_IP } from "../../platform/auth/service";
import { createSession, currentUserView, type SessionSettings } from "../../platform/auth/sessions";
import { queueSignInLink, signInLinkUrl } from "./delivery";
import { loadExpertForStaff } from "./load";
import { newLinkToken, tokenHash } from "./tokens";

export async function sendSignInLink(
  db: Db,
  ctx: Context,
  origin: string,
  expertId: string,
  input: z.output<typeof ZSignInLinkCreate>,
): Promise<SignInLinkSent> {
  const expert = await loadExpertForStaff(db, ctx, expertId);
  const wantSms = input.channels.sms && !!expert.mobile;
  const wantEmail = input.channels.email && !!expert.email;
  if (!wantSms && !wantEmail) {
    throw input.channels.sms
      ? fieldError("channels.sms", "no_mobile_for_sms")
      : fieldError("channels.email", "no_email_for_email");
  }
  const { token, hash } = newLinkToken();
  const expiresAt = new Date(Date.now() + input.hours * 3_600_000);
  return db.transaction(async (tx) => {
    const [link] = await tx
      .insert(signInLinks)
      .values({
        baseId: expert.baseId,
        tokenHash: hash,
        userId: expert.id,
        target: EXPERT_LANDING,
        expiresAt,
        createdBy: ctx.actor.userId,
      })
      .returning();
    if (!link) throw new Error("sign-in link insert returned nothing");
    const sent = await queueSignInLink(
      tx,
      {
        baseId: expert.baseId,
        userId: expert.id,
        displayName: expert.displayName,
        mobile: expert.mobile,
        email: expert.email,
        expiresAt,
        link: signInLinkUrl(origin, token),
      },
      { sms: wantSms, email: wantEmail },
    );
    await recordAudit(tx, ctx, {
      baseId: expert.baseId,
      action: "expert.sign_in_link_sent",
      entityType: "expert",
      entityId: expert.id,
      after: { linkId: link.id, hours: input.hours, expiresAt, sms: sent.sms, email: sent.email },
    });
    return { id: link.id, expiresAt: expiresAt.toISOString(), sentBySms: sent.sms, sentByEmail: sent.email };
  });
}

export async function redeemSignInLink(
  db: Db,
  settings: SessionSettings,
  ctx: AnonymousContext,
  token: string,
) {
  const ipKey = failuresFromAddress(ctx);
  if ((await peek(db, ipKey, IP_WINDOW_SECONDS)) >= MAX_FAILURES_PER_IP) {
    throw new AppError("too_many_attempts", { params: { minutes: 15 } });
  }
  const [found] = await db
    .select({ link: signInLinks, user: users })
    .from(signInLinks)
    .innerJoin(users, eq(users.id, signInLinks.userId))
    .where(eq(signInLinks.tokenHash, tokenHash(token)));
  if (!found) {
    await hit(db, ipKey, IP_WINDOW_SECONDS);
    throw new AppError("sign_in_link_invalid");
  }
  const { link, user } = found;
  if (link.usedAt) throw new AppError("sign_in_link_used");
  if (link.expiresAt.getTime() <= Date.now()) throw new AppError("sign_in_link_expired");
  if (user.status !== "active") {
    await recordAudit(db, ctx, {
      baseId: user.baseId,
      action: "auth.login_disabled",
      entityType: "user",
      entityId: user.id,
      after: { username: user.username, via: "sign_in_link" },
    });
    throw new AppError("account_disabled");
  }
  const session = await db.transaction(async (tx) => {
    const [used] = await tx
      .update(signInLinks)
      .set({ usedAt: sql`now()` })
      .where(and(eq(signInLinks.id, link.id), isNull(signInLinks.usedAt)))
      .returning({ id: signInLinks.id });
    if (!used) throw new AppError("sign_in_link_used");
    await tx
      .update(users)
      .set({ failedLoginCount: 0, lockedUntil: null, lastLoginAt: sql`now()` })
      .where(eq(users.id, user.id));
    const created = await createSession(tx, user.id, settings, ctx);
    await recordAudit(tx, ctx, {
      baseId: user.baseId,
      action: "expert.signed_in_by_link",
      entityType: "expert",
      entityId: user.id,
      after: { linkId: link.id },
      actor: { id: user.id, name: user.displayName },
    });
    return created;
  });
  return { session, user: await currentUserView(db, user.id), target: link.target };
}
