/**
 * The records the role × route matrix needs for stage 4's incubations: an open incubation of the
 * demo member's organization ("own", the demo's or a new one) and one of another organization.
 */
import { and, eq, notInArray } from "drizzle-orm";
import { cohorts, incubations } from "../../../src/db/schema";
import { make } from "../../factories";
import type { TestApp } from "../../support/app";

export interface IncubationIds {
  ownIncubation: string;
  otherIncubation: string;
  cohort: string;
}

export async function incubationFixtures(t: TestApp, ownOrganizationId: string): Promise<IncubationIds> {
  const [cohort] = await t.db
    .insert(cohorts)
    .values({ baseId: t.baseId, name: "矩阵测试批次", startsOn: "2026-01-01" })
    .returning();
  const cohortId = cohort?.id as string;
  const open = (organizationId: string) =>
    t.db
      .select({ id: incubations.id })
      .from(incubations)
      .where(
        and(
          eq(incubations.organizationId, organizationId),
          notInArray(incubations.status, ["graduated", "terminated"]),
        ),
      );
  const insert = async (organizationId: string) => {
    const [row] = await t.db
      .insert(incubations)
      .values({
        baseId: t.baseId,
        organizationId,
        cohortId,
        track: "org",
        residency: "virtual",
        origin: "direct",
        enrolReason: "矩阵测试",
        startOn: "2026-01-01",
        plannedEndOn: "2026-12-31",
      })
      .returning();
    return row?.id as string;
  };
  const [own] = await open(ownOrganizationId);
  return {
    ownIncubation: own?.id ?? (await insert(ownOrganizationId)),
    otherIncubation: await insert((await make(t).organization()).id),
    cohort: cohortId,
  };
}
