/**
 * The records the role × route matrix needs for stage 4's assessments: an incubation of the demo
 * member's organization with a self-assessment draft and an assessor draft naming the demo
 * expert, a submitted pair (midterm) the member may compare, and a cohort. Written straight to the
 * database (the incubation pages are another area).
 */
import { and, eq, notInArray } from "drizzle-orm";
import { assessments, incubations, users } from "../../../src/db/schema";
import type { TestApp } from "../../support/app";
import { activate, cohort, incubation, publishedVersion } from "./assessments-support";

export interface AssessmentIds {
  ownIncubation: string;
  selfDraft: string;
  assessorDraft: string;
  selfSubmitted: string;
  assessorSubmitted: string;
  cohort: string;
}

async function idOf(t: TestApp, username: string): Promise<string> {
  const [row] = await t.db.select().from(users).where(eq(users.username, username));
  if (!row) throw new Error(`no ${username}`);
  return row.id;
}

export async function assessmentFixtures(t: TestApp, organizationId: string): Promise<AssessmentIds> {
  const versionId = await publishedVersion(t);
  await activate(t, "org", versionId);
  const cohortId = await cohort(t);
  // The organization has at most one open incubation: another area's fixture may have made it.
  const [open] = await t.db
    .select({ id: incubations.id })
    .from(incubations)
    .where(
      and(
        eq(incubations.organizationId, organizationId),
        notInArray(incubations.status, ["graduated", "terminated"]),
      ),
    );
  const incubationId = open?.id ?? (await incubation(t, organizationId, cohortId));
  const common = {
    baseId: t.baseId,
    incubationId,
    organizationId,
    instrumentVersionId: versionId,
  };
  const expertId = await idOf(t, "expert");
  const memberId = await idOf(t, "member");
  const scored = {
    total: "50.00",
    result: { governance: { score: 50, coverage: 1 }, finance: { score: 50, coverage: 1 } },
  };
  const rows = await t.db
    .insert(assessments)
    .values([
      { ...common, phase: "baseline", side: "self", assessorId: memberId },
      { ...common, phase: "baseline", side: "assessor", assessorId: expertId },
      {
        ...common,
        phase: "midterm",
        side: "self",
        assessorId: memberId,
        status: "submitted",
        submittedAt: new Date(),
        ...scored,
      },
      {
        ...common,
        phase: "midterm",
        side: "assessor",
        status: "submitted",
        submittedAt: new Date(),
        ...scored,
      },
    ])
    .returning({ id: assessments.id });
  return {
    ownIncubation: incubationId,
    selfDraft: rows[0]?.id as string,
    assessorDraft: rows[1]?.id as string,
    selfSubmitted: rows[2]?.id as string,
    assessorSubmitted: rows[3]?.id as string,
    cohort: cohortId,
  };
}
