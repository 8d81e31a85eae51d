/**
 * Topics from weakness (7): the base's weakest baseline dimensions are suggested as topics when
 * staff create a training, and a training shows which enrolled organizations it was meant for,
 * those whose baseline is weak in its dimensions. The baseline is the submitted assessor-side
 * 基线前测 of the organizations' open incubations (stage 4's cohort distribution reads the same).
 */
import { and, eq, inArray, notInArray } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { assessments, incubations, instrumentVersions } from "../../../../db/schema";
import type { Lang } from "../../../../schemas/messages";
import type { EnrolmentEntry } from "../../../../schemas/services/trainings";
import type { Context } from "../../../context";
import { requireAccess } from "../../../policy";
import type { TrainingRow } from "./load";

/** A dimension scored below this (out of 100) at the baseline is weak. */
const WEAK_SCORE = 60;

async function baselines(db: Db, where: ReturnType<typeof and>) {
  return db
    .select({
      organizationId: incubations.organizationId,
      result: assessments.result,
      versionId: assessments.instrumentVersionId,
    })
    .from(assessments)
    .innerJoin(incubations, eq(incubations.id, assessments.incubationId))
    .where(
      and(
        where,
        notInArray(incubations.status, ["terminated"]),
        eq(assessments.phase, "baseline"),
        eq(assessments.side, "assessor"),
        eq(assessments.status, "submitted"),
      ),
    );
}

/** The base's dimensions by their average baseline score, weakest first (at most 6). */
export async function topicSuggestions(db: Db, ctx: Context) {
  requireAccess(ctx.actor, "training.manage");
  const rows = await baselines(
    db,
    and(eq(incubations.baseId, ctx.actor.baseId), notInArray(incubations.status, ["graduated"])),
  );
  const names = await dimensionNames(db, [...new Set(rows.map((r) => r.versionId))], ctx.lang);
  const scores = new Map<string, number[]>();
  for (const r of rows)
    for (const [key, d] of Object.entries(r.result ?? {}))
      if (typeof d?.score === "number") scores.set(key, [...(scores.get(key) ?? []), d.score]);
  const items = [...scores.entries()]
    .map(([key, values]) => ({
      dimensionKey: key,
      label: names.get(key) ?? key,
      average: Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10,
      organizations: values.filter((v) => v < WEAK_SCORE).length,
    }))
    .sort((a, b) => a.average - b.average)
    .slice(0, 6);
  return { items };
}

async function dimensionNames(db: Db, versionIds: string[], lang: Lang): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (versionIds.length === 0) return out;
  const versions = await db
    .select({ content: instrumentVersions.content })
    .from(instrumentVersions)
    .where(inArray(instrumentVersions.id, versionIds));
  for (const v of versions)
    for (const d of v.content.dimensions)
      if (!out.has(d.key)) out.set(d.key, lang === "en" ? d.name.en || d.name.zhCN : d.name.zhCN);
  return out;
}

/**
 * The enrolled organizations whose baseline is weak in one of the training's dimensions, the
 * dimensions by the name their instrument gives them.
 */
export async function meantFor(db: Db, training: TrainingRow, enrolments: EnrolmentEntry[], lang: Lang) {
  const orgIds = [
    ...new Set(
      enrolments.flatMap((e) => (e.status !== "cancelled" && e.organizationId ? [e.organizationId] : [])),
    ),
  ];
  if (orgIds.length === 0 || training.dimensionKeys.length === 0) return [];
  const rows = await baselines(db, inArray(incubations.organizationId, orgIds));
  const names = new Map(enrolments.map((e) => [e.organizationId, e.organizationName ?? ""]));
  const out = new Map<string, string[]>();
  for (const r of rows) {
    const weak = training.dimensionKeys.filter((k) => {
      const score = r.result?.[k]?.score;
      return typeof score === "number" && score < WEAK_SCORE;
    });
    if (weak.length > 0)
      out.set(r.organizationId, [...new Set([...(out.get(r.organizationId) ?? []), ...weak])]);
  }
  if (out.size === 0) return [];
  const labels = await dimensionNames(db, [...new Set(rows.map((r) => r.versionId))], lang);
  return [...out.entries()].map(([organizationId, dimensions]) => ({
    organizationId,
    name: names.get(organizationId) ?? "",
    dimensions: dimensions.map((k) => labels.get(k) ?? k),
  }));
}
