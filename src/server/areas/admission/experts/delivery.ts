/**
 * The texts and emails that carry an invitation or a sign-in link, queued in the outboxes in the
 * caller's transaction (the outbox workers send them, like every notice). An invitation goes to
 * someone who may have no account yet, so it does not pass through notify(): no bell, no
 * channel settings, the addresses staff typed. The link is absolute (the origin of the staff's
 * request), since it is opened from a phone's message app.
 */
import type { Db } from "../../../../db/client";
import { emailOutbox, smsOutbox } from "../../../../db/schema";

const PREFIX = "【社会组织孵化基地】";
const SUBJECT_PREFIX = "【社会组织孵化基地】";

/** "2026年12月21日" in Asia/Shanghai. */
function shanghaiDay(date: Date): string {
  const local = new Date(date.getTime() + 8 * 3_600_000);
  return `${local.getUTCFullYear()}年${local.getUTCMonth() + 1}月${local.getUTCDate()}日`;
}
function shanghaiTime(date: Date): string {
  const local = new Date(date.getTime() + 8 * 3_600_000);
  const hh = String(local.getUTCHours()).padStart(2, "0");
  const mm = String(local.getUTCMinutes()).padStart(2, "0");
  return `${local.getUTCMonth() + 1}月${local.getUTCDate()}日${hh}:${mm}`;
}

export function joinLink(origin: string, token: string): string {
  return `${origin}/experts/join?token=${token}`;
}

export function signInLinkUrl(origin: string, token: string): string {
  return `${origin}/experts/sign-in?token=${token}`;
}

export interface InvitationMessage {
  baseId: string;
  baseName: string;
  name: string;
  mobile: string | null;
  email: string | null;
  message: string | null;
  expiresAt: Date;
  link: string;
}

/** Queues the invitation's text and email; says which went. */
export async function queueInvitation(
  tx: Db,
  m: InvitationMessage,
): Promise<{ sms: boolean; email: boolean }> {
  if (m.mobile) {
    await tx.insert(smsOutbox).values({
      baseId: m.baseId,
      userId: null,
      mobile: m.mobile,
      body: `${PREFIX}${m.name}您好，${m.baseName}诚邀您担任评审专家，请于${shanghaiDay(m.expiresAt)}前打开链接接受邀请：${m.link}`,
    });
  }
  if (m.email) {
    await tx.insert(emailOutbox).values({
      baseId: m.baseId,
      toAddress: m.email,
      subject: `${SUBJECT_PREFIX}评审专家邀请 / Invitation to review`,
      body: [
        `${m.name}，您好：`,
        "",
        `${m.baseName}诚邀您担任入壳评审的评审专家。`,
        ...(m.message ? ["", m.message] : []),
        "",
        `请于${shanghaiDay(m.expiresAt)}前打开以下链接，设置密码即可接受邀请：`,
        m.link,
        "",
        "——",
        `${m.baseName} invites you to review applications as an external expert.`,
        `Open this link by ${m.expiresAt.toISOString().slice(0, 10)} (UTC) and set a password to accept:`,
        m.link,
        "",
        "（本邮件由系统自动发送，请勿直接回复。This email was sent automatically; please do not reply.）",
      ].join("\n"),
    });
  }
  return { sms: !!m.mobile, email: !!m.email };
}

export interface SignInLinkMessage {
  baseId: string;
  userId: string;
  displayName: string;
  mobile: string | null;
  email: string | null;
  expiresAt: Date;
  link: string;
}

/** Queues a sign-in link to the expert's account mobile and/or email. */
export async function queueSignInLink(
  tx: Db,
  m: SignInLinkMessage,
  channels: { sms: boolean; email: boolean },
): Promise<{ sms: boolean; email: boolean }> {
  const sms = channels.sms && !!m.mobile;
  const email = channels.email && !!m.email;
  if (sms) {
    await tx.insert(smsOutbox).values({
      baseId: m.baseId,
      userId: m.userId,
      mobile: m.mobile as string,
      body: `${PREFIX}${m.displayName}您好，请点击链接直接登录查看评审任务（仅可使用一次，${shanghaiTime(m.expiresAt)}前有效）：${m.link}`,
    });
  }
  if (email) {
    await tx.insert(emailOutbox).values({
      baseId: m.baseId,
      toAddress: m.email as string,
      subject: `${SUBJECT_PREFIX}评审登录链接 / Your sign-in link`,
      body: [
        `${m.displayName}，您好：`,
        "",
        `请打开以下链接直接登录，查看您的评审任务。链接只能使用一次，${shanghaiTime(m.expiresAt)}（北京时间）前有效：`,
        m.link,
        "",
        "——",
        `Open this link to sign in and see your reviews. It works once, until ${m.expiresAt.toISOString().slice(0, 16).replace("T", " ")} UTC:`,
        m.link,
        "",
        "如非本人操作，请忽略本邮件。If you did not expect this, ignore it.",
      ].join("\n"),
    });
  }
  return { sms, email };
}
