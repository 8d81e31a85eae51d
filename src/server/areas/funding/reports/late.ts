/**
 * What the platform does about reports on its own (main.ts runs both every 15 minutes; tests call
 * them with a given day):
 * - `failLateReports`: a report not in (due or returned) once its due day plus the base's grace
 *   days have passed counts as failed ("逾期未交"); a late mid-term evaluation stops the grant's
 *   remaining tranches, as a failed one does. The grantee and the staff are told.
 * - `sendReportReminders`: the grantee is reminded a few days before a report falls due, and told
 *   once when it is overdue (with the day it fails).
 * Both take their rows FOR UPDATE SKIP LOCKED and mark them in the same transaction, so instances
 * running them at once act on each report once.
 */
import { and, asc, eq, gte, inArray, isNull, lt, lte, sql } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { fundingSettings, grants, progressReports } from "../../../../db/schema";
import { nextReportStatus, reportLate } from "../../../../domain/funding/grant";
import {
  addDays,
  DEFAULT_REPORT_GRACE_DAYS,
  REPORT_REMINDER_DAYS,
} from "../../../../domain/funding/schedule";
import { shanghaiDate } from "../../../../domain/shanghai-time";
import { recordAudit } from "../../../audit";
import type { AnonymousContext } from "../../../context";
import { noticeReport } from "./notices";
import { stopRemainingTranches } from "./review";
import { RUNNING } from "./schedule";

/** The note a report failed as late carries. */
const LATE_NOTE = "逾期未交";

const SYSTEM: AnonymousContext = { ip: null, userAgent: null, lang: "zh-CN" };
const graceSql = sql`coalesce(${fundingSettings.reportGraceDays}, ${DEFAULT_REPORT_GRACE_DAYS})`;

/** Fails the reports late beyond the grace days on `today` (YYYY-MM-DD, Asia/Shanghai); returns how many. */
export async function failLateReports(
  db: Db,
  today = shanghaiDate(new Date()),
  batch = 200,
): Promise<number> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .select({ report: progressReports, grant: grants, grace: graceSql.mapWith(Number) })
      .from(progressReports)
      .innerJoin(grants, eq(grants.id, progressReports.grantId))
      .leftJoin(fundingSettings, eq(fundingSettings.baseId, progressReports.baseId))
      .where(
        and(
          inArray(progressReports.status, ["due", "returned"]),
          inArray(grants.status, [...RUNNING]),
          sql`${progressReports.dueOn} + ${graceSql}::int < ${today}::date`,
        ),
      )
      .orderBy(asc(progressReports.dueOn), asc(progressReports.id))
      .limit(batch)
      .for("update", { of: progressReports, skipLocked: true });
    let failed = 0;
    for (const { report, grant, grace } of rows) {
      const to = nextReportStatus(report.status, "fail");
      if (!to || !reportLate(report.dueOn, today, grace)) continue;
      await tx
        .update(progressReports)
        .set({
          status: to,
          reviewNote: LATE_NOTE,
          reviewedAt: new Date(),
          reviewedBy: null,
          version: report.version + 1,
        })
        .where(eq(progressReports.id, report.id));
      const stopped =
        report.kind === "midterm" ? await stopRemainingTranches(tx, grant, `中期评估${LATE_NOTE}`) : 0;
      await recordAudit(tx, SYSTEM, {
        baseId: report.baseId,
        action: "report.late",
        entityType: "progress_report",
        entityId: report.id,
        before: { status: report.status, version: report.version },
        after: { status: to, dueOn: report.dueOn, graceDays: grace, tranchesStopped: stopped },
      });
      await noticeReport(tx, grant, report, "late", { note: LATE_NOTE });
      failed++;
    }
    return failed;
  });
}

/** Reminds of reports falling due within a few days and tells of overdue ones; returns how many notices. */
export async function sendReportReminders(db: Db, now = new Date(), batch = 200): Promise<number> {
  const today = shanghaiDate(now);
  return db.transaction(async (tx) => {
    const pick = (when: ReturnType<typeof and>, mark: typeof progressReports.remindedAt) =>
      tx
        .select({ report: progressReports, grant: grants, grace: graceSql.mapWith(Number) })
        .from(progressReports)
        .innerJoin(grants, eq(grants.id, progressReports.grantId))
        .leftJoin(fundingSettings, eq(fundingSettings.baseId, progressReports.baseId))
        .where(
          and(
            inArray(progressReports.status, ["due", "returned"]),
            inArray(grants.status, [...RUNNING]),
            isNull(mark),
            when,
          ),
        )
        .orderBy(asc(progressReports.dueOn), asc(progressReports.id))
        .limit(batch)
        .for("update", { of: progressReports, skipLocked: true });
    const soon = await pick(
      and(
        gte(progressReports.dueOn, today),
        lte(progressReports.dueOn, addDays(today, REPORT_REMINDER_DAYS)),
      ),
      progressReports.remindedAt,
    );
    for (const { report, grant } of soon) {
      await noticeReport(tx, grant, report, "due_soon");
      await tx.update(progressReports).set({ remindedAt: now }).where(eq(progressReports.id, report.id));
    }
    const overdue = await pick(lt(progressReports.dueOn, today), progressReports.overdueNoticedAt);
    for (const { report, grant, grace } of overdue) {
      const failsAfter = addDays(report.dueOn, grace);
      await noticeReport(tx, grant, report, "overdue", {
        note: `请于 ${failsAfter} 前提交，逾期将判为未通过`,
      });
      await tx
        .update(progressReports)
        .set({ overdueNoticedAt: now })
        .where(eq(progressReports.id, report.id));
    }
    return soon.length + overdue.length;
  });
}
