/**
 * Staff read and edit the rubrics. Editing the current version of a track: if a round opened
 * with it (frozen), the edit is the next version and the rounds keep theirs; if not, it is
 * changed in place. Either way the version number goes up by one, and an edit of a version
 * that is no longer the current one is a 409.
 */
import { and, desc, eq } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { rubrics } from "../../../../db/schema";
import { TRACKS, type Track } from "../../../../domain/call";
import type { Rubric, RubricEdit, RubricList } from "../../../../schemas/admission/rubrics";
import { recordAudit } from "../../../audit";
import type { Context } from "../../../context";
import { versionConflict } from "../../../errors";
import { requireAccess } from "../../../policy";
import { allRubrics, roundCounts, rubricView } from "./load";
import { checkRubric } from "./validate";

export async function listRubrics(db: Db, ctx: Context): Promise<RubricList> {
  requireAccess(ctx.actor, "round.manage");
  const rows = await allRubrics(db, ctx.actor.baseId);
  const counts = await roundCounts(
    db,
    ctx.actor.baseId,
    rows.map((r) => r.id),
  );
  return {
    tracks: TRACKS.map((track) => {
      const [current, ...older] = rows
        .filter((r) => r.track === track)
        .map((r) => rubricView(r, counts.get(r.id) ?? 0));
      return { track, current: current as Rubric, older };
    }),
  };
}

export async function editRubric(db: Db, ctx: Context, track: Track, input: RubricEdit): Promise<Rubric> {
  requireAccess(ctx.actor, "round.manage");
  const criteria = input.criteria;
  checkRubric(track, criteria);
  await allRubrics(db, ctx.actor.baseId);
  const row = await db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(rubrics)
      .where(and(eq(rubrics.baseId, ctx.actor.baseId), eq(rubrics.track, track)))
      .orderBy(desc(rubrics.version))
      .limit(1)
      .for("update");
    if (!current) throw versionConflict(0);
    if (current.version !== input.version) throw versionConflict(current.version);
    const values = {
      title: input.title,
      source: input.source ?? null,
      criteria: criteria.map((c) => ({ ...c, levels: [...c.levels] })),
    };
    if (current.frozenAt) {
      const [created] = await tx
        .insert(rubrics)
        .values({
          baseId: current.baseId,
          track,
          version: current.version + 1,
          createdBy: ctx.actor.userId,
          ...values,
        })
        .onConflictDoNothing()
        .returning();
      if (!created) throw versionConflict(current.version + 1);
      await recordAudit(tx, ctx, {
        baseId: current.baseId,
        action: "rubric.create",
        entityType: "rubric",
        entityId: created.id,
        before: { id: current.id, version: current.version },
        after: { track, version: created.version, ...values },
      });
      return created;
    }
    const [updated] = await tx
      .update(rubrics)
      .set({ ...values, version: current.version + 1 })
      .where(and(eq(rubrics.id, current.id), eq(rubrics.version, current.version)))
      .returning();
    if (!updated) throw versionConflict(current.version + 1);
    await recordAudit(tx, ctx, {
      baseId: current.baseId,
      action: "rubric.update",
      entityType: "rubric",
      entityId: current.id,
      before: {
        version: current.version,
        title: current.title,
        source: current.source,
        criteria: current.criteria,
      },
      after: { version: updated.version, ...values },
    });
    return updated;
  });
  const counts = await roundCounts(db, ctx.actor.baseId, [row.id]);
  return rubricView(row, counts.get(row.id) ?? 0);
}
