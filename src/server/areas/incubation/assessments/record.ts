/**
 * Filling an assessment in: scores saved as they are given (partial, so a phone can autosave
 * each choice), submitted when every indicator is scored (the result is then computed and kept),
 * read-only after that; a correction is a new revision copied from the submitted one, and its
 * submission supersedes the older. Submissions and corrections enter the growth file.
 */

import { and, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "../../../../db/client";
import { recordGrowth } from "../../../../db/growth";
import { assessmentEvidence, assessmentScores, assessments, instrumentVersions } from "../../../../db/schema";
import type { AssessmentPhase, AssessmentSide } from "../../../../domain/incubation/assessment";
import {
  type AssessmentResult,
  type IndicatorScores,
  missingIndicators,
  scoreAssessment,
} from "../../../../domain/incubation/assessment-scoring";
import type { InstrumentContent } from "../../../../domain/incubation/instrument";
import { assessmentTitles } from "../../../../schemas/incubation/assessment-labels";
import type {
  ZAssessmentCorrection,
  ZAssessmentSave,
  ZAssessmentSubmit,
} from "../../../../schemas/incubation/assessments";
import { recordAudit } from "../../../audit";
import type { Context } from "../../../context";
import { AppError, fieldError, versionConflict } from "../../../errors";
import { type AssessmentRow, loadAssessment, requireDraft } from "./load";

declare module "../../../../domain/growth" {
  interface GrowthKinds {
    /** An assessment was submitted: its phase, whose view, the total out of 100. */
    "assessment.submitted": { phase: AssessmentPhase; side: AssessmentSide; total: number; revision: number };
    /** A submitted assessment is being corrected (a new revision), with the reason. */
    "assessment.corrected": {
      phase: AssessmentPhase;
      side: AssessmentSide;
      revision: number;
      /** Why it is corrected. */
      note: string;
    };
  }
}

type Save = z.output<typeof ZAssessmentSave>;
type Submit = z.output<typeof ZAssessmentSubmit>;
type Correction = z.output<typeof ZAssessmentCorrection>;

export async function versionContent(tx: Db, versionId: string) {
  const [version] = await tx.select().from(instrumentVersions).where(eq(instrumentVersions.id, versionId));
  if (!version) throw new Error("assessment without its instrument version");
  return version;
}

export async function scoresOf(tx: Db, assessmentId: string) {
  return tx
    .select({
      indicatorKey: assessmentScores.indicatorKey,
      score: assessmentScores.score,
      comment: assessmentScores.comment,
    })
    .from(assessmentScores)
    .where(eq(assessmentScores.assessmentId, assessmentId))
    .orderBy(assessmentScores.indicatorKey);
}

export function scoreMap(rows: { indicatorKey: string; score: number | null }[]): IndicatorScores {
  return Object.fromEntries(rows.map((r) => [r.indicatorKey, r.score]));
}

/** The result to show: the stored one once submitted, else computed from the scores as they stand. */
export function resultOf(
  row: AssessmentRow,
  content: InstrumentContent,
  scores: IndicatorScores,
): AssessmentResult {
  if (row.status !== "draft" && row.result && row.total !== null) {
    const dims = Object.values(row.result);
    const allWeight = content.dimensions.reduce((s, d) => s + d.weight, 0);
    const covered = content.dimensions.reduce(
      (s, d) => s + d.weight * (row.result?.[d.key]?.coverage ?? 0),
      0,
    );
    return {
      total: Number(row.total),
      coverage: dims.length && allWeight > 0 ? Math.round((covered / allWeight) * 10_000) / 10_000 : 0,
      dimensions: row.result,
    };
  }
  return scoreAssessment(content, scores);
}

/** Every indicator of the version by key, with its name for messages. */
function indicatorsOf(content: InstrumentContent) {
  return new Map(content.dimensions.flatMap((d) => d.indicators.map((i) => [i.key, i] as const)));
}

function checkScores(ctx: Context, content: InstrumentContent, items: NonNullable<Save["scores"]>): void {
  const indicators = indicatorsOf(content);
  const { min, max } = content.scale;
  items.forEach((item, index) => {
    const indicator = indicators.get(item.indicatorKey);
    if (!indicator) {
      throw fieldError(`scores.${index}.indicatorKey`, "indicator_unknown", { indicator: item.indicatorKey });
    }
    if (item.score != null && (item.score < min || item.score > max)) {
      const criterion = ctx.lang === "en" ? indicator.name.en : indicator.name.zhCN;
      throw fieldError(`scores.${index}.score`, "score_out_of_scale", { criterion, min, max });
    }
  });
}

/** Saves the scores given (others stay as they were) and the overall comment; answers the live result. */
export async function saveScores(
  db: Db,
  ctx: Context,
  id: string,
  input: Save,
): Promise<{ version: number; updatedAt: string; result: AssessmentResult }> {
  return db.transaction(async (tx) => {
    const { row } = await loadAssessment(tx, ctx, id, "write", { lock: true });
    requireDraft(row);
    if (row.version !== input.version) throw versionConflict(row.version);
    const { content } = await versionContent(tx, row.instrumentVersionId);
    const items = input.scores ?? [];
    checkScores(ctx, content, items);
    for (const item of items) {
      // Only what was sent changes: a comment alone keeps the score, and the other way round.
      const set: { score?: number | null; comment?: string } = {};
      if (item.score !== undefined) set.score = item.score;
      if (item.comment !== undefined) set.comment = item.comment;
      if (Object.keys(set).length === 0) continue;
      await tx
        .insert(assessmentScores)
        .values({
          assessmentId: id,
          indicatorKey: item.indicatorKey,
          score: item.score ?? null,
          comment: item.comment ?? "",
        })
        .onConflictDoUpdate({ target: [assessmentScores.assessmentId, assessmentScores.indicatorKey], set });
    }
    const now = new Date();
    const [updated] = await tx
      .update(assessments)
      .set({
        ...(input.summary !== undefined ? { summary: input.summary } : {}),
        version: row.version + 1,
        updatedAt: now,
      })
      .where(and(eq(assessments.id, id), eq(assessments.version, row.version)))
      .returning();
    if (!updated) throw versionConflict(row.version + 1);
    const result = scoreAssessment(content, scoreMap(await scoresOf(tx, id)));
    return { version: updated.version, updatedAt: now.toISOString(), result };
  });
}

/**
 * Submits when every indicator is scored (400 `assessment_incomplete` naming those missing):
 * the total and per-dimension result are computed and kept, the older revision (if this one
 * corrects it) becomes superseded, and the growth file records it.
 */
export async function submitAssessment(
  db: Db,
  ctx: Context,
  id: string,
  input: Submit,
): Promise<{ version: number; total: number }> {
  return db.transaction(async (tx) => {
    const { row, incubation } = await loadAssessment(tx, ctx, id, "write", { lock: true });
    requireDraft(row);
    if (row.version !== input.version) throw versionConflict(row.version);
    const { content } = await versionContent(tx, row.instrumentVersionId);
    const scores = scoreMap(await scoresOf(tx, id));
    const missing = missingIndicators(content, scores);
    if (missing.length > 0) {
      const names = indicatorsOf(content);
      const label = (key: string) => {
        const name = names.get(key)?.name;
        return (ctx.lang === "en" ? name?.en : name?.zhCN) ?? key;
      };
      throw new AppError("assessment_incomplete", {
        params: { missing: missing.map(label).join(ctx.lang === "en" ? ", " : "、") },
        details: { missing },
      });
    }
    const result = scoreAssessment(content, scores);
    const total = result.total ?? 0;
    const now = new Date();
    const [updated] = await tx
      .update(assessments)
      .set({
        status: "submitted",
        total: total.toFixed(2),
        result: result.dimensions,
        submittedAt: now,
        submittedBy: ctx.actor.userId,
        version: row.version + 1,
        updatedAt: now,
      })
      .where(and(eq(assessments.id, id), eq(assessments.version, row.version)))
      .returning();
    if (!updated) throw versionConflict(row.version + 1);
    if (row.supersedesId) {
      await tx
        .update(assessments)
        .set({ status: "superseded", version: sql`${assessments.version} + 1`, updatedAt: now })
        .where(eq(assessments.id, row.supersedesId));
    }
    await recordAudit(tx, ctx, {
      baseId: row.baseId,
      action: "assessment.submit",
      entityType: "assessment",
      entityId: id,
      before: { status: row.status },
      after: { status: "submitted", revision: row.revision, total, supersedes: row.supersedesId },
    });
    await recordGrowth(tx, {
      baseId: row.baseId,
      organizationId: row.organizationId,
      incubationId: incubation.id,
      kind: "assessment.submitted",
      title: assessmentTitles.submitted(row.phase, row.side, total),
      params: { phase: row.phase, side: row.side, total, revision: row.revision },
      subjectId: id,
      actorName: ctx.actor.displayName,
    });
    return { version: updated.version, total };
  });
}

/**
 * A correction (更正) of the latest submitted revision: a new draft with its scores, comments,
 * summary and evidence copied, and the reason; the submitted one stays as it was until the
 * correction is submitted. One open correction at a time (409 `assessment_correction_open`).
 */
export async function correctAssessment(
  db: Db,
  ctx: Context,
  id: string,
  input: Correction,
): Promise<{ id: string }> {
  return db.transaction(async (tx) => {
    const { row, incubation } = await loadAssessment(tx, ctx, id, "write", { lock: true });
    if (row.status !== "submitted") throw new AppError("assessment_not_submitted");
    const [later] = await tx
      .select({ id: assessments.id })
      .from(assessments)
      .where(eq(assessments.supersedesId, id))
      .limit(1);
    if (later) throw new AppError("assessment_correction_open");
    const [created] = await tx
      .insert(assessments)
      .values({
        baseId: row.baseId,
        incubationId: row.incubationId,
        organizationId: row.organizationId,
        instrumentVersionId: row.instrumentVersionId,
        phase: row.phase,
        side: row.side,
        assessorId: row.assessorId,
        revision: row.revision + 1,
        supersedesId: row.id,
        correctionReason: input.reason,
        summary: row.summary,
      })
      .returning({ id: assessments.id });
    if (!created) throw new Error("correction not written");
    const scores = await scoresOf(tx, id);
    if (scores.length > 0) {
      await tx.insert(assessmentScores).values(scores.map((s) => ({ ...s, assessmentId: created.id })));
    }
    const evidence = await tx
      .select({ fileId: assessmentEvidence.fileId, indicatorKey: assessmentEvidence.indicatorKey })
      .from(assessmentEvidence)
      .where(eq(assessmentEvidence.assessmentId, id));
    if (evidence.length > 0) {
      await tx.insert(assessmentEvidence).values(evidence.map((e) => ({ ...e, assessmentId: created.id })));
    }
    await recordAudit(tx, ctx, {
      baseId: row.baseId,
      action: "assessment.correct",
      entityType: "assessment",
      entityId: created.id,
      before: { assessmentId: id, revision: row.revision, total: row.total },
      after: { revision: row.revision + 1, reason: input.reason },
    });
    await recordGrowth(tx, {
      baseId: row.baseId,
      organizationId: row.organizationId,
      incubationId: incubation.id,
      kind: "assessment.corrected",
      title: assessmentTitles.corrected(row.phase, row.side, row.revision + 1),
      params: { phase: row.phase, side: row.side, revision: row.revision + 1, note: input.reason },
      subjectId: created.id,
      actorName: ctx.actor.displayName,
      // The assessor's correction is the base's draft until submitted; the member's is its own.
      staffOnly: row.side === "assessor",
    });
    return { id: created.id };
  });
}
