/**
 * The records the role × route matrix needs for the funds, settings and projects of issue 13: a
 * seed fund and the `partner` account's own partner fund, the member's organization's project
 * (on its open incubation), another organization's project granted from the partner's fund, a
 * draft to cancel, and two replication sites to remove.
 */
import { eq } from "drizzle-orm";
import { flagshipProgrammes, funds, projects, replicationSites, users } from "../../../src/db/schema";
import type { TestApp } from "../../support/app";
import { fund, grant, project } from "./support";

export interface FundingProjectIds {
  seedFund: string;
  partnerFund: string;
  ownProject: string;
  otherProject: string;
  draftProject: string;
  programme: string;
  site: string;
}

export async function fundingProjectFixtures(
  t: TestApp,
  ownOrg: string,
  incubationIds: { ownIncubation: string; otherIncubation: string },
  otherOrg: string,
): Promise<FundingProjectIds> {
  const [partnerUser] = await t.db
    .select({ p: users.partnerId })
    .from(users)
    .where(eq(users.username, "partner"));
  const seed = await fund(t, { kind: "seed_fund" });
  const partnerFund = await fund(t, { kind: "partner_fund", partnerId: partnerUser?.p ?? null });
  const own = await project(t, ownOrg, { incubationId: incubationIds.ownIncubation });
  const other = await project(t, otherOrg, { incubationId: incubationIds.otherIncubation });
  await grant(t, other, partnerFund, { status: "approved" });
  const draft = await project(t, otherOrg, { incubationId: incubationIds.otherIncubation, status: "draft" });
  const [site] = await t.db
    .insert(replicationSites)
    .values({ baseId: t.baseId, projectId: own.id, town: "矩阵街道", community: "矩阵社区", year: 2027 })
    .returning();
  const [programme] = await t.db
    .insert(flagshipProgrammes)
    .values({ baseId: t.baseId, name: "矩阵测试工程" })
    .returning();
  return {
    seedFund: seed.id,
    partnerFund: partnerFund.id,
    ownProject: own.id,
    otherProject: other.id,
    draftProject: draft.id,
    programme: programme?.id as string,
    site: site?.id as string,
  };
}

/** A fund's or a project's current version, for the versioned writes of the matrix. */
export async function fundVersion(t: TestApp, id: string): Promise<number> {
  const [row] = await t.db.select({ v: funds.version }).from(funds).where(eq(funds.id, id));
  return row?.v ?? 1;
}
export async function projectVersion(t: TestApp, id: string): Promise<number> {
  const [row] = await t.db.select({ v: projects.version }).from(projects).where(eq(projects.id, id));
  return row?.v ?? 1;
}

/** A whole project body (the framework, no indicators) for PUT and POST. */
export const projectBody = (title: string) => ({
  title,
  need: "",
  beneficiaries: "",
  sites: [],
  fields: [],
  goal: "",
  outcomes: [],
  outputs: [],
  activities: [],
  indicators: [],
});
