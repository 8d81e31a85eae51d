/**
 * The inspector's record: saved as a draft while it is filled (planned → recording), signed off
 * when complete (the application is then inspected), and after that read-only: a correction is
 * a new revision that copies the signed finding and is signed off in its turn.
 */
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "../../../../db/client";
import { applications, calls, inspectionInspectors, inspections, organizations } from "../../../../db/schema";
import {
  type InspectionFinding,
  type InspectionStatus,
  inspectionGaps,
  nextInspectionStatus,
} from "../../../../domain/inspection";
import { gapLabel } from "../../../../schemas/admission/inspection-labels";
import type { ZCorrection, ZFindingSave, ZSignOff } from "../../../../schemas/admission/inspections";
import { recordAudit } from "../../../audit";
import type { Context } from "../../../context";
import { AppError, versionConflict } from "../../../errors";
import { applyTransition, illegalTransition } from "../../recruitment/applications/transition";
import { requireOwnFiles } from "./files";
import { type InspectionRow, loadInspection, statusInvalid } from "./load";

type FindingSave = z.output<typeof ZFindingSave>;
type SignOff = z.output<typeof ZSignOff>;
type Correction = z.output<typeof ZCorrection>;

async function registrationOf(tx: Db, organizationId: string) {
  const [org] = await tx
    .select({ registrationStatus: organizations.registrationStatus })
    .from(organizations)
    .where(eq(organizations.id, organizationId));
  if (!org) throw new Error("inspection without its organization");
  return org.registrationStatus;
}

async function lockedApplication(tx: Db, id: string) {
  const [row] = await tx.select().from(applications).where(eq(applications.id, id)).for("update");
  if (!row) throw new Error("inspection without its application");
  const [call] = await tx.select({ title: calls.title }).from(calls).where(eq(calls.id, row.callId));
  return { application: row, callTitle: call?.title ?? null };
}

/** Saves the draft (the whole finding as now filled in); the first save starts the recording. */
export async function saveFinding(
  db: Db,
  ctx: Context,
  id: string,
  input: FindingSave,
): Promise<{ version: number; status: InspectionStatus; updatedAt: string }> {
  return db.transaction(async (tx) => {
    const row = await loadInspection(tx, ctx, id, "inspection.record", { lock: true });
    const to = nextInspectionStatus(row.status, "record");
    if (!to) throw statusInvalid(ctx, row.status);
    if (row.version !== input.version) throw versionConflict(row.version);
    await requireOwnFiles(tx, row, input.finding);
    const [updated] = await tx
      .update(inspections)
      .set({ finding: input.finding, status: to, version: row.version + 1, updatedAt: new Date() })
      .where(and(eq(inspections.id, id), eq(inspections.version, row.version)))
      .returning();
    if (!updated) throw versionConflict(row.version + 1);
    await recordAudit(tx, ctx, {
      baseId: row.baseId,
      action: "inspection.record",
      entityType: "inspection",
      entityId: id,
      before: { status: row.status, version: row.version },
      after: { status: to, version: updated.version },
    });
    return { version: updated.version, status: to, updatedAt: updated.updatedAt.toISOString() };
  });
}

/**
 * Signs the record off when nothing is missing (409 `inspection_incomplete` with the gaps
 * otherwise). The first sign-off moves the application to inspected; a correction's sign-off
 * does so only when the correction had reopened it (see `correctInspection`).
 */
export async function signOff(
  db: Db,
  ctx: Context,
  id: string,
  input: SignOff,
): Promise<{ version: number }> {
  return db.transaction(async (tx) => {
    const row = await loadInspection(tx, ctx, id, "inspection.record", { lock: true });
    if (!nextInspectionStatus(row.status, "sign_off")) throw statusInvalid(ctx, row.status);
    if (row.version !== input.version) throw versionConflict(row.version);
    const finding = row.finding as InspectionFinding;
    const gaps = inspectionGaps(finding, await registrationOf(tx, row.organizationId));
    if (gaps.length > 0) {
      const comma = ctx.lang === "en" ? ", " : "、";
      throw new AppError("inspection_incomplete", {
        params: { gaps: gaps.map((g) => gapLabel(ctx.lang, g)).join(comma) },
        details: { gaps },
      });
    }
    const { application, callTitle } = await lockedApplication(tx, row.applicationId);
    if (application.status === "in_inspection") {
      await applyTransition(tx, ctx, application, "sign_off_inspection", {
        noticeParams: { callTitle },
        auditAfter: { inspectionId: id, revision: row.revision },
      });
    } else if (!row.supersedesId) {
      // A first record is signed only while its application waits for it.
      throw illegalTransition(application.status);
    }
    const now = new Date();
    const [updated] = await tx
      .update(inspections)
      .set({
        status: "signed_off",
        recommendation: finding.recommendation?.decision ?? null,
        signedOffAt: now,
        signedOffBy: ctx.actor.userId,
        version: row.version + 1,
        updatedAt: now,
      })
      .where(and(eq(inspections.id, id), eq(inspections.version, row.version)))
      .returning();
    if (!updated) throw versionConflict(row.version + 1);
    await recordAudit(tx, ctx, {
      baseId: row.baseId,
      action: "inspection.sign_off",
      entityType: "inspection",
      entityId: id,
      before: { status: row.status },
      after: { status: "signed_off", revision: row.revision, recommendation: updated.recommendation },
    });
    return { version: updated.version };
  });
}

/**
 * A correction of a signed-off record: a new row (revision + 1, superseding it) with the
 * finding copied and recording again; the signed row stays as it was signed.
 *
 * The application: while it is `inspected` (not yet in a review round) the correction reopens
 * it (`reopen_inspection` → in_inspection) until the new revision is signed off, so it cannot
 * enter a review on a record being changed. Once it is in review or beyond, the correction is
 * recorded without a status change: pulling it out of a round (or undoing a decision) is the
 * panel's act, not the inspector's, and the round works from the signed revision it has; the
 * corrected revision is shown beside it once signed, and the audit log says who corrected what.
 */
export async function correctInspection(
  db: Db,
  ctx: Context,
  id: string,
  input: Correction,
): Promise<{ id: string }> {
  return db.transaction(async (tx) => {
    const row = await loadInspection(tx, ctx, id, "inspection.record", { lock: true });
    if (!nextInspectionStatus(row.status, "correct")) throw statusInvalid(ctx, row.status);
    const [later] = await tx
      .select({ id: inspections.id, status: inspections.status })
      .from(inspections)
      .where(eq(inspections.supersedesId, id))
      .limit(1);
    // Only the latest signed revision is corrected: an open correction is finished first.
    if (later) throw statusInvalid(ctx, later.status);
    const { application, callTitle } = await lockedApplication(tx, row.applicationId);
    const created = await insertRevision(tx, ctx, row, input.reason);
    if (application.status === "inspected") {
      await applyTransition(tx, ctx, application, "reopen_inspection", {
        reason: input.reason,
        noticeParams: { callTitle },
        auditAfter: { inspectionId: created.id, revision: created.revision },
      });
    }
    await recordAudit(tx, ctx, {
      baseId: row.baseId,
      action: "inspection.correct",
      entityType: "inspection",
      entityId: created.id,
      before: { inspectionId: id, revision: row.revision },
      after: {
        revision: created.revision,
        reason: input.reason,
        applicationStatus: application.status,
        reopened: application.status === "inspected",
      },
    });
    return { id: created.id };
  });
}

async function insertRevision(tx: Db, ctx: Context, row: InspectionRow, reason: string) {
  const [created] = await tx
    .insert(inspections)
    .values({
      baseId: row.baseId,
      applicationId: row.applicationId,
      organizationId: row.organizationId,
      revision: row.revision + 1,
      supersedesId: row.id,
      correctionReason: reason,
      status: "recording",
      mode: row.mode,
      scheduledAt: row.scheduledAt,
      place: row.place,
      finding: row.finding,
      createdBy: ctx.actor.userId,
    })
    .returning();
  if (!created) throw new Error("correction not created");
  const named = await tx
    .select({ userId: inspectionInspectors.userId })
    .from(inspectionInspectors)
    .where(eq(inspectionInspectors.inspectionId, row.id));
  if (named.length > 0) {
    await tx
      .insert(inspectionInspectors)
      .values(named.map((n) => ({ inspectionId: created.id, userId: n.userId, baseId: row.baseId })));
  }
  return created;
}
