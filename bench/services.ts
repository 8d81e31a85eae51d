/**
 * The service ledger (服务台账) of the bench: for each incubation, per year it was open, about 12
 * service records, 6 training attendances and 8 mentoring sessions, spread over its days up to
 * today, of random 4Z categories; 30% of the organizations served as virtual; about 70% rated.
 * Written straight into `service_deliveries` (the areas' own writers are measured elsewhere),
 * so the service figures read a realistic ledger.
 */
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Database } from "../src/db/client";
import { rowsOf } from "../src/db/client";
import { serviceDeliveries } from "../src/db/schema";
import { seededRandom } from "../src/db/seed/generate";
import { addDays } from "../src/domain/incubation/lifecycle";
import { type DeliveryKind, SERVICE_CATEGORIES } from "../src/domain/services/categories";
import { shanghaiDate } from "../src/domain/shanghai-time";
import { copyRows } from "./bulk";

const PER_YEAR: Record<DeliveryKind, number> = { service: 12, training: 6, mentoring: 8 };
const MINUTES: Record<DeliveryKind, number> = { service: 60, training: 120, mentoring: 90 };

export async function loadServiceLedger(
  database: Database,
  baseId: string,
  options: { seed: number },
): Promise<{ deliveries: number }> {
  const random = seededRandom(options.seed ^ 0x5e4c);
  const today = shanghaiDate(new Date());
  const open = rowsOf<{ id: string; organizationId: string; startOn: string; endOn: string }>(
    await database.db.execute(sql`
      SELECT id, organization_id AS "organizationId", start_on::text AS "startOn",
        LEAST(coalesce(ended_on, planned_end_on), ${today}::date)::text AS "endOn"
      FROM incubations WHERE base_id = ${baseId} AND start_on <= ${today}::date`),
  );
  const rows: (typeof serviceDeliveries.$inferInsert)[] = [];
  for (const incubation of open) {
    const days = Math.max(
      1,
      (Date.parse(incubation.endOn) - Date.parse(incubation.startOn)) / 86_400_000 + 1,
    );
    const residency = random() < 0.3 ? "virtual" : "resident";
    for (const kind of Object.keys(PER_YEAR) as DeliveryKind[]) {
      const count = Math.max(1, Math.round((PER_YEAR[kind] * days) / 365));
      for (let i = 0; i < count; i++) {
        rows.push({
          baseId,
          kind,
          sourceId: randomUUID(),
          category: SERVICE_CATEGORIES[Math.floor(random() * SERVICE_CATEGORIES.length)] ?? "consulting",
          organizationId: incubation.organizationId,
          incubationId: incubation.id,
          residency,
          deliveredOn: addDays(incubation.startOn, Math.floor(random() * days)),
          minutes: MINUTES[kind],
          rating: random() < 0.7 ? 3 + Math.floor(random() * 3) : null,
        });
      }
    }
  }
  await copyRows(database, serviceDeliveries, rows);
  return { deliveries: rows.length };
}
