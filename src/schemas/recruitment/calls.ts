/**
 * Contracts of recruitment calls (招募): the staff editor's input, the staff views with counts
 * and revisions, and the public portal's views (published calls only).
 */
import { z } from "zod";
import { APPLICATION_STATUSES } from "../../domain/application";
import { CALL_STATUSES, NUMBER_ANSWER_LIMIT, QUESTION_TYPES, TRACKS } from "../../domain/call";
import { longText, text, ZInstant, ZPage, ZPageQuery, ZVersion } from "../common";

export const ZTrack = z.enum(TRACKS);
const ZCallStatus = z.enum(CALL_STATUSES);
const ZWindow = z.enum(["not_open", "open", "closed"]);
export const ZApplicationStatus = z.enum(APPLICATION_STATUSES);

/** Keys name documents and questions in applications; the editor generates them. */
const ZKey = text(40).regex(/^[a-z][a-z0-9_]{0,39}$/, { error: "invalid" });
const ZMonths = z
  .number({ error: "number_invalid" })
  .int({ error: "integer_required" })
  .min(0, { error: "not_negative" })
  .max(600)
  .nullable();
const nullableText = (max: number) =>
  longText(max)
    .transform((s) => (s === "" ? null : s))
    .nullable()
    .default(null);
/** A number question's bound: null is none (the answer still stays within ±2^53). */
const ZNumberBound = z
  .number({ error: "number_invalid" })
  .min(-NUMBER_ANSWER_LIMIT, { error: "number_unsafe" })
  .max(NUMBER_ANSWER_LIMIT, { error: "number_unsafe" })
  .nullable()
  .default(null);

const ZEligibilityRule = z.object({
  minMonthsFounded: ZMonths.default(null),
  maxMonthsFounded: ZMonths.default(null),
  allowUnregistered: z.boolean().default(false),
  note: nullableText(300),
});

const ZDocumentRequirement = z.object({
  key: ZKey,
  label: text(100).min(1, { error: "required" }),
  description: nullableText(500),
  required: z.boolean().default(true),
});

const ZQuestion = z.object({
  key: ZKey,
  label: text(200).min(1, { error: "required" }),
  type: z.enum(QUESTION_TYPES),
  required: z.boolean().default(false),
  options: z
    .array(text(100).min(1, { error: "required" }))
    .max(30)
    .default([]),
  help: nullableText(500),
  /** Number questions: the smallest and largest answer taken, and whether it must be whole. */
  min: ZNumberBound,
  max: ZNumberBound,
  integer: z.boolean().default(false),
  /** Text questions: the longest answer in characters (within 200 / 5,000); null: that limit. */
  maxLength: z.number().int().min(1).max(5000).nullable().default(null),
  /** null or empty: every track of the call. */
  tracks: z
    .array(ZTrack)
    .max(TRACKS.length)
    .nullable()
    .default(null)
    .transform((t) => (t && t.length > 0 ? t : null)),
});

const ZCallTrack = z.object({
  track: ZTrack,
  quota: z
    .number({ error: "number_invalid" })
    .int({ error: "integer_required" })
    .min(1, { error: "too_small" })
    .max(10_000),
  maxApplications: z
    .number({ error: "number_invalid" })
    .int({ error: "integer_required" })
    .min(1, { error: "too_small" })
    .max(100_000)
    .nullable()
    .default(null),
  eligibility: ZEligibilityRule,
  documents: z.array(ZDocumentRequirement).max(30).default([]),
});

const ZCallRules = z.object({
  tracks: z.array(ZCallTrack).max(TRACKS.length),
  questions: z.array(ZQuestion).max(50).default([]),
  opensAt: ZInstant,
  closesAt: ZInstant,
});

/** A new call (always a draft). */
export const ZCallInput = z.object({
  title: text(120).min(2, { error: "too_short" }),
  description: longText(10_000).default(""),
  rules: ZCallRules,
});
export type CallInput = z.input<typeof ZCallInput>;

/** An edit at the version the editor saw; after publishing, `note` (why) is required. */
export const ZCallUpdate = ZCallInput.extend({
  version: ZVersion,
  note: text(500)
    .transform((s) => (s === "" ? null : s))
    .nullish(),
});
export type CallUpdate = z.input<typeof ZCallUpdate>;

/** Publish / close: the version the user saw. */
export const ZCallAction = z.object({ version: ZVersion });

export const ZCallQuery = ZPageQuery.extend({
  status: ZCallStatus.optional(),
  q: text(100).optional(),
});
export type CallQuery = Partial<z.output<typeof ZCallQuery>>;
export type CallListState = z.output<typeof ZCallQuery>;

const ZStatusCounts = z.partialRecord(ZApplicationStatus, z.number().int());

export const ZCallSummary = z.object({
  id: z.string(),
  title: z.string(),
  status: ZCallStatus,
  window: ZWindow,
  opensAt: z.string(),
  closesAt: z.string(),
  revision: z.number().int(),
  tracks: z.array(ZTrack),
  /** Applications of this call, all and per status (drafts included). */
  applicationCount: z.number().int(),
  countsByStatus: ZStatusCounts,
  version: z.number().int(),
  updatedAt: z.string(),
});
export type CallSummary = z.infer<typeof ZCallSummary>;

export const ZCallPage = ZPage(ZCallSummary).extend({ serverNow: z.string() });
export type CallPage = z.infer<typeof ZCallPage>;

export const ZCallRevision = z.object({
  revision: z.number().int(),
  note: z.string().nullable(),
  createdAt: z.string(),
});
export type CallRevision = z.infer<typeof ZCallRevision>;

/** A required document as answered (the call's view and the application's requirements). */
export const ZDocumentRequirementView = z.object({
  key: z.string(),
  label: z.string(),
  description: z.string().nullable(),
  required: z.boolean(),
});

/** A question as answered (the call's view and the application's requirements). */
export const ZQuestionView = z.object({
  key: z.string(),
  label: z.string(),
  type: z.enum(QUESTION_TYPES),
  required: z.boolean(),
  options: z.array(z.string()),
  help: z.string().nullable(),
  tracks: z.array(ZTrack).nullable(),
  /** A text answer's limit as the call states it; null or absent (older calls): the type's. */
  maxLength: z.number().int().nullable().optional(),
  /** A number answer's bounds and whether it must be whole; absent (older calls): none, not whole. */
  min: z.number().nullable().optional(),
  max: z.number().nullable().optional(),
  integer: z.boolean().optional(),
});

const ZCallRulesView = z.object({
  tracks: z.array(
    z.object({
      track: ZTrack,
      quota: z.number(),
      maxApplications: z.number().nullable(),
      eligibility: z.object({
        minMonthsFounded: z.number().nullable(),
        maxMonthsFounded: z.number().nullable(),
        allowUnregistered: z.boolean(),
        note: z.string().nullable(),
      }),
      documents: z.array(ZDocumentRequirementView),
    }),
  ),
  questions: z.array(ZQuestionView),
  opensAt: z.string(),
  closesAt: z.string(),
});

/** A call as staff see it: its rules, counts per track and status, and its revision history. */
export const ZCall = z.object({
  id: z.string(),
  baseId: z.string(),
  title: z.string(),
  description: z.string(),
  status: ZCallStatus,
  window: ZWindow,
  rules: ZCallRulesView,
  opensAt: z.string(),
  closesAt: z.string(),
  revision: z.number().int(),
  publishedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  applicationCount: z.number().int(),
  countsByStatus: ZStatusCounts,
  countsByTrack: z.array(z.object({ track: ZTrack, total: z.number().int(), byStatus: ZStatusCounts })),
  revisions: z.array(ZCallRevision),
  /** What publishing would refuse now (field and message in the request's language). */
  publishProblems: z.array(z.object({ field: z.string(), message: z.string() })),
  serverNow: z.string(),
});
export type Call = z.infer<typeof ZCall>;

/** One published call on the portal's home. */
export const ZPublicCallSummary = z.object({
  id: z.string(),
  title: z.string(),
  baseName: z.string(),
  status: ZCallStatus,
  window: ZWindow,
  opensAt: z.string(),
  closesAt: z.string(),
  tracks: z.array(z.object({ track: ZTrack, quota: z.number().int() })),
  revision: z.number().int(),
});
export type PublicCallSummary = z.infer<typeof ZPublicCallSummary>;

export const ZPublicCallList = z.object({
  items: z.array(ZPublicCallSummary),
  /** The server's clock: countdowns run from it, not from the phone's. */
  serverNow: z.string(),
});
export type PublicCallList = z.infer<typeof ZPublicCallList>;

/** Everything an applicant needs before applying. */
export const ZPublicCall = ZPublicCallSummary.omit({ tracks: true }).extend({
  description: z.string(),
  publishedAt: z.string().nullable(),
  tracks: z.array(
    ZCallRulesView.shape.tracks.element.extend({
      /** The application limit is reached (only when the track has one). */
      full: z.boolean(),
    }),
  ),
  questions: ZCallRulesView.shape.questions,
  revisions: z.array(ZCallRevision),
  serverNow: z.string(),
});
export type PublicCall = z.infer<typeof ZPublicCall>;
