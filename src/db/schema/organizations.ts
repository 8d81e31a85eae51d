import { getTableColumns, sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import {
  ORGANIZATION_FIELDS,
  type OrganizationField,
  REGISTRATION_STATUSES,
  RESIDENCIES,
  type RegistrationStatus,
  type Residency,
} from "../../domain/organization";
import { bases, towns } from "./bases";
import { eachOf, oneOf } from "./checks";

export const organizations = pgTable(
  "organizations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    baseId: uuid("base_id")
      .notNull()
      .references(() => bases.id),
    name: text("name").notNull(),
    registrationStatus: text("registration_status").$type<RegistrationStatus>().notNull(),
    creditCode: text("credit_code"),
    foundedOn: date("founded_on"),
    fields: text("fields").array().$type<OrganizationField[]>().notNull().default(sql`'{}'`),
    townId: uuid("town_id").references(() => towns.id),
    communityIds: uuid("community_ids").array().notNull().default(sql`'{}'`),
    address: text("address"),
    leaderName: text("leader_name"),
    contactName: text("contact_name"),
    contactPhone: text("contact_phone"),
    staffCount: integer("staff_count"),
    volunteerCount: integer("volunteer_count"),
    partyOrganization: boolean("party_organization").notNull().default(false),
    partyMemberCount: integer("party_member_count"),
    residency: text("residency").$type<Residency>().notNull().default("none"),
    hubOrganizationId: uuid("hub_organization_id").references((): AnyPgColumn => organizations.id),
    description: text("description"),
    /** Generated: the name's bigrams (migration 0003), for two-character Chinese searches. */
    nameBigrams: text("name_bigrams").array().generatedAlwaysAs(sql`name_bigrams(name)`),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    oneOf("organizations_registration_status", t.registrationStatus, REGISTRATION_STATUSES),
    oneOf("organizations_residency", t.residency, RESIDENCIES),
    eachOf("organizations_fields_known", t.fields, ORGANIZATION_FIELDS),
    uniqueIndex("organizations_credit_code").on(t.baseId, t.creditCode),
    index("organizations_base_updated").on(t.baseId, t.updatedAt),
    index("organizations_base_name").on(t.baseId, t.name),
    index("organizations_base_town").on(t.baseId, t.townId),
    // The phone conflict of interest: an expert's mobile as an organization's contact phone,
    // checked on every expert's list and scoring page (a scan of the registry without it).
    index("organizations_contact_phone").on(t.baseId, t.contactPhone),
    index("organizations_fields").using("gin", t.fields),
    // Substring search on Chinese names ("阳光" finds "昌平阳光助老服务中心") needs trigrams.
    index("organizations_name_bigrams").using("gin", t.nameBigrams),
    index("organizations_name_trgm").using("gin", sql`${t.name} gin_trgm_ops`),
  ],
);

/** The record's own columns, without the generated search column (kept out of views and audit). */
const { nameBigrams: _searchOnly, ...organizationColumns } = getTableColumns(organizations);

export { organizationColumns };
