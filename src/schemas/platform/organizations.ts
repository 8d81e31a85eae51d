import { z } from "zod";
import { creditCodeProblem, normalizeCreditCode } from "../../domain/credit-code";
import {
  ORGANIZATION_FIELDS,
  ORGANIZATION_SORTS,
  REGISTRATION_STATUSES,
  RESIDENCIES,
} from "../../domain/organization";
import { isMaskedMobile, isValidMobile, normalizeMobile } from "../../domain/phone";
import { optionalText, text, ZDay, ZId, ZPage, ZPageQuery, ZVersion } from "../common";

const ZRegistrationStatus = z.enum(REGISTRATION_STATUSES);
const ZResidency = z.enum(RESIDENCIES);
const ZOrganizationField = z.enum(ORGANIZATION_FIELDS);

export const ZCreditCode = text(40)
  .transform(normalizeCreditCode)
  .superRefine((code, ctx) => {
    const problem = creditCodeProblem(code);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

export const ZMobile = text(40).transform(normalizeMobile).refine(isValidMobile, { error: "mobile_invalid" });

const ZCount = z
  .number({ error: "number_invalid" })
  .int({ error: "integer_required" })
  .min(0, { error: "not_negative" })
  .max(1_000_000);

/** The profile an organization or staff member edits. */
export const ZOrganizationInput = z.object({
  name: text(100).min(2, { error: "too_short" }),
  registrationStatus: ZRegistrationStatus,
  creditCode: z.union([ZCreditCode, z.literal("").transform(() => null), z.null()]).optional(),
  foundedOn: ZDay.nullish(),
  fields: z.array(ZOrganizationField).max(ORGANIZATION_FIELDS.length).default([]),
  townId: ZId.nullish(),
  communityIds: z.array(ZId).max(50).default([]),
  address: optionalText(200),
  leaderName: optionalText(50),
  contactName: optionalText(50),
  contactPhone: z.union([ZMobile, z.literal("").transform(() => null), z.null()]).optional(),
  staffCount: ZCount.nullish(),
  volunteerCount: ZCount.nullish(),
  partyOrganization: z.boolean().default(false),
  partyMemberCount: ZCount.nullish(),
  residency: ZResidency.default("none"),
  hubOrganizationId: ZId.nullish(),
  description: optionalText(2000, true),
});
export type OrganizationInput = z.input<typeof ZOrganizationInput>;

/**
 * A mobile in an edit: left out or sent back masked (138****8000) means unchanged, "" or null
 * clears it, anything else must be a valid number.
 */
export const ZMobileOrMasked = z
  .union([
    text(40)
      .transform((s) => (isMaskedMobile(s) ? s.trim() : normalizeMobile(s)))
      .refine((s) => isMaskedMobile(s) || isValidMobile(s), { error: "mobile_invalid" }),
    z.literal("").transform(() => null),
    z.null(),
  ])
  .optional();

/**
 * An edit: the same profile, where a key left out keeps its current value (no defaults that
 * would silently reset tags or residency), and the masked phone a form was given back is
 * accepted as "unchanged".
 */
export const ZOrganizationUpdate = ZOrganizationInput.extend({
  fields: z.array(ZOrganizationField).max(ORGANIZATION_FIELDS.length).optional(),
  communityIds: z.array(ZId).max(50).optional(),
  partyOrganization: z.boolean().optional(),
  residency: ZResidency.optional(),
  contactPhone: ZMobileOrMasked,
  version: ZVersion,
});
export type OrganizationUpdate = z.input<typeof ZOrganizationUpdate>;

export const ZOrganization = z.object({
  id: z.string(),
  baseId: z.string(),
  name: z.string(),
  registrationStatus: ZRegistrationStatus,
  creditCode: z.string().nullable(),
  foundedOn: z.string().nullable(),
  fields: z.array(ZOrganizationField),
  townId: z.string().nullable(),
  townName: z.string().nullable(),
  communityIds: z.array(z.string()),
  communityNames: z.array(z.string()),
  address: z.string().nullable(),
  leaderName: z.string().nullable(),
  contactName: z.string().nullable(),
  /** Masked (138****8000) unless the viewer may see it whole. */
  contactPhone: z.string().nullable(),
  contactPhoneMasked: z.boolean(),
  staffCount: z.number().nullable(),
  volunteerCount: z.number().nullable(),
  partyOrganization: z.boolean(),
  partyMemberCount: z.number().nullable(),
  residency: ZResidency,
  hubOrganizationId: z.string().nullable(),
  hubOrganizationName: z.string().nullable(),
  description: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Organization = z.infer<typeof ZOrganization>;

export const ZOrganizationQuery = ZPageQuery.extend({
  q: text(100).optional(),
  field: ZOrganizationField.optional(),
  townId: ZId.optional(),
  registrationStatus: ZRegistrationStatus.optional(),
  residency: ZResidency.optional(),
  sort: z.enum(ORGANIZATION_SORTS).default("updatedAt"),
  order: z.enum(["asc", "desc"]).default("desc"),
});
export type OrganizationQuery = z.input<typeof ZOrganizationQuery>;
/** The list page's state: the query as parsed, defaults filled in. */
export type OrganizationListState = z.output<typeof ZOrganizationQuery>;

export const ZOrganizationPage = ZPage(ZOrganization);
export type OrganizationPage = z.infer<typeof ZOrganizationPage>;

export const ZContactResponse = z.object({ contactPhone: z.string().nullable() });

const ZImportRowError = z.object({ row: z.number(), field: z.string(), message: z.string() });
export const ZImportResult = z.object({
  imported: z.number(),
  errors: z.array(ZImportRowError),
});
export type ImportResult = z.infer<typeof ZImportResult>;
