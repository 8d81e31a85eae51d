/**
 * The service figures (服务数据): what the service ledger (服务台账) holds, counted for a base (the
 * staff's page, the viewers' and liaisons' home cards) or for one organization (its panel). Read
 * from the ledger alone: docs/SERVICES-FIGURES.md says what each figure counts.
 */
import { z } from "zod";
import { DELIVERY_KINDS, SERVICE_CATEGORIES } from "../../domain/services/categories";
import { ZDay } from "../common";

const ZCount = z.number().int().min(0);

/** The period in calendar days (Asia/Shanghai); by default the last twelve months to today. */
const ZFiguresPeriodFields = z.object({
  from: ZDay.optional(),
  to: ZDay.optional(),
});
export const ZServiceFiguresQuery = ZFiguresPeriodFields.refine((q) => !q.from || !q.to || q.from <= q.to, {
  error: "period_reversed",
  path: ["to"],
});
export type ServiceFiguresQuery = z.output<typeof ZServiceFiguresQuery>;

/** Counts of one slice of the ledger (a category, a kind, a month). */
const ZSlice = z.object({
  deliveries: ZCount,
  minutes: ZCount,
});

export const ZServiceTotals = z.object({
  /** Rows of the ledger: one per service delivered to one party. */
  deliveries: ZCount,
  minutes: ZCount,
  /** Minutes / 60, to one decimal. */
  hours: z.number().min(0),
  /** Deliveries rated by the party served, their mean rating (1-5, two decimals), and their share. */
  rated: ZCount,
  ratingMean: z.number().nullable(),
  ratedShare: z.number().min(0).max(1).nullable(),
  /** Distinct organizations served, those of them served while virtual, and that share. */
  organizations: ZCount,
  virtualOrganizations: ZCount,
  virtualShare: z.number().min(0).max(1).nullable(),
  /** Distinct persons named as served (training participants, individuals). */
  persons: ZCount,
});
export type ServiceTotals = z.infer<typeof ZServiceTotals>;

export const ZServiceMonthEntry = z.object({
  /** YYYY-MM (Asia/Shanghai calendar month). */
  month: z.string(),
  deliveries: ZCount,
  minutes: ZCount,
  byCategory: z.array(ZSlice.extend({ category: z.enum(SERVICE_CATEGORIES) })),
});
export type ServiceMonthEntry = z.infer<typeof ZServiceMonthEntry>;

export const ZServiceFiguresView = z.object({
  totals: ZServiceTotals,
  /** Every category and kind, in their fixed order, zero where nothing was delivered. */
  byCategory: z.array(ZSlice.extend({ category: z.enum(SERVICE_CATEGORIES) })),
  byKind: z.array(ZSlice.extend({ kind: z.enum(DELIVERY_KINDS) })),
  /** Every month of the period, oldest first. */
  byMonth: z.array(ZServiceMonthEntry),
});
export type ServiceFiguresView = z.infer<typeof ZServiceFiguresView>;

export const ZServiceSectionView = ZServiceFiguresView.extend({
  baseId: z.string(),
  baseName: z.string(),
});
export type ServiceSectionView = z.infer<typeof ZServiceSectionView>;

/** A base's (or a city viewer's bases', or a liaison's town's) figures. */
export const ZServiceFigures = z.object({
  scope: z.enum(["base", "bases", "town"]),
  town: z.object({ id: z.string(), name: z.string() }).nullable(),
  from: z.string(),
  to: z.string(),
  sections: z.array(ZServiceSectionView),
});
export type ServiceFigures = z.infer<typeof ZServiceFigures>;

/** One organization's figures (the panel on its incubation and growth pages). */
export const ZOrganizationServiceFigures = ZServiceFiguresView.extend({
  organization: z.object({ id: z.string(), name: z.string() }),
  from: z.string(),
  to: z.string(),
});
export type OrganizationServiceFigures = z.infer<typeof ZOrganizationServiceFigures>;
