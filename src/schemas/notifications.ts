/**
 * In-app notifications. The server stores a kind and params; the web app and the emails render
 * them in the reader's language from NOTIFICATION_TEXTS, so one notice reads the same everywhere.
 */
import { z } from "zod";

export const NOTIFICATION_KINDS = ["application_status", "application_message"] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const ZNotification = z.object({
  id: z.uuid(),
  kind: z.enum(NOTIFICATION_KINDS),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
  link: z.string().nullable(),
  readAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});
export type Notification = z.infer<typeof ZNotification>;
