/**
 * The admission decision (入壳决定) in the API: staff decide, reconsider, record a lapse and offer
 * a freed place to the waitlist; the applicant reads the final outcome and confirms or declines.
 */
import { z } from "zod";
import { DECISION_STATUSES } from "../../domain/application";
import { TRACKS } from "../../domain/call";
import { longText, optionalText, ZDay, ZVersion } from "../common";

export const ZDecisionBody = z.object({
  decision: z.enum(DECISION_STATUSES),
  reason: longText(2000).min(1, { error: "required" }),
  /** Required to admit beyond the track's quota: why, recorded and audited. */
  overQuotaReason: optionalText(2000, true),
  /** A summary of the panel's view released to the applicant with the letter (never raw comments). */
  releasedSummary: optionalText(4000, true),
  version: ZVersion,
});
export type DecisionBody = z.input<typeof ZDecisionBody>;

export const ZReconsiderBody = z.object({
  reason: longText(2000).min(1, { error: "required" }),
  version: ZVersion,
});
export type ReconsiderBody = z.input<typeof ZReconsiderBody>;

export const ZLapseBody = z.object({ version: ZVersion });

export const ZOfferBody = z.object({
  reason: longText(2000).min(1, { error: "required" }),
  /** The day (Asia/Shanghai) by which the organization confirms the offered place. */
  confirmBy: ZDay,
  overQuotaReason: optionalText(2000, true),
  version: ZVersion,
});
export type OfferBody = z.input<typeof ZOfferBody>;

export const ZPlaceBody = z.object({ answer: z.enum(["confirm", "decline"]), version: ZVersion });
export type PlaceBody = z.input<typeof ZPlaceBody>;

/** The decision as staff read it (everything) or the applicant (only once final). */
export const ZDecisionView = z.object({
  applicationId: z.uuid(),
  status: z.string(),
  applicationVersion: z.number().int(),
  track: z.enum(TRACKS),
  decision: z.enum(DECISION_STATUSES).nullable(),
  reason: z.string().nullable(),
  releasedSummary: z.string().nullable(),
  overQuotaReason: z.string().nullable(),
  final: z.boolean(),
  finalAt: z.iso.datetime().nullable(),
  confirmBy: z.iso.datetime().nullable(),
  respondedAt: z.iso.datetime().nullable(),
  roundTitle: z.string().nullable(),
  version: z.number().int().nullable(),
  /** The incubation the confirmed place started (stage 4), for the link. */
  incubationId: z.uuid().nullable(),
});
export type DecisionView = z.infer<typeof ZDecisionView>;

/** An organization's confirmed places (入壳), shown on its page. */
export const ZPlacements = z.object({
  items: z.array(
    z.object({
      applicationId: z.uuid(),
      track: z.enum(TRACKS),
      roundTitle: z.string().nullable(),
      callTitle: z.string(),
      decision: z.string(),
      decidedAt: z.iso.datetime(),
      confirmedAt: z.iso.datetime().nullable(),
    }),
  ),
});
export type Placements = z.infer<typeof ZPlacements>;
