/**
 * Carrying the plan out: either side marks an action done or dropped (with a note), or opens it
 * again. A member reports only the actions the organization owns; staff any. Each action has its
 * own version, so two people reporting at once do not overwrite each other (409).
 */
import { and, eq, isNull } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "../../../../db/client";
import { recordGrowth } from "../../../../db/growth";
import { planActions, planEvents } from "../../../../db/schema";
import { type ActionStatus, isPlanRunning } from "../../../../domain/incubation/plan";
import { hasRole } from "../../../../domain/roles";
import type { ZActionProgress } from "../../../../schemas/incubation/plan";
import { recordAudit } from "../../../audit";
import type { Context } from "../../../context";
import { AppError, notFound, versionConflict } from "../../../errors";
import "./growth";
import { planTitles } from "../../../../schemas/incubation/plan";
import { loadPlan, planStatusInvalid } from "./load";

type ActionProgress = z.output<typeof ZActionProgress>;

const EVENT: Record<ActionStatus, "action_done" | "action_dropped" | "action_reopened"> = {
  done: "action_done",
  dropped: "action_dropped",
  open: "action_reopened",
};

export async function reportAction(
  db: Db,
  ctx: Context,
  incubationId: string,
  actionId: string,
  input: ActionProgress,
): Promise<{ version: number; status: ActionStatus }> {
  return db.transaction(async (tx) => {
    const { incubation, plan } = await loadPlan(tx, ctx, incubationId, "plan.progress", { lock: true });
    if (!plan) throw notFound();
    const [action] = await tx
      .select()
      .from(planActions)
      .where(
        and(eq(planActions.id, actionId), eq(planActions.planId, plan.id), isNull(planActions.removedAt)),
      )
      .for("update");
    if (!action) throw notFound();
    // The organization reports its own actions; the base's are the base's to report.
    if (!hasRole(ctx.actor, "admin", "staff") && action.ownerSide !== "organization")
      throw new AppError("forbidden");
    if (!isPlanRunning(plan.status)) throw planStatusInvalid(ctx, plan.status);
    if (action.version !== input.version) throw versionConflict(action.version);
    const now = new Date();
    const closed = input.status !== "open";
    const [updated] = await tx
      .update(planActions)
      .set({
        status: input.status,
        doneAt: closed ? now : null,
        doneBy: closed ? ctx.actor.userId : null,
        doneNote: input.note ?? null,
        version: action.version + 1,
        updatedAt: now,
      })
      .where(and(eq(planActions.id, actionId), eq(planActions.version, action.version)))
      .returning();
    if (!updated) throw versionConflict(action.version);
    await tx.insert(planEvents).values({
      baseId: plan.baseId,
      planId: plan.id,
      event: EVENT[input.status],
      revision: plan.revision,
      actionId,
      note: input.note ?? null,
      actorId: ctx.actor.userId,
      actorName: ctx.actor.displayName,
    });
    await recordAudit(tx, ctx, {
      baseId: plan.baseId,
      action: "plan.action_progress",
      entityType: "plan",
      entityId: actionId,
      before: { status: action.status, version: action.version },
      after: { status: input.status, version: updated.version, note: input.note ?? null },
    });
    if (closed) {
      await recordGrowth(tx, {
        baseId: plan.baseId,
        organizationId: incubation.organizationId,
        incubationId,
        kind: "plan.action_done",
        title: planTitles.actionClosed(action.title, input.status),
        params: { title: action.title, status: input.status, note: input.note ?? null },
        subjectId: actionId,
        actorName: ctx.actor.displayName,
      });
    }
    return { version: updated.version, status: input.status };
  });
}
