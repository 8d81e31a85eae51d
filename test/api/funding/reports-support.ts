/**
 * A running grant with its reports scheduled, the grantee's member and the fund's partner user,
 * for the progress report tests.
 */
import { and, eq } from "drizzle-orm";
import { grantTranches, progressReports } from "../../../src/db/schema";
import type { GrantStatus } from "../../../src/domain/funding/grant";
import type { Client, TestApp } from "../../support/app";
import { memberOf, partnerWithUser } from "../services/support";
import { fund, grant, project } from "./support";

export async function runningGrant(t: TestApp, staff: Client, status: GrantStatus = "active") {
  const member = await memberOf(t);
  const partner = await partnerWithUser(t);
  const f = await fund(t, { kind: "partner_fund", partnerId: partner.partner.id });
  const p = await project(t, member.organization.id);
  const g = await grant(t, p, f, { status });
  // The first tranche was paid on signing (what makes a grant active).
  if (status === "active")
    await t.db
      .update(grantTranches)
      .set({ status: "paid", paidAt: new Date() })
      .where(and(eq(grantTranches.grantId, g.id), eq(grantTranches.seq, 1)));
  return { member, partner, fund: f, project: p, grant: g, staff };
}

export async function schedule(t: TestApp, staff: Client, grantId: string) {
  const res = await staff.post(`/api/grants/${grantId}/reports/schedule`, {});
  if (res.statusCode !== 200) throw new Error(res.body);
  return (await t.db.select().from(progressReports).where(eq(progressReports.grantId, grantId))).sort(
    (a, b) => a.periodStart.localeCompare(b.periodStart),
  );
}

/** A complete report body for the project built by `project()` (its two indicators, two activities). */
export async function fullBody(client: Client, reportId: string, extra: Record<string, unknown> = {}) {
  const view = (await client.get(`/api/reports/${reportId}`)).json();
  return {
    version: view.version,
    narrative: "本季度开展送餐 12 次、营养讲座 2 场。",
    problems: "志愿者不足",
    newPeople: 40,
    activityCounts: [
      { activity: "每周送餐", personTimes: 120 },
      { activity: "营养讲座", personTimes: 35 },
    ],
    values: view.indicators.map((i: { indicatorId: string }, k: number) => ({
      indicatorId: i.indicatorId,
      value: k === 0 ? "3" : "40.5",
      evidence: "签到表",
    })),
    fileIds: [],
    ...extra,
  };
}
