/**
 * Individuals (个人用户, docs/PEOPLE.md): a person without an organization, a member of the public
 * at a training or a trainee of the talent programme. The account is a `users` row with the role
 * `individual`; this is what the base knows of them beyond the account: where they work, their
 * title, and how they came (registered with a confirmed phone, or added by staff).
 */
import { index, integer, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { PERSON_SOURCES, type PersonSource } from "../../domain/services/people";
import { users } from "./accounts";
import { oneOf } from "./checks";
import { baseRef, created, updated, userRef } from "./columns";

export const personProfiles = pgTable(
  "person_profiles",
  {
    userId: uuid("user_id")
      .primaryKey()
      .references(() => users.id),
    baseId: baseRef(),
    workUnit: text("work_unit"),
    jobTitle: text("job_title"),
    source: text("source").$type<PersonSource>().notNull(),
    /** The staff member who added them (source `staff`). */
    addedBy: userRef("added_by"),
    /** The profile's edits (name, email, work unit, title) are versioned here: a stale save is 409. */
    version: integer("version").notNull().default(1),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    oneOf("person_profiles_source", t.source, PERSON_SOURCES),
    index("person_profiles_base").on(t.baseId),
  ],
);
