/**
 * The base's money figures (资金数据): money committed, disbursed and spent by fund, fund kind,
 * track and year; indicator achievement by track; money owed; projects by status. All money is
 * integer fen; docs/FUNDING-FIGURES.md says what each figure counts.
 */
import { z } from "zod";
import { TRACKS } from "../../domain/call";
import { FUND_KINDS, PROJECT_STATUSES } from "../../domain/funding/grant";

export const ZFundingFiguresQuery = z.object({
  /** One calendar year; every year when absent. */
  year: z.coerce
    .number({ error: "funding_year_invalid" })
    .int({ error: "funding_year_invalid" })
    .min(2000, { error: "funding_year_invalid" })
    .max(2100, { error: "funding_year_invalid" })
    .optional(),
});
export type FundingFiguresQuery = z.output<typeof ZFundingFiguresQuery>;

const ZFen = z.number().int().min(0);
const ZCount = z.number().int().min(0);

/** The three sums every slice carries. */
export const ZMoney = z.object({ committedFen: ZFen, disbursedFen: ZFen, spentFen: ZFen });
export type Money = z.infer<typeof ZMoney>;

export const ZFundingFigures = z.object({
  year: z.number().int().nullable(),
  totals: ZMoney.extend({ owedFen: ZFen, capacityFen: ZFen }),
  byFund: z.array(
    ZMoney.extend({
      fundId: z.string(),
      name: z.string(),
      kind: z.enum(FUND_KINDS),
      capacityFen: ZFen,
      owedFen: ZFen,
    }),
  ),
  byKind: z.array(ZMoney.extend({ kind: z.enum(FUND_KINDS) })),
  byTrack: z.array(ZMoney.extend({ track: z.enum(TRACKS) })),
  byYear: z.array(ZMoney.extend({ year: z.number().int() })),
  /** Indicators with an accepted value, those at or above target, and the share (basis points) by track. */
  achievement: z.array(
    z.object({
      track: z.enum(TRACKS),
      indicators: ZCount,
      measured: ZCount,
      met: ZCount,
      metBp: z.number().int().nullable(),
    }),
  ),
  /** The twenty projects with the most money committed (in the year, when one is asked). */
  topProjects: z.array(
    ZMoney.extend({
      projectId: z.string(),
      title: z.string(),
      status: z.enum(PROJECT_STATUSES),
      organizationName: z.string(),
    }),
  ),
  projectsByStatus: z.array(z.object({ status: z.enum(PROJECT_STATUSES), projects: ZCount })),
});
export type FundingFigures = z.infer<typeof ZFundingFigures>;
