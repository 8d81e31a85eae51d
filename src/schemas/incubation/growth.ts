/**
 * The growth file (组织成长档案) as the API serves it: one organization's events, newest first,
 * filtered by area and period, with the areas present and their counts (the page's filter chips).
 */
import { z } from "zod";
import { ZDay, ZPageQuery } from "../common";

/** Areas are `<area>` of a kind `<area>.<event>`: lowercase words joined by `_`. */
const ZArea = z.string().regex(/^[a-z][a-z_]{0,39}$/, { error: "growth_area_invalid" });

const ZGrowthFilterFields = ZPageQuery.extend({
  /** One area or several, comma-separated (application,assessment). */
  areas: z
    .string()
    .max(400, { error: "too_long" })
    .transform((s) => s.split(",").filter(Boolean))
    .pipe(z.array(ZArea).max(20))
    .optional(),
  from: ZDay.optional(),
  to: ZDay.optional(),
  pageSize: z.coerce.number().int().min(1).max(500).default(100),
});
const periodInOrder = (q: { from?: string; to?: string }) => !q.from || !q.to || q.from <= q.to;
const PERIOD_REVERSED = { error: "period_reversed", path: ["to"] };

export const ZGrowthQuery = ZGrowthFilterFields.refine(periodInOrder, PERIOD_REVERSED);
/** The export's filter: the same, without pages. */
export const ZGrowthExportQuery = ZGrowthFilterFields.omit({ page: true, pageSize: true }).refine(
  periodInOrder,
  PERIOD_REVERSED,
);
export type GrowthQuery = z.input<typeof ZGrowthQuery>;
export type GrowthFilter = z.output<typeof ZGrowthQuery>;

const ZParamValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const ZGrowthEvent = z.object({
  id: z.string(),
  kind: z.string(),
  area: z.string(),
  occurredAt: z.string(),
  title: z.object({ zhCN: z.string(), en: z.string() }),
  /** What the title does not say: a status, a score, a `note`. */
  params: z.record(z.string(), ZParamValue),
  actorName: z.string().nullable(),
  /** The record it is about (an application, an assessment), for a link. */
  subjectId: z.string().nullable(),
  incubationId: z.string().nullable(),
});
export type GrowthEvent = z.infer<typeof ZGrowthEvent>;

export const ZGrowthFile = z.object({
  organization: z.object({ id: z.string(), name: z.string() }),
  items: z.array(ZGrowthEvent),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** The areas in this organization's file (whatever the filter), with their counts. */
  areas: z.array(z.object({ area: z.string(), count: z.number().int() })),
});
export type GrowthFile = z.infer<typeof ZGrowthFile>;
