/**
 * Reading assessments: one with its version's content, scores, evidence and result; an
 * incubation's list with the baseline's due day and whether each side is done; the comparison of
 * two assessments of one organization; a cohort's baseline distribution (staff).
 */
import { and, eq, inArray, ne } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "../../../../db/client";
import {
  assessments,
  cohorts,
  incubationSettings,
  incubations,
  instruments,
  instrumentVersions,
  organizations,
  users,
} from "../../../../db/schema";
import {
  compareAssessments,
  quartiles,
  scoreAssessment,
} from "../../../../domain/incubation/assessment-scoring";
import type { InstrumentContent } from "../../../../domain/incubation/instrument";
import { addDays, DEFAULT_INCUBATION_SETTINGS } from "../../../../domain/incubation/lifecycle";
import { hasRole } from "../../../../domain/roles";
import { shanghaiDate } from "../../../../domain/shanghai-time";
import type {
  ZAssessmentComparison,
  ZAssessmentDetail,
  ZAssessmentSummaryEntry,
  ZCohortDistribution,
  ZIncubationAssessments,
} from "../../../../schemas/incubation/assessments";
import type { Context } from "../../../context";
import { AppError, notFound } from "../../../errors";
import { requireAccess, requireRoleFor } from "../../../policy";
import { loadIncubation } from "../incubations/load";
import { evidenceOf } from "./evidence";
import { type AssessmentRow, actorWriteAction, loadAssessment, seesAssessment, writeAction } from "./load";
import { resultOf, scoreMap, scoresOf, versionContent } from "./record";

type SummaryItem = z.infer<typeof ZAssessmentSummaryEntry>;

async function namesOf(db: Db, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(inArray(users.id, wanted));
  return new Map(rows.map((r) => [r.id, r.name]));
}

function summaryItem(row: AssessmentRow, names: Map<string, string>): SummaryItem {
  return {
    id: row.id,
    phase: row.phase,
    side: row.side,
    status: row.status,
    revision: row.revision,
    instrumentVersionId: row.instrumentVersionId,
    assessor: row.assessorId ? { id: row.assessorId, name: names.get(row.assessorId) ?? "" } : null,
    total: row.total === null ? null : Number(row.total),
    submittedAt: row.submittedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
  };
}

async function versionWithName(db: Db, versionId: string) {
  const version = await versionContent(db, versionId);
  const [instrument] = await db
    .select({ name: instruments.name })
    .from(instruments)
    .where(eq(instruments.id, version.instrumentId));
  return { ...version, name: instrument?.name ?? "" };
}

export async function assessmentDetail(
  db: Db,
  ctx: Context,
  id: string,
): Promise<z.infer<typeof ZAssessmentDetail>> {
  const { row } = await loadAssessment(db, ctx, id, "read");
  const [version, scores, evidence, names, [organization], [later]] = await Promise.all([
    versionWithName(db, row.instrumentVersionId),
    scoresOf(db, id),
    evidenceOf(db, id),
    namesOf(db, [row.assessorId]),
    db
      .select({ name: organizations.name })
      .from(organizations)
      .where(eq(organizations.id, row.organizationId)),
    db.select({ id: assessments.id }).from(assessments).where(eq(assessments.supersedesId, id)).limit(1),
  ]);
  const mySide = actorWriteAction(ctx.actor) === writeAction(row.side) && mayWrite(ctx, row);
  return {
    ...summaryItem(row, names),
    incubationId: row.incubationId,
    organizationId: row.organizationId,
    organizationName: organization?.name ?? "",
    supersedesId: row.supersedesId,
    correctionReason: row.correctionReason,
    summary: row.summary,
    version: row.version,
    instrument: {
      versionId: version.id,
      name: version.name,
      number: version.number,
      content: version.content,
    },
    scores,
    evidence,
    result: resultOf(row, version.content, scoreMap(scores)),
    editable: mySide && row.status === "draft",
    correctable: mySide && row.status === "submitted" && !later,
  };
}

/** Whether the reader's role writes this side (a member its own self-assessment; staff; the named expert). */
function mayWrite(ctx: Context, row: AssessmentRow): boolean {
  if (row.side === "self")
    return hasRole(ctx.actor, "org_member") && ctx.actor.organizationId === row.organizationId;
  return hasRole(ctx.actor, "admin", "staff") || row.assessorId === ctx.actor.userId;
}

/** The incubation's assessments the reader sees, every revision, and where the baseline stands. */
export async function incubationAssessments(
  db: Db,
  ctx: Context,
  incubationId: string,
): Promise<z.infer<typeof ZIncubationAssessments>> {
  const incubation = await loadIncubation(db, ctx, incubationId, "assessment.read");
  const [joined, [settings]] = await Promise.all([
    // The assessors' names in the same statement: one query whatever the number of rows.
    db
      .select({ row: assessments, assessorName: users.displayName })
      .from(assessments)
      .leftJoin(users, eq(users.id, assessments.assessorId))
      .where(eq(assessments.incubationId, incubation.id))
      .orderBy(assessments.createdAt, assessments.revision),
    db.select().from(incubationSettings).where(eq(incubationSettings.baseId, incubation.baseId)),
  ]);
  const rows = joined.map((j) => j.row);
  const visible = joined.filter((j) => seesAssessment(ctx.actor, j.row));
  const names = new Map(
    visible.flatMap((j) =>
      j.row.assessorId && j.assessorName ? [[j.row.assessorId, j.assessorName] as const] : [],
    ),
  );
  const done = (side: "self" | "assessor") =>
    rows.some((r) => r.phase === "baseline" && r.side === side && r.status !== "draft");
  const dueOn = addDays(incubation.startOn, (settings ?? DEFAULT_INCUBATION_SETTINGS).baselineDueDays);
  const selfDone = done("self");
  const assessorDone = done("assessor");
  return {
    items: visible.map((j) => summaryItem(j.row, names)),
    baseline: {
      dueOn,
      overdue: shanghaiDate(new Date()) > dueOn && !(selfDone && assessorDone),
      selfDone,
      assessorDone,
    },
  };
}

/**
 * The second assessment against the first (later − earlier, assessor − self). Both must be of one
 * organization (404 otherwise) and on one version (409 `assessment_version_mismatch`); a member
 * compares only submitted ones (409 `assessment_not_submitted`), staff drafts too (live result).
 */
export async function compare(
  db: Db,
  ctx: Context,
  firstId: string,
  secondId: string,
): Promise<z.infer<typeof ZAssessmentComparison>> {
  const a = await loadAssessment(db, ctx, firstId, "read");
  const b = await loadAssessment(db, ctx, secondId, "read");
  if (a.row.organizationId !== b.row.organizationId) throw notFound();
  const staff = hasRole(ctx.actor, "admin", "staff");
  if (!staff && (a.row.status === "draft" || b.row.status === "draft")) {
    throw new AppError("assessment_not_submitted");
  }
  if (a.row.instrumentVersionId !== b.row.instrumentVersionId)
    throw new AppError("assessment_version_mismatch");
  const version = await versionWithName(db, a.row.instrumentVersionId);
  const content = version.content;
  // From the scores (kept as submitted), unrounded: each difference is rounded once, at the end.
  const sideOf = async (row: AssessmentRow) => ({
    instrumentVersionId: row.instrumentVersionId,
    result: scoreAssessment(content, scoreMap(await scoresOf(db, row.id)), { exact: true }),
  });
  const comparison = compareAssessments(content, await sideOf(a.row), await sideOf(b.row));
  if (!comparison.ok) throw new AppError("assessment_version_mismatch");
  const [organization] = await db
    .select({ name: organizations.name })
    .from(organizations)
    .where(eq(organizations.id, a.row.organizationId));
  const described = (row: AssessmentRow, total: number | null) => ({
    id: row.id,
    phase: row.phase,
    side: row.side,
    total,
    submittedAt: row.submittedAt?.toISOString() ?? null,
  });
  const dims = new Map(content.dimensions.map((d) => [d.key, d]));
  return {
    organizationName: organization?.name ?? "",
    instrument: { versionId: version.id, name: version.name, number: version.number },
    first: described(a.row, comparison.total.first),
    second: described(b.row, comparison.total.second),
    dimensions: comparison.dimensions.map((d) => ({
      ...d,
      name: dims.get(d.key)?.name ?? { zhCN: d.key, en: d.key },
      weight: dims.get(d.key)?.weight ?? 0,
    })),
    total: comparison.total,
    largestGaps: comparison.largestGaps,
    weakest: comparison.weakest,
  };
}

/**
 * A cohort's baseline as the base scored it: per dimension the submitted assessor-side baseline
 * scores of its incubations (five-number summary and the values), and the incubations without
 * one yet. Staff only.
 */
export async function cohortBaselineDistribution(
  db: Db,
  ctx: Context,
  cohortId: string,
): Promise<z.infer<typeof ZCohortDistribution>> {
  requireRoleFor(ctx.actor, "incubation.manage");
  const [cohort] = await db.select().from(cohorts).where(eq(cohorts.id, cohortId));
  if (!cohort) throw notFound();
  requireAccess(ctx.actor, "incubation.manage", { baseId: cohort.baseId });
  const members = await db
    .select({ id: incubations.id, organizationName: organizations.name })
    .from(incubations)
    .innerJoin(organizations, eq(organizations.id, incubations.organizationId))
    .where(and(eq(incubations.cohortId, cohort.id), ne(incubations.status, "terminated")))
    .orderBy(organizations.name);
  const ids = members.map((m) => m.id);
  const rows =
    ids.length === 0
      ? []
      : await db
          .select({
            incubationId: assessments.incubationId,
            versionId: assessments.instrumentVersionId,
            total: assessments.total,
            result: assessments.result,
          })
          .from(assessments)
          .where(
            and(
              inArray(assessments.incubationId, ids),
              eq(assessments.phase, "baseline"),
              eq(assessments.side, "assessor"),
              eq(assessments.status, "submitted"),
            ),
          );
  const versionIds = [...new Set(rows.map((r) => r.versionId))];
  const versions =
    versionIds.length === 0
      ? []
      : await db
          .select({
            id: instrumentVersions.id,
            number: instrumentVersions.number,
            content: instrumentVersions.content,
            name: instruments.name,
          })
          .from(instrumentVersions)
          .innerJoin(instruments, eq(instruments.id, instrumentVersions.instrumentId))
          .where(inArray(instrumentVersions.id, versionIds))
          .orderBy(instrumentVersions.number);
  // Dimensions by key across the versions (in the first version's order, then any new ones).
  const dimensions = new Map<string, InstrumentContent["dimensions"][number]>();
  for (const v of versions)
    for (const d of v.content.dimensions) if (!dimensions.has(d.key)) dimensions.set(d.key, d);
  const scored = new Set(rows.map((r) => r.incubationId));
  const totals = rows.map((r) => Number(r.total)).sort((x, y) => x - y);
  return {
    cohort: { id: cohort.id, name: cohort.name },
    versions: versions.map((v) => ({ id: v.id, name: v.name, number: v.number })),
    dimensions: [...dimensions.values()].map((d) => {
      const values = rows
        .map((r) => r.result?.[d.key]?.score)
        .filter((s): s is number => typeof s === "number")
        .sort((x, y) => x - y);
      const q = quartiles(values);
      return {
        key: d.key,
        name: d.name,
        n: values.length,
        min: q?.min ?? null,
        q1: q?.q1 ?? null,
        median: q?.median ?? null,
        q3: q?.q3 ?? null,
        max: q?.max ?? null,
        values,
      };
    }),
    total: { n: totals.length, median: quartiles(totals)?.median ?? null, values: totals },
    missing: members
      .filter((m) => !scored.has(m.id))
      .map((m) => ({ incubationId: m.id, organizationName: m.organizationName })),
  };
}
