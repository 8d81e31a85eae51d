import { z } from "zod";
import { PASSWORD_MAX_LENGTH } from "../../domain/password-policy";
import { ROLES } from "../../domain/roles";
import { secretText, text } from "../common";

export const ZLoginRequest = z.object({
  username: text(64).min(1, { error: "required" }),
  password: secretText(PASSWORD_MAX_LENGTH).min(1, { error: "required" }),
});
export type LoginRequest = z.infer<typeof ZLoginRequest>;

export const ZRole = z.enum(ROLES);

export const ZCurrentUser = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(ZRole),
  baseId: z.string(),
  baseName: z.string(),
  organizationId: z.string().nullable(),
  organizationName: z.string().nullable(),
  mustChangePassword: z.boolean(),
  /** A city-level government viewer who reads across the installation's bases. */
  crossBase: z.boolean(),
  /** A community liaison's town (镇街); null for other roles, or while the administrator has set none. */
  townId: z.string().nullable(),
  townName: z.string().nullable(),
  /** A partner user's partner (enterprise, foundation, hub organization); null for other roles. */
  partnerId: z.string().nullable(),
  partnerName: z.string().nullable(),
  /** The user's own contact as the platform has it (mobile masked), for them to check. */
  mobile: z.string().nullable(),
  email: z.string().nullable(),
});
export type CurrentUser = z.infer<typeof ZCurrentUser>;

export const ZSessionResponse = z.object({ user: ZCurrentUser, csrfToken: z.string() });
export type SessionResponse = z.infer<typeof ZSessionResponse>;

export const ZChangePasswordRequest = z.object({
  currentPassword: secretText(PASSWORD_MAX_LENGTH).min(1, { error: "required" }),
  newPassword: secretText(PASSWORD_MAX_LENGTH).min(1, { error: "required" }),
});
export type ChangePasswordRequest = z.infer<typeof ZChangePasswordRequest>;
