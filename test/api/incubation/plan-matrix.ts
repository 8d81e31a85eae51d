/**
 * The records the role × route matrix needs for the incubation plan: an incubation of the demo
 * member's organization with an agreed plan (one need, an action the organization owns), and an
 * incubation of another organization.
 */

import { make } from "../../factories";
import type { Client, TestApp } from "../../support/app";
import { agreedPlan, incubationOf } from "./plan-support";

export interface PlanIds {
  /** The member's own organization's incubation, its plan agreed. */
  planIncubation: string;
  /** Another organization's incubation. */
  otherPlanIncubation: string;
  planNeed: string;
  /** The organization's action of the agreed plan. */
  planAction: string;
}

export async function planFixtures(
  t: TestApp,
  staff: Client,
  member: Client,
  ownOrg: string,
): Promise<PlanIds> {
  const own = await incubationOf(t, ownOrg);
  const other = await incubationOf(t, (await make(t).organization()).id);
  const need = await staff.post(`/api/incubations/${own.id}/needs`, {
    category: "information",
    title: "矩阵测试需求",
    source: "interview",
  });
  const plan = await agreedPlan(staff, member, own.id);
  return {
    planIncubation: own.id,
    otherPlanIncubation: other.id,
    planNeed: need.json().id,
    planAction: plan.plan.goals[0].actions[0].id,
  };
}
