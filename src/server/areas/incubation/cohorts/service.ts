/**
 * Cohorts (孵化批次, 期): the organizations that start their year together. Staff list them with
 * how many incubations each holds per status, and create one (its name unique in the base). An
 * admission confirmed when the base has no cohort yet opens "<year>年第一期".
 */
import { and, desc, eq, sql } from "drizzle-orm";
import { type Db, rowsOf } from "../../../../db/client";
import { cohorts, incubations } from "../../../../db/schema";
import { isUniqueViolation } from "../../../../db/sql-text";
import { INCUBATION_STATUSES, type IncubationStatus } from "../../../../domain/incubation/lifecycle";
import type { Cohort, CohortCreate, CohortList } from "../../../../schemas/incubation/incubations";
import { recordAudit } from "../../../audit";
import type { Context } from "../../../context";
import { AppError } from "../../../errors";
import { requireAccess } from "../../../policy";

export type CohortRow = typeof cohorts.$inferSelect;

export async function listCohorts(db: Db, ctx: Context): Promise<CohortList> {
  requireAccess(ctx.actor, "incubation.manage");
  // One statement: the cohorts and their counts per status (a lateral count per cohort).
  const rows = rowsOf<{ id: string; name: string; startsOn: string; counts: Record<string, number> | null }>(
    await db.execute(sql`
      select c.id as "id", c.name as "name", c.starts_on::text as "startsOn", n.counts as "counts"
      from ${cohorts} c cross join lateral (
        select jsonb_object_agg(status, k) as counts from (
          select i.status, count(*)::int as k from ${incubations} i where i.cohort_id = c.id group by i.status
        ) g
      ) n
      where c.base_id = ${ctx.actor.baseId}
      order by c.starts_on desc, c.name`),
  );
  return { items: rows.map(toCohort) };
}

function toCohort(r: {
  id: string;
  name: string;
  startsOn: string;
  counts: Record<string, number> | null;
}): Cohort {
  const counts = Object.fromEntries(
    INCUBATION_STATUSES.map((s) => [s, Number(r.counts?.[s] ?? 0)]),
  ) as Record<IncubationStatus, number>;
  return {
    id: r.id,
    name: r.name,
    startsOn: r.startsOn,
    counts,
    total: Object.values(counts).reduce((a, b) => a + b, 0),
  };
}

export async function createCohort(db: Db, ctx: Context, body: CohortCreate): Promise<Cohort> {
  requireAccess(ctx.actor, "incubation.manage");
  const name = body.name.trim();
  try {
    const row = await db.transaction(async (tx) => {
      const [created] = await tx
        .insert(cohorts)
        .values({ baseId: ctx.actor.baseId, name, startsOn: body.startsOn })
        .returning();
      if (!created) throw new Error("cohort insert returned nothing");
      await recordAudit(tx, ctx, {
        baseId: ctx.actor.baseId,
        action: "cohort.create",
        entityType: "cohort",
        entityId: created.id,
        after: { name, startsOn: body.startsOn },
      });
      return created;
    });
    return toCohort({ ...row, counts: null });
  } catch (error) {
    if (isUniqueViolation(error)) throw cohortNameTaken(name);
    throw error;
  }
}

const cohortNameTaken = (name: string) =>
  new AppError("cohort_name_taken", { field: "name", params: { name }, details: { name } });

/** A cohort of the base, or null. */
export async function cohortOfBase(tx: Db, baseId: string, id: string): Promise<CohortRow | null> {
  const [row] = await tx
    .select()
    .from(cohorts)
    .where(and(eq(cohorts.id, id), eq(cohorts.baseId, baseId)));
  return row ?? null;
}

/**
 * The cohort a confirmed admission joins: the base's with the latest start, or a new
 * "<year>年第一期" starting `today` when the base has none.
 */
export async function currentCohort(tx: Db, baseId: string, today: string): Promise<CohortRow> {
  const [latest] = await tx
    .select()
    .from(cohorts)
    .where(eq(cohorts.baseId, baseId))
    .orderBy(desc(cohorts.startsOn), desc(cohorts.createdAt))
    .limit(1);
  if (latest) return latest;
  const name = `${today.slice(0, 4)}年第一期`;
  const [created] = await tx
    .insert(cohorts)
    .values({ baseId, name, startsOn: today })
    .onConflictDoNothing()
    .returning();
  if (created) return created;
  const [other] = await tx
    .select()
    .from(cohorts)
    .where(and(eq(cohorts.baseId, baseId), eq(cohorts.name, name)));
  if (!other) throw new Error("cohort vanished");
  return other;
}
