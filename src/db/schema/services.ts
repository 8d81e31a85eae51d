/**
 * The service ledger (服务台账): one row per service delivered to an organization or a person,
 * whatever delivered it (a service record, a training attendance, a mentoring session). The
 * areas write it through src/db/deliveries.ts in the transaction of the act; the per-organization
 * and per-base service figures read this table alone.
 */
import { sql } from "drizzle-orm";
import { check, date, index, integer, pgTable, smallint, text, unique, uuid } from "drizzle-orm/pg-core";
import type { Residency } from "../../domain/organization";
import { RESIDENCIES } from "../../domain/organization";
import {
  DELIVERY_KINDS,
  type DeliveryKind,
  SERVICE_CATEGORIES,
  type ServiceCategory,
} from "../../domain/services/categories";
import { oneOf } from "./checks";
import { baseRef, created, updated, userRef } from "./columns";
import { incubations } from "./incubation";
import { organizations } from "./organizations";

export const serviceDeliveries = pgTable(
  "service_deliveries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    baseId: baseRef(),
    kind: text("kind").$type<DeliveryKind>().notNull(),
    /** The record that delivered it (service record, training attendance, mentoring session). */
    sourceId: uuid("source_id").notNull(),
    category: text("category").$type<ServiceCategory>().notNull(),
    /** The organization served; null when a person was served on their own. */
    organizationId: uuid("organization_id").references(() => organizations.id),
    /** The person served, where one was (a training's participant). */
    personId: userRef("person_id"),
    /** The organization's incubation at the time, when it had one open. */
    incubationId: uuid("incubation_id").references(() => incubations.id),
    /** The organization's residency when served (the share of virtual organizations served). */
    residency: text("residency").$type<Residency>(),
    deliveredOn: date("delivered_on").notNull(),
    minutes: integer("minutes").notNull().default(0),
    /** The served party's rating (1-5), once given. */
    rating: smallint("rating"),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    oneOf("service_deliveries_kind", t.kind, DELIVERY_KINDS),
    oneOf("service_deliveries_category", t.category, SERVICE_CATEGORIES),
    oneOf("service_deliveries_residency", t.residency, RESIDENCIES),
    check("service_deliveries_minutes", sql`${t.minutes} >= 0 AND ${t.minutes} <= 100000`),
    check("service_deliveries_rating", sql`${t.rating} BETWEEN 1 AND 5`),
    check("service_deliveries_served", sql`${t.organizationId} IS NOT NULL OR ${t.personId} IS NOT NULL`),
    // One row per source and party served: a record for 12 organizations is 12 rows.
    unique("service_deliveries_source")
      .on(t.kind, t.sourceId, t.organizationId, t.personId)
      .nullsNotDistinct(),
    index("service_deliveries_base_month").on(t.baseId, t.deliveredOn),
    index("service_deliveries_organization").on(t.organizationId, t.deliveredOn),
  ],
);
