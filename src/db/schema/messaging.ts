/**
 * Reaching people: in-app notifications (the bell), the email and SMS outboxes (sent by a worker,
 * retried), each user's choice of channels, and one-time phone codes for applicant registration.
 */
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts";
import { bases } from "./bases";

export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    baseId: uuid("base_id")
      .notNull()
      .references(() => bases.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    /** A message key the web app renders in the reader's language, with `params`. */
    kind: text("kind").notNull(),
    params: jsonb("params").$type<Record<string, string | number | null>>().notNull(),
    /** Where a click goes, a path of the web app. */
    link: text("link"),
    readAt: timestamp("read_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("notifications_user").on(t.userId, t.readAt, t.createdAt)],
);

/**
 * The columns the outbox worker (areas/platform/notifications/outbox-worker.ts) reads and writes
 * on every channel's table, by name in raw SQL: one definition, so the channels cannot drift
 * apart. Each channel names its statuses (SMS adds `cancelled`); every row starts `pending`.
 */
function outboxBookkeeping<const Status extends readonly ["pending", ...string[]]>(statuses: Status) {
  return {
    status: text("status", { enum: statuses })
      .notNull()
      .default("pending" as Status[number]),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    lastError: text("last_error"),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  };
}

/** Email waits here in the transaction that caused it; a worker sends and retries. */
export const emailOutbox = pgTable(
  "email_outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    baseId: uuid("base_id").references(() => bases.id),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    ...outboxBookkeeping(["pending", "sent", "failed"]),
  },
  (t) => [index("email_outbox_due").on(t.status, t.nextAttemptAt)],
);

/**
 * Text messages of important notices wait here in the transaction that caused them; the same
 * worker shape as email sends them (areas/notifications/outbox.ts), within the gateway's daily
 * cap per number and outside quiet hours. The row id goes to the gateway as the message id, so
 * a resend after an uncertain failure can be recognised there. `cancelled`: not sent, because the
 * recipient turned SMS off or changed number while it waited (the reason in `last_error`).
 */
export const smsOutbox = pgTable(
  "sms_outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    baseId: uuid("base_id").references(() => bases.id),
    userId: uuid("user_id").references(() => users.id, { onDelete: "cascade" }),
    mobile: text("mobile").notNull(),
    body: text("body").notNull(),
    ...outboxBookkeeping(["pending", "sent", "failed", "cancelled"]),
  },
  (t) => [index("sms_outbox_due").on(t.status, t.nextAttemptAt)],
);

/**
 * A user's choice of channels beyond the bell (which is always on). No row: the defaults of
 * src/domain/notification-channels.ts. `language` is the language of their texts (emails carry both)
 * (null: Chinese).
 */
export const notificationSettings = pgTable("notification_settings", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  baseId: uuid("base_id")
    .notNull()
    .references(() => bases.id),
  email: boolean("email").notNull(),
  sms: boolean("sms").notNull(),
  language: text("language", { enum: ["zh-CN", "en"] }),
  version: integer("version").notNull().default(1),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** One-time codes that confirm a phone number (stored hashed, short-lived, few attempts). */
export const phoneCodes = pgTable(
  "phone_codes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    mobile: text("mobile").notNull(),
    purpose: text("purpose", { enum: ["register", "reset_password"] }).notNull(),
    codeHash: text("code_hash").notNull(),
    attempts: integer("attempts").notNull().default(0),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    consumedAt: timestamp("consumed_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("phone_codes_mobile").on(t.mobile, t.purpose, t.createdAt),
    index("phone_codes_expires").on(t.expiresAt),
  ],
);
