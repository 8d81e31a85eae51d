/**
 * Registration's phone codes: the shared machinery (src/server/phone-codes.ts) with purpose
 * `register`, refused for a number that already signs in to an account.
 */
import { and, eq, ne, or, sql } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { users } from "../../../../db/schema";
import { FIELD_LABELS } from "../../../../schemas/messages";
import type { PhoneCodeResponse } from "../../../../schemas/platform/phone-codes";
import type { AnonymousContext } from "../../../context";
import { AppError } from "../../../errors";
import { deliverPhoneCode, issuePhoneCode, limitPhoneCodes, PHONE_CODE_ANSWER } from "../../../phone-codes";
import type { SmsProvider } from "../../../sms";

/**
 * A number that already signs in to an account (as its mobile or as its account name);
 * `exceptId`: the account being edited, whose own number is no clash.
 */
export async function mobileTaken(db: Db, mobile: string, exceptId?: string): Promise<boolean> {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        or(eq(users.mobile, mobile), eq(sql`lower(${users.username})`, mobile)),
        exceptId ? ne(users.id, exceptId) : undefined,
      ),
    )
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
  // Counted before the account check: the limits also bound probing which numbers have accounts.
  await limitPhoneCodes(db, ctx, mobile, "register");
  if (await mobileTaken(db, mobile)) throw duplicateMobile(ctx);
  const issued = await issuePhoneCode(db, secret, mobile, "register");
  await deliverPhoneCode(
    db,
    sms,
    issued,
    (code, minutes) =>
      `【社会组织孵化基地】您的注册验证码为 ${code}，${minutes} 分钟内有效。如非本人操作，请忽略本短信。`,
  );
  return PHONE_CODE_ANSWER;
}
