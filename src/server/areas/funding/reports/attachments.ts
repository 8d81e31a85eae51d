/**
 * Photos and evidence of a progress report (owner kind progress_report), uploaded by the grantee
 * while the report is its to write (due or returned); the report then names them by id.
 */
import type { Db } from "../../../../db/client";
import type { UploadedFile } from "../../../../schemas/platform/files";
import type { Context } from "../../../context";
import { AppError } from "../../../errors";
import { requireRoleFor } from "../../../policy";
import type { FileStorage } from "../../../storage";
import type { ReceivedUpload } from "../../platform/files/receive";
import { attachUpload } from "../../platform/files/service";
import { loadReport, reportStatusInvalid } from "./load";
import { RUNNING } from "./schedule";

/** Before the body is read: a role that never reports (staff, an expert) gets 403. */
export function checkReportFileRole(ctx: Context): void {
  requireRoleFor(ctx.actor, "funding.report");
}

async function checkOpen(db: Db, ctx: Context, id: string, lock: boolean) {
  const { report, grant } = await loadReport(db, ctx, id, "funding.report", { lock });
  if (report.status !== "due" && report.status !== "returned") throw reportStatusInvalid(ctx, report);
  if (!RUNNING.includes(grant.status)) throw new AppError("report_grant_not_running");
  return report;
}

/** Before the file is stored: the report is the actor's to write to. */
export async function checkReportOpenForFiles(db: Db, ctx: Context, id: string): Promise<void> {
  await checkOpen(db, ctx, id, false);
}

export async function uploadReportFile(
  db: Db,
  ctx: Context,
  storage: FileStorage,
  id: string,
  upload: ReceivedUpload,
): Promise<UploadedFile> {
  return attachUpload(db, ctx, storage, upload, async (tx) => {
    // Again inside the transaction, locked: a submit racing the upload wins or waits.
    const report = await checkOpen(tx, ctx, id, true);
    return { owner: { kind: "progress_report", id, baseId: report.baseId }, ref: { reportId: id } };
  });
}
