/**
 * Funds (资金) as the API serves them: what each holds, what its grants have committed and what
 * has been paid out, all integer fen.
 */
import { z } from "zod";
import { FUND_KINDS, FUND_STATUSES } from "../../domain/funding/grant";
import { MAX_FEN } from "../../domain/funding/money";
import { optionalText, text, ZId, ZVersion } from "../common";

const ZCapacityFen = z.number().max(MAX_FEN, { error: "too_big" }).int({ error: "integer_required" }).min(0, {
  error: "not_negative",
});
const ZYear = z.number().max(2100, { error: "too_big" }).int({ error: "integer_required" }).min(2000, {
  error: "too_small",
});

export const ZFundInput = z.object({
  kind: z.enum(FUND_KINDS),
  name: text(80).min(2, { error: "too_short" }),
  /** The partner whose fund it is: required for `partner_fund`, refused for the others. */
  partnerId: ZId.nullish(),
  capacityFen: ZCapacityFen,
  year: ZYear.nullish(),
  description: optionalText(1000, true),
});
export type FundInput = z.input<typeof ZFundInput>;

/** An edit: the kind and the partner stay as created. */
export const ZFundUpdate = z.object({
  name: text(80).min(2, { error: "too_short" }),
  capacityFen: ZCapacityFen,
  year: ZYear.nullish(),
  description: optionalText(1000, true),
  version: ZVersion,
});
export type FundUpdate = z.input<typeof ZFundUpdate>;

export const ZFundQuery = z.object({
  kind: z.enum(FUND_KINDS).optional(),
  status: z.enum(FUND_STATUSES).optional(),
});
export type FundQuery = z.input<typeof ZFundQuery>;

export const ZFund = z.object({
  id: z.string(),
  kind: z.enum(FUND_KINDS),
  name: z.string(),
  partnerId: z.string().nullable(),
  partnerName: z.string().nullable(),
  capacityFen: z.number().int(),
  /** The sum of its grants that are approved or later (not proposed, not cancelled). */
  committedFen: z.number().int(),
  /** The sum of its grants' paid tranches. */
  disbursedFen: z.number().int(),
  /** capacity − committed: what new grants may still commit. */
  availableFen: z.number().int(),
  grantCount: z.number().int(),
  year: z.number().int().nullable(),
  description: z.string(),
  status: z.enum(FUND_STATUSES),
  version: z.number().int(),
  createdAt: z.string(),
});
export type Fund = z.infer<typeof ZFund>;
export const ZFundList = z.object({ items: z.array(ZFund) });
export type FundList = z.infer<typeof ZFundList>;
