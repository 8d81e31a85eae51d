/**
 * The one writer of the service ledger (服务台账, schema/services.ts): the services, trainings
 * and mentoring areas call it in the transaction of the act, so the figures count exactly what
 * was delivered. The organization's residency and open incubation are read here, at the time of
 * the service, so no caller has to.
 */
import { and, eq, inArray, notInArray, sql } from "drizzle-orm";
import type { DeliveryKind, ServiceCategory } from "../domain/services/categories";
import type { Db } from "./client";
import { incubations, organizations, serviceDeliveries } from "./schema";

export interface Delivery {
  baseId: string;
  kind: DeliveryKind;
  /** The record that delivered it. */
  sourceId: string;
  category: ServiceCategory;
  /** Who was served: an organization, a person, or a person of an organization. */
  organizationId?: string | null;
  personId?: string | null;
  /** The day it was delivered (YYYY-MM-DD, Asia/Shanghai). */
  deliveredOn: string;
  minutes: number;
}

/**
 * Writes one row per party served (a talk to 12 organizations is 12 rows); writing the same
 * source and party again updates the row (a corrected record), so a retry never counts twice.
 */
export async function recordDeliveries(tx: Db, deliveries: readonly Delivery[]): Promise<void> {
  if (deliveries.length === 0) return;
  const orgIds = [...new Set(deliveries.flatMap((d) => (d.organizationId ? [d.organizationId] : [])))];
  const facts = new Map<
    string,
    { residency: (typeof organizations.$inferSelect)["residency"]; incubationId: string | null }
  >();
  if (orgIds.length > 0) {
    const rows = await tx
      .select({ id: organizations.id, residency: organizations.residency, incubationId: incubations.id })
      .from(organizations)
      .leftJoin(
        incubations,
        and(
          eq(incubations.organizationId, organizations.id),
          notInArray(incubations.status, ["graduated", "terminated"]),
        ),
      )
      .where(inArray(organizations.id, orgIds));
    for (const r of rows) facts.set(r.id, { residency: r.residency, incubationId: r.incubationId });
  }
  await tx
    .insert(serviceDeliveries)
    .values(
      deliveries.map((d) => {
        const f = d.organizationId ? facts.get(d.organizationId) : undefined;
        return {
          baseId: d.baseId,
          kind: d.kind,
          sourceId: d.sourceId,
          category: d.category,
          organizationId: d.organizationId ?? null,
          personId: d.personId ?? null,
          incubationId: f?.incubationId ?? null,
          residency: f?.residency ?? null,
          deliveredOn: d.deliveredOn,
          minutes: d.minutes,
        };
      }),
    )
    .onConflictDoUpdate({
      target: [
        serviceDeliveries.kind,
        serviceDeliveries.sourceId,
        serviceDeliveries.organizationId,
        serviceDeliveries.personId,
      ],
      set: {
        category: sql`excluded.category`,
        deliveredOn: sql`excluded.delivered_on`,
        minutes: sql`excluded.minutes`,
        updatedAt: sql`now()`,
      },
    });
}

/** Withdraws what a source delivered (a record cancelled, an attendance un-ticked). */
export async function withdrawDeliveries(
  tx: Db,
  source: { kind: DeliveryKind; sourceId: string; organizationId?: string; personId?: string },
): Promise<void> {
  const where = [eq(serviceDeliveries.kind, source.kind), eq(serviceDeliveries.sourceId, source.sourceId)];
  if (source.organizationId) where.push(eq(serviceDeliveries.organizationId, source.organizationId));
  if (source.personId) where.push(eq(serviceDeliveries.personId, source.personId));
  await tx.delete(serviceDeliveries).where(and(...where));
}

/** The served party's rating (1-5) of what a source delivered to it. */
export async function rateDeliveries(
  tx: Db,
  source: { kind: DeliveryKind; sourceId: string; organizationId?: string; personId?: string },
  rating: number,
): Promise<void> {
  const where = [eq(serviceDeliveries.kind, source.kind), eq(serviceDeliveries.sourceId, source.sourceId)];
  if (source.organizationId) where.push(eq(serviceDeliveries.organizationId, source.organizationId));
  if (source.personId) where.push(eq(serviceDeliveries.personId, source.personId));
  await tx
    .update(serviceDeliveries)
    .set({ rating, updatedAt: sql`now()` })
    .where(and(...where));
}
