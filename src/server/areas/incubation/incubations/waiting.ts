/**
 * What the incubations hold for staff on the home page: baselines overdue and plans not agreed
 * (the oldest start first), incubations with plan actions overdue, and exits due within the window
 * (the nearest end first), five of each with the count.
 * The answer depends on the base alone, so its staff share a read in flight.
 */
import { asc, count, eq, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { cohorts, incubations, organizations } from "../../../../db/schema";
import { shanghaiDate } from "../../../../domain/shanghai-time";
import type { IncubationWaiting } from "../../../../schemas/incubation/incubations";
import type { Context } from "../../../context";
import { requireAccess } from "../../../policy";
import { type Reads, UNSHARED } from "../../../shared-reads";
import { settingsOf } from "../settings/service";
import { dueConditions } from "./list";

const ITEMS = 5;

export async function incubationWaiting(
  db: Db,
  ctx: Context,
  reads: Reads = UNSHARED,
): Promise<IncubationWaiting> {
  requireAccess(ctx.actor, "incubation.manage");
  const baseId = ctx.actor.baseId;
  const today = shanghaiDate(new Date());
  return reads.read(`incubation-waiting:${baseId}:${today}`, async () => {
    const due = dueConditions(await settingsOf(db, baseId), today);
    const inBase = eq(incubations.baseId, baseId);
    const card = async (
      condition: SQL,
      day: typeof incubations.startOn | typeof incubations.plannedEndOn,
    ) => {
      const where = sql`${inBase} and ${condition}`;
      const rows = await db
        .select({
          id: incubations.id,
          organizationName: organizations.name,
          cohortName: cohorts.name,
          day,
          total: sql<number>`(${db.select({ n: count() }).from(incubations).where(where)})`.mapWith(Number),
        })
        .from(incubations)
        .innerJoin(organizations, eq(organizations.id, incubations.organizationId))
        .innerJoin(cohorts, eq(cohorts.id, incubations.cohortId))
        .where(where)
        .orderBy(asc(day), asc(incubations.id))
        .limit(ITEMS);
      return {
        count: rows[0]?.total ?? 0,
        items: rows.map(({ total: _t, ...r }) => r),
      };
    };
    const [baselineOverdue, exitDue, planNotAgreed, actionsOverdue] = await Promise.all([
      card(due.baseline, incubations.startOn),
      card(due.exit, incubations.plannedEndOn),
      card(due.plan, incubations.startOn),
      card(due.actions, incubations.startOn),
    ]);
    return { baselineOverdue, exitDue, planNotAgreed, actionsOverdue };
  });
}
