/**
 * A user's own choice of notification channels (the account page). The bell is always on; email
 * and SMS are switches; `language` is the language of their texts (emails carry both).
 */
import { z } from "zod";

const ZMessageLanguage = z.enum(["zh-CN", "en"]);

export const ZNotificationSettings = z.object({
  email: z.boolean(),
  sms: z.boolean(),
  language: ZMessageLanguage,
  /** Where the channels go: the account's email address, and its mobile masked. */
  emailAddress: z.string().nullable(),
  mobile: z.string().nullable(),
  /** The installation's limits on texts, to tell the user when theirs will come. */
  smsLimits: z.object({
    dailyCap: z.number().int(),
    /** Quiet hours in Asia/Shanghai as HH:MM, or null when texts go at any hour. */
    quietFrom: z.string().nullable(),
    quietUntil: z.string().nullable(),
  }),
  /** 0 until the user first saves (the defaults are shown); then 1, 2, … */
  version: z.number().int().min(0),
});
export type NotificationSettings = z.infer<typeof ZNotificationSettings>;

export const ZNotificationSettingsUpdate = z.object({
  email: z.boolean({ error: "required" }),
  sms: z.boolean({ error: "required" }),
  language: ZMessageLanguage,
  version: z.number().int().min(0),
});
export type NotificationSettingsUpdate = z.input<typeof ZNotificationSettingsUpdate>;
