/**
 * A request's attachments (files of owner kind service_request): uploaded through the files area
 * to the request, then named by the record that closes it. Files of another request are refused.
 */
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { files } from "../../../../db/schema";
import { fieldError } from "../../../errors";

export async function attachRecordFiles(
  tx: Db,
  request: { id: string },
  fileIds: readonly string[],
): Promise<void> {
  if (fileIds.length === 0) return;
  const found = await tx
    .select({ id: files.id })
    .from(files)
    .where(
      and(
        inArray(files.id, [...fileIds]),
        eq(files.ownerType, "service_request"),
        eq(files.ownerId, request.id),
      ),
    );
  if (found.length !== new Set(fileIds).size) throw fieldError("fileIds", "invalid");
}
