/**
 * Partners (合作伙伴): the enterprises, foundations and hub organizations the base works with.
 * They handle services, offer resources and hold funds; their users (users.partner_id) see only
 * what concerns their partner. Written without ./columns, which depends on users, which
 * depends on this table.
 */
import { sql } from "drizzle-orm";
import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { PARTNER_KINDS, PARTNER_STATUSES, type PartnerKind, type PartnerStatus } from "../../domain/partner";
import { bases } from "./bases";
import { oneOf } from "./checks";

export const partners = pgTable(
  "partners",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    baseId: uuid("base_id")
      .notNull()
      .references(() => bases.id),
    name: text("name").notNull(),
    kind: text("kind").$type<PartnerKind>().notNull(),
    contactName: text("contact_name"),
    contactPhone: text("contact_phone"),
    email: text("email"),
    /** What the partner offers (services, resources, funds), as staff describe it. */
    description: text("description"),
    status: text("status").$type<PartnerStatus>().notNull().default("active"),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    oneOf("partners_kind", t.kind, PARTNER_KINDS),
    oneOf("partners_status", t.status, PARTNER_STATUSES),
    uniqueIndex("partners_base_name").on(t.baseId, sql`lower(${t.name})`),
    index("partners_base_status").on(t.baseId, t.status),
  ],
);
