/**
 * The demo's first month of the cohort's year, after the incubations began: baselines (the
 * organization's self-assessment and the base's, on each track's active instrument), the needs
 * they showed, and the incubation plans, written as the services write them (rows, growth file).
 * The story leaves work on the homes: one organization's base baseline is overdue, another's
 * self-assessment; one has no plan yet; the `member` account's plan waits for its agreement (its
 * first action already due, so it is overdue once agreed); the others' plans are agreed and under
 * way, one with an action overdue.
 */
import { and, asc, eq, sql } from "drizzle-orm";
import { scoreAssessment } from "../../domain/incubation/assessment-scoring";
import type { InstrumentContent } from "../../domain/incubation/instrument";
import { addDays } from "../../domain/incubation/lifecycle";
import type { ServiceCategory } from "../../domain/incubation/plan";
import { shanghaiDate } from "../../domain/shanghai-time";
import { assessmentTitles } from "../../schemas/incubation/assessment-labels";
import { planTitles } from "../../schemas/incubation/plan";
import type { Db } from "../client";
import { recordGrowth } from "../growth";
import {
  activeInstruments,
  assessmentScores,
  assessments,
  incubationPlans,
  incubations,
  instrumentVersions,
  needs,
  planActions,
  planEvents,
  planGoals,
  users,
} from "../schema";
import { seededRandom } from "./generate";

const DAY = 86_400_000;
const CATEGORIES: ServiceCategory[] = ["consulting", "resources", "information", "capital"];

interface Person {
  id: string;
  name: string;
}

export async function seedIncubationWork(tx: Db, baseId: string, staff: Person, now: Date): Promise<void> {
  const rows = await tx
    .select({
      incubation: incubations,
      versionId: activeInstruments.instrumentVersionId,
      content: instrumentVersions.content,
    })
    .from(incubations)
    .innerJoin(
      activeInstruments,
      and(eq(activeInstruments.baseId, incubations.baseId), eq(activeInstruments.track, incubations.track)),
    )
    .innerJoin(instrumentVersions, eq(instrumentVersions.id, activeInstruments.instrumentVersionId))
    .where(and(eq(incubations.baseId, baseId), eq(incubations.status, "active")))
    .orderBy(asc(incubations.startOn), asc(incubations.id));
  const memberRows = await tx
    .select({
      id: users.id,
      name: users.displayName,
      organizationId: users.organizationId,
      username: users.username,
    })
    .from(users)
    .where(and(eq(users.baseId, baseId), sql`'org_member' = ANY(${users.roles})`));
  const random = seededRandom(0x5e_ed_04);
  // Someone else's organizations first for the gaps, so the member's story is the plan.
  const memberOrganization = memberRows.find((u) => u.username === "member")?.organizationId;
  const others = rows.filter((r) => r.incubation.organizationId !== memberOrganization);
  const noAssessorBaseline = others[0]?.incubation.id;
  const noSelfBaseline = others[1]?.incubation.id;
  const noPlan = others[2]?.incubation.id;
  const lateAction = others[3]?.incubation.id;
  for (const { incubation, versionId, content } of rows) {
    const start = new Date(`${incubation.startOn}T09:00:00+08:00`);
    const member = memberRows.find((u) => u.organizationId === incubation.organizationId) ?? null;
    const self: Person = member ?? { id: staff.id, name: staff.name };
    // Each organization has its own profile: some dimensions stronger, some weaker.
    const tilt = Object.fromEntries(content.dimensions.map((d) => [d.key, random() * 1.6 - 0.8]));
    const scoresOf = (optimism: number) => {
      const scores: Record<string, number> = {};
      for (const d of content.dimensions)
        for (const i of d.indicators) {
          const raw = 2.2 + (tilt[d.key] ?? 0) + optimism + (random() - 0.5);
          scores[i.key] = Math.max(content.scale.min, Math.min(content.scale.max, Math.round(raw)));
        }
      return scores;
    };
    const write = async (side: "self" | "assessor", by: Person, at: Date, scores: Record<string, number>) => {
      const result = scoreAssessment(content, scores);
      const total = result.total ?? 0;
      const [row] = await tx
        .insert(assessments)
        .values({
          baseId,
          incubationId: incubation.id,
          organizationId: incubation.organizationId,
          instrumentVersionId: versionId,
          phase: "baseline",
          side,
          assessorId: by.id,
          status: "submitted",
          summary: side === "self" ? "我们对自身能力的初步判断。" : "入孵基线评估：财务与筹资能力有待加强。",
          total: total.toFixed(2),
          result: Object.fromEntries(
            Object.entries(result.dimensions).map(([k, v]) => [k, { score: v.score, coverage: v.coverage }]),
          ),
          submittedAt: at,
          submittedBy: by.id,
          createdAt: new Date(at.getTime() - 3 * DAY),
          updatedAt: at,
        })
        .returning({ id: assessments.id });
      if (!row) return;
      await tx.insert(assessmentScores).values(
        Object.entries(scores).map(([indicatorKey, score]) => ({
          assessmentId: row.id,
          indicatorKey,
          score,
        })),
      );
      await recordGrowth(tx, {
        baseId,
        organizationId: incubation.organizationId,
        incubationId: incubation.id,
        kind: "assessment.submitted",
        title: assessmentTitles.submitted("baseline", side, total),
        params: { phase: "baseline", side, total, revision: 1 },
        subjectId: row.id,
        actorName: by.name,
        at,
      });
      return result;
    };
    if (incubation.id !== noSelfBaseline)
      await write("self", self, new Date(start.getTime() + 12 * DAY), scoresOf(0.5));
    if (incubation.id === noAssessorBaseline) continue;
    const assessed = await write("assessor", staff, new Date(start.getTime() + 20 * DAY), scoresOf(0));
    if (!assessed) continue;
    // The two weakest dimensions become the needs and the plan's goals.
    const weakest = content.dimensions
      .map((d) => ({ d, score: assessed.dimensions[d.key]?.score ?? 100 }))
      .sort((a, b) => a.score - b.score)
      .slice(0, 2)
      .map((w) => w.d);
    const interview = new Date(start.getTime() + 24 * DAY);
    const needIds: string[] = [];
    for (const [n, d] of weakest.entries()) {
      const category = CATEGORIES[(n + needIds.length) % CATEGORIES.length] as ServiceCategory;
      const title = `提升${d.name.zhCN}`;
      const [need] = await tx
        .insert(needs)
        .values({
          baseId,
          incubationId: incubation.id,
          category,
          title,
          detail: `基线评估中“${d.name.zhCN}”得分偏低，需求访谈中机构希望获得针对性支持。`,
          source: "baseline",
          dimensionKey: d.key,
          createdBy: staff.id,
          createdAt: interview,
          updatedAt: interview,
        })
        .returning({ id: needs.id });
      if (!need) continue;
      needIds.push(need.id);
      await recordGrowth(tx, {
        baseId,
        organizationId: incubation.organizationId,
        incubationId: incubation.id,
        kind: "need.recorded",
        title: planTitles.needRecorded(title, category),
        params: { title, category },
        subjectId: need.id,
        actorName: staff.name,
        at: interview,
      });
    }
    if (incubation.id === noPlan) continue;
    await writePlan(tx, {
      baseId,
      incubation,
      content,
      weakest,
      needIds,
      staff,
      member,
      now,
      proposedAt: new Date(start.getTime() + 27 * DAY),
      // The member's plan waits for its agreement; the others were agreed in the first month.
      agreed: incubation.organizationId !== memberOrganization,
      late: incubation.id === lateAction,
    });
  }
}

async function writePlan(
  tx: Db,
  p: {
    baseId: string;
    incubation: typeof incubations.$inferSelect;
    content: InstrumentContent;
    weakest: InstrumentContent["dimensions"];
    needIds: string[];
    staff: Person;
    member: Person | null;
    now: Date;
    proposedAt: Date;
    agreed: boolean;
    late: boolean;
  },
): Promise<void> {
  const { baseId, incubation, staff } = p;
  const agreedAt = new Date(p.proposedAt.getTime() + 3 * DAY);
  const today = shanghaiDate(p.now);
  const [plan] = await tx
    .insert(incubationPlans)
    .values({
      baseId,
      incubationId: incubation.id,
      status: p.agreed ? "agreed" : "proposed",
      summary: `围绕${p.weakest.map((d) => d.name.zhCN).join("与")}的一年孵化计划。`,
      proposedBy: staff.id,
      proposedAt: p.proposedAt,
      agreedBy: p.agreed ? (p.member?.id ?? staff.id) : null,
      agreedAt: p.agreed ? agreedAt : null,
      agreedOnBehalf: p.agreed && !p.member,
      agreedNote: p.agreed && !p.member ? "机构负责人在需求访谈中当面确认" : null,
      createdAt: p.proposedAt,
      updatedAt: p.agreed ? agreedAt : p.proposedAt,
    })
    .returning({ id: incubationPlans.id });
  if (!plan) return;
  let actionCount = 0;
  for (const [g, d] of p.weakest.entries()) {
    const [goal] = await tx
      .insert(planGoals)
      .values({
        baseId,
        planId: plan.id,
        title: `${d.name.zhCN}达到良好水平`,
        dimensionKey: d.key,
        target: "年末评估该维度得分提高 20 分以上",
        position: g,
        createdAt: p.proposedAt,
      })
      .returning({ id: planGoals.id });
    if (!goal) continue;
    // The organization's first action is due soon after the plan (overdue for the member's
    // plan and the late one); the base's later.
    const actions = [
      {
        title: g === 0 ? "制定并印发相关制度" : "梳理现状并形成改进清单",
        ownerSide: "organization" as const,
        dueOn: g === 0 && (!p.agreed || p.late) ? addDays(today, -3) : addDays(today, 20 + 15 * g),
        service: "consulting" as const,
      },
      {
        title: g === 0 ? "安排导师一对一辅导" : "组织专题培训",
        ownerSide: "base" as const,
        dueOn: addDays(today, 35 + 10 * g),
        service: "resources" as const,
      },
    ];
    for (const [a, action] of actions.entries()) {
      const done = p.agreed && !p.late && g === 1 && a === 0;
      const [row] = await tx
        .insert(planActions)
        .values({
          baseId,
          planId: plan.id,
          goalId: goal.id,
          title: action.title,
          ownerSide: action.ownerSide,
          dueOn: action.dueOn,
          status: done ? "done" : "open",
          doneAt: done ? new Date(p.now.getTime() - 5 * DAY) : null,
          doneBy: done ? (p.member?.id ?? staff.id) : null,
          doneNote: done ? "已完成现状梳理，清单已提交基地" : null,
          service: action.service,
          needId: p.needIds[g] ?? null,
          position: a,
          createdAt: p.proposedAt,
          updatedAt: p.proposedAt,
        })
        .returning({ id: planActions.id });
      actionCount += 1;
      if (done && row) {
        await recordGrowth(tx, {
          baseId,
          organizationId: incubation.organizationId,
          incubationId: incubation.id,
          kind: "plan.action_done",
          title: planTitles.actionClosed(action.title, "done"),
          params: { title: action.title, status: "done", note: "已完成现状梳理，清单已提交基地" },
          subjectId: row.id,
          actorName: p.member?.name ?? staff.name,
          at: new Date(p.now.getTime() - 5 * DAY),
        });
      }
    }
  }
  await tx.insert(planEvents).values({
    baseId,
    planId: plan.id,
    event: "propose",
    fromStatus: "draft",
    toStatus: "proposed",
    revision: 1,
    actorId: staff.id,
    actorName: staff.name,
    createdAt: p.proposedAt,
  });
  if (!p.agreed) return;
  await tx.insert(planEvents).values({
    baseId,
    planId: plan.id,
    event: "agree",
    fromStatus: "proposed",
    toStatus: "agreed",
    revision: 1,
    onBehalf: !p.member,
    note: p.member ? null : "机构负责人在需求访谈中当面确认",
    actorId: p.member?.id ?? staff.id,
    actorName: p.member?.name ?? staff.name,
    createdAt: agreedAt,
  });
  await recordGrowth(tx, {
    baseId,
    organizationId: incubation.organizationId,
    incubationId: incubation.id,
    kind: "plan.agreed",
    title: planTitles.agreed(1, !p.member),
    params: { revision: 1, goals: p.weakest.length, actions: actionCount, onBehalf: !p.member },
    subjectId: plan.id,
    actorName: p.member?.name ?? staff.name,
    at: agreedAt,
  });
}
