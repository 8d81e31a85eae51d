/**
 * Saving the draft plan: the goals and their actions as one document, at the version the editor
 * read (409 when stale). Goals and actions sent with their id are updated in place and keep it
 * (later areas point at them); new ones get an id; those left out are marked removed, never
 * deleted. Every reference is checked first, so a bad one is a 400 naming the field and nothing is
 * written.
 */
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "../../../../db/client";
import { incubationPlans, needs, planActions, planGoals } from "../../../../db/schema";
import { ACTION_DUE_YEARS, isPlanEditable, type PlanStatus } from "../../../../domain/incubation/plan";
import type { ZPlanSave } from "../../../../schemas/incubation/plan";
import { recordAudit } from "../../../audit";
import type { Context } from "../../../context";
import { fieldError, versionConflict } from "../../../errors";
import type { IncubationRow } from "../incubations/load";
import { loadPlan, type PlanRow, planStatusInvalid } from "./load";
import { actionOwners, planDimensions } from "./view";

type PlanSave = z.output<typeof ZPlanSave>;

export async function savePlanDraft(
  db: Db,
  ctx: Context,
  incubationId: string,
  input: PlanSave,
): Promise<{ version: number; status: PlanStatus }> {
  return db.transaction(async (tx) => {
    const { incubation, plan: found } = await loadPlan(tx, ctx, incubationId, "plan.manage", { lock: true });
    if (found && !isPlanEditable(found.status)) throw planStatusInvalid(ctx, found.status);
    if ((found?.version ?? 0) !== input.version) throw versionConflict(found?.version ?? 0);
    const existing = found ? await currentItems(tx, found.id) : { goals: [], actions: [] };
    await checkReferences(tx, incubation, input, existing);

    const now = new Date();
    const plan = found ?? (await createPlan(tx, incubation));
    const keptGoals = new Set(input.goals.flatMap((g) => (g.id ? [g.id] : [])));
    const keptActions = new Set(input.goals.flatMap((g) => g.actions.flatMap((a) => (a.id ? [a.id] : []))));
    const goneGoals = existing.goals.filter((id) => !keptGoals.has(id));
    const goneActions = existing.actions.filter((id) => !keptActions.has(id));
    if (goneActions.length > 0)
      await tx.update(planActions).set({ removedAt: now }).where(inArray(planActions.id, goneActions));
    if (goneGoals.length > 0)
      await tx.update(planGoals).set({ removedAt: now }).where(inArray(planGoals.id, goneGoals));

    let position = 0;
    for (const [g, goal] of input.goals.entries()) {
      const values = {
        title: goal.title,
        dimensionKey: goal.dimensionKey ?? null,
        target: goal.target,
        position: g,
      };
      let goalId = goal.id;
      if (goalId) await tx.update(planGoals).set(values).where(eq(planGoals.id, goalId));
      else {
        const [row] = await tx
          .insert(planGoals)
          .values({ ...values, baseId: plan.baseId, planId: plan.id })
          .returning({ id: planGoals.id });
        goalId = row?.id as string;
      }
      for (const action of goal.actions) {
        const fields = {
          goalId,
          title: action.title,
          ownerSide: action.ownerSide,
          ownerUserId: action.ownerUserId ?? null,
          dueOn: action.dueOn,
          service: action.service ?? null,
          needId: action.needId ?? null,
          position: position++,
          updatedAt: now,
        };
        if (action.id) await tx.update(planActions).set(fields).where(eq(planActions.id, action.id));
        else await tx.insert(planActions).values({ ...fields, baseId: plan.baseId, planId: plan.id });
      }
    }
    const [updated] = await tx
      .update(incubationPlans)
      .set({ summary: input.summary, version: plan.version + (found ? 1 : 0), updatedAt: now })
      .where(and(eq(incubationPlans.id, plan.id), eq(incubationPlans.version, plan.version)))
      .returning();
    if (!updated) throw versionConflict(plan.version);
    await recordAudit(tx, ctx, {
      baseId: plan.baseId,
      action: "plan.save",
      entityType: "plan",
      entityId: plan.id,
      before: found ? { version: found.version } : undefined,
      after: {
        incubationId,
        version: updated.version,
        goals: input.goals.length,
        actions: position,
        removedGoals: goneGoals.length,
        removedActions: goneActions.length,
      },
    });
    return { version: updated.version, status: updated.status };
  });
}

async function createPlan(tx: Db, incubation: IncubationRow): Promise<PlanRow> {
  const [row] = await tx
    .insert(incubationPlans)
    .values({ baseId: incubation.baseId, incubationId: incubation.id })
    .returning();
  if (!row) throw new Error("plan not inserted");
  return row;
}

async function currentItems(tx: Db, planId: string) {
  const goals = await tx
    .select({ id: planGoals.id })
    .from(planGoals)
    .where(and(eq(planGoals.planId, planId), isNull(planGoals.removedAt)));
  const actions = await tx
    .select({ id: planActions.id })
    .from(planActions)
    .where(and(eq(planActions.planId, planId), isNull(planActions.removedAt)));
  return { goals: goals.map((g) => g.id), actions: actions.map((a) => a.id) };
}

/**
 * Every id must be this plan's (or this incubation's need), every dimension the instrument's, every
 * owner the base's staff or the organization's member on the side named, every due day within the
 * stay's reach: the first that is not answers 400 naming its field.
 */
async function checkReferences(
  tx: Db,
  incubation: IncubationRow,
  input: PlanSave,
  existing: { goals: string[]; actions: string[] },
): Promise<void> {
  const dimensions = new Set((await planDimensions(tx, incubation)).map((d) => d.key));
  const needIds = new Set(
    (await tx.select({ id: needs.id }).from(needs).where(eq(needs.incubationId, incubation.id))).map(
      (n) => n.id,
    ),
  );
  const owners = new Map((await actionOwners(tx, incubation)).map((o) => [o.id, o.side]));
  const latest = `${Number(incubation.plannedEndOn.slice(0, 4)) + ACTION_DUE_YEARS}${incubation.plannedEndOn.slice(4)}`;
  const seenGoals = new Set<string>();
  const seenActions = new Set<string>();
  for (const [g, goal] of input.goals.entries()) {
    const at = `goals.${g}`;
    if (goal.id && (!existing.goals.includes(goal.id) || seenGoals.has(goal.id)))
      throw fieldError(`${at}.id`, "goal_unknown");
    if (goal.id) seenGoals.add(goal.id);
    if (goal.dimensionKey && dimensions.size > 0 && !dimensions.has(goal.dimensionKey))
      throw fieldError(`${at}.dimensionKey`, "dimension_unknown");
    for (const [a, action] of goal.actions.entries()) {
      const where = `${at}.actions.${a}`;
      if (action.id && (!existing.actions.includes(action.id) || seenActions.has(action.id)))
        throw fieldError(`${where}.id`, "action_unknown");
      if (action.id) seenActions.add(action.id);
      if (action.dueOn < incubation.startOn)
        throw fieldError(`${where}.dueOn`, "due_too_early", { minimum: incubation.startOn });
      if (action.dueOn > latest) throw fieldError(`${where}.dueOn`, "due_too_late", { maximum: latest });
      if (action.needId && !needIds.has(action.needId)) throw fieldError(`${where}.needId`, "need_unknown");
      if (action.ownerUserId && owners.get(action.ownerUserId) !== action.ownerSide)
        throw fieldError(`${where}.ownerUserId`, "owner_unknown");
    }
  }
}
