/**
 * A grant's reports: the list (the grant page's 进展报告 tab), scheduling them from the domain's
 * plan once the agreement is signed (idempotent: a planned period that an existing report already
 * covers is skipped, so running it again adds nothing), and staff adding or removing one report
 * by hand while it is due.
 */
import { and, asc, eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "../../../../db/client";
import { indicatorValues, progressReports } from "../../../../db/schema";
import type { GrantStatus } from "../../../../domain/funding/grant";
import { addDays, periodsOverlap, planReports } from "../../../../domain/funding/schedule";
import { shanghaiDate } from "../../../../domain/shanghai-time";
import type {
  GrantReportsView,
  ReportEntry,
  ZReportAdd,
  ZReportScheduleInput,
} from "../../../../schemas/funding/reports";
import { recordAudit } from "../../../audit";
import type { Context } from "../../../context";
import { AppError, fieldError } from "../../../errors";
import {
  type GrantRow,
  graceDaysOf,
  loadGrant,
  loadReport,
  mayOnGrant,
  type ReportRow,
  reportStatusInvalid,
} from "./load";

/** Reports are scheduled and written while the agreement holds: signed, running or suspended. */
export const RUNNING: readonly GrantStatus[] = ["agreement_signed", "active", "suspended"];

export function reportEntry(row: ReportRow, graceDays: number, today: string): ReportEntry {
  const open = row.status === "due" || row.status === "returned";
  return {
    id: row.id,
    grantId: row.grantId,
    kind: row.kind,
    periodStart: row.periodStart,
    periodEnd: row.periodEnd,
    dueOn: row.dueOn,
    failsAfter: addDays(row.dueOn, graceDays),
    status: row.status,
    late: open && today > row.dueOn,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    reviewedAt: row.reviewedAt?.toISOString() ?? null,
    reviewNote: row.reviewNote,
    version: row.version,
  };
}

async function entriesOf(db: Db, grant: GrantRow): Promise<ReportEntry[]> {
  const [rows, grace] = await Promise.all([
    db
      .select()
      .from(progressReports)
      .where(eq(progressReports.grantId, grant.id))
      .orderBy(asc(progressReports.periodStart), asc(progressReports.dueOn)),
    graceDaysOf(db, grant.baseId),
  ]);
  const today = shanghaiDate(new Date());
  return rows.map((r) => reportEntry(r, grace, today));
}

export async function grantReports(db: Db, ctx: Context, grantId: string): Promise<GrantReportsView> {
  const grant = await loadGrant(db, ctx, grantId, "funding.read");
  const [items, graceDays, manage, report] = await Promise.all([
    entriesOf(db, grant),
    graceDaysOf(db, grant.baseId),
    mayOnGrant(db, ctx.actor, grant, "funding.manage"),
    mayOnGrant(db, ctx.actor, grant, "funding.report"),
  ]);
  return {
    grantId: grant.id,
    grantNumber: grant.number,
    grantStatus: grant.status,
    graceDays,
    canSchedule: manage && RUNNING.includes(grant.status),
    canReview: manage,
    canWrite: report && RUNNING.includes(grant.status),
    items,
  };
}

export async function scheduleReports(
  db: Db,
  ctx: Context,
  grantId: string,
  input: z.output<typeof ZReportScheduleInput>,
): Promise<{ added: number; items: ReportEntry[] }> {
  const added = await db.transaction(async (tx) => {
    // Locked: two staff scheduling at once add the plan once.
    const grant = await loadGrant(tx, ctx, grantId, "funding.manage", { lock: true });
    if (!RUNNING.includes(grant.status)) throw new AppError("report_grant_not_running");
    const existing = await tx.select().from(progressReports).where(eq(progressReports.grantId, grant.id));
    const plan = planReports(grant.startsOn, grant.endsOn, input.frequency, input.dueAfterDays);
    const fresh = plan.filter((p) => !existing.some((e) => periodsOverlap(e, p)));
    if (fresh.length > 0)
      await tx
        .insert(progressReports)
        .values(fresh.map((p) => ({ baseId: grant.baseId, grantId: grant.id, ...p })));
    await recordAudit(tx, ctx, {
      baseId: grant.baseId,
      action: "report.schedule",
      entityType: "progress_report",
      entityId: grant.id,
      after: {
        grantNumber: grant.number,
        frequency: input.frequency,
        dueAfterDays: input.dueAfterDays,
        added: fresh.length,
      },
    });
    return fresh.length;
  });
  const grant = await loadGrant(db, ctx, grantId, "funding.manage");
  return { added, items: await entriesOf(db, grant) };
}

export async function addReport(
  db: Db,
  ctx: Context,
  grantId: string,
  input: z.output<typeof ZReportAdd>,
): Promise<ReportEntry> {
  return db.transaction(async (tx) => {
    const grant = await loadGrant(tx, ctx, grantId, "funding.manage", { lock: true });
    if (!RUNNING.includes(grant.status)) throw new AppError("report_grant_not_running");
    if (input.periodEnd < input.periodStart) throw fieldError("periodEnd", "period_reversed");
    if (input.periodStart < grant.startsOn || input.periodEnd > grant.endsOn)
      throw fieldError("periodStart", "period_outside_grant", {
        startsOn: grant.startsOn,
        endsOn: grant.endsOn,
      });
    if (input.dueOn < input.periodEnd) throw fieldError("dueOn", "due_too_early");
    if (input.dueOn > addDays(input.periodEnd, 180)) throw fieldError("dueOn", "due_too_late");
    const existing = await tx.select().from(progressReports).where(eq(progressReports.grantId, grant.id));
    // The reports tile the grant: one report a period.
    if (existing.some((e) => periodsOverlap(e, input))) throw fieldError("periodStart", "period_overlaps");
    const [row] = await tx
      .insert(progressReports)
      .values({ baseId: grant.baseId, grantId: grant.id, ...input })
      .returning();
    if (!row) throw new Error("report not inserted");
    await recordAudit(tx, ctx, {
      baseId: grant.baseId,
      action: "report.add",
      entityType: "progress_report",
      entityId: row.id,
      after: { grantNumber: grant.number, ...input },
    });
    return reportEntry(row, await graceDaysOf(tx, grant.baseId), shanghaiDate(new Date()));
  });
}

export async function removeReport(db: Db, ctx: Context, id: string, version: number): Promise<void> {
  await db.transaction(async (tx) => {
    const { report, grant } = await loadReport(tx, ctx, id, "funding.manage", { lock: true });
    if (report.status !== "due") throw reportStatusInvalid(ctx, report);
    if (report.version !== version)
      throw new AppError("version_conflict", { details: { currentVersion: report.version } });
    // A draft's indicator values go with it.
    await tx.delete(indicatorValues).where(eq(indicatorValues.reportId, report.id));
    await tx
      .delete(progressReports)
      .where(and(eq(progressReports.id, report.id), inArray(progressReports.status, ["due"])));
    await recordAudit(tx, ctx, {
      baseId: grant.baseId,
      action: "report.remove",
      entityType: "progress_report",
      entityId: report.id,
      before: {
        grantNumber: grant.number,
        kind: report.kind,
        periodStart: report.periodStart,
        periodEnd: report.periodEnd,
      },
    });
  });
}
