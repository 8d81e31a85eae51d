/**
 * Projects (项目) as the API serves them: what each answers, where it runs, its logical framework
 * (goal, outcomes, outputs, activities) with indicators, its grants in summary, and the
 * replication sites (产品孵化) its model reached.
 */
import { z } from "zod";
import { TRACKS } from "../../domain/call";
import {
  FUND_KINDS,
  GRANT_STATUSES,
  LOGFRAME_LEVELS,
  PROJECT_STATUSES,
  REPORTING_FREQUENCIES,
} from "../../domain/funding/grant";
import { FIVE_GOOD_FIELDS } from "../../domain/organization";
import { longText, optionalText, text, ZId, ZPage, ZPageQuery, ZVersion } from "../common";

/** An indicator's value: not negative, at most two decimals, below 10^12 (numeric(14,2)). */
export const ZIndicatorNumber = z
  .number({ error: "number_invalid" })
  .min(0, { error: "not_negative" })
  .max(999_999_999_999.99, { error: "too_big" })
  .refine((v) => Math.abs(Math.round(v * 100) - v * 100) < 1e-6, { error: "two_decimals" });

const ZIndicatorInput = z.object({
  /** An indicator kept from before; without it, a new one. */
  id: ZId.optional(),
  level: z.enum(LOGFRAME_LEVELS),
  name: text(100).min(1, { error: "required" }),
  unit: text(20).min(1, { error: "required" }),
  baselineValue: ZIndicatorNumber,
  targetValue: ZIndicatorNumber,
  method: text(300),
  frequency: z.enum(REPORTING_FREQUENCIES),
});

const ZSite = z.object({
  town: text(40).min(1, { error: "required" }),
  community: text(60).min(1, { error: "required" }),
});

const ZStatements = z.array(text(300).min(1, { error: "required" })).max(20, { error: "too_big" });

/** Two of the same (by `key`) → `duplicate_value` on the second. */
function noDuplicates<T>(key: (item: T) => string) {
  return (items: T[], ctx: z.RefinementCtx<T[]>) => {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      const k = key(item);
      if (seen.has(k)) ctx.addIssue({ code: "custom", message: "duplicate_value", path: [i] });
      seen.add(k);
    });
  };
}

const ZProjectFields = z.object({
  title: text(100).min(2, { error: "too_short" }),
  need: longText(2000),
  beneficiaries: longText(1000),
  targetPeople: z
    .number()
    .max(10_000_000, { error: "too_big" })
    .int({ error: "integer_required" })
    .min(0)
    .nullish(),
  sites: z
    .array(ZSite)
    .max(50, { error: "too_big" })
    .superRefine(noDuplicates((s) => `${s.town}\u0000${s.community}`)),
  fields: z
    .array(z.enum(FIVE_GOOD_FIELDS))
    .max(5)
    .superRefine(noDuplicates((f) => f)),
  /** Only (and always) for the combined track. */
  flagshipProgrammeId: ZId.nullish(),
  goal: longText(1000),
  outcomes: ZStatements,
  outputs: ZStatements,
  activities: ZStatements,
  indicators: z
    .array(ZIndicatorInput)
    .max(30, { error: "too_big" })
    .superRefine(noDuplicates((i) => i.id ?? `new:${i.name}`))
    .superRefine(noDuplicates((i) => i.name)),
});

export const ZProjectInput = ZProjectFields.extend({ incubationId: ZId });
export type ProjectInput = z.input<typeof ZProjectInput>;

export const ZProjectUpdate = ZProjectFields.extend({ version: ZVersion });
export type ProjectUpdate = z.input<typeof ZProjectUpdate>;

export const ZProjectEventBody = z.object({ version: ZVersion, reason: optionalText(500, true) });
export type ProjectEventBody = z.input<typeof ZProjectEventBody>;

export const ZProjectQuery = ZPageQuery.extend({
  status: z.enum(PROJECT_STATUSES).optional(),
  track: z.enum(TRACKS).optional(),
  field: z.enum(FIVE_GOOD_FIELDS).optional(),
  programmeId: ZId.optional(),
  incubationId: ZId.optional(),
  q: text(64).optional(),
});
export type ProjectQuery = z.input<typeof ZProjectQuery>;

export const ZProjectEntry = z.object({
  id: z.string(),
  title: z.string(),
  organizationId: z.string(),
  organizationName: z.string(),
  incubationId: z.string(),
  track: z.enum(TRACKS),
  status: z.enum(PROJECT_STATUSES),
  fields: z.array(z.enum(FIVE_GOOD_FIELDS)),
  programmeName: z.string().nullable(),
  /** Its grants that are approved or later, in fen. */
  committedFen: z.number().int(),
  grantCount: z.number().int(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type ProjectEntry = z.infer<typeof ZProjectEntry>;
export const ZProjectPage = ZPage(ZProjectEntry);
export type ProjectPage = z.infer<typeof ZProjectPage>;

export const ZIndicator = z.object({
  id: z.string(),
  level: z.enum(LOGFRAME_LEVELS),
  name: z.string(),
  unit: z.string(),
  baselineValue: z.number(),
  targetValue: z.number(),
  method: z.string(),
  frequency: z.enum(REPORTING_FREQUENCIES),
  /** Removed from the framework; its reported values are kept. */
  removed: z.boolean(),
});
export type Indicator = z.infer<typeof ZIndicator>;
export const ZIndicatorList = z.object({ items: z.array(ZIndicator) });
export const ZIndicatorQuery = z.object({ removed: z.enum(["true", "false"]).optional() });

export const ZReplicationSiteInput = z.object({
  town: text(40).min(1, { error: "required" }),
  community: text(60).min(1, { error: "required" }),
  year: z.number().max(2100, { error: "too_big" }).int({ error: "integer_required" }).min(2000, {
    error: "too_small",
  }),
  /** Who paid for it there (a street office, a community fund, a partner). */
  fundedBy: text(100),
  note: optionalText(500, true),
});
export type ReplicationSiteInput = z.input<typeof ZReplicationSiteInput>;

export const ZReplicationSite = z.object({
  id: z.string(),
  town: z.string(),
  community: z.string(),
  year: z.number().int(),
  fundedBy: z.string(),
  note: z.string().nullable(),
  createdAt: z.string(),
});
export type ReplicationSite = z.infer<typeof ZReplicationSite>;
export const ZReplicationSiteList = z.object({ items: z.array(ZReplicationSite) });
export const ZSiteParams = z.object({ id: ZId, siteId: ZId });

export const ZProjectGrantSummary = z.object({
  id: z.string(),
  number: z.string(),
  fundName: z.string(),
  fundKind: z.enum(FUND_KINDS),
  amountFen: z.number().int(),
  status: z.enum(GRANT_STATUSES),
});

export const ZProjectView = ZProjectEntry.extend({
  need: z.string(),
  beneficiaries: z.string(),
  targetPeople: z.number().int().nullable(),
  sites: z.array(ZSite),
  flagshipProgrammeId: z.string().nullable(),
  goal: z.string(),
  outcomes: z.array(z.string()),
  outputs: z.array(z.string()),
  activities: z.array(z.string()),
  /** The framework's indicators now (removed ones are left out). */
  indicators: z.array(ZIndicator),
  grants: z.array(ZProjectGrantSummary),
  replicationSites: z.array(ZReplicationSite),
  /** What the reader may do: edit, close or cancel (staff), add a replication site (staff, the organization). */
  can: z.object({ edit: z.boolean(), addSite: z.boolean(), removeSite: z.boolean() }),
});
export type ProjectView = z.infer<typeof ZProjectView>;
