/**
 * Counts kept by the database itself (migration 0017's triggers), so the home pages' figures read
 * a few hundred rows instead of grouping the whole registry and every application on each visit.
 * Every insert, update or delete of an organization, an application or an "accepted" history row
 * changes them in the same transaction: they are exact whenever read, whoever wrote (a service,
 * the bench's COPY, an operator's psql). Rows whose count fell to zero stay (at zero).
 */
import { boolean, integer, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import type { ApplicationStatus } from "../../domain/application";
import type { Track } from "../../domain/call";
import type { OrganizationField, RegistrationStatus, Residency } from "../../domain/organization";
import { bases } from "./bases";

/** Organizations by base, town (null: none set), residency and registration status. */
export const organizationCounts = pgTable(
  "organization_counts",
  {
    baseId: uuid("base_id")
      .notNull()
      .references(() => bases.id),
    townId: uuid("town_id"),
    residency: text("residency").$type<Residency>().notNull(),
    registrationStatus: text("registration_status").$type<RegistrationStatus>().notNull(),
    n: integer("n").notNull(),
  },
  (t) => [
    unique("organization_counts_key")
      .on(t.baseId, t.townId, t.residency, t.registrationStatus)
      .nullsNotDistinct(),
  ],
);

/** Organizations by base, town and field of work (one organization counts once per field). */
export const organizationFieldCounts = pgTable(
  "organization_field_counts",
  {
    baseId: uuid("base_id")
      .notNull()
      .references(() => bases.id),
    townId: uuid("town_id"),
    field: text("field").$type<OrganizationField>().notNull(),
    n: integer("n").notNull(),
  },
  (t) => [unique("organization_field_counts_key").on(t.baseId, t.townId, t.field).nullsNotDistinct()],
);

/**
 * Applications by base, their organization's town, track and status, whether ever submitted
 * (first_submitted_at set) and whether ever accepted at intake (status accepted now, or an
 * application_events row to "accepted").
 */
export const applicationCounts = pgTable(
  "application_counts",
  {
    baseId: uuid("base_id")
      .notNull()
      .references(() => bases.id),
    townId: uuid("town_id"),
    track: text("track").$type<Track>().notNull(),
    status: text("status").$type<ApplicationStatus>().notNull(),
    submitted: boolean("submitted").notNull(),
    accepted: boolean("accepted").notNull(),
    n: integer("n").notNull(),
  },
  (t) => [
    unique("application_counts_key")
      .on(t.baseId, t.townId, t.track, t.status, t.submitted, t.accepted)
      .nullsNotDistinct(),
  ],
);
