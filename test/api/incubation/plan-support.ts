/**
 * Fixtures of the plan's tests: an incubation made directly in the database (the incubation area's
 * own routes are not needed to test the plan), and a plan document to save.
 */
import { and, eq, notInArray } from "drizzle-orm";
import { cohorts, incubations } from "../../../src/db/schema";
import type { PlanSave } from "../../../src/schemas/incubation/plan";
import type { Client, TestApp } from "../../support/app";

let serial = 0;

/** An active incubation of `organizationId` (any open one it had is closed first: one at a time). */
export async function incubationOf(
  t: Pick<TestApp, "db" | "baseId">,
  organizationId: string,
  values: { startOn?: string; plannedEndOn?: string } = {},
) {
  await t.db
    .update(incubations)
    .set({ status: "terminated" })
    .where(
      and(
        eq(incubations.organizationId, organizationId),
        notInArray(incubations.status, ["graduated", "terminated"]),
      ),
    );
  const [cohort] = await t.db
    .insert(cohorts)
    .values({
      baseId: t.baseId,
      name: `计划测试第${++serial}期-${Math.random().toString(36).slice(2, 8)}`,
      startsOn: "2026-09-01",
    })
    .returning();
  const [row] = await t.db
    .insert(incubations)
    .values({
      baseId: t.baseId,
      organizationId,
      cohortId: cohort?.id as string,
      track: "org",
      residency: "resident",
      origin: "direct",
      enrolReason: "计划测试",
      startOn: values.startOn ?? "2026-09-01",
      plannedEndOn: values.plannedEndOn ?? "2027-08-31",
    })
    .returning();
  if (!row) throw new Error("fixture: incubation not created");
  return row;
}

/** A plan of one goal with two actions: the organization's (due `orgDue`) and the base's. */
export function planBody(version: number, orgDue = "2027-03-31"): PlanSave {
  return {
    version,
    summary: "围绕财务与筹资能力的一年孵化计划",
    goals: [
      {
        title: "建立规范的财务制度",
        dimensionKey: null,
        target: "年底前通过第三方财务审计",
        actions: [
          { title: "制定财务管理制度", ownerSide: "organization", dueOn: orgDue, service: "consulting" },
          { title: "安排财务培训", ownerSide: "base", dueOn: "2027-04-30", service: "resources" },
        ],
      },
    ],
  };
}

/** The plan as the reader sees it (asserts 200). */
export async function readPlan(client: Client, incubationId: string) {
  const res = await client.get(`/api/incubations/${incubationId}/plan`);
  if (res.statusCode !== 200) throw new Error(`plan read ${res.statusCode}: ${res.body}`);
  return res.json();
}

/** Saves the body, proposes and (as `agreeAs`) agrees; returns the plan read back by staff. */
export async function agreedPlan(staff: Client, agreeAs: Client, incubationId: string, body = planBody(0)) {
  const saved = await staff.put(`/api/incubations/${incubationId}/plan`, body);
  if (saved.statusCode !== 200) throw new Error(`save ${saved.statusCode}: ${saved.body}`);
  const proposed = await staff.post(`/api/incubations/${incubationId}/plan/propose`, {
    version: saved.json().version,
  });
  if (proposed.statusCode !== 200) throw new Error(`propose ${proposed.statusCode}: ${proposed.body}`);
  const agreed = await agreeAs.post(`/api/incubations/${incubationId}/plan/agree`, {
    version: proposed.json().version,
    note: "机构负责人当面确认",
  });
  if (agreed.statusCode !== 200) throw new Error(`agree ${agreed.statusCode}: ${agreed.body}`);
  return readPlan(staff, incubationId);
}
