/**
 * A post's attachments (附件): staff upload files to a post they may edit (owner kind `post`), and
 * the post's save names which of them it carries, in order (`posts.file_ids`). A reader downloads
 * an attachment as it reads the post (the files area asks the post's loader); the portal's
 * anonymous reader only an attachment of a published public post, by the post's own route.
 */
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { files } from "../../../../db/schema";
import { isPostEditable } from "../../../../domain/services/post";
import type { UploadedFile } from "../../../../schemas/platform/files";
import type { Context } from "../../../context";
import { fieldError, notFound } from "../../../errors";
import { requireRoleFor } from "../../../policy";
import type { FileStorage } from "../../../storage";
import type { ReceivedUpload } from "../../platform/files/receive";
import { attachUpload, type FileRow } from "../../platform/files/service";
import { loadPost, type PostRow, postStatusInvalid, publicPost } from "./load";

/** Before the body is read: only those who write posts attach to them (403). */
export function checkPostFileRole(ctx: Context): void {
  requireRoleFor(ctx.actor, "post.manage");
}

/** Before the file is stored: a post of the actor's base that can still be edited. */
export async function checkPostEditable(db: Db, ctx: Context, id: string): Promise<void> {
  const row = await loadPost(db, ctx, id);
  if (!isPostEditable(row.status)) throw postStatusInvalid(ctx, row.status);
}

export async function uploadPostFile(
  db: Db,
  ctx: Context,
  storage: FileStorage,
  id: string,
  upload: ReceivedUpload,
): Promise<UploadedFile> {
  return attachUpload(db, ctx, storage, upload, async (tx) => {
    const post = await loadPost(tx, ctx, id, { lock: true });
    if (!isPostEditable(post.status)) throw postStatusInvalid(ctx, post.status);
    return { owner: { kind: "post", id, baseId: post.baseId }, ref: { postId: id } };
  });
}

/** 400 on `fileIds` unless each is a file uploaded to this post (a new post has none yet). */
export async function requirePostFiles(
  tx: Db,
  postId: string | null,
  fileIds: readonly string[],
): Promise<void> {
  if (fileIds.length === 0) return;
  if (!postId) throw fieldError("fileIds", "invalid_id");
  const found = await tx
    .select({ id: files.id })
    .from(files)
    .where(and(inArray(files.id, [...fileIds]), eq(files.ownerType, "post"), eq(files.ownerId, postId)));
  if (found.length !== fileIds.length) throw fieldError("fileIds", "invalid_id");
}

/** The post's attachments in the order its save named them (one statement). */
export async function attachmentsOf(db: Db, row: PostRow): Promise<UploadedFile[]> {
  if (row.fileIds.length === 0) return [];
  const found = await db
    .select()
    .from(files)
    .where(and(inArray(files.id, row.fileIds), eq(files.ownerType, "post"), eq(files.ownerId, row.id)));
  return row.fileIds.flatMap((id) => {
    const file = found.find((f) => f.id === id);
    return file ? [fileView(file)] : [];
  });
}

/**
 * An attachment of a published public post for the portal (no sign-in): anything else (a draft,
 * a members-only or targeted post, a file the post does not carry) is 404.
 */
export async function portalPostFile(db: Db, postId: string, fileId: string): Promise<FileRow> {
  const post = await publicPost(db, postId);
  if (!post?.fileIds.includes(fileId)) throw notFound();
  const [file] = await db
    .select()
    .from(files)
    .where(and(eq(files.id, fileId), eq(files.ownerType, "post"), eq(files.ownerId, postId)))
    .limit(1);
  if (!file) throw notFound();
  return file;
}

function fileView(row: FileRow): UploadedFile {
  return { id: row.id, originalName: row.originalName, size: row.size, mime: row.mime };
}
