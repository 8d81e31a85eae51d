/**
 * Staff screen an application out at stage 2 (考察未通过), e.g. on a "reject" recommendation:
 * from accepted, in_inspection or inspected, with a reason the organization reads. An
 * inspection still open for it is cancelled with the same reason: nobody goes on recording it.
 */
import { and, eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "../../../../db/client";
import { inspections } from "../../../../db/schema";
import type { ZScreenOutBody } from "../../../../schemas/admission/inspections";
import type { DecisionResult } from "../../../../schemas/recruitment/intake";
import { recordAudit } from "../../../audit";
import type { Context } from "../../../context";
import { applyTransition } from "../../recruitment/applications/transition";
import { loadApplication } from "../../recruitment/intake/load";

export async function screenOut(
  db: Db,
  ctx: Context,
  id: string,
  input: z.output<typeof ZScreenOutBody>,
): Promise<DecisionResult> {
  const row = await db.transaction(async (tx) => {
    const { application, call } = await loadApplication(tx, ctx, id, "inspection.plan", { lock: true });
    const updated = await applyTransition(tx, ctx, application, "screen_out", {
      reason: input.reason,
      expectedVersion: input.version,
      noticeParams: { callTitle: call.title },
    });
    const open = await tx
      .update(inspections)
      .set({ status: "cancelled", cancelledReason: input.reason, updatedAt: new Date() })
      .where(and(eq(inspections.applicationId, id), inArray(inspections.status, ["planned", "recording"])))
      .returning({ id: inspections.id, version: inspections.version });
    for (const inspection of open) {
      await recordAudit(tx, ctx, {
        baseId: application.baseId,
        action: "inspection.cancel",
        entityType: "inspection",
        entityId: inspection.id,
        after: { status: "cancelled", reason: input.reason, screenedOut: true },
      });
    }
    return updated;
  });
  return {
    id: row.id,
    status: row.status,
    version: row.version,
    extendedUntil: row.extendedUntil?.toISOString() ?? null,
    statusReason: row.statusReason,
  };
}
