/** The contracts of the service catalogue (服务目录). */
import { z } from "zod";
import { AUDIENCES, SERVICE_CATEGORIES } from "../../domain/services/categories";
import { CATALOGUE_STATUSES, HANDLER_KINDS, SERVICE_LIMITS } from "../../domain/services/request";
import { longText, text, ZId, ZVersion } from "../common";

export const ZCatalogueInput = z.object({
  category: z.enum(SERVICE_CATEGORIES),
  name: text(60).min(1, { error: "required" }),
  description: longText(2000).default(""),
  audiences: z
    .array(z.enum(AUDIENCES))
    .min(1, { error: "required" })
    .max(AUDIENCES.length)
    .refine((a) => new Set(a).size === a.length, { error: "invalid" }),
  handlerKind: z.enum(HANDLER_KINDS),
  defaultPartnerId: ZId.nullish(),
  responseDays: z.number().int({ error: "integer_required" }).min(1).max(SERVICE_LIMITS.responseDays),
});
export type CatalogueInput = z.input<typeof ZCatalogueInput>;

export const ZCatalogueUpdate = ZCatalogueInput.extend({
  status: z.enum(CATALOGUE_STATUSES),
  version: ZVersion,
});
export type CatalogueUpdate = z.input<typeof ZCatalogueUpdate>;

export const ZCatalogueQuery = z.object({
  /** "all": archived ones too (staff's admin page). */
  status: z.enum(["active", "all"]).default("active"),
});

export const ZCatalogueEntry = z.object({
  id: z.uuid(),
  category: z.enum(SERVICE_CATEGORIES),
  name: z.string(),
  description: z.string(),
  audiences: z.array(z.enum(AUDIENCES)),
  handlerKind: z.enum(HANDLER_KINDS),
  defaultPartnerId: z.uuid().nullable(),
  defaultPartnerName: z.string().nullable(),
  responseDays: z.number().int(),
  status: z.enum(CATALOGUE_STATUSES),
  version: z.number().int(),
  /** For a member: whether its organization may ask for it. */
  mayAsk: z.boolean(),
});
export type CatalogueEntry = z.infer<typeof ZCatalogueEntry>;
export const ZCatalogueView = z.object({ items: z.array(ZCatalogueEntry) });
export type CatalogueView = z.infer<typeof ZCatalogueView>;
