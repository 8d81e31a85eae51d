/**
 * Tells people something happened: one in-app notification per recipient (the bell) and, for
 * recipients with an email address, a row in the email outbox, all in the caller's transaction so
 * a notice exists exactly when its change does. The outbox worker (areas/notifications) sends.
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { notifications, users } from "../db/schema";
import type { NotificationKind } from "../schemas/platform/notifications";
import { enqueueNotificationEmails } from "./areas/platform/notifications/email";

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
  await enqueueNotificationEmails(tx, notice, recipients);
}

async function recipientRows(tx: Db, r: Recipients) {
  const columns = { id: users.id, email: users.email, displayName: users.displayName };
  const active = eq(users.status, "active");
  switch (r.kind) {
    case "users":
      return r.userIds.length === 0
        ? []
        : tx
            .select(columns)
            .from(users)
            .where(and(inArray(users.id, r.userIds), active));
    case "organization":
      return tx
        .select(columns)
        .from(users)
        .where(and(eq(users.organizationId, r.organizationId), active));
    case "staff":
      return tx
        .select(columns)
        .from(users)
        .where(
          and(eq(users.baseId, r.baseId), active, sql`${users.roles} && ARRAY['staff','admin']::text[]`),
        );
  }
}
