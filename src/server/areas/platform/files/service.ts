/**
 * Files: storing an accepted upload, message attachments, and the download check. A file belongs
 * to one record (its owner kind and id, see owners.ts): whoever may read that record may read
 * the file; anyone else is told it does not exist.
 */
import { and, count, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { files } from "../../../../db/schema";
import { type FileOwnerKind, UPLOAD_LIMITS } from "../../../../domain/upload";
import { ZId } from "../../../../schemas/common";
import type { UploadedFile } from "../../../../schemas/platform/files";
import { recordAudit } from "../../../audit";
import type { Context } from "../../../context";
import { AppError, notFound } from "../../../errors";
import { hit } from "../../../rate-limit";
import type { FileStorage } from "../../../storage";
import {
  kindsSharingAccount,
  mayReadOwner,
  ownerForAttach,
  requireAttachRole,
  requireSomeReadRole,
} from "./owners";
import type { ReceivedUpload } from "./receive";
import { sniffedType } from "./sniff";

export type FileRow = typeof files.$inferSelect;

/** The record a new file belongs to. */
export interface FileOwner {
  kind: FileOwnerKind;
  id: string;
  baseId: string;
}

/**
 * Checks the type and keeps the bytes, then writes the `files` row in `tx`. The bytes are
 * stored before the row: a rolled-back row leaves an unreferenced file, never a dangling row.
 */
export async function storeUpload(
  tx: Db,
  ctx: Context,
  storage: FileStorage,
  owner: FileOwner,
  upload: ReceivedUpload,
): Promise<FileRow> {
  const mime = await sniffedType(upload.staged);
  await checkStoredTotals(tx, ctx, owner, upload.staged.size);
  await storage.put(upload.staged);
  const [row] = await tx
    .insert(files)
    .values({
      baseId: owner.baseId,
      ownerType: owner.kind,
      ownerId: owner.id,
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
 * application (removed and replaced documents and attachments too) and the uploader's hourly
 * count, so a loop of upload-and-remove cannot fill the disk the database shares.
 */
async function checkStoredTotals(tx: Db, ctx: Context, owner: FileOwner, size: number): Promise<void> {
  if ((await hit(tx, `upload:user:${ctx.actor.userId}`, 3600)) > UPLOAD_LIMITS.uploadsPerUserPerHour) {
    throw new AppError("too_many_attempts", { params: { minutes: 60 } });
  }
  const [stored] = await tx
    .select({ n: count(), bytes: sql<string>`coalesce(sum(${files.size}), 0)` })
    .from(files)
    .where(and(eq(files.ownerId, owner.id), inArray(files.ownerType, kindsSharingAccount(owner.kind))));
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

/** The role half of the attachment policy, before the request body is read. */
export function checkAttachmentRole(ctx: Context): void {
  requireAttachRole(ctx, "application_thread");
}

/** Before the file is read: `applicationId` is an id of an application whose thread `ctx` may write in. */
export async function checkAttachmentFields(db: Db, ctx: Context, fields: Record<string, string>) {
  const parsed = ZId.safeParse(fields.applicationId);
  if (!parsed.success) {
    throw new AppError("validation_failed", { field: "applicationId", fieldMessage: "invalid_id" });
  }
  await ownerForAttach(db, ctx, "application_thread", parsed.data);
}

/** A message attachment for `applicationId`'s thread (the message that lists it comes after). */
export async function uploadAttachment(
  db: Db,
  ctx: Context,
  storage: FileStorage,
  applicationId: string,
  upload: ReceivedUpload,
): Promise<UploadedFile> {
  try {
    const row = await db.transaction(async (tx) => {
      const { baseId } = await ownerForAttach(tx, ctx, "application_thread", applicationId);
      const file = await storeUpload(
        tx,
        ctx,
        storage,
        { kind: "application_thread", id: applicationId, baseId },
        upload,
      );
      await recordAudit(tx, ctx, {
        baseId,
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

/** The file to send, if `ctx` may read the record it belongs to. */
export async function fileForDownload(db: Db, ctx: Context, id: string): Promise<FileRow> {
  requireSomeReadRole(ctx);
  const [file] = await db.select().from(files).where(eq(files.id, id)).limit(1);
  if (!file || !(await mayReadOwner(db, ctx, file))) throw notFound();
  return file;
}

/**
 * An upload attached to a record of another area, in one transaction: `owner` checks (and locks)
 * the record and names it, then the file is stored and audited with `ref` (e.g. `{ postId }`);
 * the staged bytes are discarded whatever happens.
 */
export async function attachUpload(
  db: Db,
  ctx: Context,
  storage: FileStorage,
  upload: ReceivedUpload,
  owner: (tx: Db) => Promise<{ owner: FileOwner; ref: Record<string, string> }>,
): Promise<UploadedFile> {
  try {
    const row = await db.transaction(async (tx) => {
      const target = await owner(tx);
      const file = await storeUpload(tx, ctx, storage, target.owner, upload);
      await recordAudit(tx, ctx, {
        baseId: target.owner.baseId,
        action: "file.upload",
        entityType: "file",
        entityId: file.id,
        after: { ...target.ref, originalName: file.originalName, size: file.size, mime: file.mime },
      });
      return file;
    });
    return { id: row.id, originalName: row.originalName, size: row.size, mime: row.mime };
  } finally {
    await storage.discard(upload.staged);
  }
}
