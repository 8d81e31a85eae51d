/**
 * Files: storing an accepted upload, message attachments, and the download check. A file may be
 * read by whoever may read an application it belongs to (as a document or a message attachment)
 * and by its uploader; anyone else is told it does not exist.
 */
import { eq, sql } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { applicationDocuments, applicationMessages, applications, files } from "../../../db/schema";
import { type Action, decide } from "../../../domain/access";
import type { UploadedFile } from "../../../schemas/files";
import { recordAudit } from "../../audit";
import type { Context } from "../../context";
import { notFound } from "../../errors";
import { requireAccess, requireRoleFor } from "../../policy";
import type { FileStorage } from "../../storage";
import type { ReceivedUpload } from "./receive";
import { sniffedType } from "./sniff";

export type FileRow = typeof files.$inferSelect;

/**
 * Checks the type and keeps the bytes, then writes the `files` row in `tx`. The bytes are
 * stored before the row: a rolled-back row leaves an unreferenced file, never a dangling row.
 */
export async function storeUpload(
  tx: Db,
  ctx: Context,
  storage: FileStorage,
  application: { id: string; baseId: string },
  upload: ReceivedUpload,
): Promise<FileRow> {
  const mime = await sniffedType(upload.staged, upload.originalName);
  await storage.put(upload.staged);
  const [row] = await tx
    .insert(files)
    .values({
      baseId: application.baseId,
      applicationId: application.id,
      sha256: upload.staged.sha256,
      size: upload.staged.size,
      mime,
      originalName: upload.originalName,
      uploadedBy: ctx.actor.userId,
    })
    .returning();
  if (!row) throw new Error("file row not written");
  return row;
}

/** Staff answer in the thread as reviewers; members as the applicant. */
function threadAction(ctx: Context): Action {
  return decide(ctx.actor, "application.review") === "allow" ? "application.review" : "application.apply";
}

/** The role half of the attachment policy, before the request body is read. */
export function checkAttachmentRole(ctx: Context): void {
  requireRoleFor(ctx.actor, threadAction(ctx));
}

/** A message attachment for `applicationId` (the message that lists it comes after). */
export async function uploadAttachment(
  db: Db,
  ctx: Context,
  storage: FileStorage,
  applicationId: string,
  upload: ReceivedUpload,
): Promise<UploadedFile> {
  const action = threadAction(ctx);
  try {
    requireRoleFor(ctx.actor, action);
    const row = await db.transaction(async (tx) => {
      const [application] = await tx
        .select({
          id: applications.id,
          baseId: applications.baseId,
          organizationId: applications.organizationId,
        })
        .from(applications)
        .where(eq(applications.id, applicationId))
        .limit(1);
      if (!application) throw notFound();
      requireAccess(ctx.actor, action, application);
      const file = await storeUpload(
        tx,
        ctx,
        storage,
        { id: applicationId, baseId: application.baseId },
        upload,
      );
      await recordAudit(tx, ctx, {
        baseId: application.baseId,
        action: "file.upload",
        entityType: "file",
        entityId: file.id,
        after: { applicationId, originalName: file.originalName, size: file.size, mime: file.mime },
      });
      return file;
    });
    return { id: row.id, originalName: row.originalName, size: row.size, mime: row.mime };
  } finally {
    await storage.discard(upload.staged);
  }
}

/** The file to send, if `ctx` may read it. */
export async function fileForDownload(db: Db, ctx: Context, id: string): Promise<FileRow> {
  requireRoleFor(ctx.actor, "application.read");
  const [file] = await db.select().from(files).where(eq(files.id, id)).limit(1);
  if (!file) throw notFound();
  if (file.uploadedBy === ctx.actor.userId) return file;
  const owners = await db
    .selectDistinct({ baseId: applications.baseId, organizationId: applications.organizationId })
    .from(applications)
    .where(
      sql`${applications.id} in (
        select ${applicationDocuments.applicationId} from ${applicationDocuments}
        where ${applicationDocuments.fileId} = ${id}
        union
        select ${applicationMessages.applicationId} from ${applicationMessages}
        where ${id}::uuid = any(${applicationMessages.fileIds})
      )`,
    );
  if (owners.some((owner) => decide(ctx.actor, "application.read", owner) === "allow")) return file;
  throw notFound();
}
