/**
 * Stage 1 of the incubation cycle: recruitment calls, applications, their submissions (each one
 * kept as a version), history, documents and the completeness check (intake) of each required item.
 */
import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigint,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { Answers } from "../../domain/answers";
import {
  APPLICATION_EVENTS,
  APPLICATION_SIDES,
  APPLICATION_STATUSES,
  type ApplicationEvent,
  type ApplicationSide,
  type ApplicationStatus,
  INTAKE_VERDICT_STATUSES,
  type IntakeVerdictStatus,
} from "../../domain/application";
import { CALL_STATUSES, type CallRules, type CallStatus, TRACKS, type Track } from "../../domain/call";
import { REMINDER_LEADS, type ReminderLead } from "../../domain/reminders";
import type { FileOwnerKind } from "../../domain/upload";
import { users } from "./accounts";
import { oneOf } from "./checks";
import { baseRef, created, updated } from "./columns";
import { organizations } from "./organizations";

export const calls = pgTable(
  "calls",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    baseId: baseRef(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    status: text("status").$type<CallStatus>().notNull().default("draft"),
    /** Tracks (quota, eligibility, documents), extra questions and the window, as applicants see them. */
    rules: jsonb("rules").$type<CallRules>().notNull(),
    /** Copies of rules.opensAt / rules.closesAt, for ordering and "closing soon". */
    opensAt: timestamp("opens_at", { withTimezone: true }).notNull(),
    closesAt: timestamp("closes_at", { withTimezone: true }).notNull(),
    /** The published revision of the rules: 1 at publishing, +1 for each later change. */
    revision: integer("revision").notNull().default(0),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    createdBy: uuid("created_by").references(() => users.id),
    version: integer("version").notNull().default(1),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    oneOf("calls_status", t.status, CALL_STATUSES),
    index("calls_base_status").on(t.baseId, t.status, t.closesAt),
  ],
);

/** Every published revision of a call's rules, so a change after publishing is shown, not hidden. */
export const callRevisions = pgTable(
  "call_revisions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    baseId: baseRef(),
    callId: uuid("call_id")
      .notNull()
      .references(() => calls.id),
    revision: integer("revision").notNull(),
    title: text("title").notNull(),
    description: text("description").notNull(),
    rules: jsonb("rules").$type<CallRules>().notNull(),
    /** Why the rules changed (required for revisions after the first). */
    note: text("note"),
    changedBy: uuid("changed_by").references(() => users.id),
    createdAt: created(),
  },
  (t) => [uniqueIndex("call_revisions_call").on(t.callId, t.revision)],
);

export const applications = pgTable(
  "applications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    baseId: baseRef(),
    callId: uuid("call_id")
      .notNull()
      .references(() => calls.id),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    track: text("track").$type<Track>().notNull(),
    status: text("status").$type<ApplicationStatus>().notNull().default("draft"),
    answers: jsonb("answers").$type<Answers>().notNull().default(sql`'{}'::jsonb`),
    /** The call revision the applicant last saw or submitted against. */
    callRevision: integer("call_revision").notNull(),
    /** Required answers and documents still missing (kept current on every write; a queue filter). */
    missingItems: integer("missing_items").notNull().default(0),
    submissionCount: integer("submission_count").notNull().default(0),
    firstSubmittedAt: timestamp("first_submitted_at", { withTimezone: true }),
    lastSubmittedAt: timestamp("last_submitted_at", { withTimezone: true }),
    statusChangedAt: timestamp("status_changed_at", { withTimezone: true }).notNull().defaultNow(),
    /** A deadline extension granted to this applicant only. */
    extendedUntil: timestamp("extended_until", { withTimezone: true }),
    /** The reason of the last return or ineligibility, shown to the applicant. */
    statusReason: text("status_reason"),
    createdBy: uuid("created_by").references(() => users.id),
    version: integer("version").notNull().default(1),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    oneOf("applications_track", t.track, TRACKS),
    oneOf("applications_status", t.status, APPLICATION_STATUSES),
    // One application per organization per call.
    uniqueIndex("applications_call_organization").on(t.callId, t.organizationId),
    index("applications_base_call_status").on(t.baseId, t.callId, t.status),
    index("applications_base_status").on(t.baseId, t.status, t.statusChangedAt),
    index("applications_base_organization").on(t.baseId, t.organizationId),
    // Per-track counts of one call (caps, the portal's "full", removing a track).
    index("applications_call_track_status").on(t.callId, t.track, t.status),
    // The staff to-do's "to check": the five waiting longest, read in order from the index.
    index("applications_to_check")
      .on(t.baseId, sql`coalesce(${t.lastSubmittedAt}, ${t.statusChangedAt})`, t.id)
      .where(sql`${t.status} in ('submitted', 'resubmitted')`),
  ],
);

/** Each submit or resubmit, frozen: answers, organization profile and documents at that moment. */
export const applicationSubmissions = pgTable(
  "application_submissions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    baseId: baseRef(),
    applicationId: uuid("application_id")
      .notNull()
      .references(() => applications.id),
    number: integer("number").notNull(),
    /** The client's Idempotency-Key: a retried submit finds its first answer here. */
    idempotencyKey: text("idempotency_key"),
    snapshot: jsonb("snapshot").$type<Record<string, unknown>>().notNull(),
    submittedBy: uuid("submitted_by").references(() => users.id),
    createdAt: created(),
  },
  (t) => [
    uniqueIndex("application_submissions_number").on(t.applicationId, t.number),
    uniqueIndex("application_submissions_idempotency").on(t.applicationId, t.idempotencyKey),
  ],
);

/** The history the applicant and staff both see: every status change, with its reason. */
export const applicationEvents = pgTable(
  "application_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    baseId: baseRef(),
    applicationId: uuid("application_id")
      .notNull()
      .references(() => applications.id),
    event: text("event").$type<ApplicationEvent | "extend">().notNull(),
    fromStatus: text("from_status").$type<ApplicationStatus>(),
    toStatus: text("to_status").$type<ApplicationStatus>(),
    reason: text("reason"),
    side: text("side").$type<ApplicationSide>().notNull(),
    actorId: uuid("actor_id").references(() => users.id),
    actorName: text("actor_name"),
    createdAt: created(),
  },
  (t) => [
    oneOf("application_events_event", t.event, [...APPLICATION_EVENTS, "extend"]),
    oneOf("application_events_from_status", t.fromStatus, APPLICATION_STATUSES),
    oneOf("application_events_to_status", t.toStatus, APPLICATION_STATUSES),
    oneOf("application_events_side", t.side, APPLICATION_SIDES),
    index("application_events_application").on(t.applicationId, t.createdAt),
  ],
);

/**
 * The deadline reminders sent for an application: one row per lead and deadline, so each is sent
 * once even with several instances sweeping (the insert that wins sends), and an extension (a
 * new deadline) earns its own reminders.
 */
export const applicationReminders = pgTable(
  "application_reminders",
  {
    applicationId: uuid("application_id")
      .notNull()
      .references(() => applications.id),
    lead: text("lead").$type<ReminderLead>().notNull(),
    deadline: timestamp("deadline", { withTimezone: true }).notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    oneOf(
      "application_reminders_lead",
      t.lead,
      REMINDER_LEADS.map((r) => r.lead),
    ),
    primaryKey({ columns: [t.applicationId, t.lead, t.deadline] }),
  ],
);

/**
 * One uploaded file: the bytes live content-addressed (by SHA-256) behind the storage
 * interface; this row keeps who uploaded it, its sniffed type, its original name and the record
 * it belongs to (`owner_type` + `owner_id`: whoever may read that record may read the file).
 */
export const files = pgTable(
  "files",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    baseId: baseRef(),
    sha256: text("sha256").notNull(),
    size: bigint("size", { mode: "number" }).notNull(),
    mime: text("mime").notNull(),
    originalName: text("original_name").notNull(),
    /**
     * The kind of record it belongs to (FILE_OWNER_KINDS; a CHECK in migration 0009) and that
     * record's id. No foreign key can point at several tables: the owner kinds' registry in the
     * server loads the owner, and a file never travels to another owner.
     */
    ownerType: text("owner_type").$type<FileOwnerKind>().notNull(),
    ownerId: uuid("owner_id").notNull(),
    uploadedBy: uuid("uploaded_by").references(() => users.id),
    createdAt: created(),
  },
  (t) => [index("files_sha256").on(t.sha256), index("files_owner").on(t.ownerId, t.ownerType)],
);

/** A file attached to an application for one requirement (a document key, or `q:<question key>`). */
export const applicationDocuments = pgTable(
  "application_documents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    baseId: baseRef(),
    applicationId: uuid("application_id")
      .notNull()
      .references(() => applications.id),
    requirementKey: text("requirement_key").notNull(),
    fileId: uuid("file_id")
      .notNull()
      .references(() => files.id),
    /** Removed by the applicant while editing; kept for the submissions that froze it. */
    removedAt: timestamp("removed_at", { withTimezone: true }),
    /**
     * The document that replaced this one (set with `removed_at`): a replaced document leaves the
     * current set but stays in its item's history, where a plain removal does not.
     */
    replacedById: uuid("replaced_by_id").references((): AnyPgColumn => applicationDocuments.id),
    createdAt: created(),
  },
  (t) => [index("application_documents_application").on(t.applicationId, t.requirementKey)],
);

/** Staff's verdict on one required item in the completeness check (材料审核). */
export const intakeVerdicts = pgTable(
  "intake_verdicts",
  {
    baseId: baseRef(),
    applicationId: uuid("application_id")
      .notNull()
      .references(() => applications.id),
    requirementKey: text("requirement_key").notNull(),
    status: text("status").$type<IntakeVerdictStatus>().notNull(),
    reason: text("reason"),
    checkedBy: uuid("checked_by").references(() => users.id),
    checkedAt: timestamp("checked_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    oneOf("intake_verdicts_status", t.status, INTAKE_VERDICT_STATUSES),
    primaryKey({ columns: [t.applicationId, t.requirementKey] }),
  ],
);

/** The thread between staff and the applicant, per application. */
export const applicationMessages = pgTable(
  "application_messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    baseId: baseRef(),
    applicationId: uuid("application_id")
      .notNull()
      .references(() => applications.id),
    side: text("side").$type<ApplicationSide>().notNull(),
    authorId: uuid("author_id").references(() => users.id),
    authorName: text("author_name").notNull(),
    body: text("body").notNull(),
    fileIds: uuid("file_ids").array().notNull().default(sql`'{}'`),
    /** When the other side first read it; staff's "messages to answer" are applicant ones unread. */
    readAt: timestamp("read_at", { withTimezone: true }),
    createdAt: created(),
  },
  (t) => [
    oneOf("application_messages_side", t.side, APPLICATION_SIDES),
    index("application_messages_application").on(t.applicationId, t.createdAt),
    index("application_messages_unread").on(t.baseId, t.side, t.readAt),
  ],
);
