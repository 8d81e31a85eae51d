/**
 * Partners (合作伙伴) as the API serves them: the base's enterprises, foundations and hub
 * organizations, their contact (the phone masked as an organization's is), and their users.
 */
import { z } from "zod";
import { PARTNER_KINDS, PARTNER_STATUSES } from "../../domain/partner";
import { optionalText, text, ZPage, ZPageQuery, ZVersion } from "../common";
import { ZMobile, ZMobileOrMasked } from "../platform/organizations";

const ZEmail = z
  .union([z.email({ error: "email_invalid" }).max(200), z.literal("").transform(() => null), z.null()])
  .optional();

export const ZPartnerInput = z.object({
  name: text(100).min(2, { error: "too_short" }),
  kind: z.enum(PARTNER_KINDS),
  contactName: optionalText(50),
  contactPhone: z.union([ZMobile, z.literal("").transform(() => null), z.null()]).optional(),
  email: ZEmail,
  /** What the partner offers (services, resources, funds). */
  description: optionalText(2000, true),
});
export type PartnerInput = z.input<typeof ZPartnerInput>;

/** An edit: the masked phone the form was given back means "unchanged". */
export const ZPartnerUpdate = ZPartnerInput.extend({
  contactPhone: ZMobileOrMasked,
  version: ZVersion,
});
export type PartnerUpdate = z.input<typeof ZPartnerUpdate>;

export const ZPartnerListQuery = ZPageQuery.extend({
  q: text(64).optional(),
  kind: z.enum(PARTNER_KINDS).optional(),
  status: z.enum(PARTNER_STATUSES).optional(),
});
export type PartnerListQuery = z.input<typeof ZPartnerListQuery>;
export type PartnerListState = z.output<typeof ZPartnerListQuery>;

export const ZPartnerEntry = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(PARTNER_KINDS),
  contactName: z.string().nullable(),
  /** Masked (138****8000) unless revealed by staff. */
  contactPhone: z.string().nullable(),
  email: z.string().nullable(),
  status: z.enum(PARTNER_STATUSES),
  userCount: z.number().int(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type PartnerEntry = z.infer<typeof ZPartnerEntry>;
export const ZPartnerPage = ZPage(ZPartnerEntry);
export type PartnerPage = z.infer<typeof ZPartnerPage>;

export const ZPartnerUserEntry = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  mobile: z.string().nullable(),
  status: z.enum(["active", "disabled"]),
});

export const ZPartnerView = ZPartnerEntry.extend({
  description: z.string().nullable(),
  createdAt: z.string(),
  users: z.array(ZPartnerUserEntry),
});
export type PartnerView = z.infer<typeof ZPartnerView>;

export const ZPartnerContactView = z.object({ contactPhone: z.string().nullable() });
