/**
 * Diagnosis and the incubation plan (孵化计划), stage 4: the needs found (4Z-tagged), the one plan
 * of an incubation, its goals and actions, and the plan's history. Goals and needs keep their ids
 * for good (a removed goal or action is marked, never deleted), so the services, mentoring and
 * funding areas can point at them. The rules are in src/domain/incubation/plan.ts.
 */

import { sql } from "drizzle-orm";
import { boolean, date, index, integer, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import {
  ACTION_OWNERS,
  ACTION_STATUSES,
  type ActionOwner,
  type ActionStatus,
  NEED_SOURCES,
  NEED_STATUSES,
  type NeedSource,
  type NeedStatus,
  PLAN_EVENTS,
  PLAN_STATUSES,
  type PlanEvent,
  type PlanStatus,
  SERVICE_CATEGORIES,
  type ServiceCategory,
} from "../../domain/incubation/plan";
import { oneOf } from "./checks";
import { at, baseRef, created, updated, userRef } from "./columns";
import { incubations } from "./incubation";

const incubationRef = () =>
  uuid("incubation_id")
    .notNull()
    .references(() => incubations.id);

/** A problem or need of the organization, found at the baseline or in the needs interview. */
export const needs = pgTable(
  "needs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    baseId: baseRef(),
    incubationId: incubationRef(),
    category: text("category").$type<ServiceCategory>().notNull(),
    title: text("title").notNull(),
    detail: text("detail").notNull().default(""),
    source: text("source").$type<NeedSource>().notNull(),
    /** The capacity dimension (instrument key) it stems from, when one. */
    dimensionKey: text("dimension_key"),
    status: text("status").$type<NeedStatus>().notNull().default("open"),
    version: integer("version").notNull().default(1),
    createdBy: userRef("created_by"),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    oneOf("needs_category", t.category, SERVICE_CATEGORIES),
    oneOf("needs_source", t.source, NEED_SOURCES),
    oneOf("needs_status", t.status, NEED_STATUSES),
    index("needs_incubation").on(t.incubationId, t.createdAt),
  ],
);

/** The incubation's plan: one per incubation, revised in place (`revision` counts reopenings). */
export const incubationPlans = pgTable(
  "incubation_plans",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    baseId: baseRef(),
    incubationId: incubationRef(),
    status: text("status").$type<PlanStatus>().notNull().default("draft"),
    revision: integer("revision").notNull().default(1),
    summary: text("summary").notNull().default(""),
    proposedBy: userRef("proposed_by"),
    proposedAt: at("proposed_at"),
    /** Who agreed: a member, or the staff member who recorded the organization's agreement. */
    agreedBy: userRef("agreed_by"),
    agreedAt: at("agreed_at"),
    /** Staff recorded the agreement on the organization's behalf (who agreed and when: `agreed_note`). */
    agreedOnBehalf: boolean("agreed_on_behalf").notNull().default(false),
    agreedNote: text("agreed_note"),
    version: integer("version").notNull().default(1),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    oneOf("incubation_plans_status", t.status, PLAN_STATUSES),
    uniqueIndex("incubation_plans_incubation").on(t.incubationId),
    index("incubation_plans_base_status").on(t.baseId, t.status),
  ],
);

/** A goal of the plan, tied to a capacity dimension where it works on one. */
export const planGoals = pgTable(
  "plan_goals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    baseId: baseRef(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => incubationPlans.id),
    title: text("title").notNull(),
    dimensionKey: text("dimension_key"),
    /** What success looks like (the indicator or target). */
    target: text("target").notNull().default(""),
    position: integer("position").notNull(),
    /** Set when a draft left it out: kept for what points at it, not shown. */
    removedAt: at("removed_at"),
    createdAt: created(),
  },
  (t) => [index("plan_goals_plan").on(t.planId, t.position)],
);

/** An action of a goal: who does it, by when, what service it intends, which need it answers. */
export const planActions = pgTable(
  "plan_actions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    baseId: baseRef(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => incubationPlans.id),
    goalId: uuid("goal_id")
      .notNull()
      .references(() => planGoals.id),
    title: text("title").notNull(),
    ownerSide: text("owner_side").$type<ActionOwner>().notNull(),
    ownerUserId: userRef("owner_user_id"),
    dueOn: date("due_on").notNull(),
    status: text("status").$type<ActionStatus>().notNull().default("open"),
    doneAt: at("done_at"),
    doneBy: userRef("done_by"),
    doneNote: text("done_note"),
    service: text("service").$type<ServiceCategory>(),
    needId: uuid("need_id").references(() => needs.id),
    position: integer("position").notNull(),
    removedAt: at("removed_at"),
    /** When the organization's members were told it is overdue (once per action). */
    overdueNoticedAt: at("overdue_noticed_at"),
    version: integer("version").notNull().default(1),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    oneOf("plan_actions_owner_side", t.ownerSide, ACTION_OWNERS),
    oneOf("plan_actions_status", t.status, ACTION_STATUSES),
    oneOf("plan_actions_service", t.service, SERVICE_CATEGORIES),
    index("plan_actions_plan").on(t.planId, t.goalId, t.position),
    // The overdue to-do and the notice job look for open actions past their day.
    index("plan_actions_base_open_due")
      .on(t.baseId, t.dueOn)
      .where(sql`${t.status} = 'open' AND ${t.removedAt} IS NULL`),
  ],
);

/** The plan's history: each status change and each action done or dropped, with who and why. */
export const planEvents = pgTable(
  "plan_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    baseId: baseRef(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => incubationPlans.id),
    event: text("event").$type<PlanEvent | "action_done" | "action_dropped" | "action_reopened">().notNull(),
    fromStatus: text("from_status").$type<PlanStatus>(),
    toStatus: text("to_status").$type<PlanStatus>(),
    revision: integer("revision").notNull(),
    actionId: uuid("action_id").references(() => planActions.id),
    note: text("note"),
    onBehalf: boolean("on_behalf").notNull().default(false),
    actorId: userRef("actor_id"),
    actorName: text("actor_name"),
    createdAt: created(),
  },
  (t) => [
    oneOf("plan_events_event", t.event, [...PLAN_EVENTS, "action_done", "action_dropped", "action_reopened"]),
    index("plan_events_plan").on(t.planId, t.createdAt),
  ],
);
