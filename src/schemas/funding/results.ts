/**
 * One project's results (项目成效): its indicators over time against their targets, its spending
 * against its budget, the cost per person reached and the replication sites. The rules (series,
 * rounding, people counted once) are in src/domain/funding/results.ts; money is integer fen.
 */
import { z } from "zod";
import { FUND_KINDS, GRANT_STATUSES, LOGFRAME_LEVELS, PROJECT_STATUSES } from "../../domain/funding/grant";

const ZFen = z.number().int();
const ZCount = z.number().int().min(0);

export const ZResultsPoint = z.object({
  /** The day the value stands at: the first grant's start for the baseline, else the report's period end. */
  on: z.string(),
  /** The value as a decimal string (two places at most). */
  value: z.string(),
  baseline: z.boolean(),
  /** The report the value came from (null for the baseline). */
  reportId: z.string().nullable(),
});

export const ZResultsIndicator = z.object({
  id: z.string(),
  level: z.enum(LOGFRAME_LEVELS),
  name: z.string(),
  unit: z.string(),
  baseline: z.string(),
  target: z.string(),
  /** The latest accepted value, null before any. */
  latest: z.string().nullable(),
  /** Achievement in basis points (1% = 100), rounded half away from zero; null when it cannot be stated. */
  achievementBp: z.number().int().nullable(),
  met: z.boolean(),
  /** The indicator should fall (its target is below its baseline). */
  falling: z.boolean(),
  series: z.array(ZResultsPoint),
});
export type ResultsIndicator = z.infer<typeof ZResultsIndicator>;

export const ZResultsSpending = z.object({
  committedFen: ZFen,
  budgetFen: ZFen,
  spentFen: ZFen,
  verifiedFen: ZFen,
  paidFen: ZFen,
  owedFen: ZFen,
  remainingFen: ZFen,
});

export const ZResultsGrant = z.object({
  id: z.string(),
  number: z.string(),
  status: z.enum(GRANT_STATUSES),
  fundName: z.string(),
  fundKind: z.enum(FUND_KINDS),
  amountFen: ZFen,
  startsOn: z.string(),
  endsOn: z.string(),
  spentFen: ZFen,
  paidFen: ZFen,
});

export const ZReplicationSite = z.object({
  id: z.string(),
  town: z.string(),
  community: z.string(),
  year: z.number().int(),
  fundedBy: z.string(),
  note: z.string().nullable(),
});

export const ZProjectResults = z.object({
  project: z.object({
    id: z.string(),
    title: z.string(),
    status: z.enum(PROJECT_STATUSES),
    organizationId: z.string(),
    organizationName: z.string(),
    targetPeople: z.number().int().nullable(),
  }),
  /** The first committed grant's start: where each series' baseline stands (null without a grant). */
  startOn: z.string().nullable(),
  indicators: z.array(ZResultsIndicator),
  /** The committed grants (approved onwards), each with its spending and paid tranches. */
  grants: z.array(ZResultsGrant),
  spending: ZResultsSpending,
  /** People reached: the sum of the accepted reports' new people (each person once). */
  people: ZCount,
  acceptedReports: ZCount,
  /** Counted spending ÷ people, rounded to the fen; null before anyone was reached. */
  costPerPersonFen: ZFen.nullable(),
  replicationSites: z.array(ZReplicationSite),
});
export type ProjectResults = z.infer<typeof ZProjectResults>;
