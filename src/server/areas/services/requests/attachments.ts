/**
 * Attaching a file to a service request (owner kind service_request): the organization adds its
 * papers while the request is open, the handler the minutes or photos it closes with; the closing
 * record names them (records/files.ts). Everyone who reads the request reads them. Apart from
 * files.ts, which the files area's owner registry imports, so the two do not import each other.
 */
import type { Db } from "../../../../db/client";
import { isRequestOpen } from "../../../../domain/services/request";
import type { UploadedFile } from "../../../../schemas/platform/files";
import type { Context } from "../../../context";
import { requireRoleFor } from "../../../policy";
import type { FileStorage } from "../../../storage";
import { ownerForAttach } from "../../platform/files/owners";
import type { ReceivedUpload } from "../../platform/files/receive";
import { attachUpload } from "../../platform/files/service";
import { requestWriteAction } from "./files";
import { loadRequest, requestStatusInvalid } from "./load";

/** Before the body is read: a role that never attaches (an expert, a viewer) gets 403. */
export function checkRequestFileRole(ctx: Context): void {
  requireRoleFor(ctx.actor, requestWriteAction(ctx.actor));
}

/**
 * Before the file is stored: the request is the actor's to write to, and still open (a closed
 * one's record is written; what it names is settled).
 */
export async function checkRequestOpenForFiles(db: Db, ctx: Context, id: string): Promise<void> {
  const row = await loadRequest(db, ctx, id, requestWriteAction(ctx.actor));
  if (!isRequestOpen(row.status)) throw requestStatusInvalid(ctx, row);
}

export async function uploadRequestFile(
  db: Db,
  ctx: Context,
  storage: FileStorage,
  id: string,
  upload: ReceivedUpload,
): Promise<UploadedFile> {
  return attachUpload(db, ctx, storage, upload, async (tx) => {
    // Again inside the transaction, locked: a close racing the upload wins or waits.
    const request = await loadRequest(tx, ctx, id, requestWriteAction(ctx.actor), { lock: true });
    if (!isRequestOpen(request.status)) throw requestStatusInvalid(ctx, request);
    const { baseId } = await ownerForAttach(tx, ctx, "service_request", id);
    return { owner: { kind: "service_request", id, baseId }, ref: { requestId: id } };
  });
}
