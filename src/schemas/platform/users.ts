import { z } from "zod";
import { PASSWORD_MAX_LENGTH } from "../../domain/password-policy";
import { ZId, ZPage, ZPageQuery, ZVersion } from "../common";
import { ZRole } from "./auth";
import { ZMobile, ZMobileOrMasked } from "./organizations";

const ZUsername = z
  .string()
  .trim()
  .min(3, { error: "too_short" })
  .max(32, { error: "too_long" })
  .regex(/^[A-Za-z][A-Za-z0-9_.-]*$/, { error: "username_invalid" });

export const ZUserCreate = z.object({
  username: ZUsername,
  displayName: z.string().trim().min(1, { error: "required" }).max(50, { error: "too_long" }),
  mobile: z.union([ZMobile, z.literal("").transform(() => null), z.null()]).optional(),
  email: z
    .union([z.email({ error: "email_invalid" }), z.literal("").transform(() => null), z.null()])
    .optional(),
  roles: z.array(ZRole).min(1, { error: "roles_required" }),
  organizationId: ZId.nullish(),
  /** A community liaison's town (required for that role, refused for others). */
  townId: ZId.nullish(),
  password: z.string().min(1, { error: "required" }).max(PASSWORD_MAX_LENGTH, { error: "too_long" }),
});
export type UserCreate = z.input<typeof ZUserCreate>;

export const ZUserUpdate = z.object({
  displayName: z.string().trim().min(1, { error: "required" }).max(50, { error: "too_long" }),
  /** Left out, or the masked value the form was given: unchanged. "" or null: cleared. */
  mobile: ZMobileOrMasked,
  email: z
    .union([z.email({ error: "email_invalid" }), z.literal("").transform(() => null), z.null()])
    .optional(),
  roles: z.array(ZRole).min(1, { error: "roles_required" }),
  organizationId: ZId.nullish(),
  /** Left out: kept while the account stays a liaison, cleared otherwise. */
  townId: ZId.nullish(),
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
  status: ZUserStatus,
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
});
export type User = z.infer<typeof ZUser>;

export const ZUserQuery = ZPageQuery.extend({
  q: z.string().trim().max(64).optional(),
  role: ZRole.optional(),
  status: ZUserStatus.optional(),
});
export type UserQuery = z.input<typeof ZUserQuery>;
export const ZUserPage = ZPage(ZUser);

export const ZVersionBody = z.object({ version: ZVersion });
export const ZResetPasswordRequest = z.object({
  version: ZVersion,
  newPassword: z.string().min(1, { error: "required" }).max(PASSWORD_MAX_LENGTH, { error: "too_long" }),
});
