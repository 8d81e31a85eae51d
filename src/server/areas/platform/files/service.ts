/**
 * Files: storing an accepted upload, message attachments, and the download check. A file belongs
 * to the application it was uploaded for (as a document or a thread attachment): whoever may
 * read that application may read it; anyone else is told it does not exist.
 */
import { count, eq, sql } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { applications, files } from "../../../../db/schema";
import { type Action, decide } from "../../../../domain/access";
import { UPLOAD_LIMITS } from "../../../../domain/upload";
import { ZId } from "../../../../schemas/common";
import type { UploadedFile } from "../../../../schemas/platform/files";
import { recordAudit } from "../../../audit";
import type { Context } from "../../../context";
import { AppError, notFound } from "../../../errors";
import { requireAccess, requireRoleFor } from "../../../policy";
import { hit } from "../../../rate-limit";
import type { FileStorage } from "../../../storage";
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
  const mime = await sniffedType(upload.staged);
  await checkStoredTotals(tx, ctx, application.id, upload.staged.size);
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

/**
 * The hard ceiling behind the per-application limits: every byte ever stored for the
 * application (removed documents and attachments too) and the uploader's hourly count, so a
 * loop of upload-and-remove cannot fill the disk the database shares.
 */
async function checkStoredTotals(tx: Db, ctx: Context, applicationId: string, size: number): Promise<void> {
  if ((await hit(tx, `upload:user:${ctx.actor.userId}`, 3600)) > UPLOAD_LIMITS.uploadsPerUserPerHour) {
    throw new AppError("too_many_attempts", { params: { minutes: 60 } });
  }
  const [stored] = await tx
    .select({ n: count(), bytes: sql<string>`coalesce(sum(${files.size}), 0)` })
    .from(files)
    .where(eq(files.applicationId, applicationId));
  if (
    (stored?.n ?? 0) + 1 > UPLOAD_LIMITS.storedFilesPerApplication ||
    Number(stored?.bytes ?? 0) + size > UPLOAD_LIMITS.storedBytesPerApplication
  ) {
    throw new AppError("application_files_full", {
      params: {
        maxMb: Math.round(UPLOAD_LIMITS.storedBytesPerApplication / 1024 / 1024),
        maxCount: UPLOAD_LIMITS.storedFilesPerApplication,
      },
    });
  }
}

/** Staff answer in the thread as the base; members as the applicant. */
function threadAction(ctx: Context): Action {
  return decide(ctx.actor, "application.intake") === "allow" ? "application.intake" : "application.apply";
}

/** The role half of the attachment policy, before the request body is read. */
export function checkAttachmentRole(ctx: Context): void {
  requireRoleFor(ctx.actor, threadAction(ctx));
}

/** The application a message attachment goes to, if `ctx` may write in its thread. */
async function attachableApplication(db: Db, ctx: Context, applicationId: string) {
  const action = threadAction(ctx);
  requireRoleFor(ctx.actor, action);
  const [application] = await db
    .select({ id: applications.id, baseId: applications.baseId, organizationId: applications.organizationId })
    .from(applications)
    .where(eq(applications.id, applicationId))
    .limit(1);
  if (!application) throw notFound();
  requireAccess(ctx.actor, action, application);
  return application;
}

/** Before the file is read: `applicationId` is an id of an application whose thread `ctx` may write in. */
export async function checkAttachmentFields(db: Db, ctx: Context, fields: Record<string, string>) {
  const parsed = ZId.safeParse(fields.applicationId);
  if (!parsed.success) {
    throw new AppError("validation_failed", { field: "applicationId", fieldMessage: "invalid_id" });
  }
  await attachableApplication(db, ctx, parsed.data);
}

/** A message attachment for `applicationId` (the message that lists it comes after). */
export async function uploadAttachment(
  db: Db,
  ctx: Context,
  storage: FileStorage,
  applicationId: string,
  upload: ReceivedUpload,
): Promise<UploadedFile> {
  try {
    const row = await db.transaction(async (tx) => {
      const application = await attachableApplication(tx, ctx, applicationId);
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

/** The file to send, if `ctx` may read the application it was uploaded for. */
export async function fileForDownload(db: Db, ctx: Context, id: string): Promise<FileRow> {
  requireRoleFor(ctx.actor, "application.read");
  const [found] = await db
    .select({ file: files, baseId: applications.baseId, organizationId: applications.organizationId })
    .from(files)
    .innerJoin(applications, eq(applications.id, files.applicationId))
    .where(eq(files.id, id))
    .limit(1);
  if (!found || decide(ctx.actor, "application.read", found) !== "allow") throw notFound();
  return found.file;
}
