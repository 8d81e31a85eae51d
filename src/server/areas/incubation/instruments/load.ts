/**
 * Reading a base's instruments: the default one is written first if the base has none (a base
 * set up before stage 4). The two readers at the end are for the assessments: the content of
 * the version an assessment keeps, and the version a track's new assessments use.
 */
import { and, desc, eq, inArray } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { activeInstruments, instruments, instrumentVersions } from "../../../../db/schema";
import { seedDefaultInstrument } from "../../../../db/seed/instruments";
import type { Track } from "../../../../domain/call";
import type { InstrumentContent } from "../../../../domain/incubation/instrument";
import type { Instrument, InstrumentVersionView } from "../../../../schemas/incubation/instruments";
import { notFound } from "../../../errors";

export type InstrumentRow = typeof instruments.$inferSelect;
export type InstrumentVersionRow = typeof instrumentVersions.$inferSelect;

/** Writes the default instrument for a base that has none (idempotent, safe when two do it at once). */
export async function ensureInstruments(db: Db, baseId: string): Promise<void> {
  const [any] = await db
    .select({ id: instruments.id })
    .from(instruments)
    .where(eq(instruments.baseId, baseId))
    .limit(1);
  if (!any) await db.transaction((tx) => seedDefaultInstrument(tx, baseId));
}

/** The tracks using each version id. */
export async function activeByVersion(db: Db, baseId: string): Promise<Map<string, Track[]>> {
  const rows = await db.select().from(activeInstruments).where(eq(activeInstruments.baseId, baseId));
  const map = new Map<string, Track[]>();
  for (const row of rows)
    map.set(row.instrumentVersionId, [...(map.get(row.instrumentVersionId) ?? []), row.track]);
  return map;
}

function versionSummary(row: InstrumentVersionRow, tracks: readonly Track[]) {
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    changeNote: row.changeNote,
    basedOnId: row.basedOnId,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
    tracks: [...tracks],
  };
}

export function instrumentView(
  row: InstrumentRow,
  versions: readonly InstrumentVersionRow[],
  active: Map<string, Track[]>,
): Instrument {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    createdAt: row.createdAt.toISOString(),
    versions: versions.map((v) => versionSummary(v, active.get(v.id) ?? [])),
  };
}

export function versionView(
  row: InstrumentVersionRow,
  instrument: InstrumentRow,
  tracks: readonly Track[],
): InstrumentVersionView {
  return {
    ...versionSummary(row, tracks),
    instrumentId: instrument.id,
    instrumentName: instrument.name,
    content: row.content,
  };
}

/** The base's instruments with their versions, newest version first. */
export async function loadInstruments(db: Db, baseId: string) {
  await ensureInstruments(db, baseId);
  const rows = await db
    .select()
    .from(instruments)
    .where(eq(instruments.baseId, baseId))
    .orderBy(instruments.createdAt, instruments.name);
  const versions =
    rows.length === 0
      ? []
      : await db
          .select()
          .from(instrumentVersions)
          .where(
            inArray(
              instrumentVersions.instrumentId,
              rows.map((r) => r.id),
            ),
          )
          .orderBy(desc(instrumentVersions.number));
  return { rows, versions };
}

/** One instrument of the base (another base's is 404), FOR UPDATE when about to change it. */
export async function loadInstrument(
  db: Db,
  baseId: string,
  id: string,
  lock = false,
): Promise<InstrumentRow> {
  const query = db
    .select()
    .from(instruments)
    .where(and(eq(instruments.id, id), eq(instruments.baseId, baseId)))
    .limit(1);
  const [row] = lock ? await query.for("update") : await query;
  if (!row) throw notFound();
  return row;
}

/** One version of the base's instruments (another base's is 404). */
export async function loadVersion(
  db: Db,
  baseId: string,
  id: string,
  lock = false,
): Promise<InstrumentVersionRow> {
  const query = db
    .select()
    .from(instrumentVersions)
    .where(and(eq(instrumentVersions.id, id), eq(instrumentVersions.baseId, baseId)))
    .limit(1);
  const [row] = lock ? await query.for("update") : await query;
  if (!row) throw notFound();
  return row;
}

/**
 * For the assessments: the content of the instrument version `versionId` (an assessment keeps
 * the version it used; a published version never changes). Null when there is no such version.
 */
export async function instrumentVersionContent(db: Db, versionId: string): Promise<InstrumentContent | null> {
  const [row] = await db
    .select({ content: instrumentVersions.content })
    .from(instrumentVersions)
    .where(eq(instrumentVersions.id, versionId))
    .limit(1);
  return row?.content ?? null;
}

/**
 * For the assessments: the published version a track's new assessments use in the base (the
 * default instrument is written first if the base has none).
 */
export async function activeInstrumentVersion(
  db: Db,
  baseId: string,
  track: Track,
): Promise<{ id: string; instrumentId: string; number: number; content: InstrumentContent } | null> {
  await ensureInstruments(db, baseId);
  const [row] = await db
    .select({
      id: instrumentVersions.id,
      instrumentId: instrumentVersions.instrumentId,
      number: instrumentVersions.number,
      content: instrumentVersions.content,
    })
    .from(activeInstruments)
    .innerJoin(instrumentVersions, eq(instrumentVersions.id, activeInstruments.instrumentVersionId))
    .where(and(eq(activeInstruments.baseId, baseId), eq(activeInstruments.track, track)))
    .limit(1);
  return row ?? null;
}
