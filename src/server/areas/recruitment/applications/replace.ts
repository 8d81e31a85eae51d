/**
 * A corrected file replaces the one staff flagged: in one transaction the old document leaves
 * the item's current set (kept, marked as replaced by the new one, so both sides still see and
 * download it in the item's history and submissions that froze it keep it) and the new one
 * joins it. Replacing a document that is no longer current (replaced or removed meanwhile, e.g.
 * in another tab) is a stale write: 409, nothing stored.
 */
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { applicationDocuments } from "../../../../db/schema";
import { isEditableByApplicant } from "../../../../domain/application";
import type { ApplicationDocument } from "../../../../schemas/recruitment/applications";
import { recordAudit } from "../../../audit";
import type { Context } from "../../../context";
import { AppError, notFound } from "../../../errors";
import type { FileStorage } from "../../../storage";
import type { ReceivedUpload } from "../../platform/files/receive";
import { storeUpload } from "../../platform/files/service";
import { answerWithDocument, checkCurrentLimits } from "./documents";
import { type ApplicationRow, activeDocuments, loadForApply } from "./load";
import { illegalTransition } from "./transition";
import { documentView } from "./view";

/** The document to replace, if it is of this application and still current; else 404 / 409. */
async function currentDocument(tx: Db, row: ApplicationRow, documentId: string) {
  const [document] = await tx
    .select()
    .from(applicationDocuments)
    .where(and(eq(applicationDocuments.id, documentId), eq(applicationDocuments.applicationId, row.id)))
    .limit(1);
  if (!document) throw notFound();
  if (!isEditableByApplicant(row.status)) throw illegalTransition(row.status);
  if (document.removedAt)
    throw new AppError("version_conflict", { details: { replacedById: document.replacedById } });
  return document;
}

/** Before the bytes are read: the form is the applicant's to change and the document current. */
export async function checkReplaceable(db: Db, ctx: Context, id: string, documentId: string): Promise<void> {
  const row = await loadForApply(db, ctx, id);
  await currentDocument(db, row, documentId);
}

export async function replaceDocument(
  db: Db,
  ctx: Context,
  storage: FileStorage,
  id: string,
  documentId: string,
  upload: ReceivedUpload,
): Promise<ApplicationDocument> {
  try {
    return await db.transaction(async (tx) => {
      const row = await loadForApply(tx, ctx, id, { lock: true });
      const old = await currentDocument(tx, row, documentId);
      const rest = (await activeDocuments(tx, row.id)).filter((d) => d.id !== old.id);
      checkCurrentLimits(rest, upload.staged.size);
      const file = await storeUpload(
        tx,
        ctx,
        storage,
        { kind: "application_document", id: row.id, baseId: row.baseId },
        upload,
      );
      const [document] = await tx
        .insert(applicationDocuments)
        .values({
          baseId: row.baseId,
          applicationId: row.id,
          requirementKey: old.requirementKey,
          fileId: file.id,
        })
        .returning();
      if (!document) throw new Error("document not written");
      // Guarded by "still current": of two replacements racing, the second finds the row taken.
      const out = await tx
        .update(applicationDocuments)
        .set({ removedAt: new Date(), replacedById: document.id })
        .where(and(eq(applicationDocuments.id, old.id), isNull(applicationDocuments.removedAt)))
        .returning({ id: applicationDocuments.id });
      if (out.length === 0) throw new AppError("version_conflict");
      // A file question answered by the old document is now answered by the new one.
      const questionKey = old.requirementKey.startsWith("q:") ? old.requirementKey.slice(2) : null;
      const answered = questionKey && row.answers[questionKey] === old.id ? questionKey : null;
      await answerWithDocument(tx, row, answered, document.id);
      await recordAudit(tx, ctx, {
        baseId: row.baseId,
        action: "application.document_replace",
        entityType: "application",
        entityId: row.id,
        before: { requirementKey: old.requirementKey, documentId: old.id, fileId: old.fileId },
        after: { documentId: document.id, fileId: file.id, originalName: file.originalName, size: file.size },
      });
      return documentView({ id: document.id, requirementKey: old.requirementKey, file });
    });
  } finally {
    await storage.discard(upload.staged);
  }
}
