/**
 * The mentor programme's vocabulary (导师计划): a mentor's skills are the capacity instrument's
 * dimension keys (what a mentor can help an organization build), a mentorship (导师结对) pairs a
 * mentor with one incubation for a span of days, and each session (辅导记录) the mentor logs is
 * confirmed or disputed by the organization.
 */
import { DEFAULT_INSTRUMENT } from "../incubation/default-instrument";

/** The skills a mentor may offer: the default instrument's dimensions (党建, 治理, 财务, ...). */
export const MENTOR_SKILLS = DEFAULT_INSTRUMENT.dimensions.map((d) => d.key);

export const MENTORSHIP_STATUSES = ["active", "ended"] as const;
export type MentorshipStatus = (typeof MENTORSHIP_STATUSES)[number];

/** A session as logged, then as the organization answered: it took place, or it did not. */
export const SESSION_STATUSES = ["logged", "confirmed", "disputed"] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

/** Who carries out an action item: the organization, or the mentor (the base's side of the plan). */
export const ACTION_ITEM_OWNERS = ["organization", "mentor"] as const;
export type ActionItemOwner = (typeof ACTION_ITEM_OWNERS)[number];

export const MENTORING_LIMITS = {
  /** Organizations a mentor takes at once. */
  capacityMax: 20,
  /** One session lasts at least 10 minutes and at most a working day. */
  minutesMin: 10,
  minutesMax: 480,
  topics: 8,
  actionItems: 10,
  /** A mentorship lasts at most two years (an incubation is one, extended at most once). */
  mentorshipDays: 731,
  /** A session is logged within this many days of taking place (and never in the future). */
  logWithinDays: 90,
} as const;

/** The mentor's home asks for a session when none was logged in this many days. */
export const SESSION_DUE_DAYS = 30;

/** The plan goal that gathers the mentors' action items (one per plan, made on first use). */
export const MENTORING_GOAL = "导师辅导行动";
