import { z } from "zod";
import { PASSWORD_MAX_LENGTH } from "../../domain/password-policy";
import { secretText, text, ZId, ZPage, ZPageQuery, ZVersion } from "../common";
import { ZRole } from "./auth";
import { ZMobile, ZMobileOrMasked } from "./organizations";

const ZUsername = text(32)
  .min(3, { error: "too_short" })
  .regex(/^[A-Za-z][A-Za-z0-9_.-]*$/, { error: "username_invalid" });

export const ZUserCreate = z.object({
  username: ZUsername,
  displayName: text(50).min(1, { error: "required" }),
  mobile: z.union([ZMobile, z.literal("").transform(() => null), z.null()]).optional(),
  email: z
    .union([z.email({ error: "email_invalid" }), z.literal("").transform(() => null), z.null()])
    .optional(),
  roles: z.array(ZRole).min(1, { error: "roles_required" }),
  organizationId: ZId.nullish(),
  /** A community liaison's town (required for that role, refused for others). */
  townId: ZId.nullish(),
  /** A partner user's partner (required for that role, refused for others). */
  partnerId: ZId.nullish(),
  password: secretText(PASSWORD_MAX_LENGTH).min(1, { error: "required" }),
});
export type UserCreate = z.input<typeof ZUserCreate>;

export const ZUserUpdate = z.object({
  displayName: text(50).min(1, { error: "required" }),
  /** Left out, or the masked value the form was given: unchanged. "" or null: cleared. */
  mobile: ZMobileOrMasked,
  email: z
    .union([z.email({ error: "email_invalid" }), z.literal("").transform(() => null), z.null()])
    .optional(),
  roles: z.array(ZRole).min(1, { error: "roles_required" }),
  organizationId: ZId.nullish(),
  /** Left out: kept while the account stays a liaison, cleared otherwise. */
  townId: ZId.nullish(),
  /** Left out: kept while the account stays a partner user, cleared otherwise. */
  partnerId: ZId.nullish(),
  version: ZVersion,
});
export type UserUpdate = z.input<typeof ZUserUpdate>;

const ZUserStatus = z.enum(["active", "disabled"]);

export const ZUser = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  mobile: z.string().nullable(),
  email: z.string().nullable(),
  roles: z.array(ZRole),
  organizationId: z.string().nullable(),
  organizationName: z.string().nullable(),
  townId: z.string().nullable(),
  townName: z.string().nullable(),
  partnerId: z.string().nullable(),
  partnerName: z.string().nullable(),
  status: ZUserStatus,
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
});
export type User = z.infer<typeof ZUser>;

export const ZUserQuery = ZPageQuery.extend({
  q: text(64).optional(),
  role: ZRole.optional(),
  status: ZUserStatus.optional(),
});
export type UserQuery = z.input<typeof ZUserQuery>;
export type UserListState = z.output<typeof ZUserQuery>;
export const ZUserPage = ZPage(ZUser);

export const ZVersionBody = z.object({ version: ZVersion });
export const ZResetPasswordRequest = z.object({
  version: ZVersion,
  newPassword: secretText(PASSWORD_MAX_LENGTH).min(1, { error: "required" }),
});
