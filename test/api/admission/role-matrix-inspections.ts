/**
 * The records the role × route matrix needs for stage 2's inspections: a planned inspection the
 * demo expert is named on ("inspected by the expert"), one they are not, and an application that
 * is not accepted (so a plan by staff answers 409, proving the policy let them through).
 */
import { make } from "../../factories";
import type { TestApp } from "../../support/app";
import { applicationIn } from "../recruitment/intake-support";
import { plan, userId } from "./inspection-support";

export interface InspectionIds {
  /** An inspection the demo expert is named on. */
  expertInspection: string;
  /** An inspection only staff inspect. */
  staffInspection: string;
  /** An application still waiting for intake: not plannable. */
  submittedApplication: string;
  /** An accepted application (screen-out, its inspection). */
  acceptedApplication: string;
  expertId: string;
}

export async function inspectionFixtures(t: TestApp): Promise<InspectionIds> {
  const staff = await t.signIn("staff");
  const callId = (await make(t).call()).id;
  const expertId = await userId(t, "expert");
  const staffId = await userId(t, "staff");
  const one = await applicationIn(t, "accepted", { callId });
  const two = await applicationIn(t, "accepted", { callId });
  const submitted = await applicationIn(t, "submitted", { callId });
  const accepted = await applicationIn(t, "accepted", { callId });
  return {
    expertInspection: await plan(staff, one.id, [expertId]),
    staffInspection: await plan(staff, two.id, [staffId]),
    submittedApplication: submitted.id,
    acceptedApplication: accepted.id,
    expertId,
  };
}
