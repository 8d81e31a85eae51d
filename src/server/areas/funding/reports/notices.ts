/** Telling the grantee or the base what happened to a progress report (the bell and email). */
import { eq } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { organizations } from "../../../../db/schema";
import { notify } from "../../../notify";
import type { GrantRow, ReportRow } from "./load";

export type ReportNoticeEvent =
  | "due_soon"
  | "overdue"
  | "submitted"
  | "accepted"
  | "returned"
  | "failed"
  | "late";

/** The organization's members, or the base's staff for `submitted` (and both for `late`). */
export async function noticeReport(
  tx: Db,
  grant: Pick<GrantRow, "id" | "baseId" | "organizationId" | "number">,
  report: Pick<ReportRow, "id" | "kind" | "periodEnd" | "dueOn">,
  event: ReportNoticeEvent,
  options: { note?: string | null; exceptUserId?: string | null } = {},
): Promise<void> {
  const [org] = await tx
    .select({ name: organizations.name })
    .from(organizations)
    .where(eq(organizations.id, grant.organizationId));
  const params = {
    event,
    reportId: report.id,
    grantNumber: grant.number,
    reportKind: report.kind,
    periodEnd: report.periodEnd,
    dueOn: report.dueOn,
    organizationName: org?.name ?? null,
    note: options.note?.slice(0, 80) ?? null,
  };
  const toStaff = event === "submitted" || event === "late";
  const toOrganization = event !== "submitted";
  if (toOrganization)
    await notify(tx, {
      baseId: grant.baseId,
      recipients: { kind: "organization", organizationId: grant.organizationId },
      kind: "funding_report",
      params,
      link: `/funding/reports/${report.id}`,
      exceptUserId: options.exceptUserId ?? null,
    });
  if (toStaff)
    await notify(tx, {
      baseId: grant.baseId,
      recipients: { kind: "staff", baseId: grant.baseId },
      kind: "funding_report",
      params,
      link: `/funding/grants/${grant.id}?tab=reports`,
      exceptUserId: options.exceptUserId ?? null,
    });
}
