/**
 * Builders of funding records straight through the data layer, for tests that need a fund, a
 * project or a grant in a given state without walking the whole set-up through the API.
 */
import {
  funds,
  grantBudgetLines,
  grantMilestones,
  grants,
  grantTranches,
  projectIndicators,
  projects,
} from "../../../src/db/schema";
import type { FundKind, GrantStatus, TrancheCondition } from "../../../src/domain/funding/grant";
import type { TestApp } from "../../support/app";
import { cohort, incubation } from "../incubation/assessments-support";

let serial = 0;
const next = () => `${++serial}-${Math.random().toString(36).slice(2, 6)}`;

type T = Pick<TestApp, "db" | "baseId">;

/** A fund of `kind` holding `capacityFen` (CNY 1,000,000 unless given). */
export async function fund(
  t: T,
  values: { kind?: FundKind; capacityFen?: number; partnerId?: string | null; baseId?: string } = {},
) {
  const kind = values.kind ?? "project_grant";
  const [row] = await t.db
    .insert(funds)
    .values({
      baseId: values.baseId ?? t.baseId,
      kind,
      name: `测试资金${next()}`,
      partnerId: kind === "partner_fund" ? (values.partnerId ?? null) : null,
      capacityFen: values.capacityFen ?? 100_000_000,
      year: 2027,
    })
    .returning();
  if (!row) throw new Error("factory: fund not created");
  return row;
}

/**
 * An active project of an open incubation of `organizationId` (a new one in a new cohort), with
 * two indicators (an output of 10 activities and an outcome of 200 people).
 */
export async function project(
  t: T,
  organizationId: string,
  values: Partial<typeof projects.$inferInsert> & { track?: "project" | "combined" | "org" } = {},
) {
  const baseId = values.baseId ?? t.baseId;
  const incubationId =
    values.incubationId ??
    (await incubation(t, organizationId, await cohort(t, baseId), {
      track: values.track ?? "project",
      baseId,
    }));
  const [row] = await t.db
    .insert(projects)
    .values({
      baseId,
      incubationId,
      organizationId,
      title: `社区老年助餐项目${next()}`,
      need: "社区独居老人用餐困难",
      beneficiaries: "社区60岁以上独居老人",
      targetPeople: 200,
      sites: [{ town: "城北街道", community: "新华社区" }],
      fields: ["health"],
      goal: "独居老人吃得上、吃得好",
      outcomes: ["老人营养状况改善"],
      outputs: ["建成助餐点2个"],
      activities: ["每周送餐", "营养讲座"],
      status: "active",
      ...values,
    })
    .returning();
  if (!row) throw new Error("factory: project not created");
  await t.db.insert(projectIndicators).values([
    {
      baseId,
      projectId: row.id,
      level: "output",
      name: "开展活动场次",
      unit: "场",
      baselineValue: "0",
      targetValue: "10",
      method: "活动签到表",
      frequency: "quarterly",
      sortOrder: 0,
    },
    {
      baseId,
      projectId: row.id,
      level: "outcome",
      name: "服务老人人数",
      unit: "人",
      baselineValue: "0",
      targetValue: "200",
      method: "服务台账",
      frequency: "quarterly",
      sortOrder: 1,
    },
  ]);
  return row;
}

export interface GrantOptions {
  status?: GrantStatus;
  amountFen?: number;
  preparedBy?: string | null;
  /** The tranches' amounts (two equal halves unless given), the first on signing, the second after the mid-term. */
  tranches?: { amountFen: number; condition: TrancheCondition }[];
}

/**
 * A grant from `fundId` to `projectId` in `status` (proposed unless given), with two budget lines
 * (activities 60%, materials 40%), two tranches and one milestone.
 */
export async function grant(
  t: T,
  project: { id: string; organizationId: string; baseId: string },
  fundRow: { id: string; kind: FundKind; partnerId: string | null },
  options: GrantOptions = {},
) {
  const amountFen = options.amountFen ?? 10_000_000;
  const status = options.status ?? "proposed";
  const [row] = await t.db
    .insert(grants)
    .values({
      baseId: project.baseId,
      number: `ZZ-TEST-${next()}`,
      projectId: project.id,
      organizationId: project.organizationId,
      fundId: fundRow.id,
      fundKind: fundRow.kind,
      partnerId: fundRow.partnerId,
      amountFen,
      startsOn: "2027-03-01",
      endsOn: "2028-02-29",
      status,
      preparedBy: options.preparedBy ?? null,
      signedOn: ["proposed", "approved", "cancelled"].includes(status) ? null : "2027-03-05",
    })
    .returning();
  if (!row) throw new Error("factory: grant not created");
  const activities = Math.round(amountFen * 0.6);
  await t.db.insert(grantBudgetLines).values([
    {
      baseId: row.baseId,
      grantId: row.id,
      category: "activities",
      description: "活动开展",
      amountFen: activities,
      sortOrder: 0,
    },
    {
      baseId: row.baseId,
      grantId: row.id,
      category: "materials",
      description: "物资采购",
      amountFen: amountFen - activities,
      sortOrder: 1,
    },
  ]);
  const [milestone] = await t.db
    .insert(grantMilestones)
    .values({ baseId: row.baseId, grantId: row.id, title: "建成第一个助餐点", dueOn: "2027-06-30" })
    .returning();
  const half = Math.floor(amountFen / 2);
  const tranches = options.tranches ?? [
    { amountFen: amountFen - half, condition: "agreement_signed" as const },
    { amountFen: half, condition: "midterm_approved" as const },
  ];
  await t.db.insert(grantTranches).values(
    tranches.map((tr, i) => ({
      baseId: row.baseId,
      grantId: row.id,
      seq: i + 1,
      amountFen: tr.amountFen,
      condition: tr.condition,
      milestoneId: tr.condition === "milestone_met" ? (milestone?.id ?? null) : null,
    })),
  );
  return row;
}
