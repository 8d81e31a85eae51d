/**
 * Evidence files of an assessment (owner kind "assessment"), each for one indicator
 * (`assessment_evidence`): attached while it is a draft by whoever fills it in, read by whoever
 * reads it (src/server/areas/platform/files/owners.ts), unlinked from a draft when taken back.
 */
import { and, eq } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { assessmentEvidence, files } from "../../../../db/schema";
import { ZEvidenceFields } from "../../../../schemas/incubation/assessments";
import type { UploadedFile } from "../../../../schemas/platform/files";
import { recordAudit } from "../../../audit";
import type { Context } from "../../../context";
import { fieldError, notFound } from "../../../errors";
import { requireRoleFor } from "../../../policy";
import type { FileStorage } from "../../../storage";
import { ownerForAttach } from "../../platform/files/owners";
import type { ReceivedUpload } from "../../platform/files/receive";
import { storeUpload } from "../../platform/files/service";
import { actorWriteAction, loadAssessment, requireDraft } from "./load";
import { versionContent } from "./record";

/** Before the body is read: a role that never fills an assessment in gets 403. */
export function checkEvidenceRole(ctx: Context): void {
  requireRoleFor(ctx.actor, actorWriteAction(ctx.actor));
}

/** Before the file is stored: the draft is the actor's to fill in and the indicator is the version's. */
export async function checkEvidenceFields(
  db: Db,
  ctx: Context,
  id: string,
  fields: Record<string, string>,
): Promise<string> {
  const { row } = await loadAssessment(db, ctx, id, "write");
  requireDraft(row);
  const parsed = ZEvidenceFields.safeParse(fields);
  if (!parsed.success) throw fieldError("indicatorKey", "required");
  const { content } = await versionContent(db, row.instrumentVersionId);
  const key = parsed.data.indicatorKey;
  if (!content.dimensions.some((d) => d.indicators.some((i) => i.key === key))) {
    throw fieldError("indicatorKey", "indicator_unknown", { indicator: key });
  }
  return key;
}

export async function uploadEvidence(
  db: Db,
  ctx: Context,
  storage: FileStorage,
  id: string,
  upload: ReceivedUpload,
): Promise<UploadedFile & { indicatorKey: string }> {
  try {
    return await db.transaction(async (tx) => {
      const indicatorKey = await checkEvidenceFields(tx, ctx, id, upload.fields);
      const { row } = await loadAssessment(tx, ctx, id, "write", { lock: true });
      requireDraft(row);
      const { baseId } = await ownerForAttach(tx, ctx, "assessment", id);
      const file = await storeUpload(tx, ctx, storage, { kind: "assessment", id, baseId }, upload);
      await tx.insert(assessmentEvidence).values({ assessmentId: id, fileId: file.id, indicatorKey });
      await recordAudit(tx, ctx, {
        baseId,
        action: "file.upload",
        entityType: "file",
        entityId: file.id,
        after: {
          assessmentId: id,
          indicatorKey,
          originalName: file.originalName,
          size: file.size,
          mime: file.mime,
        },
      });
      return { id: file.id, originalName: file.originalName, size: file.size, mime: file.mime, indicatorKey };
    });
  } finally {
    await storage.discard(upload.staged);
  }
}

/** Takes a file off a draft's evidence (the file itself stays, as every stored file does). */
export async function removeEvidence(
  db: Db,
  ctx: Context,
  id: string,
  fileId: string,
): Promise<{ ok: true }> {
  return db.transaction(async (tx) => {
    const { row } = await loadAssessment(tx, ctx, id, "write", { lock: true });
    requireDraft(row);
    const [removed] = await tx
      .delete(assessmentEvidence)
      .where(and(eq(assessmentEvidence.assessmentId, id), eq(assessmentEvidence.fileId, fileId)))
      .returning();
    if (!removed) throw notFound();
    return { ok: true as const };
  });
}

/** The evidence of an assessment with the files' names, for the page. */
export async function evidenceOf(db: Db, assessmentId: string) {
  return db
    .select({
      indicatorKey: assessmentEvidence.indicatorKey,
      id: files.id,
      originalName: files.originalName,
      size: files.size,
      mime: files.mime,
    })
    .from(assessmentEvidence)
    .innerJoin(files, eq(files.id, assessmentEvidence.fileId))
    .where(eq(assessmentEvidence.assessmentId, assessmentId))
    .orderBy(assessmentEvidence.createdAt, files.id);
}
