/**
 * A grant and its progress reports as the policy sees them: the base, the grantee organization,
 * the partner whose fund it is, and a mentor's relation to the project's incubation. Every
 * report route loads through here, so another organization's report, or another partner's, is
 * 404 exactly as the policy table says (funding.read first, then the action).
 */
import { eq } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { fundingSettings, progressReports } from "../../../../db/schema";
import { type Action, decide } from "../../../../domain/access";
import type { ReportStatus } from "../../../../domain/funding/grant";
import { DEFAULT_REPORT_GRACE_DAYS } from "../../../../domain/funding/schedule";
import type { Actor } from "../../../../domain/roles";
import type { Lang } from "../../../../schemas/messages";
import type { Context } from "../../../context";
import { AppError, notFound } from "../../../errors";
import { requireAccess, requireRoleFor } from "../../../policy";
import { type GrantRow, grantSubject, loadGrant } from "../grants/load";

// One grant loader for every funding route (the policy subject written once).
export { type GrantRow, loadGrant } from "../grants/load";
export type ReportRow = typeof progressReports.$inferSelect;

async function _check(db: Db, ctx: Context, grant: GrantRow, action: Action): Promise<void> {
  const subject = await grantSubject(db, ctx.actor, grant);
  // Whoever may not even read the grant finds nothing, whatever the action.
  requireAccess(ctx.actor, "funding.read", subject);
  requireAccess(ctx.actor, action, subject);
}

/** The report `id` and its grant, checked for `action` on the grant; both FOR UPDATE with `lock`. */
export async function loadReport(
  tx: Db,
  ctx: Context,
  id: string,
  action: Action,
  options: { lock?: boolean } = {},
): Promise<{ report: ReportRow; grant: GrantRow }> {
  requireRoleFor(ctx.actor, action);
  const [found] = await tx
    .select({ grantId: progressReports.grantId })
    .from(progressReports)
    .where(eq(progressReports.id, id))
    .limit(1);
  if (!found) throw notFound();
  // The grant first, then the report: the order every writer takes its locks in.
  const grant = await loadGrant(tx, ctx, found.grantId, action, options);
  const query = tx.select().from(progressReports).where(eq(progressReports.id, id)).limit(1);
  const [report] = options.lock ? await query.for("update") : await query;
  if (!report) throw notFound();
  return { report, grant };
}

/** Whether the actor may do `action` to the grant (which buttons to show). */
export async function mayOnGrant(db: Db, actor: Actor, grant: GrantRow, action: Action): Promise<boolean> {
  return decide(actor, action, await grantSubject(db, actor, grant)) === "allow";
}

/** The base's grace days after a due day before a report not in fails. */
export async function graceDaysOf(db: Db, baseId: string): Promise<number> {
  const [row] = await db
    .select({ days: fundingSettings.reportGraceDays })
    .from(fundingSettings)
    .where(eq(fundingSettings.baseId, baseId));
  return row?.days ?? DEFAULT_REPORT_GRACE_DAYS;
}

const STATUS_LABELS: Record<Lang, Record<ReportStatus, string>> = {
  "zh-CN": {
    due: "待提交",
    submitted: "已提交待审核",
    accepted: "已通过",
    returned: "已退回修改",
    failed: "未通过",
  },
  en: { due: "due", submitted: "submitted", accepted: "accepted", returned: "returned", failed: "failed" },
};

/** 409: the report's status does not allow this, in the reader's language. */
export function reportStatusInvalid(ctx: { lang: Lang }, report: { status: ReportStatus }): AppError {
  return new AppError("report_status_invalid", {
    params: { status: STATUS_LABELS[ctx.lang][report.status] },
    details: { currentStatus: report.status },
  });
}
