/**
 * The records the role × route matrix needs for the funding results: a project of the demo
 * member's organization (its open incubation) granted from the demo partner's fund, and a project
 * of another organization granted from a base fund.
 */
import { eq } from "drizzle-orm";
import { incubations, users } from "../../../src/db/schema";
import { make } from "../../factories";
import type { TestApp } from "../../support/app";
import { fund, grant, project } from "./support";

export interface ResultsIds {
  resultsProject: string;
  resultsOtherProject: string;
}

export async function resultsFixtures(t: TestApp, ownOrganizationId: string): Promise<ResultsIds> {
  const [partnerUser] = await t.db
    .select({ partnerId: users.partnerId })
    .from(users)
    .where(eq(users.username, "partner"));
  const [incubation] = await t.db
    .select({ id: incubations.id })
    .from(incubations)
    .where(eq(incubations.organizationId, ownOrganizationId))
    .limit(1);
  const own = await project(t, ownOrganizationId, incubation ? { incubationId: incubation.id } : {});
  await grant(t, own, await fund(t, { kind: "partner_fund", partnerId: partnerUser?.partnerId as string }), {
    status: "active",
  });
  const other = await project(t, (await make(t).organization()).id);
  await grant(t, other, await fund(t), { status: "active" });
  return { resultsProject: own.id, resultsOtherProject: other.id };
}
