import { and, asc, eq, isNull, lte, ne, or, sql } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { bases, sessions, users } from "../../../../db/schema";
import type { ChangePasswordRequest, LoginRequest } from "../../../../schemas/platform/auth";
import { recordAudit } from "../../../audit";
import type { AnonymousContext, Context } from "../../../context";
import { AppError } from "../../../errors";
import { assertPasswordPolicy, dummyPasswordHash, hashPassword, verifyPassword } from "../../../passwords";
import { hit, peek } from "../../../rate-limit";
import { createSession, currentUserView, type SessionSettings } from "./sessions";

/** Five wrong passwords in a row lock an account for 15 minutes. */
export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;
/** Failed sign-ins from one address across all accounts, per 15 minutes, before 429. */
export const MAX_FAILURES_PER_IP = 30;
export const IP_WINDOW_SECONDS = 15 * 60;
/** The count of failed sign-ins and password resets from one address (one count for both). */
export const failuresFromAddress = (ctx: AnonymousContext) => `login-fail:${ctx.ip ?? "unknown"}`;

export async function login(db: Db, settings: SessionSettings, ctx: AnonymousContext, input: LoginRequest) {
  const ipKey = failuresFromAddress(ctx);
  if ((await peek(db, ipKey, IP_WINDOW_SECONDS)) >= MAX_FAILURES_PER_IP) {
    throw new AppError("too_many_attempts", { params: { minutes: 15 } });
  }
  const name = input.username.trim();
  const [user] = await db
    .select()
    .from(users)
    .where(or(eq(sql`lower(${users.username})`, name.toLowerCase()), eq(users.mobile, name)))
    .limit(1);

  if (!user) {
    await verifyPassword(await dummyPasswordHash(), input.password);
    await hit(db, ipKey, IP_WINDOW_SECONDS);
    await auditUnknownAccount(db, ctx, name);
    throw new AppError("invalid_credentials");
  }

  // Reserve this attempt before checking the password: the count rises atomically, so parallel
  // guesses are counted one by one and at most MAX_FAILED_LOGINS of them reach the check.
  const attempt = await reserveAttempt(db, user.id);
  if (attempt.locked) {
    await recordAudit(db, ctx, {
      baseId: user.baseId,
      action: "auth.login_locked",
      entityType: "user",
      entityId: user.id,
      after: { username: user.username },
    });
    throw new AppError("account_locked", { params: { minutes: minutesUntil(attempt.lockedUntil) } });
  }

  if (!(await verifyPassword(user.passwordHash, input.password))) {
    await hit(db, ipKey, IP_WINDOW_SECONDS);
    const locks = attempt.number >= MAX_FAILED_LOGINS;
    const lockedUntil = locks ? new Date(Date.now() + LOCK_MINUTES * 60_000) : null;
    await db.transaction(async (tx) => {
      if (locks)
        await tx.update(users).set({ failedLoginCount: 0, lockedUntil }).where(eq(users.id, user.id));
      await recordAudit(tx, ctx, {
        baseId: user.baseId,
        action: locks ? "auth.account_locked" : "auth.login_failed",
        entityType: "user",
        entityId: user.id,
        after: { username: user.username, failures: attempt.number, lockedUntil },
      });
    });
    if (locks) throw new AppError("account_locked", { params: { minutes: LOCK_MINUTES } });
    // No count of remaining attempts: an unknown name gets the same answer, so neither tells
    // whether the account exists.
    throw new AppError("invalid_credentials");
  }

  if (user.status !== "active") {
    await recordAudit(db, ctx, {
      baseId: user.baseId,
      action: "auth.login_disabled",
      entityType: "user",
      entityId: user.id,
      after: { username: user.username },
    });
    throw new AppError("account_disabled");
  }

  const session = await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ failedLoginCount: 0, lockedUntil: null, lastLoginAt: sql`now()` })
      .where(eq(users.id, user.id));
    const created = await createSession(tx, user.id, settings, ctx);
    await recordAudit(tx, ctx, {
      baseId: user.baseId,
      action: "auth.login",
      entityType: "user",
      entityId: user.id,
      actor: { id: user.id, name: user.displayName },
    });
    return created;
  });
  return { session, user: await currentUserView(db, user.id) };
}

export async function logout(db: Db, ctx: Context): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(sessions).where(eq(sessions.id, ctx.actor.sessionId));
    await recordAudit(tx, ctx, {
      baseId: ctx.actor.baseId,
      action: "auth.logout",
      entityType: "user",
      entityId: ctx.actor.userId,
    });
  });
}

/** Changing one's password ends every other session of the account (a stolen cookie dies too). */
export async function changePassword(db: Db, ctx: Context, input: ChangePasswordRequest): Promise<void> {
  const [user] = await db.select().from(users).where(eq(users.id, ctx.actor.userId));
  if (!user) throw new AppError("unauthenticated");
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError("wrong_password", { field: "currentPassword" });
  }
  assertPasswordPolicy(input.newPassword, [user.username, user.mobile], ctx.lang, "newPassword");
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({
        passwordHash,
        mustChangePassword: false,
        passwordChangedAt: sql`now()`,
        version: sql`${users.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(eq(users.id, user.id));
    await tx.delete(sessions).where(and(eq(sessions.userId, user.id), ne(sessions.id, ctx.actor.sessionId)));
    await recordAudit(tx, ctx, {
      baseId: user.baseId,
      action: "auth.password_changed",
      entityType: "user",
      entityId: user.id,
    });
  });
}

type Attempt = { locked: true; lockedUntil: Date } | { locked: false; number: number };

/**
 * Counts one sign-in attempt against the account, unless it is locked. An attempt past the
 * limit (parallel guesses that all read the old count) locks the account without a check.
 */
async function reserveAttempt(db: Db, userId: string): Promise<Attempt> {
  const [counted] = await db
    .update(users)
    .set({ failedLoginCount: sql`${users.failedLoginCount} + 1` })
    .where(and(eq(users.id, userId), or(isNull(users.lockedUntil), lte(users.lockedUntil, sql`now()`))))
    .returning({ number: users.failedLoginCount });
  if (counted && counted.number <= MAX_FAILED_LOGINS) return { locked: false, number: counted.number };
  const lockedUntil = new Date(Date.now() + LOCK_MINUTES * 60_000);
  if (counted) {
    await db.update(users).set({ failedLoginCount: 0, lockedUntil }).where(eq(users.id, userId));
    return { locked: true, lockedUntil };
  }
  const [row] = await db.select({ lockedUntil: users.lockedUntil }).from(users).where(eq(users.id, userId));
  return { locked: true, lockedUntil: row?.lockedUntil ?? lockedUntil };
}

/** A sign-in with an unknown name is still an event worth seeing; it goes to the first base. */
async function auditUnknownAccount(db: Db, ctx: AnonymousContext, name: string): Promise<void> {
  const [base] = await db.select({ id: bases.id }).from(bases).orderBy(asc(bases.createdAt)).limit(1);
  if (!base) return;
  await recordAudit(db, ctx, {
    baseId: base.id,
    action: "auth.login_unknown",
    entityType: "user",
    after: { username: name.slice(0, 64) },
  });
}

function minutesUntil(date: Date): number {
  return Math.max(1, Math.ceil((date.getTime() - Date.now()) / 60_000));
}
