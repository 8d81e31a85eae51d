/**
 * Receipts (票据) of spending items: a photo or a PDF uploaded to the grant (owner kind
 * grant_receipt) before the item that names it is written, so a phone can take the photo first
 * and the item is never without one. Only the grantee's members upload, while the grant takes
 * spending; the type is sniffed from the bytes and must be an image or a PDF.
 */
import type { Db } from "../../../../db/client";
import type { UploadedFile } from "../../../../schemas/platform/files";
import type { Context } from "../../../context";
import { AppError } from "../../../errors";
import { requireRoleFor } from "../../../policy";
import type { FileStorage } from "../../../storage";
import { ownerForAttach } from "../../platform/files/owners";
import type { ReceivedUpload } from "../../platform/files/receive";
import { attachUpload } from "../../platform/files/service";
import { sniffedType } from "../../platform/files/sniff";
import { grantNotOpen, grantTakesSpending, loadGrant } from "./load";

/** Before the body is read: only a member reports (staff, a partner, a viewer get 403). */
export function checkReceiptRole(ctx: Context): void {
  requireRoleFor(ctx.actor, "funding.report");
}

/** Before the file is stored: the grant is the actor's organization's, and takes spending. */
export async function checkGrantOpenForReceipts(db: Db, ctx: Context, grantId: string): Promise<void> {
  const grant = await loadGrant(db, ctx, grantId, "funding.report");
  if (!grantTakesSpending(grant.status)) throw grantNotOpen(ctx, grant);
}

function isReceiptType(mime: string): boolean {
  return mime === "application/pdf" || mime.startsWith("image/");
}

export async function uploadReceipt(
  db: Db,
  ctx: Context,
  storage: FileStorage,
  grantId: string,
  upload: ReceivedUpload,
): Promise<UploadedFile> {
  let mime: string;
  try {
    // The same sniffing as every upload (a renamed file is refused); then images and PDF only.
    mime = await sniffedType(upload.staged);
    if (!isReceiptType(mime)) throw new AppError("receipt_type_refused");
  } catch (error) {
    await storage.discard(upload.staged);
    throw error;
  }
  return attachUpload(db, ctx, storage, upload, async (tx) => {
    const grant = await loadGrant(tx, ctx, grantId, "funding.report", { lock: true });
    if (!grantTakesSpending(grant.status)) throw grantNotOpen(ctx, grant);
    const { baseId } = await ownerForAttach(tx, ctx, "grant_receipt", grantId);
    return { owner: { kind: "grant_receipt", id: grantId, baseId }, ref: { grantId, mime } };
  });
}
