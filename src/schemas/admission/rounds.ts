/**
 * Stage 3's review rounds (评审轮次) in the API: the settings staff write, the subjects and
 * experts, the assignment with its figures, and the round's progress.
 */
import { z } from "zod";
import { APPLICATION_STATUSES } from "../../domain/application";
import { TRACKS } from "../../domain/call";
import { REVIEW_STATUSES, ROUND_STATUSES } from "../../domain/review/round";
import { RANK_METHODS } from "../../domain/review/track-ranking";
import { longText, text, ZId, ZInstant, ZPage, ZPageQuery, ZVersion } from "../common";

const unique = <T>(items: readonly T[]) => new Set(items).size === items.length;
const int = (min: number, max: number) =>
  z
    .number()
    .int({ error: "integer_required" })
    .min(min, { error: "too_small" })
    .max(max, { error: "too_big" });

const settings = {
  title: text(100).min(1, { error: "required" }),
  reviewsPerSubject: int(1, 20),
  deadline: ZInstant,
  method: z.enum(RANK_METHODS),
  trimmedMinReviews: int(3, 20),
  spreadThreshold: int(0, 100),
  expertDeviationThreshold: int(0, 100),
  revealAfterSubmit: z.boolean(),
  /** Places per track; a track left out takes the call's quota. */
  quotas: z.partialRecord(z.enum(TRACKS), int(0, 10000)),
};

export const ZRoundCreate = z.object({
  callId: ZId,
  ...settings,
  method: settings.method.default("mean"),
  trimmedMinReviews: settings.trimmedMinReviews.default(4),
  spreadThreshold: settings.spreadThreshold.default(30),
  expertDeviationThreshold: settings.expertDeviationThreshold.default(15),
  revealAfterSubmit: settings.revealAfterSubmit.default(false),
  quotas: settings.quotas.optional(),
});
export type RoundCreate = z.input<typeof ZRoundCreate>;

export const ZRoundEdit = z
  .object({ version: ZVersion, ...settings })
  .partial()
  .required({ version: true });
export type RoundEdit = z.input<typeof ZRoundEdit>;

export const ZRoundAct = z.object({ version: ZVersion });
export type RoundAct = z.input<typeof ZRoundAct>;

export const ZRoundQuery = ZPageQuery.extend({ status: z.enum(ROUND_STATUSES).optional() });
export type RoundQuery = z.input<typeof ZRoundQuery>;

export const ZRound = z.object({
  id: z.uuid(),
  callId: z.uuid().nullable(),
  callTitle: z.string().nullable(),
  title: z.string(),
  status: z.enum(ROUND_STATUSES),
  reviewsPerSubject: z.number().int(),
  deadline: z.iso.datetime(),
  method: z.enum(RANK_METHODS),
  trimmedMinReviews: z.number().int(),
  spreadThreshold: z.number().int(),
  expertDeviationThreshold: z.number().int(),
  revealAfterSubmit: z.boolean(),
  quotas: z.partialRecord(z.enum(TRACKS), z.number().int()),
  rubricIds: z.partialRecord(z.enum(TRACKS), z.uuid()),
  openedAt: z.iso.datetime().nullable(),
  closedAt: z.iso.datetime().nullable(),
  version: z.number().int(),
  createdAt: z.iso.datetime(),
  subjectCount: z.number().int(),
  expertCount: z.number().int(),
  reviewCount: z.number().int(),
  submittedCount: z.number().int(),
});
export type Round = z.infer<typeof ZRound>;
export const ZRoundPage = ZPage(ZRound);
export type RoundPage = z.infer<typeof ZRoundPage>;

export const ZRoundSubject = z.object({
  applicationId: z.uuid(),
  organizationId: z.uuid(),
  organizationName: z.string(),
  track: z.enum(TRACKS),
  fields: z.array(z.string()),
  status: z.enum(APPLICATION_STATUSES),
  reviewers: z.number().int(),
  submitted: z.number().int(),
});
export const ZRoundExpert = z.object({
  expertId: z.uuid(),
  displayName: z.string(),
  fields: z.array(z.string()),
  maxLoad: z.number().int().nullable(),
  droppedAt: z.iso.datetime().nullable(),
  load: z.number().int(),
  submitted: z.number().int(),
  drafts: z.number().int(),
});
export type RoundSubject = z.infer<typeof ZRoundSubject>;
export type RoundExpert = z.infer<typeof ZRoundExpert>;

export const ZRoundDetail = ZRound.extend({
  subjects: z.array(ZRoundSubject),
  experts: z.array(ZRoundExpert),
});
export type RoundDetail = z.infer<typeof ZRoundDetail>;

/** What may still join: the call's inspected applications and the base's experts not in it. */
export const ZRoundCandidates = z.object({
  applications: z.array(
    z.object({
      applicationId: z.uuid(),
      organizationName: z.string(),
      track: z.enum(TRACKS),
      status: z.enum(APPLICATION_STATUSES),
    }),
  ),
  experts: z.array(z.object({ expertId: z.uuid(), displayName: z.string(), fields: z.array(z.string()) })),
});
export type RoundCandidates = z.infer<typeof ZRoundCandidates>;

export const ZSubjectsBody = z.object({
  applicationIds: z.array(ZId).min(1).max(1000).refine(unique, { error: "duplicate" }),
});
export const ZExpertsBody = z.object({
  expertIds: z.array(ZId).min(1).max(200).refine(unique, { error: "duplicate" }),
  maxLoad: int(1, 1000).nullish(),
});
export const ZRoundSubjectParams = z.object({ id: ZId, subjectId: ZId });
export const ZRoundExpertParams = z.object({ id: ZId, expertId: ZId });

export const ZPairBody = z.object({
  subjectId: ZId,
  expertId: ZId,
  /** Removing a pair whose expert typed scores needs this. */
  confirm: z.boolean().optional(),
});
export type PairBody = z.input<typeof ZPairBody>;

export const ZAssignmentPair = z.object({
  reviewId: z.uuid(),
  subjectId: z.uuid(),
  expertId: z.uuid(),
  status: z.enum(REVIEW_STATUSES),
  source: z.enum(["auto", "manual", "reassigned"]),
  /** Shared fields of organization and expert. */
  match: z.number().int(),
  typed: z.number().int(),
  /** The review's version, for staff reopening it. */
  version: z.number().int(),
});
export const ZShortfall = z.object({
  applicationId: z.uuid(),
  organizationName: z.string(),
  missing: z.number().int(),
  reason: z.enum(["too_few_experts", "capacity"]),
  available: z.number().int(),
});
export const ZConflictRow = z.object({
  expertId: z.uuid(),
  applicationId: z.uuid(),
  kind: z.string(),
  reason: z.string(),
});
export const ZAssignmentView = z.object({
  roundId: z.uuid(),
  k: z.number().int(),
  pairs: z.array(ZAssignmentPair),
  figures: z.object({
    objective: z.number(),
    loads: z.array(
      z.object({ expertId: z.uuid(), load: z.number().int(), min: z.number(), max: z.number() }),
    ),
    loadSpread: z.object({ min: z.number(), max: z.number() }),
    components: z.number().int(),
    smallestOverlap: z.number().int(),
  }),
  /** Applications short of k reviewers now. */
  short: z.array(
    z.object({ applicationId: z.uuid(), organizationName: z.string(), reviewers: z.number().int() }),
  ),
  conflicts: z.array(ZConflictRow),
});
export type AssignmentView = z.infer<typeof ZAssignmentView>;

export const ZAutoAssignResult = ZAssignmentView.extend({
  status: z.enum(["assigned", "infeasible"]),
  shortfalls: z.array(ZShortfall),
  added: z.number().int(),
  removed: z.number().int(),
});
export type AutoAssignResult = z.infer<typeof ZAutoAssignResult>;

export const ZDropOutResult = z.object({
  reassigned: z.number().int(),
  shortfalls: z.array(ZShortfall),
});
export type DropOutResult = z.infer<typeof ZDropOutResult>;

export const ZReviewReopenBody = z.object({
  version: ZVersion,
  reason: longText(1000).min(1, { error: "required" }),
});
