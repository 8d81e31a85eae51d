/**
 * Stage 4 of the incubation cycle (孵化服务): the incubations (one organization's stay) and their
 * cohorts, the base's incubation settings, the capacity assessment instrument in versions, and the
 * assessments taken on it (the baseline pre-test first). The lifecycles are in
 * src/domain/incubation/.
 */

import { sql } from "drizzle-orm";
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { TRACKS, type Track } from "../../domain/call";
import {
  ASSESSMENT_PHASES,
  ASSESSMENT_SIDES,
  ASSESSMENT_STATUSES,
  type AssessmentPhase,
  type AssessmentSide,
  type AssessmentStatus,
} from "../../domain/incubation/assessment";
import {
  INSTRUMENT_VERSION_STATUSES,
  type InstrumentContent,
  type InstrumentVersionStatus,
} from "../../domain/incubation/instrument";
import {
  INCUBATION_EVENTS,
  INCUBATION_ORIGINS,
  INCUBATION_STATUSES,
  type IncubationEvent,
  type IncubationOrigin,
  type IncubationStatus,
  RESIDENCIES,
  type Residency,
} from "../../domain/incubation/lifecycle";
import { bases } from "./bases";
import { oneOf } from "./checks";
import { at, baseRef, created, updated, userRef } from "./columns";
import { organizations } from "./organizations";
import { applications, files } from "./recruitment";

/** What a base sets for its incubations (one row a base; the defaults when it has none). */
export const incubationSettings = pgTable("incubation_settings", {
  baseId: uuid("base_id")
    .primaryKey()
    .references(() => bases.id),
  termMonths: integer("term_months").notNull(),
  baselineDueDays: integer("baseline_due_days").notNull(),
  exitDueDays: integer("exit_due_days").notNull(),
  version: integer("version").notNull().default(1),
  updatedBy: userRef("updated_by"),
  updatedAt: updated(),
});

/** A cohort (期): the organizations that start their year together, e.g. "2027年第一期". */
export const cohorts = pgTable(
  "cohorts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    baseId: baseRef(),
    name: text("name").notNull(),
    /** The cohort's usual start day; each incubation keeps its own start date. */
    startsOn: date("starts_on").notNull(),
    createdAt: created(),
  },
  (t) => [uniqueIndex("cohorts_base_name").on(t.baseId, t.name)],
);

/**
 * One organization's stay in the base. Created when the organization confirms an admitted place
 * (`application_id`), or by staff directly with a reason (`origin` = direct). Dates are calendar
 * days in Asia/Shanghai. An organization has at most one open incubation at a time.
 */
export const incubations = pgTable(
  "incubations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    baseId: baseRef(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    applicationId: uuid("application_id").references(() => applications.id),
    cohortId: uuid("cohort_id")
      .notNull()
      .references(() => cohorts.id),
    track: text("track").$type<Track>().notNull(),
    residency: text("residency").$type<Residency>().notNull(),
    /** A space-track (desk) incubation needs a workstation; allocating one comes with the space area. */
    needsDesk: boolean("needs_desk").notNull().default(false),
    origin: text("origin").$type<IncubationOrigin>().notNull(),
    /** Why staff enrolled it directly (null for an admission). */
    enrolReason: text("enrol_reason"),
    startOn: date("start_on").notNull(),
    plannedEndOn: date("planned_end_on").notNull(),
    /** The day it graduated or was terminated. */
    endedOn: date("ended_on"),
    responsibleId: userRef("responsible_id"),
    status: text("status").$type<IncubationStatus>().notNull().default("active"),
    version: integer("version").notNull().default(1),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    oneOf("incubations_track", t.track, TRACKS),
    oneOf("incubations_residency", t.residency, RESIDENCIES),
    oneOf("incubations_origin", t.origin, INCUBATION_ORIGINS),
    oneOf("incubations_status", t.status, INCUBATION_STATUSES),
    uniqueIndex("incubations_application").on(t.applicationId),
    uniqueIndex("incubations_open_per_organization")
      .on(t.organizationId)
      .where(sql`${t.status} NOT IN ('graduated', 'terminated')`),
    index("incubations_base_cohort").on(t.baseId, t.cohortId, t.status),
    index("incubations_base_status_end").on(t.baseId, t.status, t.plannedEndOn),
  ],
);

/** The incubation's history: every status change and dated act (an extension), with its reason. */
export const incubationEvents = pgTable(
  "incubation_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    baseId: baseRef(),
    incubationId: uuid("incubation_id")
      .notNull()
      .references(() => incubations.id),
    /** A lifecycle event, or `enrol` for the first row. */
    event: text("event").$type<IncubationEvent | "enrol">().notNull(),
    fromStatus: text("from_status").$type<IncubationStatus>(),
    toStatus: text("to_status").$type<IncubationStatus>().notNull(),
    reason: text("reason"),
    /** The planned end before and after an extension. */
    details: jsonb("details").$type<Record<string, string | number | null>>(),
    actorId: userRef("actor_id"),
    actorName: text("actor_name"),
    createdAt: created(),
  },
  (t) => [
    oneOf("incubation_events_event", t.event, [...INCUBATION_EVENTS, "enrol"]),
    index("incubation_events_incubation").on(t.incubationId, t.createdAt),
  ],
);

/** An instrument of the base (e.g. 社会组织能力评估): its versions carry the content. */
export const instruments = pgTable(
  "instruments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    baseId: baseRef(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    createdAt: created(),
  },
  (t) => [uniqueIndex("instruments_base_name").on(t.baseId, t.name)],
);

/**
 * One version of an instrument. A draft is edited (with `version` for 409s); publishing freezes
 * it for good. Editing a published instrument makes the next draft (`number` + 1, `based_on_id`).
 */
export const instrumentVersions = pgTable(
  "instrument_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    baseId: baseRef(),
    instrumentId: uuid("instrument_id")
      .notNull()
      .references(() => instruments.id),
    number: integer("number").notNull(),
    status: text("status").$type<InstrumentVersionStatus>().notNull().default("draft"),
    content: jsonb("content").$type<InstrumentContent>().notNull(),
    basedOnId: uuid("based_on_id"),
    /** What changed from the version it is based on (shown in the version list). */
    changeNote: text("change_note").notNull().default(""),
    publishedAt: at("published_at"),
    publishedBy: userRef("published_by"),
    createdBy: userRef("created_by"),
    version: integer("version").notNull().default(1),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    oneOf("instrument_versions_status", t.status, INSTRUMENT_VERSION_STATUSES),
    uniqueIndex("instrument_versions_number").on(t.instrumentId, t.number),
    // At most one draft per instrument: a second edit goes to the same draft.
    uniqueIndex("instrument_versions_one_draft").on(t.instrumentId).where(sql`${t.status} = 'draft'`),
  ],
);

/** The version a track's new assessments use (one per base and track; a published version). */
export const activeInstruments = pgTable(
  "active_instruments",
  {
    baseId: baseRef(),
    track: text("track").$type<Track>().notNull(),
    instrumentVersionId: uuid("instrument_version_id")
      .notNull()
      .references(() => instrumentVersions.id),
    setBy: userRef("set_by"),
    setAt: created(),
  },
  (t) => [primaryKey({ columns: [t.baseId, t.track] }), oneOf("active_instruments_track", t.track, TRACKS)],
);

/**
 * One assessment of an incubation: phase, side, the instrument version, per-indicator scores
 * (`assessment_scores`), and once submitted its computed result (total and per dimension, kept so
 * lists and cohort figures need not recompute it). Submitted is read-only; a correction is a new
 * row (`revision` + 1, `supersedes_id`, `correction_reason`) and the old one becomes superseded.
 */
export const assessments = pgTable(
  "assessments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    baseId: baseRef(),
    incubationId: uuid("incubation_id")
      .notNull()
      .references(() => incubations.id),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    instrumentVersionId: uuid("instrument_version_id")
      .notNull()
      .references(() => instrumentVersions.id),
    phase: text("phase").$type<AssessmentPhase>().notNull(),
    side: text("side").$type<AssessmentSide>().notNull(),
    /** The assessor (staff or an invited expert); for a self-assessment, whoever filled it in. */
    assessorId: userRef("assessor_id"),
    status: text("status").$type<AssessmentStatus>().notNull().default("draft"),
    revision: integer("revision").notNull().default(1),
    supersedesId: uuid("supersedes_id"),
    correctionReason: text("correction_reason"),
    /** An overall comment (strengths, weaknesses, what to work on). */
    summary: text("summary").notNull().default(""),
    /** Total out of 100 (two decimals), set at submission. */
    total: numeric("total", { precision: 5, scale: 2 }),
    /** Per dimension key: the score out of 100 and the share of its indicators scored. */
    result: jsonb("result").$type<Record<string, { score: number | null; coverage: number }>>(),
    submittedAt: at("submitted_at"),
    submittedBy: userRef("submitted_by"),
    version: integer("version").notNull().default(1),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    oneOf("assessments_phase", t.phase, ASSESSMENT_PHASES),
    oneOf("assessments_side", t.side, ASSESSMENT_SIDES),
    oneOf("assessments_status", t.status, ASSESSMENT_STATUSES),
    index("assessments_incubation").on(t.incubationId, t.phase, t.side, t.status),
    index("assessments_base_phase").on(t.baseId, t.phase, t.status),
  ],
);

/** One indicator's score on an assessment (null while not yet scored), with its comment. */
export const assessmentScores = pgTable(
  "assessment_scores",
  {
    assessmentId: uuid("assessment_id")
      .notNull()
      .references(() => assessments.id),
    indicatorKey: text("indicator_key").notNull(),
    score: smallint("score"),
    comment: text("comment").notNull().default(""),
  },
  (t) => [primaryKey({ columns: [t.assessmentId, t.indicatorKey] })],
);

/**
 * Evidence for one indicator of an assessment: a file (owner kind "assessment", the assessment's
 * id) and the indicator it supports. A correction copies the links, so the files stay with it.
 */
export const assessmentEvidence = pgTable(
  "assessment_evidence",
  {
    assessmentId: uuid("assessment_id")
      .notNull()
      .references(() => assessments.id),
    fileId: uuid("file_id")
      .notNull()
      .references(() => files.id),
    indicatorKey: text("indicator_key").notNull(),
    createdAt: created(),
  },
  (t) => [
    primaryKey({ columns: [t.assessmentId, t.fileId] }),
    index("assessment_evidence_file").on(t.fileId),
  ],
);

/**
 * The growth file (组织成长档案): one timeline per organization of everything the platform knows
 * about it. Each area writes its own kinds of event in the transaction of the act (src/db/growth.ts),
 * with the line the file shows (`title`, both languages) and what else it shows (`params`: a
 * status, a score, a note) as it was at the time, so the file reads the same later and needs no
 * join and no code per kind to show or export it.
 */
export const growthEvents = pgTable(
  "growth_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    baseId: baseRef(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    /** The incubation it happened in, when it did. */
    incubationId: uuid("incubation_id").references(() => incubations.id),
    /** `<area>.<event>`, e.g. `application.submitted`, `assessment.submitted` (GROWTH_KINDS). */
    kind: text("kind").notNull(),
    occurredAt: at("occurred_at").notNull().defaultNow(),
    /** The record the event is about (an application, an assessment), for a link. */
    subjectId: uuid("subject_id"),
    title: jsonb("title").$type<{ zhCN: string; en: string }>().notNull(),
    params: jsonb("params").$type<Record<string, string | number | boolean | null>>().notNull().default({}),
    actorName: text("actor_name"),
    /** Only the base sees it (a staff-side note, an assessor's draft result); members never. */
    staffOnly: boolean("staff_only").notNull().default(false),
    createdAt: created(),
  },
  (t) => [
    index("growth_events_organization").on(t.organizationId, t.occurredAt),
    index("growth_events_base_kind").on(t.baseId, t.kind, t.occurredAt),
  ],
);
