/** Shared set-up of the incubation tests: an admitted place ready to confirm, a cohort, a direct enrolment. */
import { eq } from "drizzle-orm";
import { admissionDecisions, users } from "../../../src/db/schema";
import type { Track } from "../../../src/domain/call";
import { make } from "../../factories";
import type { Client, TestApp } from "../../support/app";
import { otherMember } from "../recruitment/applications-support";

export const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

export async function staffId(t: TestApp, username = "staff"): Promise<string> {
  const [row] = await t.db.select().from(users).where(eq(users.username, username));
  return row?.id as string;
}

/**
 * An organization with a member account whose application is admitted, the decision final and
 * the place to confirm within ten days.
 */
export async function admittedPlace(t: TestApp, track: Track = "org") {
  const { client, organizationId } = await otherMember(t);
  const call = await make(t).call();
  const application = await make(t).application({
    callId: call.id,
    organizationId,
    track,
    status: "admitted",
    submissionCount: 1,
    version: 3,
  });
  const decidedBy = await staffId(t);
  await t.db.insert(admissionDecisions).values({
    baseId: t.baseId,
    applicationId: application.id,
    track,
    decision: "admitted",
    reason: "综合排名靠前",
    decidedBy,
    finalAt: new Date(Date.now() - 86_400_000),
    confirmBy: new Date(Date.now() + 10 * 86_400_000),
  });
  return { member: client, organizationId, applicationId: application.id, decidedBy };
}

export async function newCohort(staff: Client, name: string, startsOn = today()) {
  const res = await staff.post("/api/cohorts", { name, startsOn });
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json() as { id: string; name: string };
}

export async function enrol(staff: Client, body: Record<string, unknown>) {
  return staff.post("/api/incubations", {
    track: "org",
    residency: "virtual",
    startOn: today(),
    reason: "区民政局推荐",
    ...body,
  });
}
