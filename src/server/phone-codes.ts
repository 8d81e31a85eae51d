/**
 * One-time codes that confirm a phone: six digits, stored only as an HMAC under the session
 * secret, valid ten minutes, five tries, a new one at most once a minute per number, and rate
 * limits per number and per client address (shared by all instances through the database).
 * A code has a purpose (registering, resetting a password) that is part of its hash and of every
 * lookup, so a code sent for one cannot be used for the other.
 */
import { createHmac, randomInt, timingSafeEqual } from "node:crypto";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { phoneCodes } from "../db/schema";
import { PHONE_CODE_RULES, type PhoneCodeResponse } from "../schemas/platform/phone-codes";
import type { AnonymousContext } from "./context";
import { AppError } from "./errors";
import { hit, refund } from "./rate-limit";
import { type SmsProvider, SmsRefusedError } from "./sms";

export type PhoneCodePurpose = (typeof phoneCodes.$inferInsert)["purpose"];

const HOUR = 3600;
/** Codes per number per hour, and per client address per hour (all purposes together). */
const CODES_PER_MOBILE_PER_HOUR = 5;
/** Generous (shared Wi-Fi, carrier NAT); the per-mobile limit and 5 tries a code bound guessing. */
export const CODES_PER_ADDRESS_PER_HOUR = 100;

export const PHONE_CODE_ANSWER: PhoneCodeResponse = {
  resendAfterSeconds: PHONE_CODE_RULES.resendSeconds,
  expiresInSeconds: PHONE_CODE_RULES.validSeconds,
};

function hashPhoneCode(secret: string, purpose: PhoneCodePurpose, mobile: string, code: string): string {
  return createHmac("sha256", secret).update(`phone-code:${purpose}:${mobile}:${code}`).digest("base64url");
}

export function tooMany(seconds: number): AppError {
  return new AppError("too_many_attempts", {
    params: { minutes: Math.max(1, Math.ceil(seconds / 60)) },
    details: { retryAfterSeconds: Math.max(1, Math.ceil(seconds)) },
  });
}

const mobileKey = (mobile: string) => `phone-code:mobile:${mobile}`;

/**
 * The resend wait for this number and purpose, then one hit on the number's and the address's
 * hourly counts; throws 429 past any of them. Callers count before they look anything else up,
 * so the limits also bound probing which numbers have accounts.
 */
export async function limitPhoneCodes(
  db: Db,
  ctx: AnonymousContext,
  mobile: string,
  purpose: PhoneCodePurpose,
): Promise<void> {
  const [last] = await db
    .select({ createdAt: phoneCodes.createdAt })
    .from(phoneCodes)
    .where(and(eq(phoneCodes.mobile, mobile), eq(phoneCodes.purpose, purpose)))
    .orderBy(desc(phoneCodes.createdAt))
    .limit(1);
  if (last) {
    const wait = PHONE_CODE_RULES.resendSeconds - (Date.now() - last.createdAt.getTime()) / 1000;
    if (wait > 0) throw tooMany(wait);
  }
  if ((await hit(db, mobileKey(mobile), HOUR)) > CODES_PER_MOBILE_PER_HOUR) throw tooMany(HOUR);
  const addressKey = `phone-code:ip:${ctx.ip ?? "unknown"}`;
  if ((await hit(db, addressKey, HOUR)) > CODES_PER_ADDRESS_PER_HOUR) throw tooMany(HOUR);
}

export interface IssuedCode {
  id: string;
  mobile: string;
  code: string;
}

/** Stores a new code (its hash) for the number; the caller delivers it, or not. */
export async function issuePhoneCode(
  db: Db,
  secret: string,
  mobile: string,
  purpose: PhoneCodePurpose,
): Promise<IssuedCode> {
  const code = String(randomInt(0, 10 ** PHONE_CODE_RULES.length)).padStart(PHONE_CODE_RULES.length, "0");
  const [row] = await db
    .insert(phoneCodes)
    .values({
      mobile,
      purpose,
      codeHash: hashPhoneCode(secret, purpose, mobile, code),
      expiresAt: new Date(Date.now() + PHONE_CODE_RULES.validSeconds * 1000),
    })
    .returning({ id: phoneCodes.id });
  if (!row) throw new Error("phone code insert returned nothing");
  return { id: row.id, mobile, code };
}

/**
 * Texts the code. The provider is called before anything is awaited, so a message a recording
 * provider (tests) or the log provider takes is taken by the time this returns its promise.
 */
export async function deliverPhoneCode(
  db: Db,
  sms: SmsProvider,
  issued: IssuedCode,
  text: (code: string, minutes: number) => string,
): Promise<void> {
  try {
    await sms.send(issued.mobile, text(issued.code, PHONE_CODE_RULES.validSeconds / 60));
  } catch (error) {
    // Refused for certain: forget the code and give the number back its try, so a gateway
    // outage costs the applicant none of the hour's codes. The address's count stays: it still
    // bounds how hard one client can push. A timeout may have been delivered: the code, the
    // counts and the resend wait all stand, and the code works if it arrives.
    if (error instanceof SmsRefusedError) {
      await db.delete(phoneCodes).where(eq(phoneCodes.id, issued.id));
      await refund(db, mobileKey(issued.mobile));
    }
    throw new AppError("sms_unavailable", { cause: error });
  }
}

/**
 * Checks a code against the number's latest unused one of that purpose. Each check counts an
 * attempt, committed on its own (outside the caller's transaction, so a refused change cannot
 * undo it); after the fifth the code is dead. Returns the code's id, to consume with the change.
 */
export async function checkPhoneCode(
  db: Db,
  secret: string,
  mobile: string,
  purpose: PhoneCodePurpose,
  code: string,
): Promise<string> {
  const [counted] = await db
    .update(phoneCodes)
    .set({ attempts: sql`${phoneCodes.attempts} + 1` })
    .where(
      eq(
        phoneCodes.id,
        sql`(SELECT id FROM phone_codes WHERE mobile = ${mobile} AND purpose = ${purpose} AND consumed_at IS NULL ORDER BY created_at DESC LIMIT 1)`,
      ),
    )
    .returning();
  const refused = (attemptsLeft: number) =>
    new AppError("code_invalid", { field: "code", details: { attemptsLeft } });
  if (!counted || counted.expiresAt.getTime() <= Date.now()) throw refused(0);
  const attemptsLeft = Math.max(0, PHONE_CODE_RULES.maxAttempts - counted.attempts);
  if (counted.attempts > PHONE_CODE_RULES.maxAttempts) throw refused(0);
  const expected = Buffer.from(counted.codeHash);
  const given = Buffer.from(hashPhoneCode(secret, purpose, mobile, code));
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw refused(attemptsLeft);
  return counted.id;
}

/** Uses the code up in the change's transaction; a second request racing it loses. */
export async function consumePhoneCode(tx: Db, id: string): Promise<void> {
  const [row] = await tx
    .update(phoneCodes)
    .set({ consumedAt: sql`now()` })
    .where(and(eq(phoneCodes.id, id), isNull(phoneCodes.consumedAt)))
    .returning({ id: phoneCodes.id });
  if (!row) throw new AppError("code_invalid", { field: "code", details: { attemptsLeft: 0 } });
}
