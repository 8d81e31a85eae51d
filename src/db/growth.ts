/**
 * The one writer of the growth file (组织成长档案): an area calls it in the transaction of the act,
 * so the file holds exactly what happened. The kinds and their params are declared by the areas
 * (src/domain/growth.ts).
 */
import type { GrowthKind, GrowthKinds, GrowthTitle } from "../domain/growth";
import type { Db } from "./client";
import { growthEvents } from "./schema";

export interface GrowthEntry<K extends GrowthKind> {
  baseId: string;
  organizationId: string;
  incubationId?: string | null;
  kind: K;
  /** The line the file shows, in both languages, as it reads at the time. */
  title: GrowthTitle;
  params: GrowthKinds[K];
  /** The record the event is about, for the file's link. */
  subjectId?: string | null;
  actorName?: string | null;
  /** Shown to the base only, never to the organization's members. */
  staffOnly?: boolean;
  /** When it happened; now unless the demo data replays the past. */
  at?: Date;
}

export async function recordGrowth<K extends GrowthKind>(tx: Db, entry: GrowthEntry<K>): Promise<void> {
  await tx.insert(growthEvents).values({
    baseId: entry.baseId,
    organizationId: entry.organizationId,
    incubationId: entry.incubationId ?? null,
    kind: entry.kind,
    title: entry.title,
    params: entry.params as Record<string, string | number | boolean | null>,
    subjectId: entry.subjectId ?? null,
    actorName: entry.actorName ?? null,
    staffOnly: entry.staffOnly ?? false,
    ...(entry.at ? { occurredAt: entry.at } : {}),
  });
}
