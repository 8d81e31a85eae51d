import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { bases } from "./bases";

/**
 * Append-only: written in the same transaction as the change it records. A trigger (migration
 * 0001) refuses UPDATE and DELETE, so not even a bug in the app can rewrite history.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    baseId: uuid("base_id")
      .notNull()
      .references(() => bases.id),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid("actor_id"),
    actorName: text("actor_name"),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id"),
    before: jsonb("before"),
    after: jsonb("after"),
    ip: text("ip"),
    userAgent: text("user_agent"),
  },
  (t) => [
    index("audit_base_at").on(t.baseId, t.at),
    index("audit_entity").on(t.baseId, t.entityType, t.entityId),
    index("audit_actor").on(t.baseId, t.actorId, t.at),
  ],
);
