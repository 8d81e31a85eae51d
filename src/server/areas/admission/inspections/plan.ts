/**
 * Staff plan an inspection of an accepted application (the application moves to in_inspection
 * and its organization hears when, how and where), change the plan, or cancel it with a reason
 * (the application goes back to accepted, to be planned again).
 */
import { and, eq, inArray, max } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "../../../../db/client";
import { applications, calls, inspectionInspectors, inspections, users } from "../../../../db/schema";
import { nextInspectionStatus } from "../../../../domain/inspection";
import type {
  ZInspectionCancel,
  ZInspectionCreate,
  ZInspectionPlanEdit,
} from "../../../../schemas/admission/inspections";
import { recordAudit } from "../../../audit";
import type { Context } from "../../../context";
import { AppError, notFound, versionConflict } from "../../../errors";
import { noticeOtherSide } from "../../recruitment/applications/notice";
import { applyTransition } from "../../recruitment/applications/transition";
import { loadApplication } from "../../recruitment/intake/load";
import { type InspectionRow, loadInspection, statusInvalid } from "./load";

type Create = z.output<typeof ZInspectionCreate>;
type PlanEdit = z.output<typeof ZInspectionPlanEdit>;
type Cancel = z.output<typeof ZInspectionCancel>;

const INSPECTOR_ROLES = new Set(["staff", "admin", "expert"]);

/**
 * The named inspectors must be active users of the base with a staff, admin or expert role;
 * anyone else is a 400 that names them (or their ids, when no such user is in the base).
 */
async function requireInspectors(tx: Db, baseId: string, ids: readonly string[]): Promise<void> {
  const rows = await tx
    .select({ id: users.id, name: users.displayName, roles: users.roles, status: users.status })
    .from(users)
    .where(and(inArray(users.id, [...ids]), eq(users.baseId, baseId)));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const refused = ids.filter((id) => {
    const user = byId.get(id);
    if (user?.status !== "active") return true;
    return !user.roles.some((r) => INSPECTOR_ROLES.has(r));
  });
  if (refused.length === 0) return;
  const names = refused.map((id) => byId.get(id)?.name ?? id).join("、");
  throw new AppError("inspector_not_eligible", {
    field: "inspectorIds",
    params: { names },
    details: { inspectorIds: refused },
  });
}

async function nameInspectors(tx: Db, inspection: InspectionRow, ids: readonly string[]) {
  await tx.delete(inspectionInspectors).where(eq(inspectionInspectors.inspectionId, inspection.id));
  await tx
    .insert(inspectionInspectors)
    .values(ids.map((userId) => ({ inspectionId: inspection.id, userId, baseId: inspection.baseId })));
}

/** The plan as the organization's notice says it. */
const planParams = (p: { scheduledAt: Date | string; mode: string; place?: string | null }) => ({
  scheduledAt: typeof p.scheduledAt === "string" ? p.scheduledAt : p.scheduledAt.toISOString(),
  mode: p.mode,
  place: p.place ?? null,
});

export async function planInspection(db: Db, ctx: Context, input: Create): Promise<{ id: string }> {
  return db.transaction(async (tx) => {
    const { application, call } = await loadApplication(tx, ctx, input.applicationId, "inspection.plan", {
      lock: true,
    });
    await requireInspectors(tx, application.baseId, input.inspectorIds);
    // The state machine answers first: only an accepted application is planned (409 otherwise).
    await applyTransition(tx, ctx, application, "plan_inspection", {
      noticeParams: { callTitle: call.title, ...planParams(input) },
    });
    const [last] = await tx
      .select({ revision: max(inspections.revision) })
      .from(inspections)
      .where(eq(inspections.applicationId, application.id));
    const [row] = await tx
      .insert(inspections)
      .values({
        baseId: application.baseId,
        applicationId: application.id,
        organizationId: application.organizationId,
        // A plan after a cancelled one is the next row of the application's inspections.
        revision: (last?.revision ?? 0) + 1,
        mode: input.mode,
        scheduledAt: new Date(input.scheduledAt),
        place: input.place ?? null,
        createdBy: ctx.actor.userId,
      })
      .returning();
    if (!row) throw new Error("inspection not created");
    await nameInspectors(tx, row, input.inspectorIds);
    return { id: row.id };
  });
}

export async function editPlan(
  db: Db,
  ctx: Context,
  id: string,
  input: PlanEdit,
): Promise<{ version: number }> {
  return db.transaction(async (tx) => {
    const row = await loadInspection(tx, ctx, id, "inspection.plan", { lock: true });
    if (row.status !== "planned" && row.status !== "recording") throw statusInvalid(ctx, row.status);
    if (row.version !== input.version) throw versionConflict(row.version);
    await requireInspectors(tx, row.baseId, input.inspectorIds);
    const scheduledAt = new Date(input.scheduledAt);
    const [updated] = await tx
      .update(inspections)
      .set({
        mode: input.mode,
        scheduledAt,
        place: input.place ?? null,
        version: row.version + 1,
        updatedAt: new Date(),
      })
      .where(and(eq(inspections.id, id), eq(inspections.version, row.version)))
      .returning();
    if (!updated) throw versionConflict(row.version + 1);
    await nameInspectors(tx, row, input.inspectorIds);
    const before = planParams(row);
    const after = planParams(updated);
    await recordAudit(tx, ctx, {
      baseId: row.baseId,
      action: "inspection.plan_edit",
      entityType: "inspection",
      entityId: id,
      before,
      after: { ...after, inspectorIds: input.inspectorIds },
    });
    // The organization hears of a new time, mode or place (not of a change of inspectors).
    if (JSON.stringify(before) !== JSON.stringify(after)) {
      const [application] = await tx
        .select()
        .from(applications)
        .where(eq(applications.id, row.applicationId));
      const [call] = application
        ? await tx.select({ title: calls.title }).from(calls).where(eq(calls.id, application.callId))
        : [];
      if (application) {
        await noticeOtherSide(tx, ctx, application, "staff", "application_status", {
          event: "replan_inspection",
          status: application.status,
          callTitle: call?.title ?? null,
          ...after,
        });
      }
    }
    return { version: updated.version };
  });
}

/**
 * Cancels a planned or recording inspection; the application goes back to accepted. A
 * correction (a later revision of a signed-off record) is not cancelled this way: the signed
 * record it corrects still stands, so the correction is finished and signed instead.
 */
export async function cancelInspection(
  db: Db,
  ctx: Context,
  id: string,
  input: Cancel,
): Promise<{ version: number }> {
  return db.transaction(async (tx) => {
    const row = await loadInspection(tx, ctx, id, "inspection.plan", { lock: true });
    if (!nextInspectionStatus(row.status, "cancel") || row.supersedesId) throw statusInvalid(ctx, row.status);
    if (row.version !== input.version) throw versionConflict(row.version);
    const { application, call } = await loadApplication(tx, ctx, row.applicationId, "inspection.plan", {
      lock: true,
    }).catch(() => {
      throw notFound();
    });
    await applyTransition(tx, ctx, application, "cancel_inspection", {
      reason: input.reason,
      noticeParams: { callTitle: call.title },
    });
    const [updated] = await tx
      .update(inspections)
      .set({
        status: "cancelled",
        cancelledReason: input.reason,
        version: row.version + 1,
        updatedAt: new Date(),
      })
      .where(and(eq(inspections.id, id), eq(inspections.version, row.version)))
      .returning();
    if (!updated) throw versionConflict(row.version + 1);
    await recordAudit(tx, ctx, {
      baseId: row.baseId,
      action: "inspection.cancel",
      entityType: "inspection",
      entityId: id,
      before: { status: row.status },
      after: { status: "cancelled", reason: input.reason },
    });
    return { version: updated.version };
  });
}
