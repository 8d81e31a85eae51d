/**
 * Email copies of notifications, queued in the email outbox in the notice's own transaction (the
 * worker in outbox.ts sends them). Users carry no language setting, so an email reads Chinese
 * first with the English after it, both from NOTIFICATION_TEXTS like the bell.
 */
import type { Db } from "../../../../db/client";
import { emailOutbox } from "../../../../db/schema";
import {
  NOTIFICATION_TEXTS,
  type NotificationKind,
  type NotificationParams,
} from "../../../../schemas/platform/notifications";

/** What of a notice an email needs (notify.ts passes its Notice). */
interface NoticeForEmail {
  baseId: string;
  kind: NotificationKind;
  params: NotificationParams;
}

const SUBJECT_PREFIX = "【社会组织孵化基地】";

function renderNotificationEmail(
  notice: NoticeForEmail,
  recipientName: string,
): { subject: string; body: string } {
  const zh = NOTIFICATION_TEXTS["zh-CN"][notice.kind](notice.params);
  const en = NOTIFICATION_TEXTS.en[notice.kind](notice.params);
  const body = [
    `${recipientName}，您好：`,
    "",
    zh.body,
    "",
    "请登录平台，在“消息通知”中查看详情。",
    "",
    "——",
    `${en.title}`,
    "",
    en.body,
    "",
    "Sign in to the platform and open Notifications for the details.",
    "",
    "（本邮件由系统自动发送，请勿直接回复。This email was sent automatically; please do not reply.）",
  ].join("\n");
  return { subject: `${SUBJECT_PREFIX}${zh.title}`, body };
}

export async function enqueueNotificationEmails(
  tx: Db,
  notice: NoticeForEmail,
  recipients: { id: string; email: string | null; displayName: string }[],
): Promise<void> {
  const withEmail = recipients.filter((r) => r.email);
  if (withEmail.length === 0) return;
  await tx.insert(emailOutbox).values(
    withEmail.map((r) => ({
      baseId: notice.baseId,
      toAddress: r.email as string,
      ...renderNotificationEmail(notice, r.displayName),
    })),
  );
}
