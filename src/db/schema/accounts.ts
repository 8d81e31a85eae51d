import { sql } from "drizzle-orm";
import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { ROLES, type Role } from "../../domain/roles";
import { bases, towns } from "./bases";
import { eachOf } from "./checks";
import { organizations } from "./organizations";
import { partners } from "./partners";

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    baseId: uuid("base_id")
      .notNull()
      .references(() => bases.id),
    username: text("username").notNull(),
    mobile: text("mobile"),
    /** When the user proved the mobile is theirs with a phone code (registration); null: never. */
    mobileConfirmedAt: timestamp("mobile_confirmed_at", { withTimezone: true }),
    email: text("email"),
    displayName: text("display_name").notNull(),
    passwordHash: text("password_hash").notNull(),
    roles: text("roles").array().$type<Role[]>().notNull(),
    organizationId: uuid("organization_id").references(() => organizations.id),
    crossBase: boolean("cross_base").notNull().default(false),
    /** A community liaison's town (镇街): the figures they see are that town's. */
    townId: uuid("town_id").references(() => towns.id),
    /** A partner user's partner: what they see is what concerns it. */
    partnerId: uuid("partner_id").references(() => partners.id),
    status: text("status", { enum: ["active", "disabled"] })
      .notNull()
      .default("active"),
    mustChangePassword: boolean("must_change_password").notNull().default(false),
    failedLoginCount: integer("failed_login_count").notNull().default(0),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    lastLoginAt: timestamp("last_login_at", { withTimezone: true }),
    passwordChangedAt: timestamp("password_changed_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    eachOf("users_roles_known", t.roles, ROLES),
    // Sign-in is by account name or mobile across the installation, so both are unique globally.
    uniqueIndex("users_username").on(sql`lower(${t.username})`),
    uniqueIndex("users_mobile").on(t.mobile),
    index("users_base").on(t.baseId, t.createdAt),
    index("users_organization").on(t.baseId, t.organizationId),
    index("users_partner").on(t.partnerId),
  ],
);

/** Server-side sessions: the cookie holds a random token, the row holds its SHA-256. */
export const sessions = pgTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    ip: text("ip"),
    userAgent: text("user_agent"),
  },
  (t) => [index("sessions_user").on(t.userId), index("sessions_expires").on(t.expiresAt)],
);

/** Fixed-window counters (e.g. failed sign-ins per client address), shared by all instances. */
export const rateLimits = pgTable(
  "rate_limits",
  {
    key: text("key").primaryKey(),
    windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
    count: integer("count").notNull(),
  },
  // For the hourly sweep of windows long past (src/server/housekeeping.ts).
  (t) => [index("rate_limits_window_start").on(t.windowStart)],
);
