/**
 * The decision letter (入壳结果通知书): one per decision when the public notice closes (and for a
 * place offered from the waitlist), to the organization's accounts on the bell, by email and by
 * text through the one notification path (src/server/notify.ts). It says the outcome, the reason
 * and the summary staff released; never an expert's name, score or comment.
 */
import { eq } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { calls, organizations } from "../../../../db/schema";
import { notify } from "../../../notify";
import type { ApplicationRow } from "../../recruitment/applications/load";
import type { DecisionRow } from "./load";

export async function sendLetter(
  tx: Db,
  application: ApplicationRow,
  decision: DecisionRow,
  options: { offered?: boolean; roundTitle?: string | null } = {},
): Promise<void> {
  const [call] = await tx.select({ title: calls.title }).from(calls).where(eq(calls.id, application.callId));
  const [organization] = await tx
    .select({ name: organizations.name })
    .from(organizations)
    .where(eq(organizations.id, application.organizationId));
  await notify(tx, {
    baseId: application.baseId,
    recipients: { kind: "organization", organizationId: application.organizationId },
    kind: "admission_decision",
    params: {
      applicationId: application.id,
      decision: decision.decision,
      reason: decision.reason,
      releasedSummary: decision.releasedSummary,
      confirmBy: decision.confirmBy?.toISOString() ?? null,
      callTitle: call?.title ?? null,
      organizationName: organization?.name ?? null,
      offered: options.offered ? 1 : 0,
    },
    link: `/my-applications/${application.id}`,
  });
}
