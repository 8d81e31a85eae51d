/**
 * The columns every area's tables share, written once: creation and update times, a nullable
 * instant, the owning base, a user reference.
 */
import { timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts";
import { bases } from "./bases";

export const created = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
export const updated = () => timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();
export const at = (name: string) => timestamp(name, { withTimezone: true });
export const baseRef = () =>
  uuid("base_id")
    .notNull()
    .references(() => bases.id);
export const userRef = (name: string) => uuid(name).references(() => users.id);
