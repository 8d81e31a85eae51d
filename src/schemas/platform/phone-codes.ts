/**
 * One-time phone codes (registering an applicant, resetting a forgotten password) and the
 * self-service password reset that uses them.
 */
import { z } from "zod";
import { PASSWORD_MAX_LENGTH } from "../../domain/password-policy";
import { secretText, text } from "../common";

/** How long a code is valid, how soon a new one may be sent, how often it may be tried. */
export const PHONE_CODE_RULES = {
  length: 6,
  validSeconds: 10 * 60,
  resendSeconds: 60,
  maxAttempts: 5,
} as const;

export const ZPhoneCodeResponse = z.object({
  resendAfterSeconds: z.number().int(),
  expiresInSeconds: z.number().int(),
});
export type PhoneCodeResponse = z.infer<typeof ZPhoneCodeResponse>;

export const ZPhoneCode = text(20).regex(/^\d{6}$/, { error: "invalid" });

/** The account to reset: its mobile, or its account name when a mobile is on file. */
const ZAccount = text(64).min(1, { error: "required" });

export const ZResetCodeRequest = z.object({ account: ZAccount });
export type ResetCodeRequest = z.infer<typeof ZResetCodeRequest>;

export const ZPasswordResetRequest = z.object({
  account: ZAccount,
  code: ZPhoneCode,
  newPassword: secretText(PASSWORD_MAX_LENGTH).min(1, { error: "required" }),
});
export type PasswordResetRequest = z.infer<typeof ZPasswordResetRequest>;
