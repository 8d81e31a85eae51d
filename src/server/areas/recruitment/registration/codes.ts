/**
 * One-time codes that confirm a phone: six digits, stored only as an HMAC under the session
 * secret, valid ten minutes, five tries, a new one at most once a minute per number, and rate
 * limits per number and per client address (shared by all instances through the database).
 */
import { createHmac, randomInt, timingSafeEqual } from "node:crypto";
import { and, desc, eq, isNull, or, sql } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { phoneCodes, users } from "../../../../db/schema";
import { FIELD_LABELS } from "../../../../schemas/messages";
import { PHONE_CODE_RULES, type PhoneCodeResponse } from "../../../../schemas/recruitment/registration";
import type { AnonymousContext } from "../../../context";
import { AppError } from "../../../errors";
import { hit, refund } from "../../../rate-limit";
import { type SmsProvider, SmsRefusedError } from "../../../sms";

const HOUR = 3600;
/** Codes per number per hour, and per client address per hour. */
const CODES_PER_MOBILE_PER_HOUR = 5;
/** Generous (shared Wi-Fi, carrier NAT); the per-mobile limit and 5 tries a code bound guessing. */
export const CODES_PER_ADDRESS_PER_HOUR = 100;

function hashPhoneCode(secret: string, mobile: string, code: string): string {
  return createHmac("sha256", secret).update(`phone-code:register:${mobile}:${code}`).digest("base64url");
}

function tooMany(seconds: number): AppError {
  return new AppError("too_many_attempts", {
    params: { minutes: Math.max(1, Math.ceil(seconds / 60)) },
    details: { retryAfterSeconds: Math.max(1, Math.ceil(seconds)) },
  });
}

/** A number that already signs in to an account (as its mobile or as its account name). */
export async function mobileTaken(db: Db, mobile: string): Promise<boolean> {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(or(eq(users.mobile, mobile), eq(sql`lower(${users.username})`, mobile)))
    .limit(1);
  return !!row;
}

export function duplicateMobile(ctx: { lang: AnonymousContext["lang"] }): AppError {
  return new AppError("duplicate", {
    field: "mobile",
    params: { label: FIELD_LABELS.mobile[ctx.lang] },
    details: { signIn: true },
  });
}

export async function requestPhoneCode(
  db: Db,
  sms: SmsProvider,
  secret: string,
  ctx: AnonymousContext,
  mobile: string,
): Promise<PhoneCodeResponse> {
  const [last] = await db
    .select({ createdAt: phoneCodes.createdAt })
    .from(phoneCodes)
    .where(and(eq(phoneCodes.mobile, mobile), eq(phoneCodes.purpose, "register")))
    .orderBy(desc(phoneCodes.createdAt))
    .limit(1);
  if (last) {
    const wait = PHONE_CODE_RULES.resendSeconds - (Date.now() - last.createdAt.getTime()) / 1000;
    if (wait > 0) throw tooMany(wait);
  }
  // Counted before the account check: the limits also bound probing which numbers have accounts.
  const mobileKey = `phone-code:mobile:${mobile}`;
  const addressKey = `phone-code:ip:${ctx.ip ?? "unknown"}`;
  if ((await hit(db, mobileKey, HOUR)) > CODES_PER_MOBILE_PER_HOUR) throw tooMany(HOUR);
  if ((await hit(db, addressKey, HOUR)) > CODES_PER_ADDRESS_PER_HOUR) throw tooMany(HOUR);
  if (await mobileTaken(db, mobile)) throw duplicateMobile(ctx);

  const code = String(randomInt(0, 10 ** PHONE_CODE_RULES.length)).padStart(PHONE_CODE_RULES.length, "0");
  const [row] = await db
    .insert(phoneCodes)
    .values({
      mobile,
      purpose: "register",
      codeHash: hashPhoneCode(secret, mobile, code),
      expiresAt: new Date(Date.now() + PHONE_CODE_RULES.validSeconds * 1000),
    })
    .returning({ id: phoneCodes.id });
  const minutes = PHONE_CODE_RULES.validSeconds / 60;
  try {
    await sms.send(
      mobile,
      `【社会组织孵化基地】您的注册验证码为 ${code}，${minutes} 分钟内有效。如非本人操作，请忽略本短信。`,
    );
  } catch (error) {
    // Refused for certain: forget the code and give the number back its try, so a gateway
    // outage costs the applicant none of the hour's codes. The address's count stays: it still
    // bounds how hard one client can push. A timeout may have been delivered: the code, the
    // counts and the resend wait all stand, and the code works if it arrives.
    if (error instanceof SmsRefusedError) {
      if (row) await db.delete(phoneCodes).where(eq(phoneCodes.id, row.id));
      await refund(db, mobileKey);
    }
    throw new AppError("sms_unavailable", { cause: error });
  }
  return {
    resendAfterSeconds: PHONE_CODE_RULES.resendSeconds,
    expiresInSeconds: PHONE_CODE_RULES.validSeconds,
  };
}

/**
 * Checks a code against the number's latest unused one. Each check counts an attempt, committed
 * on its own (outside the registration's transaction, so a refused registration cannot undo it);
 * after the fifth the code is dead. Returns the code's id, to consume with the registration.
 */
export async function checkPhoneCode(db: Db, secret: string, mobile: string, code: string): Promise<string> {
  const [counted] = await db
    .update(phoneCodes)
    .set({ attempts: sql`${phoneCodes.attempts} + 1` })
    .where(
      eq(
        phoneCodes.id,
        sql`(SELECT id FROM phone_codes WHERE mobile = ${mobile} AND purpose = 'register' AND consumed_at IS NULL ORDER BY created_at DESC LIMIT 1)`,
      ),
    )
    .returning();
  const refused = (attemptsLeft: number) =>
    new AppError("code_invalid", { field: "code", details: { attemptsLeft } });
  if (!counted || counted.expiresAt.getTime() <= Date.now()) throw refused(0);
  const attemptsLeft = Math.max(0, PHONE_CODE_RULES.maxAttempts - counted.attempts);
  if (counted.attempts > PHONE_CODE_RULES.maxAttempts) throw refused(0);
  const expected = Buffer.from(counted.codeHash);
  const given = Buffer.from(hashPhoneCode(secret, mobile, code));
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw refused(attemptsLeft);
  return counted.id;
}

/** Uses the code up in the registration's transaction; a second registration racing it loses. */
export async function consumePhoneCode(tx: Db, id: string): Promise<void> {
  const [row] = await tx
    .update(phoneCodes)
    .set({ consumedAt: sql`now()` })
    .where(and(eq(phoneCodes.id, id), isNull(phoneCodes.consumedAt)))
    .returning({ id: phoneCodes.id });
  if (!row) throw new AppError("code_invalid", { field: "code", details: { attemptsLeft: 0 } });
}
