/**
 * The plan of an incubation, found through the incubation's loader (the policy check lives there):
 * every plan route names the incubation, so another base's or another organization's plan is 404
 * exactly as its incubation is.
 */
import { eq } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { incubationPlans } from "../../../../db/schema";
import type { Action } from "../../../../domain/access";
import { isIncubationClosed } from "../../../../domain/incubation/lifecycle";
import type { PlanStatus } from "../../../../domain/incubation/plan";
import { PLAN_LABELS } from "../../../../schemas/incubation/plan";
import type { Context } from "../../../context";
import { AppError } from "../../../errors";
import { type IncubationRow, loadIncubation } from "../incubations/load";

export type PlanRow = typeof incubationPlans.$inferSelect;

/**
 * The incubation (checked for `action`) and its plan, if any; the plan FOR UPDATE with `lock`.
 * A change (`lock`) to the plan of a graduated or terminated incubation is refused: its record
 * stays as it was when the stay ended.
 */
export async function loadPlan(
  tx: Db,
  ctx: Context,
  incubationId: string,
  action: Action,
  options: { lock?: boolean } = {},
): Promise<{ incubation: IncubationRow; plan: PlanRow | null }> {
  const incubation = await loadIncubation(tx, ctx, incubationId, action);
  if (options.lock && isIncubationClosed(incubation.status)) throw incubationClosed(ctx);
  const query = tx
    .select()
    .from(incubationPlans)
    .where(eq(incubationPlans.incubationId, incubationId))
    .limit(1);
  const [plan] = options.lock ? await query.for("update") : await query;
  return { incubation, plan: plan ?? null };
}

/** 409: the stay is over, its plan and needs are kept as they were. */
export function incubationClosed(ctx: Context): AppError {
  const status = ctx.lang === "en" ? "closed with its incubation" : "孵化已结束";
  return new AppError("plan_status_invalid", { params: { status }, details: { currentStatus: "closed" } });
}

/** 409: the plan's status does not allow this, said in the user's language, with the current status. */
export function planStatusInvalid(ctx: Context, status: PlanStatus | null): AppError {
  const label = status
    ? PLAN_LABELS[ctx.lang].planStatus[status]
    : ctx.lang === "en"
      ? "not started"
      : "未建立";
  return new AppError("plan_status_invalid", {
    params: { status: label },
    details: { currentStatus: status },
  });
}
