/**
 * The organization's problems and needs (问题与需求), tagged with the 4Z categories: staff record
 * and edit them; the organization's members read their own. A need keeps its id for good: the
 * plan's actions and later the services point at it.
 */
import { and, asc, count, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "../../../../db/client";
import { recordGrowth } from "../../../../db/growth";
import { needs, users } from "../../../../db/schema";
import { isIncubationClosed } from "../../../../domain/incubation/lifecycle";
import { PLAN_LIMITS } from "../../../../domain/incubation/plan";
import type { Need, NeedList, ZNeedCreate, ZNeedUpdate } from "../../../../schemas/incubation/plan";
import { recordAudit } from "../../../audit";
import type { Context } from "../../../context";
import { AppError, notFound, versionConflict } from "../../../errors";
import { loadIncubation } from "../incubations/load";
import "./growth";
import { planTitles } from "../../../../schemas/incubation/plan";
import { incubationClosed } from "./load";

type NeedCreate = z.output<typeof ZNeedCreate>;
type NeedUpdate = z.output<typeof ZNeedUpdate>;

export async function listNeeds(db: Db, ctx: Context, incubationId: string): Promise<NeedList> {
  await loadIncubation(db, ctx, incubationId, "plan.read");
  const rows = await db
    .select({ need: needs, createdByName: users.displayName })
    .from(needs)
    .leftJoin(users, eq(users.id, needs.createdBy))
    .where(eq(needs.incubationId, incubationId))
    .orderBy(asc(needs.createdAt), asc(needs.id));
  return { items: rows.map((r) => needView(r.need, r.createdByName)) };
}

export async function recordNeed(
  db: Db,
  ctx: Context,
  incubationId: string,
  input: NeedCreate,
): Promise<Need> {
  return db.transaction(async (tx) => {
    const incubation = await loadIncubation(tx, ctx, incubationId, "plan.manage", { lock: true });
    if (isIncubationClosed(incubation.status)) throw incubationClosed(ctx);
    const [{ n: existing } = { n: 0 }] = await tx
      .select({ n: count() })
      .from(needs)
      .where(eq(needs.incubationId, incubationId));
    if (existing >= PLAN_LIMITS.needs) {
      throw new AppError("validation_failed", {
        field: "title",
        fieldMessage: "too_big",
        params: { maximum: PLAN_LIMITS.needs },
      });
    }
    const [row] = await tx
      .insert(needs)
      .values({
        baseId: incubation.baseId,
        incubationId,
        category: input.category,
        title: input.title,
        detail: input.detail,
        source: input.source,
        dimensionKey: input.dimensionKey ?? null,
        createdBy: ctx.actor.userId,
      })
      .returning();
    if (!row) throw new Error("need not inserted");
    await recordAudit(tx, ctx, {
      baseId: incubation.baseId,
      action: "need.record",
      entityType: "plan",
      entityId: row.id,
      after: { incubationId, category: row.category, title: row.title, source: row.source },
    });
    await recordGrowth(tx, {
      baseId: incubation.baseId,
      organizationId: incubation.organizationId,
      incubationId,
      kind: "need.recorded",
      title: planTitles.needRecorded(row.title, row.category),
      params: { title: row.title, category: row.category },
      subjectId: row.id,
      actorName: ctx.actor.displayName,
    });
    return needView(row, ctx.actor.displayName);
  });
}

export async function updateNeed(
  db: Db,
  ctx: Context,
  incubationId: string,
  needId: string,
  input: NeedUpdate,
): Promise<Need> {
  return db.transaction(async (tx) => {
    const incubation = await loadIncubation(tx, ctx, incubationId, "plan.manage");
    if (isIncubationClosed(incubation.status)) throw incubationClosed(ctx);
    const [row] = await tx
      .select()
      .from(needs)
      .where(and(eq(needs.id, needId), eq(needs.incubationId, incubationId)))
      .for("update");
    if (!row) throw notFound();
    if (row.version !== input.version) throw versionConflict(row.version);
    const [updated] = await tx
      .update(needs)
      .set({
        category: input.category,
        title: input.title,
        detail: input.detail,
        source: input.source,
        dimensionKey: input.dimensionKey ?? null,
        status: input.status,
        version: row.version + 1,
        updatedAt: new Date(),
      })
      .where(eq(needs.id, needId))
      .returning();
    if (!updated) throw versionConflict(row.version);
    await recordAudit(tx, ctx, {
      baseId: incubation.baseId,
      action: "need.update",
      entityType: "plan",
      entityId: needId,
      before: { category: row.category, title: row.title, status: row.status, version: row.version },
      after: {
        category: updated.category,
        title: updated.title,
        status: updated.status,
        version: updated.version,
      },
    });
    const [creator] = row.createdBy
      ? await tx.select({ name: users.displayName }).from(users).where(eq(users.id, row.createdBy))
      : [];
    return needView(updated, creator?.name ?? null);
  });
}

function needView(row: typeof needs.$inferSelect, createdByName: string | null): Need {
  return {
    id: row.id,
    category: row.category,
    title: row.title,
    detail: row.detail,
    source: row.source,
    dimensionKey: row.dimensionKey,
    status: row.status,
    version: row.version,
    createdByName,
    createdAt: row.createdAt.toISOString(),
  };
}
