/**
 * The bench's 4Z services generator (bench/services.ts) on a small scale, on the engine under
 * test: every kind of row is there, the rows agree with one another as the areas would have
 * written them, and the service ledger is exactly the service records, the attendances and the
 * mentoring sessions not disputed (one row per party served), each with its growth-file line.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RACE_CAPACITY } from "../../../bench/enrolment-race";
import { loadIncubation } from "../../../bench/incubation";
import { insertOrganizations } from "../../../bench/prepare";
import { type LoadedServices, loadServices } from "../../../bench/services";
import { type Database, rowsOf } from "../../../src/db/client";
import { bases } from "../../../src/db/schema";
import { REQUEST_STATUSES } from "../../../src/domain/services/request";
import { testDatabase } from "../../support/database";

let database: Database;
let loaded: LoadedServices;

/** One number from a query (`n`). */
async function count(query: ReturnType<typeof sql>): Promise<number> {
  const [row] = rowsOf<{ n: number }>(await database.db.execute(query));
  return Number(row?.n ?? Number.NaN);
}

beforeAll(async () => {
  database = await testDatabase();
  const [base] = await database.db.select({ id: bases.id }).from(bases).limit(1);
  const baseId = base?.id as string;
  const applicants = await insertOrganizations(database, baseId, { organizations: 800, seed: 7 });
  await loadIncubation(database, baseId, applicants, { seed: 7, calls: 3 });
  loaded = await loadServices(database, baseId, {
    seed: 7,
    passwordHash: "not-a-real-hash",
    race: { trainings: 3, capacity: RACE_CAPACITY },
  });
}, 120_000);
afterAll(() => database.close());

describe("bench services generator", () => {
  it("loads requests in every state with threads, records alone and in groups, trainings, mentoring", async () => {
    expect(loaded.requests).toBeGreaterThan(100);
    const statuses = rowsOf<{ status: string }>(
      await database.db.execute(sql`SELECT DISTINCT status FROM service_requests`),
    ).map((r) => r.status);
    expect(statuses.sort()).toEqual([...REQUEST_STATUSES].sort());
    expect(
      await count(sql`SELECT count(DISTINCT request_id)::int AS n FROM service_messages`),
    ).toBeGreaterThan(50);
    expect(await count(sql`SELECT count(DISTINCT batch_id)::int AS n FROM service_records`)).toBeGreaterThan(
      0,
    );
    expect(
      await count(
        sql`SELECT count(*)::int AS n FROM service_records WHERE request_id IS NULL AND batch_id IS NULL`,
      ),
    ).toBeGreaterThan(0);
    for (const status of ["enrolled", "waiting", "cancelled"])
      expect(
        await count(sql`SELECT count(*)::int AS n FROM training_enrolments WHERE status = ${status}`),
      ).toBeGreaterThan(0);
    expect(loaded.attendances).toBeGreaterThan(0);
    expect(loaded.certificates).toBeGreaterThan(0);
    expect(loaded.sessions).toBeGreaterThan(0);
    for (const status of ["logged", "confirmed", "disputed"])
      expect(
        await count(sql`SELECT count(*)::int AS n FROM mentoring_sessions WHERE status = ${status}`),
      ).toBeGreaterThan(0);
    // The demo mentor mentors some of the bench's organizations now (its home has them).
    expect(
      await count(sql`SELECT count(*)::int AS n FROM mentorships m JOIN users u ON u.id = m.mentor_id
        WHERE u.username = 'mentor' AND m.status = 'active'`),
    ).toBeGreaterThan(2);
  });

  it("agrees with itself: records close done requests, histories follow the status, enrolments fit the seats", async () => {
    // A done request has its one record, of the same organization; no other request has one.
    expect(
      await count(sql`SELECT count(*)::int AS n FROM service_requests r
        WHERE (r.status = 'done') <> EXISTS (SELECT 1 FROM service_records s
          WHERE s.request_id = r.id AND s.organization_id = r.organization_id)`),
    ).toBe(0);
    // The last step of each request's history leads to its status.
    expect(
      await count(sql`SELECT count(*)::int AS n FROM service_requests r
        WHERE r.status <> (SELECT e.to_status FROM service_request_events e
          WHERE e.request_id = r.id AND e.to_status IS NOT NULL ORDER BY e.created_at DESC LIMIT 1)`),
    ).toBe(0);
    // No training seats more than its capacity, nor keeps a waitlist with a seat free.
    expect(
      await count(sql`SELECT count(*)::int AS n FROM trainings t
        WHERE (SELECT count(*) FROM training_enrolments e WHERE e.training_id = t.id AND e.status = 'enrolled') > t.capacity
           OR (EXISTS (SELECT 1 FROM training_enrolments e WHERE e.training_id = t.id AND e.status = 'waiting')
               AND (SELECT count(*) FROM training_enrolments e WHERE e.training_id = t.id AND e.status = 'enrolled') < t.capacity)`),
    ).toBe(0);
    // Attendance only of those enrolled, at trainings that took place.
    expect(
      await count(sql`SELECT count(*)::int AS n FROM training_enrolments e JOIN trainings t ON t.id = e.training_id
        WHERE e.attended_at IS NOT NULL AND (e.status <> 'enrolled' OR t.status <> 'done' OR t.starts_at > now())`),
    ).toBe(0);
    // A certificate for every required module attended.
    expect(
      await count(sql`SELECT count(*)::int AS n FROM training_certificates c
        WHERE EXISTS (SELECT 1 FROM trainings t WHERE t.series_id = c.series_id AND t.required
          AND NOT EXISTS (SELECT 1 FROM training_enrolments e
            WHERE e.training_id = t.id AND e.person_id = c.person_id AND e.attended_at IS NOT NULL))`),
    ).toBe(0);
    // Sessions within their pairing; a current pairing only of an open incubation.
    expect(
      await count(sql`SELECT count(*)::int AS n FROM mentoring_sessions s JOIN mentorships m ON m.id = s.mentorship_id
        WHERE s.held_on < m.starts_on OR s.incubation_id <> m.incubation_id OR s.mentor_id <> m.mentor_id`),
    ).toBe(0);
    expect(
      await count(sql`SELECT count(*)::int AS n FROM mentorships m JOIN incubations i ON i.id = m.incubation_id
        WHERE m.status = 'active' AND i.status <> 'active'`),
    ).toBe(0);
    // The race's trainings: published, ahead, empty, a few seats.
    expect(loaded.raceTrainingIds).toHaveLength(3);
    const race = rowsOf<{ status: string; capacity: number; enrolled: number; ahead: boolean }>(
      await database.db.execute(sql`SELECT t.status, t.capacity, t.starts_at > now() AS ahead,
        (SELECT count(*)::int FROM training_enrolments e WHERE e.training_id = t.id) AS enrolled
        FROM trainings t WHERE t.id IN (${sql.join(
          loaded.raceTrainingIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`),
    );
    expect(race).toEqual(
      loaded.raceTrainingIds.map(() => ({
        status: "published",
        capacity: RACE_CAPACITY,
        enrolled: 0,
        ahead: true,
      })),
    );
  });

  it("keeps a ledger of exactly the records, the attendances and the sessions not disputed", async () => {
    const ledger = await count(sql`SELECT count(*)::int AS n FROM service_deliveries`);
    const records = await count(sql`SELECT count(*)::int AS n FROM service_records`);
    const attended = await count(
      sql`SELECT count(*)::int AS n FROM training_enrolments WHERE attended_at IS NOT NULL`,
    );
    const sessions = await count(
      sql`SELECT count(*)::int AS n FROM mentoring_sessions WHERE status <> 'disputed'`,
    );
    expect(ledger).toBe(records + attended + sessions);
    expect(loaded.deliveries).toBeGreaterThan(500);
    // Each row matches its source: the party, the day, the minutes, the category and the rating.
    expect(
      await count(sql`SELECT count(*)::int AS n FROM service_deliveries d WHERE NOT CASE d.kind
        WHEN 'service' THEN EXISTS (SELECT 1 FROM service_records r WHERE r.id = d.source_id
          AND r.organization_id = d.organization_id AND d.person_id IS NULL AND r.delivered_on = d.delivered_on
          AND r.minutes = d.minutes AND r.category = d.category AND r.rating IS NOT DISTINCT FROM d.rating)
        WHEN 'training' THEN EXISTS (SELECT 1 FROM training_enrolments e JOIN trainings t ON t.id = e.training_id
          WHERE t.id = d.source_id AND e.person_id = d.person_id AND e.attended_at IS NOT NULL
          AND e.organization_id IS NOT DISTINCT FROM d.organization_id AND t.category = d.category
          AND (t.starts_at AT TIME ZONE 'Asia/Shanghai')::date = d.delivered_on
          AND e.rating IS NOT DISTINCT FROM d.rating
          AND round(extract(epoch FROM t.ends_at - t.starts_at) / 60) = d.minutes)
        WHEN 'mentoring' THEN EXISTS (SELECT 1 FROM mentoring_sessions s WHERE s.id = d.source_id
          AND s.status <> 'disputed' AND s.organization_id = d.organization_id AND s.held_on = d.delivered_on
          AND s.minutes = d.minutes AND s.rating IS NOT DISTINCT FROM d.rating)
        ELSE false END`),
    ).toBe(0);
    // The bench's rows were delivered while the organization's incubation was open, with its residency.
    expect(
      await count(sql`SELECT count(*)::int AS n FROM service_deliveries d
        JOIN incubations i ON i.id = d.incubation_id JOIN organizations o ON o.id = d.organization_id
        WHERE i.enrol_reason = '基准测试数据' AND (d.delivered_on < i.start_on
          OR d.delivered_on > coalesce(i.ended_on, current_date) OR i.organization_id <> d.organization_id
          OR d.residency IS DISTINCT FROM o.residency)`),
    ).toBe(0);
  });

  it("writes each delivery's line into the organization's growth file", async () => {
    const lines = async (kind: string) =>
      count(sql`SELECT count(*)::int AS n FROM growth_events WHERE kind = ${kind}`);
    expect(await lines("service.delivered")).toBe(
      await count(sql`SELECT count(*)::int AS n FROM service_records`),
    );
    expect(await lines("training.attended")).toBe(
      await count(sql`SELECT count(*)::int AS n FROM training_enrolments
        WHERE attended_at IS NOT NULL AND organization_id IS NOT NULL`),
    );
    expect(await lines("mentoring.session")).toBe(
      await count(sql`SELECT count(*)::int AS n FROM mentoring_sessions`),
    );
    expect(await lines("mentoring.paired")).toBe(
      await count(sql`SELECT count(*)::int AS n FROM mentorships`),
    );
    // Each line names its subject: the request or record, the enrolment, the session.
    expect(
      await count(sql`SELECT count(*)::int AS n FROM growth_events g WHERE g.kind = 'training.attended'
        AND NOT EXISTS (SELECT 1 FROM training_enrolments e WHERE e.id = g.subject_id
          AND e.organization_id = g.organization_id)`),
    ).toBe(0);
  });
});
