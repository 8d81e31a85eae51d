/**
 * The service ledger's writer (src/db/deliveries.ts): one row per party served, the
 * organization's residency and open incubation read at the time, a retry updating rather than
 * counting twice, ratings and withdrawals by source.
 */
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rateDeliveries, recordDeliveries, withdrawDeliveries } from "../../../src/db/deliveries";
import { serviceDeliveries } from "../../../src/db/schema";
import { make } from "../../factories";
import { startTestApp, type TestApp } from "../../support/app";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const rowsOf = (sourceId: string) =>
  t.db.select().from(serviceDeliveries).where(eq(serviceDeliveries.sourceId, sourceId));

describe("the service ledger", () => {
  it("writes one row per organization served, with its residency then", async () => {
    const resident = await make(t).organization({ residency: "resident" });
    const virtual = await make(t).organization({ residency: "virtual" });
    const sourceId = randomUUID();
    const talk = (minutes: number) =>
      [resident, virtual].map((o) => ({
        baseId: t.baseId,
        kind: "service" as const,
        sourceId,
        category: "consulting" as const,
        organizationId: o.id,
        deliveredOn: "2026-11-20",
        minutes,
      }));
    await recordDeliveries(t.db, talk(90));
    await recordDeliveries(t.db, talk(120)); // a corrected record, not a second delivery
    const rows = await rowsOf(sourceId);
    expect(rows.map((r) => [r.organizationId, r.residency, r.minutes]).sort()).toEqual(
      [
        [resident.id, "resident", 120],
        [virtual.id, "virtual", 120],
      ].sort(),
    );

    await rateDeliveries(t.db, { kind: "service", sourceId, organizationId: virtual.id }, 4);
    await withdrawDeliveries(t.db, { kind: "service", sourceId, organizationId: resident.id });
    const after = await rowsOf(sourceId);
    expect(after.map((r) => [r.organizationId, r.rating])).toEqual([[virtual.id, 4]]);
  });

  it("refuses a row that serves nobody, a rating out of 1-5 and negative minutes", async () => {
    const organization = await make(t).organization();
    const base = {
      baseId: t.baseId,
      kind: "training" as const,
      category: "information" as const,
      deliveredOn: "2026-11-20",
    };
    await expect(
      recordDeliveries(t.db, [{ ...base, sourceId: randomUUID(), minutes: 10 }]),
    ).rejects.toThrow();
    await expect(
      recordDeliveries(t.db, [
        { ...base, sourceId: randomUUID(), organizationId: organization.id, minutes: -1 },
      ]),
    ).rejects.toThrow();
    const sourceId = randomUUID();
    await recordDeliveries(t.db, [{ ...base, sourceId, organizationId: organization.id, minutes: 60 }]);
    await expect(rateDeliveries(t.db, { kind: "training", sourceId }, 6)).rejects.toThrow();
    expect((await rowsOf(sourceId))[0]?.rating).toBeNull();
  });
});
