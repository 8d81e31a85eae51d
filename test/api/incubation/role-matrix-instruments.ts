/**
 * The records the role × route matrix needs for the capacity instrument: the default's published
 * version 1 and an instrument of its own with a draft (staff act on both).
 */
import { and, eq } from "drizzle-orm";
import { instruments, instrumentVersions } from "../../../src/db/schema";
import { DEFAULT_INSTRUMENT_NAME } from "../../../src/domain/incubation/default-instrument";
import type { Client, TestApp } from "../../support/app";

export interface InstrumentIds {
  matrixInstrument: string;
  instrumentDraft: string;
  instrumentPublished: string;
}

export async function instrumentFixtures(t: TestApp, staff: Client): Promise<InstrumentIds> {
  const created = await staff.post("/api/instruments", { name: "矩阵测试评估体系" });
  if (created.statusCode !== 201) throw new Error(`instrument: ${created.statusCode} ${created.body}`);
  const instrument = created.json() as { id: string; versions: { id: string }[] };
  const [published] = await t.db
    .select({ id: instrumentVersions.id })
    .from(instrumentVersions)
    .innerJoin(instruments, eq(instruments.id, instrumentVersions.instrumentId))
    .where(and(eq(instruments.baseId, t.baseId), eq(instruments.name, DEFAULT_INSTRUMENT_NAME)))
    .limit(1);
  return {
    matrixInstrument: instrument.id,
    instrumentDraft: instrument.versions[0]?.id as string,
    instrumentPublished: published?.id as string,
  };
}
