/**
 * Overdue actions (open, due before today in Asia/Shanghai, in an agreed plan): a count for the
 * staff home's to-do, and one bell notice to the organization's members per action when it
 * becomes overdue. The notice job marks each action it told about (`overdue_noticed_at`) in the
 * transaction of the notice, taking the rows FOR UPDATE SKIP LOCKED, so instances running it at
 * once tell each action's organization once.
 */
import { and, asc, count, eq, isNull, lt } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { incubationPlans, incubations, planActions } from "../../../../db/schema";
import type { ListScope } from "../../../../domain/access";
import { shanghaiDate } from "../../../../domain/shanghai-time";
import { notify } from "../../../notify";
import { scopeWhere } from "../../../scope";

const overdueWhere = (today: string) =>
  and(
    eq(planActions.status, "open"),
    isNull(planActions.removedAt),
    lt(planActions.dueOn, today),
    eq(incubationPlans.status, "agreed"),
  );

/** How many actions are overdue in the scope (the base's for staff, the organization's for a member). */
export async function overduePlanActions(db: Db, scope: ListScope, now = new Date()): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(planActions)
    .innerJoin(incubationPlans, eq(incubationPlans.id, planActions.planId))
    .innerJoin(incubations, eq(incubations.id, incubationPlans.incubationId))
    .where(
      and(
        overdueWhere(shanghaiDate(now)),
        scopeWhere(scope, { baseId: planActions.baseId, organizationId: incubations.organizationId }),
      ),
    );
  return row?.n ?? 0;
}

/** Tells each overdue action's organization once; returns how many actions it told about. */
export async function sendOverduePlanNotices(db: Db, now = new Date(), batch = 200): Promise<number> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .select({
        id: planActions.id,
        baseId: planActions.baseId,
        title: planActions.title,
        dueOn: planActions.dueOn,
        incubationId: incubations.id,
        organizationId: incubations.organizationId,
      })
      .from(planActions)
      .innerJoin(incubationPlans, eq(incubationPlans.id, planActions.planId))
      .innerJoin(incubations, eq(incubations.id, incubationPlans.incubationId))
      .where(and(overdueWhere(shanghaiDate(now)), isNull(planActions.overdueNoticedAt)))
      .orderBy(asc(planActions.dueOn), asc(planActions.id))
      .limit(batch)
      .for("update", { of: planActions, skipLocked: true });
    for (const row of rows) {
      await notify(tx, {
        baseId: row.baseId,
        recipients: { kind: "organization", organizationId: row.organizationId },
        kind: "plan_action_overdue",
        params: {
          actionId: row.id,
          actionTitle: row.title,
          dueOn: row.dueOn,
          incubationId: row.incubationId,
        },
        link: `/incubations/${row.incubationId}/plan`,
      });
      await tx.update(planActions).set({ overdueNoticedAt: now }).where(eq(planActions.id, row.id));
    }
    return rows.length;
  });
}
