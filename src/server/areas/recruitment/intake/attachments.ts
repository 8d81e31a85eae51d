/**
 * Which uploaded files a message may carry: files of this base, uploaded by the author's side
 * (the applicant organization's members, or the base's staff), for this very application's thread
 * (the file's owner). Anything else, a document of the application included, is refused as an
 * unknown reference, so an id guessed or copied from elsewhere leaks nothing.
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { files, users } from "../../../../db/schema";
import type { ApplicationSide } from "../../../../domain/application";
import type { UploadedFile } from "../../../../schemas/platform/files";
import { fieldError } from "../../../errors";
import type { ApplicationRow } from "./load";

export async function attachableFiles(
  tx: Db,
  application: ApplicationRow,
  side: ApplicationSide,
  fileIds: string[],
): Promise<UploadedFile[]> {
  if (fileIds.length === 0) return [];
  const uploader =
    side === "applicant"
      ? eq(users.organizationId, application.organizationId)
      : sql`${users.roles} && ARRAY['staff','admin']::text[]`;
  const rows = await tx
    .select({ id: files.id, originalName: files.originalName, size: files.size, mime: files.mime })
    .from(files)
    .innerJoin(users, eq(users.id, files.uploadedBy))
    .where(
      and(
        inArray(files.id, fileIds),
        eq(files.baseId, application.baseId),
        eq(files.ownerType, "application_thread"),
        eq(files.ownerId, application.id),
        eq(users.baseId, application.baseId),
        uploader,
      ),
    );
  const byId = new Map(rows.map((r) => [r.id, r]));
  const index = fileIds.findIndex((id) => !byId.has(id));
  if (index >= 0) throw fieldError(`fileIds.${index}`, "unknown_reference");
  return fileIds.map((id) => byId.get(id) as UploadedFile);
}
