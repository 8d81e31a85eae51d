/**
 * Photos and scans kept with an inspection record (owner kind "inspection"): attached by whoever
 * records it while it is open, read by whoever reads it. The finding names them by id, as each
 * check's evidence or the record's own files; a save may name only files of this record or of
 * the revisions it corrects (a correction copies the finding, and its files with it).
 */
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { files, inspections } from "../../../../db/schema";
import type { InspectionFindingInput } from "../../../../schemas/admission/inspections";
import type { UploadedFile } from "../../../../schemas/platform/files";
import type { Context } from "../../../context";
import { fieldError } from "../../../errors";
import { requireRoleFor } from "../../../policy";
import type { FileStorage } from "../../../storage";
import { ownerForAttach } from "../../platform/files/owners";
import type { ReceivedUpload } from "../../platform/files/receive";
import { attachUpload } from "../../platform/files/service";
import { loadInspection, statusInvalid } from "./load";

/** Before the body is read: a role that never records gets 403. */
export function checkInspectionFileRole(ctx: Context): void {
  requireRoleFor(ctx.actor, "inspection.record");
}

/** Before the file is stored: the inspection is the actor's to record, and still open. */
export async function checkInspectionOpen(db: Db, ctx: Context, id: string): Promise<void> {
  const row = await loadInspection(db, ctx, id, "inspection.record");
  if (row.status !== "planned" && row.status !== "recording") throw statusInvalid(ctx, row.status);
}

export async function uploadInspectionFile(
  db: Db,
  ctx: Context,
  storage: FileStorage,
  id: string,
  upload: ReceivedUpload,
): Promise<UploadedFile> {
  return attachUpload(db, ctx, storage, upload, async (tx) => {
    const { baseId } = await ownerForAttach(tx, ctx, "inspection", id);
    return { owner: { kind: "inspection", id, baseId }, ref: { inspectionId: id } };
  });
}

/** Every file id the finding names. */
function namedFiles(finding: InspectionFindingInput): string[] {
  const ids = [...(finding.fileIds ?? [])];
  for (const check of Object.values(finding.checks ?? {})) ids.push(...(check?.fileIds ?? []));
  return [...new Set(ids)];
}

/** 400 when the finding names a file that is not this record's (or an earlier revision's). */
export async function requireOwnFiles(
  tx: Db,
  inspection: { id: string; supersedesId: string | null },
  finding: InspectionFindingInput,
): Promise<void> {
  const ids = namedFiles(finding);
  if (ids.length === 0) return;
  const owners = [inspection.id];
  let earlier = inspection.supersedesId;
  while (earlier) {
    owners.push(earlier);
    const [row] = await tx
      .select({ supersedesId: inspections.supersedesId })
      .from(inspections)
      .where(eq(inspections.id, earlier));
    earlier = row?.supersedesId ?? null;
  }
  const found = await tx
    .select({ id: files.id })
    .from(files)
    .where(and(inArray(files.id, ids), eq(files.ownerType, "inspection"), inArray(files.ownerId, owners)));
  if (found.length !== ids.length) throw fieldError("finding.fileIds", "invalid_id");
}

/** The files a finding names, by id: their names for the page. */
export async function filesNamed(db: Db, finding: InspectionFindingInput) {
  const ids = namedFiles(finding);
  if (ids.length === 0) return [];
  return db
    .select({ id: files.id, originalName: files.originalName, mime: files.mime, size: files.size })
    .from(files)
    .where(inArray(files.id, ids));
}
