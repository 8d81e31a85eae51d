/**
 * The default capacity instrument (src/domain/incubation/default-instrument.ts) written for a
 * base as version 1, published, and active for every track: when the base is set up (bootstrap,
 * demo) and lazily when a base has no instrument yet. Idempotent, also when two requests do it at
 * once: the instrument's name is unique in the base (the second insert does nothing and stops),
 * and a track that already has an active version keeps it.
 */
import { eq } from "drizzle-orm";
import { TRACKS } from "../../domain/call";
import {
  DEFAULT_INSTRUMENT,
  DEFAULT_INSTRUMENT_DESCRIPTION,
  DEFAULT_INSTRUMENT_NAME,
} from "../../domain/incubation/default-instrument";
import type { Db } from "../client";
import { activeInstruments, instruments, instrumentVersions } from "../schema";

/** Writes the default instrument for `baseId` unless the base has an instrument. */
export async function seedDefaultInstrument(tx: Db, baseId: string): Promise<void> {
  const [existing] = await tx
    .select({ id: instruments.id })
    .from(instruments)
    .where(eq(instruments.baseId, baseId))
    .limit(1);
  if (existing) return;
  const [instrument] = await tx
    .insert(instruments)
    .values({ baseId, name: DEFAULT_INSTRUMENT_NAME, description: DEFAULT_INSTRUMENT_DESCRIPTION })
    .onConflictDoNothing()
    .returning();
  if (!instrument) return;
  const [version] = await tx
    .insert(instrumentVersions)
    .values({
      baseId,
      instrumentId: instrument.id,
      number: 1,
      status: "published",
      content: structuredClone(DEFAULT_INSTRUMENT),
      changeNote: "平台默认版本 / The platform's default",
      publishedAt: new Date(),
    })
    .returning();
  if (!version) throw new Error("seed: instrument version insert returned nothing");
  await tx
    .insert(activeInstruments)
    .values(TRACKS.map((track) => ({ baseId, track, instrumentVersionId: version.id })))
    .onConflictDoNothing();
}
