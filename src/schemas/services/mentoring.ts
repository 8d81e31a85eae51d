/**
 * The contracts of the mentor programme (导师计划): mentor profiles, matching, mentorships
 * (导师结对), sessions (辅导记录) and the homes' lists; the growth file's titles in both languages.
 */
import { z } from "zod";
import type { GrowthTitle } from "../../domain/growth";
import { ORGANIZATION_FIELDS } from "../../domain/organization";
import { RATING_MAX, RATING_MIN } from "../../domain/services/categories";
import {
  ACTION_ITEM_OWNERS,
  MENTOR_SKILLS,
  MENTORING_LIMITS,
  MENTORSHIP_STATUSES,
  SESSION_STATUSES,
} from "../../domain/services/mentoring";
import { INT4_MAX, longText, optionalText, text, ZDay, ZId, ZVersion } from "../common";

const required = (max: number) => text(max).min(1, { error: "required" });
const unique = <T extends z.ZodType>(item: T, max: number) =>
  z
    .array(item)
    .max(max, { error: "too_big" })
    .refine((xs) => new Set(xs).size === xs.length, { error: "duplicate_value" });

// ---- Profiles ----

export const ZMentorProfileInput = z.object({
  fields: unique(z.enum(ORGANIZATION_FIELDS), ORGANIZATION_FIELDS.length),
  skills: unique(z.enum(MENTOR_SKILLS as [string, ...string[]]), MENTOR_SKILLS.length),
  title: text(100).default(""),
  bio: longText(2000).default(""),
  availability: text(200).default(""),
  capacity: z
    .number()
    .int({ error: "invalid" })
    .min(1, { error: "too_small" })
    .max(MENTORING_LIMITS.capacityMax, {
      error: "too_big",
    }),
  active: z.boolean(),
  /** The profile's version as read; 0 when the mentor has none yet. */
  version: z.number().max(INT4_MAX, { error: "too_big" }).int().min(0),
});
export type MentorProfileInput = z.input<typeof ZMentorProfileInput>;

export const ZMentorEntry = z.object({
  id: z.uuid(),
  name: z.string(),
  mobile: z.string().nullable(),
  fields: z.array(z.string()),
  skills: z.array(z.string()),
  title: z.string(),
  bio: z.string(),
  availability: z.string(),
  capacity: z.number().int(),
  active: z.boolean(),
  /** Current mentorships. */
  load: z.number().int(),
  sessions: z.number().int(),
  /** The organizations' average rating of the mentor's sessions, if any were rated. */
  rating: z.number().nullable(),
  version: z.number().int(),
});
export type MentorEntry = z.infer<typeof ZMentorEntry>;
export const ZMentorList = z.object({ items: z.array(ZMentorEntry) });
export type MentorList = z.infer<typeof ZMentorList>;

// ---- Matching ----

export const ZMatchEntry = z.object({
  mentor: ZMentorEntry,
  score: z.number().int(),
  fields: z.array(z.string()),
  needSkills: z.array(z.string()),
  weakSkills: z.array(z.string()),
});
export const ZExcludedEntry = z.object({
  mentor: ZMentorEntry,
  reason: z.enum(["inactive", "current", "conflict", "full"]),
  conflicts: z.array(z.string()),
});
export const ZMatchView = z.object({
  organizationName: z.string(),
  organizationFields: z.array(z.string()),
  needDimensions: z.array(z.string()),
  weakDimensions: z.array(z.string()),
  ranked: z.array(ZMatchEntry),
  excluded: z.array(ZExcludedEntry),
});
export type MatchView = z.infer<typeof ZMatchView>;

// ---- Mentorships ----

export const ZMentorshipCreate = z.object({
  mentorId: ZId,
  startsOn: ZDay,
  endsOn: ZDay,
});
export type MentorshipCreate = z.input<typeof ZMentorshipCreate>;

export const ZMentorshipEnd = z.object({
  endedOn: ZDay,
  reason: required(500),
  version: ZVersion,
});
export type MentorshipEnd = z.input<typeof ZMentorshipEnd>;

export const ZMentorshipEntry = z.object({
  id: z.uuid(),
  incubationId: z.uuid(),
  organizationId: z.uuid(),
  organizationName: z.string(),
  mentorId: z.uuid(),
  mentorName: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  status: z.enum(MENTORSHIP_STATUSES),
  endedOn: z.string().nullable(),
  endReason: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.iso.datetime(),
});
export type MentorshipEntry = z.infer<typeof ZMentorshipEntry>;
export const ZMentorshipList = z.object({ items: z.array(ZMentorshipEntry) });
export type MentorshipList = z.infer<typeof ZMentorshipList>;

// ---- Sessions ----

export const ZActionItemInput = z.object({
  title: required(200),
  owner: z.enum(ACTION_ITEM_OWNERS),
  dueOn: ZDay,
});
export type ActionItemInput = z.input<typeof ZActionItemInput>;

export const ZSessionCreate = z.object({
  heldOn: ZDay,
  minutes: z
    .number()
    .int({ error: "invalid" })
    .min(MENTORING_LIMITS.minutesMin, { error: "too_small" })
    .max(MENTORING_LIMITS.minutesMax, { error: "too_big" }),
  topics: z
    .array(required(50))
    .min(1, { error: "required" })
    .max(MENTORING_LIMITS.topics, { error: "too_big" })
    .refine((xs) => new Set(xs).size === xs.length, { error: "duplicate_value" }),
  advice: longText(4000).min(1, { error: "required" }),
  actionItems: z.array(ZActionItemInput).max(MENTORING_LIMITS.actionItems, { error: "too_big" }).default([]),
});
export type SessionCreate = z.input<typeof ZSessionCreate>;

/** The organization's answer: it took place (with a rating), or it did not (with why). */
export const ZSessionAnswer = z.discriminatedUnion("tookPlace", [
  z.object({
    tookPlace: z.literal(true),
    rating: z.number().int({ error: "invalid" }).min(RATING_MIN, { error: "too_small" }).max(RATING_MAX, {
      error: "too_big",
    }),
    comment: optionalText(1000, true),
    version: ZVersion,
  }),
  z.object({
    tookPlace: z.literal(false),
    reason: longText(1000).min(1, { error: "required" }),
    version: ZVersion,
  }),
]);
export type SessionAnswer = z.input<typeof ZSessionAnswer>;

export const ZActionItemEntry = z.object({
  id: z.uuid(),
  title: z.string(),
  owner: z.enum(ACTION_ITEM_OWNERS),
  dueOn: z.string(),
  /** The plan action it became, and that action's status; null without a plan. */
  planActionId: z.uuid().nullable(),
  planStatus: z.enum(["open", "done", "dropped"]).nullable(),
});
export type ActionItemEntry = z.infer<typeof ZActionItemEntry>;

export const ZSessionEntry = z.object({
  id: z.uuid(),
  incubationId: z.uuid(),
  organizationId: z.uuid(),
  organizationName: z.string(),
  mentorId: z.uuid(),
  mentorName: z.string(),
  heldOn: z.string(),
  minutes: z.number().int(),
  topics: z.array(z.string()),
  advice: z.string(),
  status: z.enum(SESSION_STATUSES),
  rating: z.number().int().nullable(),
  ratingComment: z.string().nullable(),
  disputeReason: z.string().nullable(),
  answeredAt: z.iso.datetime().nullable(),
  actionItems: z.array(ZActionItemEntry),
  version: z.number().int(),
  /** The reader may answer it (the mentored organization, while logged). */
  canAnswer: z.boolean(),
});
export type SessionEntry = z.infer<typeof ZSessionEntry>;
export const ZSessionList = z.object({ items: z.array(ZSessionEntry) });
export type SessionList = z.infer<typeof ZSessionList>;

// ---- Homes ----

export const ZMentoredEntry = z.object({
  incubationId: z.uuid(),
  mentorshipId: z.uuid(),
  organizationId: z.uuid(),
  organizationName: z.string(),
  cohortName: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  lastSessionOn: z.string().nullable(),
  sessions: z.number().int(),
  /** No session logged in SESSION_DUE_DAYS (or none since the pairing began that long ago). */
  sessionDue: z.boolean(),
  openActions: z.number().int(),
  overdueActions: z.number().int(),
});
export type MentoredEntry = z.infer<typeof ZMentoredEntry>;

export const ZDueActionEntry = z.object({
  id: z.uuid(),
  incubationId: z.uuid(),
  organizationName: z.string(),
  title: z.string(),
  owner: z.enum(ACTION_ITEM_OWNERS),
  dueOn: z.string(),
  overdue: z.boolean(),
});

export const ZMentorHomeView = z.object({
  organizations: z.array(ZMentoredEntry),
  dueActions: z.array(ZDueActionEntry),
  capacity: z.number().int(),
  profileVersion: z.number().int(),
});
export type MentorHomeView = z.infer<typeof ZMentorHomeView>;

export const ZMentoringWaitingView = z.object({
  /** Staff: open incubations with no current mentor; disputed sessions to look into. */
  withoutMentor: z.number().int(),
  /** The first few of them by name (the card links each to its mentoring page). */
  firstWithoutMentor: z.array(z.object({ incubationId: z.string(), organizationName: z.string() })),
  disputed: z.number().int(),
  /** Member: sessions of its organization waiting for its answer. */
  toAnswer: z.number().int(),
});
export type MentoringWaitingView = z.infer<typeof ZMentoringWaitingView>;

export const ZSessionParams = z.object({ id: ZId });

// ---- Growth file ----

export const mentoringTitles = {
  paired: (mentor: string): GrowthTitle => ({
    zhCN: `结对导师：${mentor}`,
    en: `Mentor assigned: ${mentor}`,
  }),
  ended: (mentor: string): GrowthTitle => ({
    zhCN: `导师结对结束：${mentor}`,
    en: `Mentorship ended: ${mentor}`,
  }),
  session: (mentor: string, minutes: number): GrowthTitle => ({
    zhCN: `导师辅导（${mentor}，${minutes} 分钟）`,
    en: `Mentoring session (${mentor}, ${minutes} minutes)`,
  }),
  disputed: (mentor: string, heldOn: string): GrowthTitle => ({
    zhCN: `对 ${heldOn} 的导师辅导记录（${mentor}）提出异议`,
    en: `Disputed the mentoring session of ${heldOn} (${mentor})`,
  }),
};
