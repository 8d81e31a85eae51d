/**
 * The records the role × route matrix needs for the experts: the demo expert's id, a revoked
 * invitation (resend and revoke then answer 409 to whoever gets past the policy) and a live
 * invitation's token (its page answers everyone, signed in or not).
 */
import { desc, eq } from "drizzle-orm";
import { smsOutbox, users } from "../../../src/db/schema";
import type { Client, TestApp } from "../../support/app";

export interface ExpertIds {
  expert: string;
  revokedInvitation: string;
  invitationToken: string;
}

export async function expertFixtures(t: TestApp, staff: Client): Promise<ExpertIds> {
  const [expert] = await t.db.select({ id: users.id }).from(users).where(eq(users.username, "expert"));
  const invite = async (mobile: string) => {
    const res = await staff.post("/api/expert-invitations", { name: "矩阵专家", mobile });
    if (res.statusCode !== 201) throw new Error(`invitation failed: ${res.body}`);
    const [sms] = await t.db
      .select({ body: smsOutbox.body })
      .from(smsOutbox)
      .where(eq(smsOutbox.mobile, mobile))
      .orderBy(desc(smsOutbox.createdAt))
      .limit(1);
    return {
      id: res.json().invitation.id as string,
      token: /token=([\w-]+)/.exec(sms?.body ?? "")?.[1] as string,
    };
  };
  const revoked = await invite("17788880001");
  await staff.post(`/api/expert-invitations/${revoked.id}/revoke`);
  const live = await invite("17788880002");
  return { expert: expert?.id as string, revokedInvitation: revoked.id, invitationToken: live.token };
}
