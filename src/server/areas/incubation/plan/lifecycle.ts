/**
 * Every change of the plan's status goes through `changePlanStatus`: the domain's table decides
 * (else 409 `plan_status_invalid` with the current status), the version must match (else 409),
 * and the status, the history row, the audit entry, the growth file and the notices are written
 * in one transaction. Proposing, withdrawing and revising are staff's; agreeing is the
 * organization's, or staff's recording of it on the organization's behalf with a note saying who
 * agreed and how.
 */
import { and, count, eq, isNull } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "../../../../db/client";
import { recordGrowth } from "../../../../db/growth";
import { incubationPlans, organizations, planActions, planEvents, planGoals } from "../../../../db/schema";
import {
  nextPlanStatus,
  type PlanEvent,
  type PlanStatus,
  revisionAfter,
} from "../../../../domain/incubation/plan";
import { hasRole } from "../../../../domain/roles";
import type { ZPlanStep } from "../../../../schemas/incubation/plan";
import { recordAudit } from "../../../audit";
import type { Context } from "../../../context";
import { fieldError, versionConflict } from "../../../errors";
import { notify } from "../../../notify";
import "./growth";
import { planTitles } from "../../../../schemas/incubation/plan";
import { loadPlan, planStatusInvalid } from "./load";

type PlanStep = z.output<typeof ZPlanStep>;

export async function changePlanStatus(
  db: Db,
  ctx: Context,
  incubationId: string,
  event: PlanEvent,
  input: PlanStep,
): Promise<{ version: number; status: PlanStatus }> {
  // Staff agree only on the organization's behalf; a member agrees for itself.
  const onBehalf = event === "agree" && hasRole(ctx.actor, "admin", "staff");
  const action = event === "agree" && !onBehalf ? "plan.agree" : "plan.manage";
  return db.transaction(async (tx) => {
    const { incubation, plan } = await loadPlan(tx, ctx, incubationId, action, { lock: true });
    if (!plan) throw planStatusInvalid(ctx, null);
    const to = nextPlanStatus(plan.status, event);
    if (!to) throw planStatusInvalid(ctx, plan.status);
    if (plan.version !== input.version) throw versionConflict(plan.version);
    if (onBehalf && !input.note) throw fieldError("note", "agreed_by_required");
    const counts = await itemCounts(tx, plan.id);
    if (event === "propose" && counts.actions === 0) throw fieldError("goals", "required");

    const now = new Date();
    const revision = revisionAfter(plan.revision, event);
    const [updated] = await tx
      .update(incubationPlans)
      .set({
        status: to,
        revision,
        version: plan.version + 1,
        updatedAt: now,
        ...(event === "propose" ? { proposedBy: ctx.actor.userId, proposedAt: now } : {}),
        ...(event === "agree"
          ? {
              agreedBy: ctx.actor.userId,
              agreedAt: now,
              agreedOnBehalf: onBehalf,
              agreedNote: input.note ?? null,
            }
          : {}),
      })
      .where(and(eq(incubationPlans.id, plan.id), eq(incubationPlans.version, plan.version)))
      .returning();
    if (!updated) throw versionConflict(plan.version);
    await tx.insert(planEvents).values({
      baseId: plan.baseId,
      planId: plan.id,
      event,
      fromStatus: plan.status,
      toStatus: to,
      revision,
      note: input.note ?? null,
      onBehalf,
      actorId: ctx.actor.userId,
      actorName: ctx.actor.displayName,
    });
    await recordAudit(tx, ctx, {
      baseId: plan.baseId,
      action: `plan.${event}`,
      entityType: "plan",
      entityId: plan.id,
      before: { status: plan.status, revision: plan.revision, version: plan.version },
      after: { status: to, revision, version: updated.version, onBehalf, note: input.note ?? null },
    });
    const growth = {
      baseId: plan.baseId,
      organizationId: incubation.organizationId,
      incubationId,
      subjectId: plan.id,
      actorName: ctx.actor.displayName,
    };
    if (event === "agree")
      await recordGrowth(tx, {
        ...growth,
        kind: "plan.agreed",
        title: planTitles.agreed(revision, onBehalf),
        params: { revision, ...counts, onBehalf },
      });
    if (event === "revise")
      await recordGrowth(tx, {
        ...growth,
        kind: "plan.revised",
        title: planTitles.revised(revision),
        params: { revision },
      });
    if (event === "propose") {
      const [org] = await tx
        .select({ name: organizations.name })
        .from(organizations)
        .where(eq(organizations.id, incubation.organizationId));
      await notify(tx, {
        baseId: plan.baseId,
        recipients: { kind: "organization", organizationId: incubation.organizationId },
        kind: "plan_proposed",
        params: { incubationId, revision, organizationName: org?.name ?? null },
        link: `/incubations/${incubationId}/plan`,
      });
    }
    return { version: updated.version, status: to };
  });
}

async function itemCounts(tx: Db, planId: string): Promise<{ goals: number; actions: number }> {
  const [goals] = await tx
    .select({ n: count() })
    .from(planGoals)
    .where(and(eq(planGoals.planId, planId), isNull(planGoals.removedAt)));
  const [actions] = await tx
    .select({ n: count() })
    .from(planActions)
    .where(and(eq(planActions.planId, planId), isNull(planActions.removedAt)));
  return { goals: goals?.n ?? 0, actions: actions?.n ?? 0 };
}
