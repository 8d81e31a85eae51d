/**
 * The applicant's documents: one upload per requirement (a track's document key, or `q:<key>`
 * of a file question), within the per-application limits, only while the form is theirs to edit.
 */
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { applicationDocuments, applications } from "../../../../db/schema";
import { isEditableByApplicant } from "../../../../domain/application";
import { questionsFor, trackOf } from "../../../../domain/call";
import { UPLOAD_LIMITS } from "../../../../domain/upload";
import type { ApplicationDocument } from "../../../../schemas/recruitment/applications";
import { recordAudit } from "../../../audit";
import type { Context } from "../../../context";
import { AppError, notFound } from "../../../errors";
import type { FileStorage } from "../../../storage";
import { maxMb, type ReceivedUpload } from "../../platform/files/receive";
import { storeUpload } from "../../platform/files/service";
import { type ApplicationRow, activeDocuments, loadCall, loadForApply } from "./load";
import { questionRequirement, refreshMissingItems } from "./problems";
import { illegalTransition } from "./transition";
import { documentView } from "./view";

/**
 * The policy before the request is read further (the submit's header): a role that may never
 * apply gets 403, another organization's application 404.
 */
export async function checkApplicant(db: Db, ctx: Context, id: string): Promise<void> {
  await loadForApply(db, ctx, id);
}

/** Before an upload's bytes are read: the form is still the applicant's to change. */
export async function checkUploadable(db: Db, ctx: Context, id: string): Promise<void> {
  const row = await loadForApply(db, ctx, id);
  if (!isEditableByApplicant(row.status)) throw illegalTransition(row.status);
}

/** The current set's limits (count and bytes) with one more file of `size` in it. */
export function checkCurrentLimits(current: { file: { size: number } }[], size: number): void {
  const bytes = current.reduce((sum, d) => sum + d.file.size, 0) + size;
  if (current.length + 1 > UPLOAD_LIMITS.filesPerApplication || bytes > UPLOAD_LIMITS.applicationBytes) {
    throw new AppError("application_files_full", {
      params: {
        maxMb: maxMb(UPLOAD_LIMITS.applicationBytes),
        maxCount: UPLOAD_LIMITS.filesPerApplication,
      },
    });
  }
}

export async function uploadDocument(
  db: Db,
  ctx: Context,
  storage: FileStorage,
  id: string,
  upload: ReceivedUpload,
): Promise<ApplicationDocument> {
  try {
    return await db.transaction(async (tx) => {
      const row = await loadForApply(tx, ctx, id, { lock: true });
      if (!isEditableByApplicant(row.status)) throw illegalTransition(row.status);
      const call = await loadCall(tx, row.callId);
      const key = upload.fields.requirementKey ?? "";
      const documentKeys = (trackOf(call.rules, row.track)?.documents ?? []).map((d) => d.key);
      const fileQuestion = questionsFor(call.rules, row.track).find(
        (q) => q.type === "file" && questionRequirement(q.key) === key,
      );
      if (!documentKeys.includes(key) && !fileQuestion) {
        throw new AppError("validation_failed", { field: "requirementKey", fieldMessage: "invalid_option" });
      }
      checkCurrentLimits(await activeDocuments(tx, row.id), upload.staged.size);
      const file = await storeUpload(
        tx,
        ctx,
        storage,
        { kind: "application_document", id: row.id, baseId: row.baseId },
        upload,
      );
      const [document] = await tx
        .insert(applicationDocuments)
        .values({ baseId: row.baseId, applicationId: row.id, requirementKey: key, fileId: file.id })
        .returning();
      if (!document) throw new Error("document not written");
      await answerWithDocument(tx, row, fileQuestion?.key ?? null, document.id);
      await recordAudit(tx, ctx, {
        baseId: row.baseId,
        action: "application.document_upload",
        entityType: "application",
        entityId: row.id,
        after: { requirementKey: key, fileId: file.id, originalName: file.originalName, size: file.size },
      });
      return documentView({ id: document.id, requirementKey: key, file });
    });
  } finally {
    await storage.discard(upload.staged);
  }
}

/** Marks a document removed (submissions that froze it keep pointing at its file). */
/**
 * A file question's answer is the document just stored for it (derived: no version bump); the
 * missing-items count follows either way.
 */
export async function answerWithDocument(
  tx: Db,
  row: ApplicationRow,
  questionKey: string | null,
  documentId: string,
): Promise<void> {
  const [current] = questionKey
    ? await tx
        .update(applications)
        .set({
          answers: sql`${applications.answers} || ${JSON.stringify({ [questionKey]: documentId })}::jsonb`,
        })
        .where(eq(applications.id, row.id))
        .returning()
    : [row];
  await refreshMissingItems(tx, current ?? row);
}

export async function removeDocument(db: Db, ctx: Context, id: string, documentId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await loadForApply(tx, ctx, id, { lock: true });
    const [document] = await tx
      .select()
      .from(applicationDocuments)
      .where(
        and(
          eq(applicationDocuments.id, documentId),
          eq(applicationDocuments.applicationId, row.id),
          isNull(applicationDocuments.removedAt),
        ),
      )
      .limit(1);
    if (!document) throw notFound();
    if (!isEditableByApplicant(row.status)) throw illegalTransition(row.status);
    await tx
      .update(applicationDocuments)
      .set({ removedAt: new Date() })
      .where(eq(applicationDocuments.id, document.id));
    let current = row;
    const questionKey = document.requirementKey.startsWith("q:") ? document.requirementKey.slice(2) : null;
    if (questionKey && row.answers[questionKey] === document.id) {
      // The answer falls back to the latest other upload for the question, or none.
      const rest = (await activeDocuments(tx, row.id)).filter(
        (d) => d.requirementKey === document.requirementKey,
      );
      const answers = { ...row.answers };
      const latest = rest.at(-1);
      if (latest) answers[questionKey] = latest.id;
      else delete answers[questionKey];
      const [updated] = await tx
        .update(applications)
        .set({ answers })
        .where(eq(applications.id, row.id))
        .returning();
      current = updated ?? row;
    }
    await refreshMissingItems(tx, current);
    await recordAudit(tx, ctx, {
      baseId: row.baseId,
      action: "application.document_remove",
      entityType: "application",
      entityId: row.id,
      before: { requirementKey: document.requirementKey, fileId: document.fileId },
    });
  });
}
