/**
 * The records the role × route matrix needs for the review meeting, decisions and the public
 * notice: a closed round with the demo member's application ("own") and another one in review,
 * and a second round with an admitted application, its public notice and one objection.
 */
import { eq } from "drizzle-orm";
import { admissionDecisions, admissionNotices, applications, noticeObjections } from "../../../src/db/schema";
import type { TestApp } from "../../support/app";
import { roundWithReviews } from "./ranking-fixtures";

export interface DecisionIds {
  round: string;
  roundOwnApplication: string;
  roundOtherApplication: string;
  notice: string;
  objection: string;
}

export async function decisionFixtures(t: TestApp, ownOrganizationId: string): Promise<DecisionIds> {
  const round = await roundWithReviews(t, {
    scores: [
      [
        [8, 4],
        [7, 3],
      ],
      [
        [6, 3],
        [5, 2],
      ],
    ],
    organizationIds: [ownOrganizationId],
  });
  const noticed = await roundWithReviews(t, { scores: [[[9, 5]]] });
  const admitted = noticed.applicationIds[0] as string;
  await t.db.update(applications).set({ status: "admitted" }).where(eq(applications.id, admitted));
  await t.db.insert(admissionDecisions).values({
    baseId: t.baseId,
    applicationId: admitted,
    roundId: noticed.roundId,
    track: "org",
    decision: "admitted",
    reason: "矩阵测试",
  });
  const [notice] = await t.db
    .insert(admissionNotices)
    .values({
      baseId: t.baseId,
      roundId: noticed.roundId,
      title: "矩阵测试公示",
      startsAt: new Date(Date.now() - 86_400_000),
      endsAt: new Date(Date.now() + 5 * 86_400_000),
      applicationIds: [admitted],
    })
    .returning();
  const [objection] = await t.db
    .insert(noticeObjections)
    .values({
      baseId: t.baseId,
      noticeId: notice?.id as string,
      objector: "矩阵测试",
      body: "异议",
      receivedAt: new Date(),
    })
    .returning();
  return {
    round: round.roundId,
    roundOwnApplication: round.applicationIds[0] as string,
    roundOtherApplication: round.applicationIds[1] as string,
    notice: notice?.id as string,
    objection: objection?.id as string,
  };
}
