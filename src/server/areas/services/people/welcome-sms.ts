/**
 * The text a person staff added gets: an account was opened for them at the base, they sign in
 * with this mobile, and how they get a password. A first password staff chose is never in it (a
 * text is read on a lock screen and kept forever): it says only that staff will tell them. Queued
 * in the SMS outbox in the adding transaction, so it goes exactly when the account exists.
 */
import { eq } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { bases } from "../../../../db/schema";
import { enqueueSms } from "../../platform/notifications/sms-outbox";
import { SMS_SIGNATURE } from "../../platform/notifications/sms-text";

export async function queueWelcomeSms(
  tx: Db,
  person: { id: string; baseId: string; mobile: string },
  signIn: "initial_password" | "phone_reset",
): Promise<void> {
  const [base] = await tx.select({ name: bases.name }).from(bases).where(eq(bases.id, person.baseId));
  await enqueueSms(tx, [
    {
      baseId: person.baseId,
      userId: person.id,
      mobile: person.mobile,
      body: welcomeText(base?.name ?? "", signIn),
    },
  ]);
}

/** Chinese only: the person has chosen no language yet. */
function welcomeText(baseName: string, signIn: "initial_password" | "phone_reset"): string {
  const how =
    signIn === "initial_password"
      ? "初始密码由基地工作人员当面告知，首次登录后请修改。"
      : "请在平台登录页点“忘记密码”，用本手机号接收验证码设置密码后登录。";
  return `${SMS_SIGNATURE["zh-CN"]}${baseName}已为您开通个人账号，登录账号为本手机号。${how}`;
}
