/**
 * Tells people something happened: one in-app notification per recipient (the bell) and, on the
 * channels each recipient chose (src/domain/notification-channels.ts), a row in the email outbox
 * and, for the notices worth a text, one in the SMS outbox, all in the caller's transaction so a
 * notice exists exactly when its change does. The outbox workers (areas/notifications) send.
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { notificationSettings, notifications, users } from "../db/schema";
import { effectiveChannels } from "../domain/notification-channels";
import type { NotificationKind } from "../schemas/platform/notifications";
import { enqueueNotificationEmails } from "./areas/platform/notifications/email";
import { enqueueNotificationSms } from "./areas/platform/notifications/sms-outbox";

export type Recipients =
  | { kind: "users"; userIds: string[] }
  /** Every active member account of an organization. */
  | { kind: "organization"; organizationId: string }
  /** Every active staff and admin account of a base. */
  | { kind: "staff"; baseId: string };

export interface Notice {
  baseId: string;
  recipients: Recipients;
  kind: NotificationKind;
  params: Record<string, string | number | null>;
  /** The web app path a click opens. */
  link: string | null;
  /** Leave this user out (the one who acted needs no notice of their own act). */
  exceptUserId?: string | null;
}

export async function notify(tx: Db, notice: Notice): Promise<void> {
  const recipients = (await recipientRows(tx, notice.recipients)).filter((u) => u.id !== notice.exceptUserId);
  if (recipients.length === 0) return;
  await tx.insert(notifications).values(
    recipients.map((u) => ({
      baseId: notice.baseId,
      userId: u.id,
      kind: notice.kind,
      params: notice.params,
      link: notice.link,
    })),
  );
  const reach = recipients.map((u) => ({
    ...u,
    channels: effectiveChannels(u.email === null || u.sms === null ? null : { email: u.email, sms: u.sms }, {
      hasEmail: !!u.address,
      hasMobile: !!u.mobile,
      mobileConfirmed: u.mobileConfirmedAt !== null,
    }),
  }));
  await enqueueNotificationEmails(
    tx,
    notice,
    reach
      .filter((u) => u.channels.email)
      .map((u) => ({ id: u.id, email: u.address, displayName: u.displayName })),
  );
  // Texts are for the applicant side; staff work in the app all day.
  if (notice.recipients.kind === "staff") return;
  await enqueueNotificationSms(
    tx,
    notice,
    reach.flatMap((u) =>
      u.channels.sms && u.mobile ? [{ id: u.id, mobile: u.mobile, language: u.language ?? "zh-CN" }] : [],
    ),
  );
}

async function recipientRows(tx: Db, r: Recipients) {
  const where = recipientFilter(r);
  if (!where) return [];
  return tx
    .select({
      id: users.id,
      address: users.email,
      displayName: users.displayName,
      mobile: users.mobile,
      mobileConfirmedAt: users.mobileConfirmedAt,
      email: notificationSettings.email,
      sms: notificationSettings.sms,
      language: notificationSettings.language,
    })
    .from(users)
    .leftJoin(notificationSettings, eq(notificationSettings.userId, users.id))
    .where(and(where, eq(users.status, "active")));
}

function recipientFilter(r: Recipients) {
  switch (r.kind) {
    case "users":
      return r.userIds.length === 0 ? null : inArray(users.id, r.userIds);
    case "organization":
      return eq(users.organizationId, r.organizationId);
    case "staff":
      return and(eq(users.baseId, r.baseId), sql`${users.roles} && ARRAY['staff','admin']::text[]`);
  }
}
