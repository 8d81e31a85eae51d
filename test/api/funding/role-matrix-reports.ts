/**
 * The records the role × route matrix needs for progress reports: an active grant to the demo
 * member's organization from a fund of the demo partner user's partner, with its reports
 * scheduled (the first is the one the rows call).
 */
import { asc, eq } from "drizzle-orm";
import { progressReports, users } from "../../../src/db/schema";
import { planReports } from "../../../src/domain/funding/schedule";
import type { TestApp } from "../../support/app";
import { fund, grant, project } from "./support";

export interface ReportIds {
  reportGrant: string;
  ownReport: string;
}

export async function reportFixtures(
  t: TestApp,
  ownOrganizationId: string,
  incubationId: string,
): Promise<ReportIds> {
  const [partnerUser] = await t.db
    .select({ partnerId: users.partnerId })
    .from(users)
    .where(eq(users.username, "partner"));
  const f = await fund(t, { kind: "partner_fund", partnerId: partnerUser?.partnerId ?? null });
  const p = await project(t, ownOrganizationId, { incubationId });
  const g = await grant(t, p, f, { status: "active" });
  await t.db
    .insert(progressReports)
    .values(planReports(g.startsOn, g.endsOn).map((r) => ({ baseId: g.baseId, grantId: g.id, ...r })));
  const [first] = await t.db
    .select({ id: progressReports.id })
    .from(progressReports)
    .where(eq(progressReports.grantId, g.id))
    .orderBy(asc(progressReports.periodStart))
    .limit(1);
  return { reportGrant: g.id, ownReport: first?.id as string };
}
