/**
 * The records the role × route matrix needs for grants: a proposed grant to a project of the demo
 * member's organization from the demo partner's fund (so the partner reads it), and one to another
 * organization from a project-grant fund (nobody outside the base's staff reads it).
 */
import { and, asc, eq, notInArray } from "drizzle-orm";
import { grantMilestones, grantTranches, incubations, users } from "../../../src/db/schema";
import type { TestApp } from "../../support/app";
import { proposal } from "./grants-support";
import { fund, grant, project } from "./support";

export interface GrantIds {
  ownGrant: string;
  otherGrant: string;
  ownGrantProject: string;
  ownTranche: string;
  ownMilestone: string;
}

/** A body that passes the contract (a project nobody has: 400 once the policy let the caller in). */
export const grantBody = (nowhere: string) => proposal(nowhere, nowhere, 100);

/** The organization's open incubation when it has one: a second would disturb the plan's rows. */
async function openIncubation(t: TestApp, organizationId: string) {
  const [row] = await t.db
    .select({ id: incubations.id })
    .from(incubations)
    .where(
      and(
        eq(incubations.organizationId, organizationId),
        notInArray(incubations.status, ["graduated", "terminated"]),
      ),
    )
    .limit(1);
  return row ? { incubationId: row.id } : {};
}

export async function grantFixtures(t: TestApp, ownOrganizationId: string, otherOrganizationId: string) {
  const [partnerUser] = await t.db
    .select({ partnerId: users.partnerId })
    .from(users)
    .where(eq(users.username, "partner"));
  const ownProject = await project(t, ownOrganizationId, await openIncubation(t, ownOrganizationId));
  const own = await grant(
    t,
    ownProject,
    await fund(t, { kind: "partner_fund", partnerId: partnerUser?.partnerId ?? null }),
  );
  const other = await grant(
    t,
    await project(t, otherOrganizationId, await openIncubation(t, otherOrganizationId)),
    await fund(t, { kind: "project_grant" }),
  );
  const [tranche] = await t.db
    .select({ id: grantTranches.id })
    .from(grantTranches)
    .where(eq(grantTranches.grantId, own.id))
    .orderBy(asc(grantTranches.seq));
  const [milestone] = await t.db
    .select({ id: grantMilestones.id })
    .from(grantMilestones)
    .where(eq(grantMilestones.grantId, own.id));
  return {
    ownGrant: own.id,
    otherGrant: other.id,
    ownGrantProject: ownProject.id,
    ownTranche: tranche?.id as string,
    ownMilestone: milestone?.id as string,
  } satisfies GrantIds;
}
