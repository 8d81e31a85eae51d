/**
 * Stage 3's reviews in the API, the expert's side: the assignments grouped by round, one
 * application's dossier with its inspection record and the rubric, the draft scores and the submit.
 */
import { z } from "zod";
import { TRACKS } from "../../domain/call";
import { RECOMMENDATIONS } from "../../domain/inspection";
import { REVIEW_STATUSES, ROUND_STATUSES } from "../../domain/review/round";
import { longText, text, ZId, ZVersion } from "../common";
import { ZApplicationDetail } from "../recruitment/applications";
import { ZCriterion } from "./rubrics";

export const ZReviewEntry = z.object({
  id: z.uuid(),
  applicationId: z.uuid(),
  organizationName: z.string(),
  track: z.enum(TRACKS),
  status: z.enum(REVIEW_STATUSES),
  submittedAt: z.iso.datetime().nullable(),
  updatedAt: z.iso.datetime(),
});
export const ZReviewRoundGroup = z.object({
  roundId: z.uuid(),
  title: z.string(),
  status: z.enum(ROUND_STATUSES),
  deadline: z.iso.datetime(),
  total: z.number().int(),
  submitted: z.number().int(),
  /**
   * The assignments, by organization name: for an open round and the round asked for
   * (`?roundId=`); null for the others (closed, decided), which are counted only, so an expert
   * of many past rounds does not receive every review they ever wrote with each visit.
   */
  reviews: z.array(ZReviewEntry).nullable(),
});
export const ZMyReviews = z.object({ rounds: z.array(ZReviewRoundGroup), serverNow: z.iso.datetime() });
/** `roundId`: that round's assignments are listed too, whatever its status. */
export const ZMyReviewsQuery = z.object({ roundId: ZId.optional() });
export type MyReviews = z.infer<typeof ZMyReviews>;
export type ReviewEntry = z.infer<typeof ZReviewEntry>;

const ZScoreValue = z
  .number()
  .int({ error: "integer_required" })
  .min(-1000, { error: "too_small" })
  .max(1000, { error: "too_big" });

/** A draft as typed: any criterion may be left out or null (not scored yet). */
export const ZReviewDraft = z.object({
  version: ZVersion,
  scores: z.record(text(40), ZScoreValue.nullable()).optional(),
  comments: z.record(text(40), longText(2000)).optional(),
  overallComment: longText(4000).nullish(),
});
export type ReviewDraft = z.input<typeof ZReviewDraft>;

export const ZReviewSubmit = z.object({ version: ZVersion });

export const ZReviewRubric = z.object({
  id: z.uuid(),
  version: z.number().int(),
  title: z.string(),
  source: z.string().nullable(),
  criteria: z.array(ZCriterion),
});

export const ZReviewInspection = z.object({
  id: z.uuid(),
  revision: z.number().int(),
  mode: z.string(),
  scheduledAt: z.iso.datetime(),
  place: z.string().nullable(),
  recommendation: z.enum(RECOMMENDATIONS).nullable(),
  signedOffAt: z.iso.datetime().nullable(),
  finding: z.record(z.string(), z.unknown()),
});

/** The others' reviews of the same application, shown only after one's own submit (and if the round says). */
export const ZOtherReviews = z.object({
  reviews: z.array(
    z.object({
      /** "A", "B": the others stay anonymous to each other. */
      label: z.string(),
      total: z.number(),
      scores: z.record(z.string(), z.number()),
    }),
  ),
  mean: z.number().nullable(),
});

export const ZReviewDetail = z.object({
  id: z.uuid(),
  version: z.number().int(),
  status: z.enum(REVIEW_STATUSES),
  round: z.object({
    id: z.uuid(),
    title: z.string(),
    status: z.enum(ROUND_STATUSES),
    deadline: z.iso.datetime(),
    revealAfterSubmit: z.boolean(),
  }),
  applicationId: z.uuid(),
  track: z.enum(TRACKS),
  scores: z.record(z.string(), z.number()),
  comments: z.record(z.string(), z.string()),
  overallComment: z.string().nullable(),
  submittedAt: z.iso.datetime().nullable(),
  /** The weighted total on 0-100 when every criterion is scored. */
  total: z.number().nullable(),
  rubric: ZReviewRubric,
  application: ZApplicationDetail,
  inspection: ZReviewInspection.nullable(),
  others: ZOtherReviews.nullable(),
  /** Other reviews assigned to the same expert in the round, in order, for "next". */
  siblings: z.array(
    z.object({ id: z.uuid(), status: z.enum(REVIEW_STATUSES), organizationName: z.string() }),
  ),
  serverNow: z.iso.datetime(),
});
export type ReviewDetail = z.infer<typeof ZReviewDetail>;

export const ZReviewSaved = z.object({
  id: z.uuid(),
  version: z.number().int(),
  status: z.enum(REVIEW_STATUSES),
  scores: z.record(z.string(), z.number()),
  comments: z.record(z.string(), z.string()),
  overallComment: z.string().nullable(),
  submittedAt: z.iso.datetime().nullable(),
  total: z.number().nullable(),
});
export type ReviewSaved = z.infer<typeof ZReviewSaved>;
