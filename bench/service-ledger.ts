/**
 * What the bench's service loaders (service-desk.ts, trainings.ts, mentoring.ts) share: the
 * incubations they serve, one member account per incubated organization, and the ledger and growth
 * rows they write for what they deliver, shaped as src/db/deliveries.ts and src/db/growth.ts write
 * them: one ledger row per party served, keyed by its source record, with the organization's
 * incubation and residency of the time (the loaders deliver only while an incubation is open).
 */
import { sql } from "drizzle-orm";
import type { Database } from "../src/db/client";
import { rowsOf } from "../src/db/client";
import type { growthEvents, serviceDeliveries } from "../src/db/schema";
import type { GrowthKind, GrowthKinds, GrowthTitle } from "../src/domain/growth";
import type { Residency } from "../src/domain/organization";
import type { DeliveryKind, ServiceCategory } from "../src/domain/services/categories";
import "../src/schemas/services/service-growth";
import "../src/schemas/services/training-growth";
import "../src/server/areas/services/mentoring/growth";

export interface ServedIncubation {
  id: string;
  organizationId: string;
  organizationName: string;
  /** The registry's residency, which the ledger records (as recordDeliveries reads it). */
  residency: Residency;
  status: string;
  startOn: string;
  /** The last day it was served on: its end, or today while it is open. */
  lastOn: string;
  /** The organization's member account (trainings enrol people). */
  member: { id: string; name: string };
}

export interface ServiceContext {
  baseId: string;
  random: () => number;
  ids: () => string;
  today: string;
  staff: { id: string; name: string };
  incubations: ServedIncubation[];
  ledger: (typeof serviceDeliveries.$inferInsert)[];
  growth: (typeof growthEvents.$inferInsert)[];
}

/** The bench's incubations that had started by today, with the day each was last open. */
export async function servedIncubations(
  database: Database,
  baseId: string,
  today: string,
): Promise<Omit<ServedIncubation, "member">[]> {
  return rowsOf<Omit<ServedIncubation, "member">>(
    await database.db.execute(sql`
      SELECT i.id, i.organization_id AS "organizationId", o.name AS "organizationName", o.residency, i.status,
        i.start_on::text AS "startOn",
        LEAST(coalesce(i.ended_on, i.planned_end_on), ${today}::date)::text AS "lastOn"
      FROM incubations i JOIN organizations o ON o.id = i.organization_id
      WHERE i.base_id = ${baseId} AND i.start_on <= ${today}::date AND i.enrol_reason = '基准测试数据'
      ORDER BY i.id`),
  );
}

/** One ledger row, as recordDeliveries writes it (the rating as rateDeliveries adds it). */
export function deliver(
  ctx: ServiceContext,
  served: ServedIncubation,
  delivery: {
    kind: DeliveryKind;
    sourceId: string;
    category: ServiceCategory;
    deliveredOn: string;
    minutes: number;
    rating: number | null;
    personId?: string;
  },
): void {
  const at = new Date(`${delivery.deliveredOn}T18:00:00+08:00`);
  ctx.ledger.push({
    baseId: ctx.baseId,
    kind: delivery.kind,
    sourceId: delivery.sourceId,
    category: delivery.category,
    organizationId: served.organizationId,
    personId: delivery.personId ?? null,
    incubationId: served.id,
    residency: served.residency,
    deliveredOn: delivery.deliveredOn,
    minutes: delivery.minutes,
    rating: delivery.rating,
    createdAt: at,
    updatedAt: at,
  });
}

/** One growth-file line, as recordGrowth writes it. */
export function grow<K extends GrowthKind>(
  ctx: ServiceContext,
  served: ServedIncubation,
  entry: {
    kind: K;
    title: GrowthTitle;
    params: GrowthKinds[K];
    subjectId: string;
    actorName: string;
    at: Date;
  },
): void {
  ctx.growth.push({
    baseId: ctx.baseId,
    organizationId: served.organizationId,
    incubationId: served.id,
    kind: entry.kind,
    title: entry.title,
    params: entry.params as Record<string, string | number | boolean | null>,
    subjectId: entry.subjectId,
    actorName: entry.actorName,
    occurredAt: entry.at,
  });
}

/** A day between two days (YYYY-MM-DD), both included. */
export function dayBetween(random: () => number, from: string, to: string): string {
  const span = Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000));
  return new Date(Date.parse(from) + Math.floor(random() * (span + 1)) * 86_400_000)
    .toISOString()
    .slice(0, 10);
}

/** Days from `from` to `to` (YYYY-MM-DD), at least 1. */
export function daysOf(from: string, to: string): number {
  return Math.max(1, (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1);
}

/** A moment of a Shanghai day. */
export function shanghaiAt(day: string, hour: number, minute = 0): Date {
  return new Date(`${day}T${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}:00+08:00`);
}

/** A rating (3-5, as most are) for seven in ten, null for the rest. */
export function maybeRating(random: () => number): number | null {
  return random() < 0.7 ? 3 + Math.floor(random() * 3) : null;
}

/** The day the earliest of the incubations started (today when there are none). */
export function firstStart(incubations: readonly ServedIncubation[], today: string): string {
  let first = today;
  for (const s of incubations) if (s.startOn < first) first = s.startOn;
  return first;
}
