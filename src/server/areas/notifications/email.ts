/**
 * Email copies of notifications, queued in the email outbox in the same transaction.
 * (Helper-owned: the renderer and the worker that sends with SMTP live in this folder.)
 */
import type { Db } from "../../../db/client";
import { emailOutbox } from "../../../db/schema";
import type { Notice } from "../../notify";

export async function enqueueNotificationEmails(
  tx: Db,
  notice: Notice,
  recipients: { id: string; email: string | null; displayName: string }[],
): Promise<void> {
  const withEmail = recipients.filter((r) => r.email);
  if (withEmail.length === 0) return;
  await tx.insert(emailOutbox).values(
    withEmail.map((r) => ({
      baseId: notice.baseId,
      toAddress: r.email as string,
      subject: `[孵化基地] ${notice.kind}`,
      body: JSON.stringify(notice.params),
    })),
  );
}
