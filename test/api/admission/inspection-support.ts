/** Shared set-up of the inspection tests: plans, a complete finding, an inspector expert. */
import { eq } from "drizzle-orm";
import { inspections, users } from "../../../src/db/schema";
import type { InspectionFindingInput } from "../../../src/schemas/admission/inspections";
import type { Client, TestApp } from "../../support/app";

export async function userId(t: TestApp, username: string): Promise<string> {
  const [row] = await t.db.select({ id: users.id }).from(users).where(eq(users.username, username));
  if (!row) throw new Error(`no user ${username}`);
  return row.id;
}

const inTwoDays = () => new Date(Date.now() + 2 * 24 * 3600 * 1000).toISOString();

export function planBody(applicationId: string, inspectorIds: string[]) {
  return {
    applicationId,
    scheduledAt: inTwoDays(),
    mode: "on_site",
    place: "昌平区回龙观街道社区服务中心 302 室",
    inspectorIds,
  };
}

/** Plans through the API and answers the new inspection's id. */
export async function plan(staff: Client, applicationId: string, inspectorIds: string[]): Promise<string> {
  const res = await staff.post("/api/inspections", planBody(applicationId, inspectorIds));
  if (res.statusCode !== 200) throw new Error(`plan failed: ${res.statusCode} ${res.body}`);
  return res.json().id;
}

export async function inspectionRow(t: TestApp, id: string) {
  const [row] = await t.db.select().from(inspections).where(eq(inspections.id, id));
  if (!row) throw new Error("no inspection");
  return row;
}

/** Everything a registered organization's record needs for sign-off. */
export function completeFinding(): InspectionFindingInput {
  const check = (answer: "yes" | "no") => ({ answer, evidence: "查询信用中国与民政部门年检结果" });
  return {
    leader: {
      background: "社工专业，从事社区养老服务八年",
      commitment: "全职投入，每周驻点五天",
      skills: "项目管理与志愿者组织能力强",
      referencesChecked: true,
      referencesNote: "街道社区办主任评价积极",
    },
    businessModel: "承接政府购买服务并开展低偿助老服务",
    finances: {
      incomeSources: ["government_purchase", "donations"],
      lastYearIncomeFen: 48_000_000,
      lastYearSpendingFen: 45_500_000,
      stability: "partly_stable",
    },
    governance: "理事会五人，每季度召开会议，财务由第三方代账",
    risks: "收入集中于单一购买方",
    checks: {
      administrative_penalty_2y: check("no"),
      annual_inspection_failed: check("no"),
      no_own_bank_account: check("no"),
      abnormal_or_dishonest_listing: check("no"),
    },
    recommendation: { decision: "proceed", reason: "负责人投入稳定，服务需求明确" },
  };
}
