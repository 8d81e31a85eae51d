/**
 * A disputed session leaves the plan: the organization says it did not take place, so the action
 * items it put in the plan were never agreed with anyone. Its still-open plan actions are marked
 * removed (kept in the table, as a plan draft's left-out actions are) with a plan event each, so
 * the plan's history says what left and why; the goal "导师辅导行动" goes too once it has nothing
 * left. An action someone already reported done or dropped stays: that report is a fact of its
 * own, whatever became of the session.
 */
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { incubationPlans, mentoringActions, planActions, planEvents, planGoals } from "../../../../db/schema";
import { MENTORING_GOAL } from "../../../../domain/services/mentoring";
import type { Context } from "../../../context";

export async function withdrawSessionActions(
  tx: Db,
  ctx: Context,
  sessionId: string,
  reason: string,
): Promise<number> {
  const open = await tx
    .select({
      id: planActions.id,
      title: planActions.title,
      planId: planActions.planId,
      goalId: planActions.goalId,
    })
    .from(mentoringActions)
    .innerJoin(planActions, eq(planActions.id, mentoringActions.planActionId))
    .where(
      and(
        eq(mentoringActions.sessionId, sessionId),
        eq(planActions.status, "open"),
        isNull(planActions.removedAt),
      ),
    );
  const first = open[0];
  if (!first) return 0;
  // One session's items are in one plan (the incubation's only one).
  const [plan] = await tx
    .select()
    .from(incubationPlans)
    .where(eq(incubationPlans.id, first.planId))
    .for("update");
  if (!plan) return 0;
  const now = new Date();
  await tx
    .update(planActions)
    .set({ removedAt: now, updatedAt: now })
    .where(
      inArray(
        planActions.id,
        open.map((a) => a.id),
      ),
    );
  await tx.insert(planEvents).values(
    open.map((a) => ({
      baseId: plan.baseId,
      planId: plan.id,
      event: "action_dropped" as const,
      revision: plan.revision,
      actionId: a.id,
      note: `${a.title}：导师辅导被机构否认（${reason}），行动撤出计划`,
      actorId: ctx.actor.userId,
      actorName: ctx.actor.displayName,
    })),
  );
  // The mentoring goal made for these items goes when none of its actions is left.
  const goalIds = [...new Set(open.map((a) => a.goalId))];
  const stillUsed = await tx
    .select({ goalId: planActions.goalId })
    .from(planActions)
    .where(and(inArray(planActions.goalId, goalIds), isNull(planActions.removedAt)));
  const empty = goalIds.filter((id) => !stillUsed.some((a) => a.goalId === id));
  if (empty.length > 0) {
    await tx
      .update(planGoals)
      .set({ removedAt: now })
      .where(and(inArray(planGoals.id, empty), eq(planGoals.title, MENTORING_GOAL)));
  }
  // The plan changed under any open editor: its next save must reload first (409).
  await tx
    .update(incubationPlans)
    .set({ version: plan.version + 1, updatedAt: now })
    .where(eq(incubationPlans.id, plan.id));
  return open.length;
}
