/**
 * The demo's mentor programme (导师计划), two months into the cohort: five mentors with profiles
 * (the `mentor` account 陈思远 among them), mentorships for most of the cohort's incubations (two
 * wait for a mentor: the staff's to-do), and the sessions since, written as the services write
 * them (rows, action items in the plan, the service ledger, the growth file). The story leaves work
 * on the homes: 陈思远 mentors the `member` account's organization and two others, one of which
 * has had no session in over 30 days; the member's latest session waits for its confirmation;
 * one of his action items is overdue.
 */
import { and, asc, eq, inArray, isNull, max, sql } from "drizzle-orm";
import { addDays } from "../../domain/incubation/lifecycle";
import { shanghaiDate } from "../../domain/shanghai-time";
import { mentoringTitles } from "../../schemas/services/mentoring";
import type { Db } from "../client";
import { recordDeliveries } from "../deliveries";
import { recordGrowth } from "../growth";
import {
  incubationPlans,
  incubations,
  mentoringActions,
  mentoringSessions,
  mentorProfiles,
  mentorships,
  planActions,
  planGoals,
  users,
} from "../schema";
import { seededRandom } from "./generate";

const DAY = 86_400_000;

/** The other demo mentors (the `mentor` account is made with the demo accounts). */
const MENTORS = [
  { username: "mentor2", displayName: "林晓岚", mobile: "13800000061" },
  { username: "mentor3", displayName: "周建国", mobile: "13800000062" },
  { username: "mentor4", displayName: "吴佳怡", mobile: "13800000063" },
  { username: "mentor5", displayName: "郑海峰", mobile: "13800000064" },
];

const PROFILES: Record<string, Omit<typeof mentorProfiles.$inferInsert, "userId" | "baseId">> = {
  mentor: {
    title: "北京某基金会项目总监，注册社工师",
    fields: ["elderly", "health", "friendliness", "volunteering"],
    skills: ["finance", "sustainability", "programmes"],
    bio: "从事公益项目管理十二年，长期辅导社区社会组织做项目设计、财务规范与筹资。",
    availability: "每周二、周四下午；可线上",
    capacity: 4,
  },
  mentor2: {
    title: "律师，公益法律服务中心主任",
    fields: ["legal_aid", "disability", "friendliness"],
    skills: ["governance", "credibility"],
    bio: "专注社会组织治理与合规：章程、理事会、信息公开。",
    availability: "周末上午",
    capacity: 3,
  },
  mentor3: {
    title: "退休街道干部，党建指导员",
    fields: ["culture", "sport", "elderly"],
    skills: ["party_building", "governance", "people"],
    bio: "在街道工作三十年，熟悉社区治理与党建工作。",
    availability: "工作日白天",
    capacity: 3,
  },
  mentor4: {
    title: "企业社会责任经理",
    fields: ["children", "education", "environment", "innovation"],
    skills: ["strategy", "sustainability", "people"],
    bio: "负责企业公益合作十年，擅长战略规划与资源链接。",
    availability: "每月两次，晚上",
    capacity: 2,
  },
  mentor5: {
    title: "高校社会工作系副教授",
    fields: ["health", "children", "education"],
    skills: ["programmes", "strategy"],
    bio: "研究社区服务项目评估，指导项目设计与成效评估。",
    availability: "暂停接受新的结对（学期中）",
    capacity: 2,
    active: false,
  },
};

const TOPICS = [
  ["财务制度", "票据管理"],
  ["项目设计", "成效指标"],
  ["筹资计划", "基金会申请"],
  ["理事会建设"],
  ["志愿者管理", "团队分工"],
  ["政府购买服务", "投标材料"],
];
const ITEMS = [
  ["整理近三年收支台账", "organization"],
  ["修订财务报销制度", "organization"],
  ["推荐一位财务志愿者", "mentor"],
  ["完成项目逻辑框架", "organization"],
  ["引荐基金会项目官员", "mentor"],
  ["召开理事会审议年度计划", "organization"],
] as const;

export async function seedMentoring(tx: Db, baseId: string, staff: { id: string; name: string }, now: Date) {
  const random = seededRandom(0x3e_47_05);
  const today = shanghaiDate(now);
  const [demo] = await tx
    .select({ id: users.id, passwordHash: users.passwordHash })
    .from(users)
    .where(and(eq(users.baseId, baseId), eq(users.username, "mentor")));
  if (!demo) return;
  const made = await tx
    .insert(users)
    .values(
      MENTORS.map((m) => ({ ...m, baseId, roles: ["mentor" as const], passwordHash: demo.passwordHash })),
    )
    .returning({ id: users.id, username: users.username });
  const people = await tx
    .select({ id: users.id, username: users.username, name: users.displayName })
    .from(users)
    .where(inArray(users.id, [demo.id, ...made.map((m) => m.id)]));
  await tx
    .insert(mentorProfiles)
    .values(
      people.map((p) => ({ userId: p.id, baseId, ...(PROFILES[p.username] as (typeof PROFILES)["mentor"]) })),
    );
  const byName = (u: string) => people.find((p) => p.username === u) as { id: string; name: string };

  const [member] = await tx
    .select({ id: users.id, organizationId: users.organizationId })
    .from(users)
    .where(and(eq(users.baseId, baseId), eq(users.username, "member")));
  const incubationRows = await tx
    .select()
    .from(incubations)
    .where(and(eq(incubations.baseId, baseId), eq(incubations.status, "active")))
    .orderBy(asc(incubations.startOn), asc(incubations.id));
  // Who answers a session: the member account for its organization, else staff recorded it.
  const rows = incubationRows.map((incubation) => ({
    incubation,
    memberId: member && member.organizationId === incubation.organizationId ? member.id : null,
  }));
  const memberRow = rows.find((r) => r.memberId);
  const others = rows.filter((r) => r !== memberRow);
  // 陈思远: the member's organization and two others (the last one quiet for over 30 days);
  // the others share the rest; the last two wait for a mentor.
  const plan: { row: (typeof rows)[number]; mentor: string; quiet?: boolean }[] = [];
  if (memberRow) plan.push({ row: memberRow, mentor: "mentor" });
  for (const [i, row] of others.slice(0, 2).entries()) plan.push({ row, mentor: "mentor", quiet: i === 1 });
  const rest = others.slice(2, Math.max(2, others.length - 2));
  const shares = ["mentor2", "mentor3", "mentor4", "mentor2", "mentor3", "mentor4"];
  for (const [i, row] of rest.entries()) plan.push({ row, mentor: shares[i % shares.length] as string });

  for (const [k, { row, mentor: username, quiet }] of plan.entries()) {
    const inc = row.incubation;
    const mentor = byName(username);
    const startsOn = addDays(inc.startOn, 7);
    const [pairing] = await tx
      .insert(mentorships)
      .values({
        baseId,
        incubationId: inc.id,
        organizationId: inc.organizationId,
        mentorId: mentor.id,
        startsOn,
        endsOn: inc.plannedEndOn,
        createdBy: staff.id,
        createdAt: new Date(`${startsOn}T10:00:00+08:00`),
      })
      .returning();
    if (!pairing) continue;
    await recordGrowth(tx, {
      baseId,
      organizationId: inc.organizationId,
      incubationId: inc.id,
      kind: "mentoring.paired",
      title: mentoringTitles.paired(mentor.name),
      params: { mentor: mentor.name, startsOn, endsOn: inc.plannedEndOn },
      subjectId: pairing.id,
      actorName: staff.name,
      at: new Date(`${startsOn}T10:00:00+08:00`),
    });
    // Every two weeks or so since the pairing; a quiet one stopped over a month ago.
    const days: string[] = [];
    for (
      let d = addDays(startsOn, 5 + Math.floor(random() * 4));
      d < today;
      d = addDays(d, 12 + Math.floor(random() * 6))
    ) {
      days.push(d);
    }
    const held = quiet ? days.filter((d) => d < addDays(today, -35)) : days;
    for (const [i, heldOn] of held.entries()) {
      const latest = i === held.length - 1;
      // The member's latest session waits for its answer; the others' were mostly answered.
      const answered = row === memberRow ? !latest : !latest || random() < 0.5;
      const rating = answered ? 4 + (random() < 0.6 ? 1 : 0) : null;
      const minutes = [60, 90, 120][Math.floor(random() * 3)] as number;
      const topics = TOPICS[(i + k) % TOPICS.length] as string[];
      const at = new Date(`${heldOn}T18:00:00+08:00`);
      const [session] = await tx
        .insert(mentoringSessions)
        .values({
          baseId,
          mentorshipId: pairing.id,
          incubationId: inc.id,
          organizationId: inc.organizationId,
          mentorId: mentor.id,
          heldOn,
          minutes,
          topics,
          advice: `围绕${topics.join("、")}逐项梳理了现状，建议先从最紧迫的一项做起，下次辅导时检查进展。`,
          status: answered ? "confirmed" : "logged",
          rating,
          ratingComment: answered && rating === 5 ? "导师讲得很具体，马上能用。" : null,
          answeredBy: answered ? row.memberId : null,
          answeredAt: answered ? new Date(at.getTime() + DAY) : null,
          createdAt: at,
          updatedAt: at,
        })
        .returning();
      if (!session) continue;
      // Action items at the first and the third session, in the plan when there is one.
      if (i === 0 || i === 2) {
        const item = ITEMS[(i + k) % ITEMS.length] as (typeof ITEMS)[number];
        // 陈思远's first item for the member's organization is overdue (due before today, open).
        const dueOn = addDays(heldOn, row === memberRow && i === 0 ? 14 : 21 + Math.floor(random() * 20));
        await actionItem(tx, baseId, inc.id, session.id, item[0], item[1], dueOn, 0);
      }
      await recordDeliveries(tx, [
        {
          baseId,
          kind: "mentoring",
          sourceId: session.id,
          category: "consulting",
          organizationId: inc.organizationId,
          deliveredOn: heldOn,
          minutes,
        },
      ]);
      if (rating) {
        await tx.execute(
          sql`update service_deliveries set rating = ${rating} where kind = 'mentoring' and source_id = ${session.id}`,
        );
      }
      await recordGrowth(tx, {
        baseId,
        organizationId: inc.organizationId,
        incubationId: inc.id,
        kind: "mentoring.session",
        title: mentoringTitles.session(mentor.name, minutes),
        params: { mentor: mentor.name, minutes, topics: topics.join("、"), note: topics.join("、") },
        subjectId: session.id,
        actorName: mentor.name,
        at,
      });
    }
  }
}

/** An action item, and its action in the plan's mentoring goal when the incubation has a plan. */
async function actionItem(
  tx: Db,
  baseId: string,
  incubationId: string,
  sessionId: string,
  title: string,
  owner: "organization" | "mentor",
  dueOn: string,
  position: number,
) {
  const [plan] = await tx
    .select()
    .from(incubationPlans)
    .where(eq(incubationPlans.incubationId, incubationId));
  let planActionId: string | null = null;
  if (plan) {
    let [goal] = await tx
      .select({ id: planGoals.id })
      .from(planGoals)
      .where(
        and(eq(planGoals.planId, plan.id), eq(planGoals.title, "导师辅导行动"), isNull(planGoals.removedAt)),
      );
    if (!goal) {
      const [{ last } = { last: null }] = await tx
        .select({ last: max(planGoals.position) })
        .from(planGoals)
        .where(eq(planGoals.planId, plan.id));
      [goal] = await tx
        .insert(planGoals)
        .values({
          baseId,
          planId: plan.id,
          title: "导师辅导行动",
          target: "落实导师辅导中商定的行动",
          position: (last ?? -1) + 1,
        })
        .returning({ id: planGoals.id });
    }
    const [{ last } = { last: null }] = await tx
      .select({ last: max(planActions.position) })
      .from(planActions)
      .where(eq(planActions.goalId, goal?.id as string));
    const [action] = await tx
      .insert(planActions)
      .values({
        baseId,
        planId: plan.id,
        goalId: goal?.id as string,
        title,
        ownerSide: owner === "organization" ? "organization" : "base",
        dueOn,
        service: "consulting",
        position: (last ?? -1) + 1,
      })
      .returning({ id: planActions.id });
    planActionId = action?.id ?? null;
  }
  await tx
    .insert(mentoringActions)
    .values({ baseId, sessionId, title, owner, dueOn, position, planActionId });
}
