/**
 * The mentor programme (导师计划): mentors' profiles, mentorships (导师结对: a mentor and one
 * incubation, for a span of days) and the sessions (辅导记录) mentors log, with their action
 * items, which join the incubation plan (plan_actions). Rules: src/domain/services/mentoring.ts;
 * the ranking: src/domain/services/mentor-match.ts.
 */
import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { ORGANIZATION_FIELDS, type OrganizationField } from "../../domain/organization";
import {
  ACTION_ITEM_OWNERS,
  type ActionItemOwner,
  MENTOR_SKILLS,
  MENTORSHIP_STATUSES,
  type MentorshipStatus,
  SESSION_STATUSES,
  type SessionStatus,
} from "../../domain/services/mentoring";
import { users } from "./accounts";
import { eachOf, oneOf } from "./checks";
import { at, baseRef, created, updated, userRef } from "./columns";
import { incubations } from "./incubation";
import { organizations } from "./organizations";
import { planActions } from "./plan";

/** A mentor's profile: one per mentor account (role `mentor`), written by staff or the mentor. */
export const mentorProfiles = pgTable(
  "mentor_profiles",
  {
    userId: uuid("user_id")
      .primaryKey()
      .references(() => users.id),
    baseId: baseRef(),
    fields: text("fields").array().$type<OrganizationField[]>().notNull().default(sql`'{}'`),
    /** Capacity dimensions (instrument keys) the mentor helps with. */
    skills: text("skills").array().$type<string[]>().notNull().default(sql`'{}'`),
    title: text("title").notNull().default(""),
    bio: text("bio").notNull().default(""),
    availability: text("availability").notNull().default(""),
    /** Organizations at once. */
    capacity: integer("capacity").notNull().default(3),
    active: boolean("active").notNull().default(true),
    version: integer("version").notNull().default(1),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    eachOf("mentor_profiles_fields_known", t.fields, ORGANIZATION_FIELDS),
    eachOf("mentor_profiles_skills_known", t.skills, MENTOR_SKILLS),
    check("mentor_profiles_capacity", sql`${t.capacity} BETWEEN 1 AND 20`),
    index("mentor_profiles_base").on(t.baseId, t.active),
  ],
);

/** A mentor paired with one incubation, from `starts_on` to `ends_on` unless ended early. */
export const mentorships = pgTable(
  "mentorships",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    baseId: baseRef(),
    incubationId: uuid("incubation_id")
      .notNull()
      .references(() => incubations.id),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    mentorId: uuid("mentor_id")
      .notNull()
      .references(() => users.id),
    startsOn: date("starts_on").notNull(),
    endsOn: date("ends_on").notNull(),
    status: text("status").$type<MentorshipStatus>().notNull().default("active"),
    endedOn: date("ended_on"),
    endReason: text("end_reason"),
    endedBy: userRef("ended_by"),
    createdBy: userRef("created_by"),
    version: integer("version").notNull().default(1),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    oneOf("mentorships_status", t.status, MENTORSHIP_STATUSES),
    check("mentorships_span", sql`${t.endsOn} >= ${t.startsOn}`),
    // One current pairing of a mentor and an incubation (assigning twice is refused).
    uniqueIndex("mentorships_current").on(t.incubationId, t.mentorId).where(sql`${t.status} = 'active'`),
    index("mentorships_mentor").on(t.mentorId, t.status),
    index("mentorships_incubation").on(t.incubationId, t.createdAt),
    index("mentorships_base_status").on(t.baseId, t.status),
  ],
);

/** One session a mentor logged, and the organization's answer (took place + rating, or disputed). */
export const mentoringSessions = pgTable(
  "mentoring_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    baseId: baseRef(),
    mentorshipId: uuid("mentorship_id")
      .notNull()
      .references(() => mentorships.id),
    incubationId: uuid("incubation_id")
      .notNull()
      .references(() => incubations.id),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    mentorId: uuid("mentor_id")
      .notNull()
      .references(() => users.id),
    heldOn: date("held_on").notNull(),
    minutes: integer("minutes").notNull(),
    topics: text("topics").array().$type<string[]>().notNull().default(sql`'{}'`),
    advice: text("advice").notNull().default(""),
    status: text("status").$type<SessionStatus>().notNull().default("logged"),
    rating: smallint("rating"),
    ratingComment: text("rating_comment"),
    disputeReason: text("dispute_reason"),
    answeredBy: userRef("answered_by"),
    answeredAt: at("answered_at"),
    version: integer("version").notNull().default(1),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    oneOf("mentoring_sessions_status", t.status, SESSION_STATUSES),
    check("mentoring_sessions_minutes", sql`${t.minutes} BETWEEN 10 AND 480`),
    check("mentoring_sessions_rating", sql`${t.rating} BETWEEN 1 AND 5`),
    index("mentoring_sessions_incubation").on(t.incubationId, t.heldOn),
    index("mentoring_sessions_mentor").on(t.mentorId, t.heldOn),
    index("mentoring_sessions_org_status").on(t.organizationId, t.status),
  ],
);

/** An action item of a session; `plan_action_id` is the plan action it became (none without a plan). */
export const mentoringActions = pgTable(
  "mentoring_actions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    baseId: baseRef(),
    sessionId: uuid("session_id")
      .notNull()
      .references(() => mentoringSessions.id),
    title: text("title").notNull(),
    owner: text("owner").$type<ActionItemOwner>().notNull(),
    dueOn: date("due_on").notNull(),
    position: integer("position").notNull(),
    planActionId: uuid("plan_action_id").references(() => planActions.id),
    createdAt: created(),
  },
  (t) => [
    oneOf("mentoring_actions_owner", t.owner, ACTION_ITEM_OWNERS),
    index("mentoring_actions_session").on(t.sessionId, t.position),
    uniqueIndex("mentoring_actions_plan_action").on(t.planActionId),
  ],
);
