/**
 * The staff's review of a submitted report: accept it (the growth file records it), return it
 * with a note, or fail a mid-term evaluation or final report. The mid-term gate: a failed mid-term
 * evaluation stops the grant's remaining tranches (status `stopped`, with the reason), and staff
 * may end the grant (the domain's `close`, or `cancel` before anything was paid, written to the
 * grant's history) recording the money to be recovered (`owed_fen`, at most what was paid out).
 */
import { and, eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "../../../../db/client";
import { recordGrowth } from "../../../../db/growth";
import { grantEvents, grants, grantTranches, progressReports } from "../../../../db/schema";
import {
  type GrantEvent,
  nextGrantStatus,
  nextReportStatus,
  nextTrancheStatus,
} from "../../../../domain/funding/grant";
import { formatFen } from "../../../../domain/funding/money";
import type { ZReportEndGrant, ZReportFail, ZReportReview } from "../../../../schemas/funding/reports";
import { recordAudit } from "../../../audit";
import type { Context } from "../../../context";
import { AppError, fieldError, versionConflict } from "../../../errors";
import { reportAcceptedTitle } from "./growth";
import { type GrantRow, loadReport, type ReportRow, reportStatusInvalid } from "./load";
import { noticeReport } from "./notices";
import { disbursedFen } from "./write";

type Done = { id: string; status: ReportRow["status"]; version: number };

/** Stops the grant's tranches not yet paid; returns how many. */
export async function stopRemainingTranches(tx: Db, grant: GrantRow, reason: string): Promise<number> {
  const open = await tx
    .select()
    .from(grantTranches)
    .where(and(eq(grantTranches.grantId, grant.id), inArray(grantTranches.status, ["pending", "prepared"])))
    .for("update");
  let stopped = 0;
  for (const tranche of open) {
    const to = nextTrancheStatus(tranche.status, "stop");
    if (!to) continue;
    await tx
      .update(grantTranches)
      .set({ status: to, stoppedReason: reason.slice(0, 500), version: tranche.version + 1 })
      .where(eq(grantTranches.id, tranche.id));
    stopped++;
  }
  return stopped;
}

/** Ends the grant (close, or cancel when it never became active) and records what is owed. */
async function endGrant(
  tx: Db,
  ctx: Context,
  grant: GrantRow,
  report: ReportRow,
  input: { reason: string; owedFen: number },
): Promise<void> {
  const event: GrantEvent | null = nextGrantStatus(grant.status, "close")
    ? "close"
    : nextGrantStatus(grant.status, "cancel")
      ? "cancel"
      : null;
  const to = event && nextGrantStatus(grant.status, event);
  if (!event || !to) throw reportStatusInvalid(ctx, report);
  const disbursed = await disbursedFen(tx, grant.id);
  if (input.owedFen > disbursed)
    throw fieldError("owedFen", "owed_over_disbursed", { disbursed: formatFen(disbursed) });
  await stopRemainingTranches(tx, grant, input.reason);
  await tx
    .update(grants)
    .set({
      status: to,
      closedReason: input.reason,
      owedFen: input.owedFen,
      version: grant.version + 1,
      updatedAt: new Date(),
    })
    .where(eq(grants.id, grant.id));
  await tx.insert(grantEvents).values({
    baseId: grant.baseId,
    grantId: grant.id,
    event,
    fromStatus: grant.status,
    toStatus: to,
    reason: input.reason,
    details: { owedFen: input.owedFen, reportId: report.id },
    actorId: ctx.actor.userId,
    actorName: ctx.actor.displayName,
  });
  await recordAudit(tx, ctx, {
    baseId: grant.baseId,
    action: "report.grant_ended",
    entityType: "progress_report",
    entityId: report.id,
    before: { grantStatus: grant.status, owedFen: grant.owedFen },
    after: { grantId: grant.id, grantStatus: to, owedFen: input.owedFen, reason: input.reason },
  });
}

type Review =
  | { event: "accept" | "return"; input: z.output<typeof ZReportReview> }
  | { event: "fail"; input: z.output<typeof ZReportFail> };

export async function reviewReport(db: Db, ctx: Context, id: string, review: Review): Promise<Done> {
  const { event, input } = review;
  return db.transaction(async (tx) => {
    const { report, grant } = await loadReport(tx, ctx, id, "funding.manage", { lock: true });
    const to = nextReportStatus(report.status, event);
    // Staff judge only a mid-term evaluation or a final report failed; a periodic one is returned.
    if (!to || report.status !== "submitted" || (event === "fail" && report.kind === "periodic"))
      throw reportStatusInvalid(ctx, report);
    if (report.version !== input.version) throw versionConflict(report.version);
    const note = input.note ?? null;
    if (event === "return" && !note) throw fieldError("note", "required");
    const [updated] = await tx
      .update(progressReports)
      .set({
        status: to,
        reviewedBy: ctx.actor.userId,
        reviewedAt: new Date(),
        reviewNote: note,
        version: report.version + 1,
      })
      .where(and(eq(progressReports.id, report.id), eq(progressReports.version, report.version)))
      .returning();
    if (!updated) throw versionConflict(report.version);
    let stopped = 0;
    if (event === "fail" && report.kind === "midterm")
      stopped = await stopRemainingTranches(tx, grant, `中期评估未通过：${note ?? ""}`);
    await recordAudit(tx, ctx, {
      baseId: grant.baseId,
      action: `report.${event}`,
      entityType: "progress_report",
      entityId: report.id,
      before: { status: report.status, version: report.version },
      after: { status: to, version: updated.version, note, tranchesStopped: stopped },
    });
    if (review.event === "fail" && review.input.endGrant) {
      if (report.kind !== "midterm") throw reportStatusInvalid(ctx, report);
      await endGrant(tx, ctx, grant, updated, review.input.endGrant);
    }
    if (event === "accept")
      await recordGrowth(tx, {
        baseId: grant.baseId,
        organizationId: grant.organizationId,
        kind: "report.accepted",
        title: reportAcceptedTitle(grant.number, report.kind, report.periodEnd),
        params: {
          grantNumber: grant.number,
          reportKind: report.kind,
          periodEnd: report.periodEnd,
          newPeople: report.newPeople,
        },
        subjectId: report.id,
        actorName: ctx.actor.displayName,
      });
    await noticeReport(
      tx,
      grant,
      report,
      event === "accept" ? "accepted" : event === "return" ? "returned" : "failed",
      {
        note,
        exceptUserId: ctx.actor.userId,
      },
    );
    return { id: report.id, status: to, version: updated.version };
  });
}

/** Ends the grant of a failed mid-term evaluation after the fact (a late one the platform failed). */
export async function endGrantAfterMidterm(
  db: Db,
  ctx: Context,
  id: string,
  input: z.output<typeof ZReportEndGrant>,
): Promise<Done> {
  return db.transaction(async (tx) => {
    const { report, grant } = await loadReport(tx, ctx, id, "funding.manage", { lock: true });
    if (report.kind !== "midterm" || report.status !== "failed") throw reportStatusInvalid(ctx, report);
    if (report.version !== input.version) throw versionConflict(report.version);
    if (!["active", "suspended"].includes(grant.status)) throw new AppError("report_grant_not_running");
    await endGrant(tx, ctx, grant, report, input);
    return { id: report.id, status: report.status, version: report.version };
  });
}
