/**
 * The progress reports' share of the demo (until the funding demo data proper is merged): one
 * active grant from the demo partner's fund to the demo member's organization, its first tranche
 * paid, its reports scheduled so that the first falls due within a fortnight: what the member's,
 * the staff's and the partner's homes show of reports.
 */
import { and, eq, notInArray } from "drizzle-orm";
import { addDays, planReports } from "../../domain/funding/schedule";
import { shanghaiDate } from "../../domain/shanghai-time";
import type { Db } from "../client";
import {
  funds,
  grantBudgetLines,
  grants,
  grantTranches,
  incubations,
  progressReports,
  projectIndicators,
  projects,
  users,
} from "../schema";

export async function seedFundingReports(
  tx: Db,
  baseId: string,
  staff: { id: string },
  now: Date,
): Promise<void> {
  const [member] = await tx
    .select()
    .from(users)
    .where(and(eq(users.baseId, baseId), eq(users.username, "member")));
  const [partner] = await tx
    .select()
    .from(users)
    .where(and(eq(users.baseId, baseId), eq(users.username, "partner")));
  if (!member?.organizationId || !partner?.partnerId) return;
  const [incubation] = await tx
    .select()
    .from(incubations)
    .where(
      and(
        eq(incubations.organizationId, member.organizationId),
        notInArray(incubations.status, ["graduated", "terminated"]),
      ),
    )
    .limit(1);
  if (!incubation) return;
  const startsOn = addDays(shanghaiDate(now), -80);
  const endsOn = addDays(startsOn, 364);
  const [fund] = await tx
    .insert(funds)
    .values({
      baseId,
      kind: "partner_fund",
      name: "社区公益联合基金",
      partnerId: partner.partnerId,
      capacityFen: 50_000_000,
      year: Number(startsOn.slice(0, 4)),
    })
    .returning();
  const [project] = await tx
    .insert(projects)
    .values({
      baseId,
      incubationId: incubation.id,
      organizationId: member.organizationId,
      title: "邻里互助助餐点",
      need: "社区独居老人吃饭难",
      beneficiaries: "社区 60 岁以上独居老人",
      targetPeople: 200,
      sites: [{ town: "城北街道", community: "新华社区" }],
      fields: ["health"],
      goal: "独居老人吃得上、吃得好",
      outcomes: ["老人营养状况改善"],
      outputs: ["建成助餐点 2 个"],
      activities: ["每周送餐", "营养讲座"],
      status: "active",
      createdBy: staff.id,
    })
    .returning();
  if (!fund || !project) return;
  await tx.insert(projectIndicators).values([
    {
      baseId,
      projectId: project.id,
      level: "output",
      name: "开展活动场次",
      unit: "场",
      targetValue: "40",
      method: "活动签到表",
      frequency: "quarterly",
      sortOrder: 0,
    },
    {
      baseId,
      projectId: project.id,
      level: "outcome",
      name: "服务老人人数",
      unit: "人",
      targetValue: "200",
      method: "服务台账",
      frequency: "quarterly",
      sortOrder: 1,
    },
  ]);
  const [grant] = await tx
    .insert(grants)
    .values({
      baseId,
      number: `ZZ-${startsOn.slice(0, 4)}-R01`,
      projectId: project.id,
      organizationId: member.organizationId,
      fundId: fund.id,
      fundKind: "partner_fund",
      partnerId: partner.partnerId,
      amountFen: 12_000_000,
      startsOn,
      endsOn,
      status: "active",
      preparedBy: staff.id,
      approvedAt: now,
      signedOn: startsOn,
    })
    .returning();
  if (!grant) return;
  await tx.insert(grantBudgetLines).values([
    {
      baseId,
      grantId: grant.id,
      category: "activities",
      description: "送餐与讲座",
      amountFen: 8_000_000,
      sortOrder: 0,
    },
    {
      baseId,
      grantId: grant.id,
      category: "materials",
      description: "餐具与保温箱",
      amountFen: 4_000_000,
      sortOrder: 1,
    },
  ]);
  await tx.insert(grantTranches).values([
    {
      baseId,
      grantId: grant.id,
      seq: 1,
      amountFen: 6_000_000,
      condition: "agreement_signed",
      status: "paid",
      paidAt: now,
      paidBy: staff.id,
    },
    { baseId, grantId: grant.id, seq: 2, amountFen: 6_000_000, condition: "midterm_approved" },
  ]);
  await tx
    .insert(progressReports)
    .values(planReports(startsOn, endsOn).map((r) => ({ baseId, grantId: grant.id, ...r })));
}
