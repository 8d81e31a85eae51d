/**
 * Stage 3's external experts in the API: invitations (staff), joining by an invitation link
 * (public), sign-in links, the expert's own profile and declared conflicts, and the staff's list
 * and detail of experts with every conflict, stored or detected.
 */
import { z } from "zod";
import { ORGANIZATION_FIELDS } from "../../domain/organization";
import { PASSWORD_MAX_LENGTH } from "../../domain/password-policy";
import { DETECTED_CONFLICTS, INVITATION_STATUSES } from "../../domain/review/round";
import { longText, optionalText, secretText, text, ZId, ZPage, ZPageQuery } from "../common";
import { ZCurrentUser } from "../platform/auth";
import { ZMobile } from "../platform/organizations";

/** Where an expert lands after joining or following a sign-in link: their assignments. */
export const EXPERT_LANDING = "/reviews";

/** An invitation link is good for 14 days unless staff choose otherwise (1 to 60 days). */
export const INVITATION_DAYS_DEFAULT = 14;
export const INVITATION_DAYS_MAX = 60;
/**
 * A sign-in link is good for 72 hours by default: long enough for an expert who reads the text
 * the next evening, short enough that a forwarded old message is dead. Staff choose 1 to 168 h.
 */
export const SIGN_IN_LINK_HOURS_DEFAULT = 72;
export const SIGN_IN_LINK_HOURS_MAX = 168;

const ZField = z.enum(ORGANIZATION_FIELDS);
const ZFields = z
  .array(ZField)
  .max(ORGANIZATION_FIELDS.length)
  .transform((fields) => [...new Set(fields)]);
const ZEmail = z.email({ error: "email_invalid" }).max(200, { error: "too_long" });
const optionalMobile = z.union([ZMobile, z.literal("").transform(() => null), z.null()]).optional();
const optionalEmail = z.union([ZEmail, z.literal("").transform(() => null), z.null()]).optional();
/** Tokens are 43 base64url characters; anything else is no token of ours. */
const ZToken = text(100).regex(/^[A-Za-z0-9_-]{20,100}$/, { error: "invalid" });

/** How to reach someone: by text, by email, or both (at least one). */
const ZChannels = z
  .object({ sms: z.boolean().default(true), email: z.boolean().default(true) })
  .refine((c) => c.sms || c.email, { error: "required" });

// ---- invitations (staff) -------------------------------------------------------------------

export const ZInvitationCreate = z
  .object({
    name: text(50).min(1, { error: "required" }),
    mobile: optionalMobile,
    email: optionalEmail,
    fields: ZFields.default([]),
    message: optionalText(500, true),
    days: z
      .number()
      .max(INVITATION_DAYS_MAX, { error: "too_big" })
      .int()
      .min(1)
      .default(INVITATION_DAYS_DEFAULT),
  })
  .superRefine((v, ctx) => {
    if (!v.mobile && !v.email)
      ctx.addIssue({ code: "custom", message: "contact_required", path: ["mobile"] });
  });
export type InvitationCreate = z.input<typeof ZInvitationCreate>;

/** `expired`: sent, not used, past its date (computed, not stored). */
export const INVITATION_VIEW_STATUSES = [...INVITATION_STATUSES, "expired"] as const;
export type InvitationViewStatus = (typeof INVITATION_VIEW_STATUSES)[number];

export const ZInvitation = z.object({
  id: z.string(),
  name: z.string(),
  /** Masked in lists (138****8000). */
  mobile: z.string().nullable(),
  email: z.string().nullable(),
  fields: z.array(ZField),
  message: z.string().nullable(),
  status: z.enum(INVITATION_VIEW_STATUSES),
  expiresAt: z.string(),
  acceptedAt: z.string().nullable(),
  userId: z.string().nullable(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
});
export type Invitation = z.infer<typeof ZInvitation>;

export const ZInvitationQuery = ZPageQuery.extend({
  status: z.enum(INVITATION_VIEW_STATUSES).optional(),
  q: text(50).optional(),
});
export const ZInvitationPage = ZPage(ZInvitation);
export type InvitationPage = z.infer<typeof ZInvitationPage>;

/** What was sent and where (addresses masked), with the invitation. */
export const ZInvitationSent = z.object({
  invitation: ZInvitation,
  sentBySms: z.boolean(),
  sentByEmail: z.boolean(),
});
export type InvitationSent = z.infer<typeof ZInvitationSent>;

export const ZInvitationResend = z.object({
  days: z
    .number()
    .max(INVITATION_DAYS_MAX, { error: "too_big" })
    .int()
    .min(1)
    .default(INVITATION_DAYS_DEFAULT),
});

// ---- joining (public) --------------------------------------------------------------------

export const ZJoinQuery = z.object({ token: ZToken });

/** What the invitation page shows before anything is typed. */
export const ZJoinInvitation = z.object({
  name: z.string(),
  baseName: z.string(),
  inviterName: z.string().nullable(),
  message: z.string().nullable(),
  fields: z.array(ZField),
  expiresAt: z.string(),
  /** Masked: the mobile the account will carry (or the existing account has). */
  mobile: z.string().nullable(),
  email: z.string().nullable(),
  /** An account with this mobile exists in this base: its password links it, no new account. */
  existingAccount: z.boolean(),
});
export type JoinInvitation = z.infer<typeof ZJoinInvitation>;

export const ZJoinRequest = z.object({
  token: ZToken,
  /** A new account's name shown to staff; ignored when an account is linked. */
  displayName: optionalText(50),
  /** The new account's password (policy), or the existing account's password to link it. */
  password: secretText(PASSWORD_MAX_LENGTH).optional(),
});
export type JoinRequest = z.input<typeof ZJoinRequest>;

export const ZJoinResponse = z.object({
  user: ZCurrentUser,
  csrfToken: z.string(),
  /** The app path to open. */
  target: z.string(),
  /** true: an existing account took the expert role; false: a new account. */
  linked: z.boolean(),
});
export type JoinResponse = z.infer<typeof ZJoinResponse>;

// ---- sign-in links -------------------------------------------------------------------------

export const ZSignInLinkCreate = z.object({
  hours: z
    .number()
    .max(SIGN_IN_LINK_HOURS_MAX, { error: "too_big" })
    .int()
    .min(1)
    .default(SIGN_IN_LINK_HOURS_DEFAULT),
  channels: ZChannels.default({ sms: true, email: true }),
});
export type SignInLinkCreate = z.input<typeof ZSignInLinkCreate>;

export const ZSignInLinkSent = z.object({
  id: z.string(),
  expiresAt: z.string(),
  sentBySms: z.boolean(),
  sentByEmail: z.boolean(),
});
export type SignInLinkSent = z.infer<typeof ZSignInLinkSent>;

export const ZSignInLinkRedeem = z.object({ token: ZToken });
export const ZSignInLinkResult = z.object({ user: ZCurrentUser, csrfToken: z.string(), target: z.string() });
export type SignInLinkResult = z.infer<typeof ZSignInLinkResult>;

// ---- conflicts -----------------------------------------------------------------------------

export const CONFLICT_KINDS = ["declared", "staff", ...DETECTED_CONFLICTS] as const;
export type ConflictKind = (typeof CONFLICT_KINDS)[number];

export const ZConflict = z.object({
  /** Stored conflicts only (declared, staff); detected ones have none. */
  id: z.string().nullable(),
  organizationId: z.string(),
  organizationName: z.string(),
  kind: z.enum(CONFLICT_KINDS),
  /** As written (stored), or what was found (detected: a domain, a masked phone, a hub's name). */
  reason: z.string(),
  createdAt: z.string().nullable(),
});
export type Conflict = z.infer<typeof ZConflict>;

export const ZConflictInput = z.object({
  organizationId: ZId,
  reason: longText(500).min(1, { error: "required" }),
});
export type ConflictInput = z.input<typeof ZConflictInput>;

export const ZConflictParams = z.object({ conflictId: ZId });
export const ZExpertConflictParams = z.object({ id: ZId, conflictId: ZId });

export const ZCandidateCheck = z
  .object({ name: optionalText(50), mobile: optionalMobile, email: optionalEmail })
  .superRefine((v, ctx) => {
    if (!v.mobile && !v.email)
      ctx.addIssue({ code: "custom", message: "contact_required", path: ["mobile"] });
  });
export type CandidateCheck = z.input<typeof ZCandidateCheck>;
export const ZCandidateConflicts = z.object({
  conflicts: z.array(ZConflict),
  /** An account with this mobile or email exists (in this base or another). */
  existingAccount: z.enum(["none", "this_base", "other_base"]),
});
export type CandidateConflicts = z.infer<typeof ZCandidateConflicts>;

/** Organizations of the base by name, for declaring a conflict (the expert has no registry). */
export const ZOrganizationSearch = z.object({ q: text(50).min(1, { error: "required" }) });
export const ZOrganizationChoices = z.object({
  items: z.array(z.object({ id: z.string(), name: z.string() })),
});

// ---- profiles ------------------------------------------------------------------------------

export const ZExpertProfile = z.object({
  userId: z.string(),
  displayName: z.string(),
  fields: z.array(ZField),
  affiliation: z.string().nullable(),
  title: z.string().nullable(),
  bio: z.string().nullable(),
  /** 0: never saved (the first save creates it). */
  version: z.number().int(),
});
export type ExpertProfile = z.infer<typeof ZExpertProfile>;

export const ZExpertProfileUpdate = z.object({
  fields: ZFields,
  affiliation: optionalText(100),
  title: optionalText(50),
  bio: optionalText(2000, true),
  version: z.number().max(2_147_483_647, { error: "too_big" }).int().min(0),
});
export type ExpertProfileUpdate = z.input<typeof ZExpertProfileUpdate>;

export const ZOwnConflicts = z.object({ items: z.array(ZConflict) });

// ---- the staff's list and detail -----------------------------------------------------------

export const EXPERT_STATUSES = ["active", "disabled"] as const;

export const ZExpertQuery = ZPageQuery.extend({
  q: text(50).optional(),
  field: ZField.optional(),
  status: z.enum(EXPERT_STATUSES).optional(),
});
export const ZExpertFilter = ZExpertQuery.omit({ page: true, pageSize: true });

export const ZExpertRow = z.object({
  id: z.string(),
  displayName: z.string(),
  mobile: z.string().nullable(),
  email: z.string().nullable(),
  status: z.enum(EXPERT_STATUSES),
  fields: z.array(ZField),
  affiliation: z.string().nullable(),
  title: z.string().nullable(),
  conflictCount: z.number().int(),
  lastLoginAt: z.string().nullable(),
});
export type ExpertRow = z.infer<typeof ZExpertRow>;
export const ZExpertPage = ZPage(ZExpertRow);
export type ExpertPage = z.infer<typeof ZExpertPage>;

export const ZExpertDetail = z.object({
  expert: ZExpertRow,
  profile: ZExpertProfile,
  bio: z.string().nullable(),
  organizationName: z.string().nullable(),
  invitations: z.array(ZInvitation),
  conflicts: z.array(ZConflict),
});
export type ExpertDetail = z.infer<typeof ZExpertDetail>;
