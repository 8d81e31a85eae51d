/**
 * The report the grantee writes: read it (with the project's indicators, baseline and target),
 * save a draft while it is due or returned (versioned), and submit it. The people reached are
 * counted once: `newPeople` (人数) are those reached for the first time this period, each person
 * once however many activities they joined; person-times (人次) per activity may count a person
 * several times, so the new people can never be more than the person-times given.
 */
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "../../../../db/client";
import {
  files,
  grantTranches,
  indicatorValues,
  organizations,
  progressReports,
  projectIndicators,
  projects,
  users,
} from "../../../../db/schema";
import { nextReportStatus } from "../../../../domain/funding/grant";
import { shanghaiDate } from "../../../../domain/shanghai-time";
import type { ReportView, ZReportContent } from "../../../../schemas/funding/reports";
import { recordAudit } from "../../../audit";
import type { Context } from "../../../context";
import { AppError, fieldError, notFound, versionConflict } from "../../../errors";
import {
  type GrantRow,
  graceDaysOf,
  loadReport,
  mayOnGrant,
  type ReportRow,
  reportStatusInvalid,
} from "./load";
import { noticeReport } from "./notices";
import { RUNNING, reportEntry } from "./schedule";

type Content = z.output<typeof ZReportContent>;

/** Money paid out on the grant so far (its paid tranches). */
export async function disbursedFen(db: Db, grantId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<string>`coalesce(sum(${grantTranches.amountFen}), 0)` })
    .from(grantTranches)
    .where(and(eq(grantTranches.grantId, grantId), eq(grantTranches.status, "paid")));
  return Number(row?.n ?? 0);
}

export async function reportView(db: Db, ctx: Context, id: string): Promise<ReportView> {
  const { report, grant } = await loadReport(db, ctx, id, "funding.read");
  const [[project], indicators, attached, [org], [reviewer], grace, disbursed, manage, writes] =
    await Promise.all([
      db.select().from(projects).where(eq(projects.id, grant.projectId)),
      db
        .select({
          indicatorId: projectIndicators.id,
          name: projectIndicators.name,
          unit: projectIndicators.unit,
          level: projectIndicators.level,
          method: projectIndicators.method,
          baselineValue: projectIndicators.baselineValue,
          targetValue: projectIndicators.targetValue,
          value: indicatorValues.value,
          evidence: indicatorValues.evidence,
        })
        .from(projectIndicators)
        .leftJoin(
          indicatorValues,
          and(eq(indicatorValues.indicatorId, projectIndicators.id), eq(indicatorValues.reportId, report.id)),
        )
        .where(and(eq(projectIndicators.projectId, grant.projectId), isNull(projectIndicators.removedAt)))
        .orderBy(asc(projectIndicators.sortOrder), asc(projectIndicators.name)),
      report.fileIds.length === 0
        ? Promise.resolve([])
        : db
            .select({ id: files.id, originalName: files.originalName, size: files.size, mime: files.mime })
            .from(files)
            .where(and(inArray(files.id, report.fileIds), eq(files.ownerId, report.id))),
      db
        .select({ name: organizations.name })
        .from(organizations)
        .where(eq(organizations.id, grant.organizationId)),
      report.reviewedBy
        ? db.select({ name: users.displayName }).from(users).where(eq(users.id, report.reviewedBy))
        : Promise.resolve([]),
      graceDaysOf(db, grant.baseId),
      disbursedFen(db, grant.id),
      mayOnGrant(db, ctx.actor, grant, "funding.manage"),
      mayOnGrant(db, ctx.actor, grant, "funding.report"),
    ]);
  if (!project) throw notFound();
  const open = report.status === "due" || report.status === "returned";
  const review = manage && report.status === "submitted";
  return {
    ...reportEntry(report, grace, shanghaiDate(new Date())),
    grant: {
      id: grant.id,
      number: grant.number,
      status: grant.status,
      startsOn: grant.startsOn,
      endsOn: grant.endsOn,
      disbursedFen: disbursed,
      owedFen: grant.owedFen,
      version: grant.version,
    },
    project: { id: project.id, title: project.title, activities: project.activities },
    organizationName: org?.name ?? "",
    narrative: report.narrative,
    problems: report.problems,
    newPeople: report.newPeople,
    activityCounts: report.activityCounts,
    indicators: indicators.map((i) => ({ ...i, value: i.value ?? null, evidence: i.evidence ?? "" })),
    files: attached.map((f) => ({ ...f, size: Number(f.size) })),
    reviewedByName: reviewer?.name ?? null,
    can: {
      write: writes && open && RUNNING.includes(grant.status),
      review,
      fail: review && report.kind !== "periodic",
      endGrant:
        manage &&
        report.kind === "midterm" &&
        report.status === "failed" &&
        ["active", "suspended"].includes(grant.status),
    },
  };
}

/** Checks the content against the project (its indicators and activities) and the report's files. */
async function checkContent(tx: Db, grant: GrantRow, report: ReportRow, input: Content, submitting: boolean) {
  const [indicators, [project], attached] = await Promise.all([
    tx
      .select({ id: projectIndicators.id })
      .from(projectIndicators)
      .where(and(eq(projectIndicators.projectId, grant.projectId), isNull(projectIndicators.removedAt))),
    tx.select({ activities: projects.activities }).from(projects).where(eq(projects.id, grant.projectId)),
    input.fileIds.length === 0
      ? Promise.resolve([])
      : tx
          .select({ id: files.id })
          .from(files)
          .where(
            and(
              inArray(files.id, input.fileIds),
              eq(files.ownerId, report.id),
              eq(files.ownerType, "progress_report"),
            ),
          ),
  ]);
  const known = new Set(indicators.map((i) => i.id));
  const seen = new Set<string>();
  for (const [i, v] of input.values.entries()) {
    if (!known.has(v.indicatorId)) throw fieldError(`values.${i}.indicatorId`, "indicator_unknown");
    if (seen.has(v.indicatorId)) throw fieldError(`values.${i}.indicatorId`, "duplicate_value");
    seen.add(v.indicatorId);
  }
  const activities = new Set(project?.activities ?? []);
  const named = new Set<string>();
  for (const [i, a] of input.activityCounts.entries()) {
    if (!activities.has(a.activity)) throw fieldError(`activityCounts.${i}.activity`, "option_unknown");
    if (named.has(a.activity)) throw fieldError(`activityCounts.${i}.activity`, "duplicate_value");
    named.add(a.activity);
  }
  const personTimes = input.activityCounts.reduce((sum, a) => sum + a.personTimes, 0);
  if (input.activityCounts.length > 0 && input.newPeople > personTimes)
    throw fieldError("newPeople", "people_over_person_times");
  const ours = new Set(attached.map((f) => f.id));
  for (const [i, id] of input.fileIds.entries())
    if (!ours.has(id)) throw fieldError(`fileIds.${i}`, "unknown_reference");
  if (submitting) {
    if (!input.narrative) throw fieldError("narrative", "required");
    const given = new Set(input.values.filter((v) => v.value != null).map((v) => v.indicatorId));
    if ([...known].some((id) => !given.has(id))) throw fieldError("values", "indicator_value_required");
  }
}

/** Saves the draft (or, `submit`, the report as handed in) at the version read. */
export async function writeReport(
  db: Db,
  ctx: Context,
  id: string,
  input: Content,
  submit: boolean,
): Promise<{ id: string; status: ReportRow["status"]; version: number }> {
  return db.transaction(async (tx) => {
    const { report, grant } = await loadReport(tx, ctx, id, "funding.report", { lock: true });
    // A submit retried after its answer was lost: the same person's submit of this version is done.
    if (
      submit &&
      report.status === "submitted" &&
      report.submittedBy === ctx.actor.userId &&
      report.version === input.version + 1
    )
      return { id: report.id, status: report.status, version: report.version };
    if (!RUNNING.includes(grant.status)) throw new AppError("report_grant_not_running");
    const to = submit ? nextReportStatus(report.status, "submit") : report.status;
    if (!to || !(report.status === "due" || report.status === "returned"))
      throw reportStatusInvalid(ctx, report);
    if (report.version !== input.version) throw versionConflict(report.version);
    await checkContent(tx, grant, report, input, submit);
    const now = new Date();
    const [updated] = await tx
      .update(progressReports)
      .set({
        narrative: input.narrative,
        problems: input.problems,
        newPeople: input.newPeople,
        activityCounts: input.activityCounts,
        fileIds: input.fileIds,
        status: to,
        version: report.version + 1,
        ...(submit ? { submittedBy: ctx.actor.userId, submittedAt: now } : {}),
      })
      .where(and(eq(progressReports.id, report.id), eq(progressReports.version, report.version)))
      .returning();
    if (!updated) throw versionConflict(report.version);
    await tx.delete(indicatorValues).where(eq(indicatorValues.reportId, report.id));
    const values = input.values.flatMap((v) =>
      v.value == null
        ? []
        : [
            {
              baseId: grant.baseId,
              reportId: report.id,
              indicatorId: v.indicatorId,
              value: v.value,
              evidence: v.evidence,
            },
          ],
    );
    if (values.length > 0) await tx.insert(indicatorValues).values(values);
    await recordAudit(tx, ctx, {
      baseId: grant.baseId,
      action: submit ? "report.submit" : "report.save",
      entityType: "progress_report",
      entityId: report.id,
      before: { status: report.status, version: report.version },
      after: { status: to, version: updated.version, newPeople: input.newPeople, values: values.length },
    });
    if (submit) await noticeReport(tx, grant, report, "submitted", { exceptUserId: ctx.actor.userId });
    return { id: report.id, status: to, version: updated.version };
  });
}
