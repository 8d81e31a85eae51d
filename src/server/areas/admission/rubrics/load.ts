/** Reading a base's rubrics: the current version per track (written from the defaults if missing). */
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { reviewRounds, rubrics } from "../../../../db/schema";
import { seedDefaultRubrics } from "../../../../db/seed/rubrics";
import { TRACKS, type Track } from "../../../../domain/call";
import type { Rubric } from "../../../../schemas/admission/rubrics";

export type RubricRow = typeof rubrics.$inferSelect;

/** Every version of every track of the base, newest first per track; defaults written if a track has none. */
export async function allRubrics(db: Db, baseId: string): Promise<RubricRow[]> {
  let rows = await db
    .select()
    .from(rubrics)
    .where(eq(rubrics.baseId, baseId))
    .orderBy(rubrics.track, desc(rubrics.version));
  const missing = TRACKS.filter((t) => !rows.some((r) => r.track === t));
  if (missing.length > 0) {
    await db.transaction((tx) => seedDefaultRubrics(tx, baseId, missing));
    rows = await db
      .select()
      .from(rubrics)
      .where(eq(rubrics.baseId, baseId))
      .orderBy(rubrics.track, desc(rubrics.version));
  }
  return rows;
}

/** The current (highest) version of each track. */
export async function currentRubrics(db: Db, baseId: string): Promise<Record<Track, RubricRow>> {
  const rows = await allRubrics(db, baseId);
  const current = {} as Record<Track, RubricRow>;
  for (const row of rows) if (!current[row.track]) current[row.track] = row;
  return current;
}

/** How many rounds use each rubric id. */
export async function roundCounts(
  db: Db,
  baseId: string,
  ids: readonly string[],
): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  if (ids.length === 0) return counts;
  const rows = await db
    .select({ id: sql<string>`value`, n: sql<number>`count(*)::int` })
    .from(sql`${reviewRounds}, jsonb_each_text(${reviewRounds.rubricIds})`)
    .where(and(eq(reviewRounds.baseId, baseId), inArray(sql`value`, [...ids])))
    .groupBy(sql`value`);
  for (const row of rows) counts.set(row.id, Number(row.n));
  return counts;
}

export function rubricView(row: RubricRow, rounds: number): Rubric {
  return {
    id: row.id,
    track: row.track,
    version: row.version,
    title: row.title,
    source: row.source,
    criteria: row.criteria.map((c) => ({
      key: c.key,
      name: c.name,
      description: c.description,
      weight: c.weight,
      min: c.min,
      max: c.max,
      levels: c.levels.map((l) => ({ min: l.min, max: l.max, meaning: l.meaning })),
    })),
    frozenAt: row.frozenAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    roundCount: rounds,
  };
}
