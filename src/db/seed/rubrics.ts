/**
 * The default rubrics (src/domain/review/default-rubrics.ts) written for a base as version 1 of
 * each track's rubric: when the base is set up (bootstrap, demo) and lazily when a track has
 * none yet. Idempotent: a track that has a rubric keeps it.
 */
import { and, eq } from "drizzle-orm";
import { TRACKS, type Track } from "../../domain/call";
import { DEFAULT_RUBRICS } from "../../domain/review/default-rubrics";
import type { Db } from "../client";
import { rubrics } from "../schema";

const TITLES: Record<Track, string> = {
  org: "组织孵化评审指标",
  project: "项目孵化评审指标",
  combined: "组织+项目孵化评审指标",
  space: "空间入驻评审指标",
};

const DEFAULT_RUBRIC_SOURCE =
  "平台默认指标：依据本平台所循孵化模式的入壳遴选标准（社会需求广泛、发展前景良好、持续发展动力、契合基地使命；考察领导人、商业模式与财务状况）及社会组织与公益项目评审中常用的评分维度（创新性、可行性、需求普遍性、可复制性）。详见 docs/REVIEW.md “Default rubrics”。";

/** Writes version 1 of the default rubric for every track of `baseId` that has none. */
export async function seedDefaultRubrics(tx: Db, baseId: string, tracks: readonly Track[] = TRACKS) {
  for (const track of tracks) {
    const [existing] = await tx
      .select({ id: rubrics.id })
      .from(rubrics)
      .where(and(eq(rubrics.baseId, baseId), eq(rubrics.track, track)))
      .limit(1);
    if (existing) continue;
    await tx
      .insert(rubrics)
      .values({
        baseId,
        track,
        version: 1,
        title: TITLES[track],
        criteria: [...DEFAULT_RUBRICS[track].criteria],
        source: DEFAULT_RUBRIC_SOURCE,
      })
      .onConflictDoNothing();
  }
}
