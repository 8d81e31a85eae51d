/**
 * The contracts of trainings and capacity building (能力建设): a training and its series, the
 * enrolments with the waitlist, the check-in code, attendance, feedback, the participant's own
 * trainings and the portal's list; and the growth file's titles in both languages.
 */
import { z } from "zod";
import type { GrowthTitle } from "../../domain/growth";
import { AUDIENCES, RATING_MAX, RATING_MIN, SERVICE_CATEGORIES } from "../../domain/services/categories";
import {
  ATTENDANCE_METHODS,
  ENROLMENT_STATUSES,
  SERIES_KINDS,
  TRAINING_LIMITS,
  TRAINING_STATUSES,
} from "../../domain/services/trainings";
import { longText, text, ZId, ZInstant, ZVersion } from "../common";

const required = (max: number) => text(max).min(1, { error: "required" });
const ZDimensionKey = text(64).regex(/^[a-z][a-z0-9_]*$/, { error: "invalid" });

/** A link people open: http(s) only (a `javascript:` link is refused). */
const ZLink = text(500)
  .regex(/^(https?:\/\/\S+)?$/, { error: "invalid" })
  .default("");

export const ZTrainingInput = z.object({
  topic: required(100),
  description: longText(4000).default(""),
  trainerName: required(60),
  trainerUserId: ZId.nullish(),
  startsAt: ZInstant,
  endsAt: ZInstant,
  place: text(200).default(""),
  onlineLink: ZLink,
  category: z.enum(SERVICE_CATEGORIES).default("consulting"),
  dimensionKeys: z
    .array(ZDimensionKey)
    .max(TRAINING_LIMITS.dimensions, { error: "too_big" })
    .default([])
    .transform((keys) => [...new Set(keys)]),
  capacity: z
    .number({ error: "number_invalid" })
    .max(TRAINING_LIMITS.capacity, { error: "too_big" })
    .int({ error: "integer_required" })
    .min(1, { error: "too_small" }),
  audiences: z
    .array(z.enum(AUDIENCES))
    .min(1, { error: "required" })
    .max(AUDIENCES.length)
    .transform((a) => [...new Set(a)]),
  seriesId: ZId.nullish(),
  required: z.boolean().default(false),
});
export type TrainingInput = z.input<typeof ZTrainingInput>;
export const ZTrainingUpdate = ZTrainingInput.extend({ version: ZVersion });
export const ZTrainingStep = z.object({ version: ZVersion });

export const ZTrainingSummary = z.object({
  id: z.uuid(),
  seriesId: z.uuid().nullable(),
  seriesTitle: z.string().nullable(),
  required: z.boolean(),
  topic: z.string(),
  trainerName: z.string(),
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  place: z.string(),
  /** Shown to staff and to the enrolled only; empty for other readers. */
  onlineLink: z.string(),
  /** Whether it is held online (with a link), whoever reads it. */
  online: z.boolean(),
  category: z.enum(SERVICE_CATEGORIES),
  audiences: z.array(z.enum(AUDIENCES)),
  capacity: z.number().int(),
  status: z.enum(TRAINING_STATUSES),
  enrolled: z.number().int(),
  waiting: z.number().int(),
  attended: z.number().int(),
});
export type TrainingSummary = z.infer<typeof ZTrainingSummary>;
export const ZTrainingList = z.object({ items: z.array(ZTrainingSummary) });

export const ZTrainingListFilter = z.object({
  /** "upcoming": not ended yet; "past": ended; "today": starting today (Asia/Shanghai). */
  when: z.enum(["upcoming", "past", "today", "all"]).default("all"),
});

export const ZEnrolmentEntry = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  personName: z.string(),
  organizationId: z.uuid().nullable(),
  organizationName: z.string().nullable(),
  status: z.enum(ENROLMENT_STATUSES),
  /** 1 for the first waiting, and so on; null when not waiting. */
  waitPosition: z.number().int().nullable(),
  attendedAt: z.iso.datetime().nullable(),
  attendedVia: z.enum(ATTENDANCE_METHODS).nullable(),
  rating: z.number().int().nullable(),
  useful: z.string().nullable(),
  suggestions: z.string().nullable(),
  version: z.number().int(),
});
export type EnrolmentEntry = z.infer<typeof ZEnrolmentEntry>;

export const ZTrainingView = ZTrainingSummary.extend({
  description: z.string(),
  trainerUserId: z.uuid().nullable(),
  dimensionKeys: z.array(z.string()),
  version: z.number().int(),
  minutes: z.number().int(),
  /** Staff: everyone enrolled, waiting or cancelled. Others: their own enrolment only. */
  enrolments: z.array(ZEnrolmentEntry),
  mine: ZEnrolmentEntry.nullable(),
  feedback: z.object({ count: z.number().int(), average: z.number().nullable() }),
  /** Enrolled organizations whose baseline is weak in the training's dimensions (staff). */
  meantFor: z.array(
    z.object({ organizationId: z.uuid(), name: z.string(), dimensions: z.array(z.string()) }),
  ),
  can: z.object({ manage: z.boolean(), enrol: z.boolean() }),
});
export type TrainingView = z.infer<typeof ZTrainingView>;

export const ZEnrolmentCreate = z.object({
  /** Staff enrol someone; others leave it out (themselves). */
  personId: ZId.nullish(),
  /** The organization they come for; null or left out: on their own. */
  organizationId: ZId.nullish(),
});
export const ZEnrolmentParams = z.object({ id: ZId, enrolmentId: ZId });

/** Staff look for whom to enrol: an organization's members, or anyone by name. */
export const ZEnrolmentCandidatesQuery = z.object({
  organizationId: ZId.optional(),
  q: text(50).default(""),
});
/** A person staff may enrol: a member of an organization or an individual (no contact details). */
export const ZEnrolmentCandidate = z.object({
  personId: z.uuid(),
  name: z.string(),
  organizationId: z.uuid().nullable(),
  organizationName: z.string().nullable(),
  /** Already enrolled or waiting for this training. */
  enrolled: z.boolean(),
});
export type EnrolmentCandidate = z.infer<typeof ZEnrolmentCandidate>;
export const ZEnrolmentCandidates = z.object({ items: z.array(ZEnrolmentCandidate) });
export const ZAttendanceSet = z.object({ attended: z.boolean(), version: ZVersion });

export const ZCheckInCodeEntry = z.object({
  code: z.string(),
  /** The app's path the participant's phone opens (the QR code holds it with the origin). */
  path: z.string(),
  expiresAt: z.iso.datetime(),
  seconds: z.number().int(),
  attended: z.number().int(),
  enrolled: z.number().int(),
});
export const ZCheckInRequest = z.object({ code: text(60).min(1, { error: "required" }) });
export const ZCheckInEntry = z.object({ topic: z.string(), attendedAt: z.iso.datetime() });

export const ZFeedbackInput = z.object({
  rating: z
    .number({ error: "number_invalid" })
    .int({ error: "integer_required" })
    .min(RATING_MIN, { error: "too_small" })
    .max(RATING_MAX, { error: "too_big" }),
  useful: longText(2000).default(""),
  suggestions: longText(2000).default(""),
});

export const ZMyTrainingEntry = ZTrainingSummary.extend({
  enrolmentId: z.uuid(),
  enrolmentStatus: z.enum(ENROLMENT_STATUSES),
  waitPosition: z.number().int().nullable(),
  attendedAt: z.iso.datetime().nullable(),
  feedbackDue: z.boolean(),
});
export const ZMyTrainings = z.object({
  items: z.array(ZMyTrainingEntry),
  /** Minutes attended per organization the person came for (null: on their own). */
  certificates: z.array(
    z.object({ id: z.uuid(), seriesTitle: z.string(), number: z.string(), issuedAt: z.iso.datetime() }),
  ),
});

export const ZSeriesInput = z.object({
  kind: z.enum(SERIES_KINDS).default("series"),
  title: required(100),
  description: longText(4000).default(""),
});
export const ZSeriesEntry = z.object({
  id: z.uuid(),
  kind: z.enum(SERIES_KINDS),
  title: z.string(),
  description: z.string(),
  modules: z.number().int(),
  requiredModules: z.number().int(),
});
export const ZSeriesList = z.object({ items: z.array(ZSeriesEntry) });

/** A person's progress in a series: modules attended, minutes, the certificate once complete. */
export const ZProgressEntry = z.object({
  personId: z.uuid(),
  personName: z.string(),
  attendedModules: z.number().int(),
  requiredDone: z.number().int(),
  requiredModules: z.number().int(),
  minutes: z.number().int(),
  certificateNumber: z.string().nullable(),
  certificateId: z.uuid().nullable(),
});
export const ZSeriesView = ZSeriesEntry.extend({
  /** The hours the required modules add up to: what a certificate asks for. */
  requiredMinutes: z.number().int(),
  trainings: z.array(ZTrainingSummary),
  progress: z.array(ZProgressEntry),
});

/**
 * A training as the public portal shows it: what, when, where, who teaches and how many seats are
 * left. No enrolment, no attendance, no online link (that is for the enrolled).
 */
export const ZPortalTraining = z.object({
  id: z.uuid(),
  topic: z.string(),
  description: z.string(),
  seriesTitle: z.string().nullable(),
  trainerName: z.string(),
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  place: z.string(),
  online: z.boolean(),
  category: z.enum(SERVICE_CATEGORIES),
  capacity: z.number().int(),
  seatsLeft: z.number().int(),
  /** Enrolment is open (it has not started); when no seat is left, one joins the waitlist. */
  open: z.boolean(),
});
export type PortalTraining = z.infer<typeof ZPortalTraining>;
export const ZPortalTrainingList = z.object({ items: z.array(ZPortalTraining) });

export const ZCertificateView = z.object({
  id: z.uuid(),
  seriesId: z.uuid(),
  number: z.string(),
  personName: z.string(),
  seriesTitle: z.string(),
  minutes: z.number().int(),
  modules: z.array(z.object({ topic: z.string(), startsAt: z.iso.datetime(), minutes: z.number().int() })),
  issuedAt: z.iso.datetime(),
  baseName: z.string(),
});

export const ZTopicSuggestion = z.object({
  dimensionKey: z.string(),
  label: z.string(),
  average: z.number().nullable(),
  organizations: z.number().int(),
});
export const ZTopicSuggestions = z.object({ items: z.array(ZTopicSuggestion) });

const hours = (minutes: number) => Math.round((minutes / 60) * 10) / 10;
export const trainingTitles = {
  attended: (topic: string, minutes: number): GrowthTitle => ({
    zhCN: `参加培训：${topic}（${hours(minutes)} 小时）`,
    en: `Attended the training “${topic}” (${hours(minutes)} h)`,
  }),
};
