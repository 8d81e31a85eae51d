/** Marking a grant's milestone met (with its day and a note) or missed: staff, at its version. */
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "../../../../db/client";
import { grantMilestones } from "../../../../db/schema";
import { shanghaiDate } from "../../../../domain/shanghai-time";
import type { ZMilestoneMark } from "../../../../schemas/funding/grants";
import { recordAudit } from "../../../audit";
import type { Context } from "../../../context";
import { fieldError, notFound, versionConflict } from "../../../errors";
import { grantStatusInvalid, loadGrant } from "./load";

export async function markMilestone(
  db: Db,
  ctx: Context,
  grantId: string,
  milestoneId: string,
  input: z.output<typeof ZMilestoneMark>,
): Promise<{ id: string; status: string; version: number }> {
  return db.transaction(async (tx) => {
    const grant = await loadGrant(tx, ctx, grantId, "funding.manage", { lock: true });
    if (["proposed", "closed", "cancelled"].includes(grant.status))
      throw grantStatusInvalid(ctx, grant.status);
    const [row] = await tx
      .select()
      .from(grantMilestones)
      .where(and(eq(grantMilestones.id, milestoneId), eq(grantMilestones.grantId, grant.id)))
      .for("update");
    if (!row) throw notFound();
    if (row.version !== input.version) throw versionConflict(row.version);
    const today = shanghaiDate(new Date());
    const metOn = input.status === "met" ? (input.metOn ?? today) : null;
    if (metOn && metOn > today) throw fieldError("metOn", "met_on_future");
    const [updated] = await tx
      .update(grantMilestones)
      .set({ status: input.status, metOn, note: input.note ?? null, version: row.version + 1 })
      .where(and(eq(grantMilestones.id, row.id), eq(grantMilestones.version, row.version)))
      .returning();
    if (!updated) throw versionConflict(row.version);
    await recordAudit(tx, ctx, {
      baseId: grant.baseId,
      action: "grant.milestone",
      entityType: "grant",
      entityId: grant.id,
      before: { milestoneId: row.id, status: row.status },
      after: { milestoneId: row.id, status: updated.status, metOn, note: updated.note },
    });
    return { id: row.id, status: updated.status, version: updated.version };
  });
}
