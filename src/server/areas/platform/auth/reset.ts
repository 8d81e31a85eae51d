/**
 * 忘记密码: a user who forgot their password gets a phone code (purpose `reset_password`) on
 * the mobile on file and sets a new password with it. Public, so guarded like sign-in: failures
 * count on the same per-address throttle, and wrong codes lock the account's resets for the
 * sign-in lock time.
 *
 * Nothing in an answer tells whether an account exists. An unknown, disabled or mobile-less
 * account gets a code row too (a decoy, never sent), keyed by what was typed, so the resend wait,
 * the hourly limits, the attempt counts and the lock behave exactly as for a real account; the
 * text message is sent in the background, so neither a slow gateway nor its failure shows.
 */
import { and, eq, or, sql } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { sessions, users } from "../../../../db/schema";
import { isValidMobile, normalizeMobile } from "../../../../domain/phone";
import type {
  PasswordResetRequest,
  PhoneCodeResponse,
  ResetCodeRequest,
} from "../../../../schemas/platform/phone-codes";
import { recordAudit } from "../../../audit";
import type { AnonymousContext } from "../../../context";
import { AppError } from "../../../errors";
import { assertPasswordPolicy, hashPassword } from "../../../passwords";
import {
  checkPhoneCode,
  consumePhoneCode,
  deliverPhoneCode,
  issuePhoneCode,
  limitPhoneCodes,
  PHONE_CODE_ANSWER,
  tooMany,
} from "../../../phone-codes";
import { hit, peek } from "../../../rate-limit";
import type { SmsProvider } from "../../../sms";
import {
  failuresFromAddress,
  IP_WINDOW_SECONDS,
  LOCK_MINUTES,
  MAX_FAILED_LOGINS,
  MAX_FAILURES_PER_IP,
} from "./service";

const LOCK_SECONDS = LOCK_MINUTES * 60;

/** Where a background delivery failure is reported (the server's logger). */
export interface ResetLogger {
  warn(details: object, message: string): void;
}

interface Target {
  /** The number the code is keyed by: the account's mobile, or what was typed for no account. */
  subject: string;
  user: { id: string; baseId: string; username: string; mobile: string; displayName: string } | null;
}

/** The active account with a mobile that `account` names (its mobile or its account name). */
async function resolve(db: Db, account: string): Promise<Target> {
  const typed = account.trim();
  const asMobile = normalizeMobile(typed);
  const mobile = isValidMobile(asMobile) ? asMobile : null;
  const rows = await db
    .select({
      id: users.id,
      baseId: users.baseId,
      username: users.username,
      mobile: users.mobile,
      displayName: users.displayName,
      status: users.status,
    })
    .from(users)
    .where(
      or(
        eq(sql`lower(${users.username})`, typed.toLowerCase()),
        mobile ? eq(users.mobile, mobile) : sql`false`,
      ),
    )
    .limit(2);
  // A mobile is unique and is what the code goes to: it wins over another account's name.
  const found = rows.find((r) => mobile && r.mobile === mobile) ?? rows[0];
  if (found?.status === "active" && found.mobile)
    return { subject: found.mobile, user: { ...found, mobile: found.mobile } };
  return { subject: mobile ?? `account:${typed.toLowerCase()}`, user: null };
}

const lockKey = (subject: string) => `reset-fail:${subject}`;

/** Throttled address or locked account: the same answers for real and unknown accounts. */
async function refuseWhileLocked(db: Db, ctx: AnonymousContext, subject: string): Promise<void> {
  if ((await peek(db, failuresFromAddress(ctx), IP_WINDOW_SECONDS)) >= MAX_FAILURES_PER_IP) {
    throw tooMany(IP_WINDOW_SECONDS);
  }
  if ((await peek(db, lockKey(subject), LOCK_SECONDS)) >= MAX_FAILED_LOGINS) throw tooMany(LOCK_SECONDS);
}

export async function requestResetCode(
  db: Db,
  sms: SmsProvider,
  log: ResetLogger,
  secret: string,
  ctx: AnonymousContext,
  input: ResetCodeRequest,
): Promise<PhoneCodeResponse> {
  const { subject, user } = await resolve(db, input.account);
  await refuseWhileLocked(db, ctx, subject);
  await limitPhoneCodes(db, ctx, subject, "reset_password");
  const issued = await issuePhoneCode(db, secret, subject, "reset_password");
  if (user) {
    deliverPhoneCode(
      db,
      sms,
      issued,
      (code, minutes) =>
        `【社会组织孵化基地】您正在重设登录密码，验证码为 ${code}，${minutes} 分钟内有效。如非本人操作，请忽略本短信，切勿告诉他人。`,
    ).catch((error: unknown) =>
      log.warn({ err: error, userId: user.id }, "password reset code could not be texted"),
    );
  }
  return PHONE_CODE_ANSWER;
}

/**
 * Sets the new password: the code must be the latest reset code of the account's mobile. Every
 * session of the account ends, the sign-in lock is lifted (the phone proved who this is), and
 * the change is audited, all in one transaction with the code used up.
 */
export async function resetPassword(
  db: Db,
  secret: string,
  ctx: AnonymousContext,
  input: PasswordResetRequest,
): Promise<void> {
  const { subject, user } = await resolve(db, input.account);
  await refuseWhileLocked(db, ctx, subject);
  // Against what was typed only, so the answer cannot tell the account's other name or number.
  assertPasswordPolicy(input.newPassword, [input.account], ctx.lang, "newPassword");

  let codeId: string;
  try {
    codeId = await checkPhoneCode(db, secret, subject, "reset_password", input.code);
    // A decoy's random code guessed right still opens nothing.
    if (!user) throw new AppError("code_invalid", { field: "code", details: { attemptsLeft: 0 } });
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== "code_invalid") throw error;
    await hit(db, failuresFromAddress(ctx), IP_WINDOW_SECONDS);
    if ((await hit(db, lockKey(subject), LOCK_SECONDS)) >= MAX_FAILED_LOGINS) throw tooMany(LOCK_SECONDS);
    throw error;
  }

  assertPasswordPolicy(input.newPassword, [user.username, user.mobile], ctx.lang, "newPassword");
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    // Still active: an account disabled since the code was sent stays shut.
    const [updated] = await tx
      .update(users)
      .set({
        passwordHash,
        mustChangePassword: false,
        failedLoginCount: 0,
        lockedUntil: null,
        passwordChangedAt: sql`now()`,
        version: sql`${users.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(and(eq(users.id, user.id), eq(users.status, "active")))
      .returning({ id: users.id });
    if (!updated) throw new AppError("account_disabled");
    const ended = await tx
      .delete(sessions)
      .where(eq(sessions.userId, user.id))
      .returning({ id: sessions.id });
    await consumePhoneCode(tx, codeId);
    await recordAudit(tx, ctx, {
      baseId: user.baseId,
      action: "auth.password_reset",
      entityType: "user",
      entityId: user.id,
      after: { username: user.username, via: "phone_code", sessionsEnded: ended.length },
      actor: { id: user.id, name: user.displayName },
    });
  });
}
