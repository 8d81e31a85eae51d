/**
 * Trainings and capacity building (能力建设, docs/TRAININGS.md): series (系列/专题班, and the
 * talent programme's classes), trainings (one session each), the people enrolled with the
 * waitlist, their attendance and feedback, and the talent programme's certificates. An attendance
 * is also a row of the service ledger (schema/services.ts), written in the same transaction.
 */
import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  smallint,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import {
  AUDIENCES,
  type Audience,
  SERVICE_CATEGORIES,
  type ServiceCategory,
} from "../../domain/services/categories";
import {
  ATTENDANCE_METHODS,
  type AttendanceMethod,
  ENROLMENT_STATUSES,
  type EnrolmentStatus,
  SERIES_KINDS,
  type SeriesKind,
  TRAINING_STATUSES,
  type TrainingStatus,
} from "../../domain/services/trainings";
import { users } from "./accounts";
import { eachOf, oneOf } from "./checks";
import { at, baseRef, created, updated, userRef } from "./columns";
import { organizations } from "./organizations";

export const trainingSeries = pgTable(
  "training_series",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    baseId: baseRef(),
    kind: text("kind").$type<SeriesKind>().notNull().default("series"),
    /** A small serial per base, the certificate numbers' series code. */
    serial: integer("serial").notNull(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    version: integer("version").notNull().default(1),
    createdBy: userRef("created_by"),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    oneOf("training_series_kind", t.kind, SERIES_KINDS),
    unique("training_series_serial").on(t.baseId, t.serial),
  ],
);

export const trainings = pgTable(
  "trainings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    baseId: baseRef(),
    seriesId: uuid("series_id").references(() => trainingSeries.id),
    /** A module the series' completion requires (the talent programme's 必修). */
    required: boolean("required").notNull().default(false),
    topic: text("topic").notNull(),
    description: text("description").notNull().default(""),
    trainerName: text("trainer_name").notNull(),
    trainerUserId: userRef("trainer_user_id"),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    place: text("place").notNull().default(""),
    onlineLink: text("online_link").notNull().default(""),
    category: text("category").$type<ServiceCategory>().notNull().default("consulting"),
    /** The capacity dimensions (keys of the active instrument) it works on. */
    dimensionKeys: text("dimension_keys").array().notNull().default(sql`'{}'::text[]`),
    capacity: integer("capacity").notNull(),
    audiences: text("audiences").array().$type<Audience[]>().notNull(),
    status: text("status").$type<TrainingStatus>().notNull().default("draft"),
    version: integer("version").notNull().default(1),
    createdBy: userRef("created_by"),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    oneOf("trainings_status", t.status, TRAINING_STATUSES),
    oneOf("trainings_category", t.category, SERVICE_CATEGORIES),
    eachOf("trainings_audiences", t.audiences, AUDIENCES),
    check("trainings_capacity", sql`${t.capacity} BETWEEN 1 AND 10000`),
    check("trainings_times", sql`${t.endsAt} > ${t.startsAt}`),
    index("trainings_base_start").on(t.baseId, t.startsAt),
    index("trainings_series").on(t.seriesId),
  ],
);

export const trainingEnrolments = pgTable(
  "training_enrolments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    baseId: baseRef(),
    trainingId: uuid("training_id")
      .notNull()
      .references(() => trainings.id),
    /** The person enrolled (a user). */
    personId: uuid("person_id")
      .notNull()
      .references(() => users.id),
    /** The organization they came for; null when they came on their own. */
    organizationId: uuid("organization_id").references(() => organizations.id),
    status: text("status").$type<EnrolmentStatus>().notNull(),
    /** The waitlist's order: when the enrolment came (or moved back into the queue). */
    queuedAt: timestamp("queued_at", { withTimezone: true }).notNull().defaultNow(),
    enrolledBy: userRef("enrolled_by"),
    attendedAt: at("attended_at"),
    attendedVia: text("attended_via").$type<AttendanceMethod>(),
    reminderSentAt: at("reminder_sent_at"),
    rating: smallint("rating"),
    useful: text("useful"),
    suggestions: text("suggestions"),
    feedbackAt: at("feedback_at"),
    version: integer("version").notNull().default(1),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    oneOf("training_enrolments_status", t.status, ENROLMENT_STATUSES),
    oneOf("training_enrolments_via", t.attendedVia, ATTENDANCE_METHODS),
    check("training_enrolments_rating", sql`${t.rating} BETWEEN 1 AND 5`),
    unique("training_enrolments_person").on(t.trainingId, t.personId),
    index("training_enrolments_queue").on(t.trainingId, t.status, t.queuedAt),
    index("training_enrolments_person_idx").on(t.personId),
    index("training_enrolments_organization").on(t.organizationId),
  ],
);

/** The talent programme's certificate (结业证书): one per person and series, numbered. */
export const trainingCertificates = pgTable(
  "training_certificates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    baseId: baseRef(),
    seriesId: uuid("series_id")
      .notNull()
      .references(() => trainingSeries.id),
    personId: uuid("person_id")
      .notNull()
      .references(() => users.id),
    number: text("number").notNull(),
    minutes: integer("minutes").notNull(),
    issuedAt: created(),
  },
  (t) => [
    unique("training_certificates_person").on(t.seriesId, t.personId),
    unique("training_certificates_number").on(t.baseId, t.number),
  ],
);
