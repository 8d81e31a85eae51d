/**
 * The base's flagship programmes (十大工程): the list a combined-track project chooses its
 * programme from. Staff add, rename and retire them; a retired one stays on the projects that
 * named it and is no longer offered.
 */
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { flagshipProgrammes, projects } from "../../../../db/schema";
import { isUniqueViolation } from "../../../../db/sql-text";
import type { Programme, ProgrammeInput, ProgrammeList } from "../../../../schemas/funding/settings";
import { recordAudit } from "../../../audit";
import type { Context } from "../../../context";
import { fieldError, notFound } from "../../../errors";
import { requireAccess } from "../../../policy";

const nameTaken = () => fieldError("name", "programme_name_taken");

const projectCount =
  sql<number>`(SELECT count(*) FROM ${projects} WHERE ${projects.flagshipProgrammeId} = ${flagshipProgrammes.id})`.mapWith(
    Number,
  );

export async function listProgrammes(db: Db, ctx: Context, all: boolean): Promise<ProgrammeList> {
  requireAccess(ctx.actor, "funding.manage");
  const rows = await db
    .select({ p: flagshipProgrammes, projectCount })
    .from(flagshipProgrammes)
    .where(
      and(
        eq(flagshipProgrammes.baseId, ctx.actor.baseId),
        all ? undefined : isNull(flagshipProgrammes.retiredAt),
      ),
    )
    .orderBy(asc(flagshipProgrammes.sortOrder), asc(flagshipProgrammes.createdAt));
  return {
    items: rows.map(({ p, projectCount: n }) => ({
      id: p.id,
      name: p.name,
      description: p.description,
      retired: p.retiredAt !== null,
      projectCount: n,
    })),
  };
}

async function one(db: Db, ctx: Context, id: string): Promise<Programme> {
  const { items } = await listProgrammes(db, ctx, true);
  const found = items.find((p) => p.id === id);
  if (!found) throw notFound();
  return found;
}

export async function createProgramme(db: Db, ctx: Context, input: ProgrammeInput): Promise<Programme> {
  requireAccess(ctx.actor, "funding.manage");
  const baseId = ctx.actor.baseId;
  try {
    const id = await db.transaction(async (tx) => {
      const [last] = await tx
        .select({ n: sql<number>`coalesce(max(${flagshipProgrammes.sortOrder}), -1)`.mapWith(Number) })
        .from(flagshipProgrammes)
        .where(eq(flagshipProgrammes.baseId, baseId));
      const values = { name: input.name, description: input.description ?? "" };
      const [row] = await tx
        .insert(flagshipProgrammes)
        .values({ baseId, ...values, sortOrder: (last?.n ?? -1) + 1 })
        .returning({ id: flagshipProgrammes.id });
      if (!row) throw new Error("programme insert returned nothing");
      await recordAudit(tx, ctx, {
        baseId,
        action: "funding.programme_created",
        entityType: "base",
        entityId: baseId,
        after: { programmeId: row.id, ...values },
      });
      return row.id;
    });
    return one(db, ctx, id);
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken();
    throw error;
  }
}

async function lockOwn(tx: Db, ctx: Context, id: string) {
  requireAccess(ctx.actor, "funding.manage");
  const [row] = await tx
    .select()
    .from(flagshipProgrammes)
    .where(and(eq(flagshipProgrammes.id, id), eq(flagshipProgrammes.baseId, ctx.actor.baseId)))
    .for("update");
  if (!row) throw notFound();
  return row;
}

export async function updateProgramme(
  db: Db,
  ctx: Context,
  id: string,
  input: ProgrammeInput,
): Promise<Programme> {
  try {
    await db.transaction(async (tx) => {
      const before = await lockOwn(tx, ctx, id);
      const after = { name: input.name, description: input.description ?? "" };
      await tx.update(flagshipProgrammes).set(after).where(eq(flagshipProgrammes.id, id));
      await recordAudit(tx, ctx, {
        baseId: before.baseId,
        action: "funding.programme_updated",
        entityType: "base",
        entityId: before.baseId,
        before: { programmeId: id, name: before.name, description: before.description },
        after: { programmeId: id, ...after },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken();
    throw error;
  }
  return one(db, ctx, id);
}

/** Retired: no longer offered to projects; those that named it keep it. Retiring twice changes nothing. */
export async function retireProgramme(db: Db, ctx: Context, id: string): Promise<Programme> {
  await db.transaction(async (tx) => {
    const before = await lockOwn(tx, ctx, id);
    if (before.retiredAt) return;
    await tx.update(flagshipProgrammes).set({ retiredAt: new Date() }).where(eq(flagshipProgrammes.id, id));
    await recordAudit(tx, ctx, {
      baseId: before.baseId,
      action: "funding.programme_retired",
      entityType: "base",
      entityId: before.baseId,
      after: { programmeId: id, name: before.name },
    });
  });
  return one(db, ctx, id);
}
