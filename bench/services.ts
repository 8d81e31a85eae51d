/**
 * The bench's 4Z services over its incubations (bench/incubation.ts): the mentor programme
 * (mentoring.ts), the service desk (service-desk.ts) and the trainings (trainings.ts), each
 * incubation's organization with a member account (who asks, enrols, answers). Everything they
 * deliver goes into the service ledger (服务台账) as the areas write it: one row per party served,
 * keyed by the service record, the training (with the person) or the mentoring session, so the
 * ledger is exactly the records, the attendances and the sessions not disputed; and into the
 * growth files. All by COPY, seeded, the same on every run.
 */
import { sql } from "drizzle-orm";
import type { Database } from "../src/db/client";
import { rowsOf } from "../src/db/client";
import {
  growthEvents,
  mentoringSessions,
  mentorProfiles,
  mentorships,
  serviceDeliveries,
  serviceMessages,
  serviceRecords,
  serviceRequestEvents,
  serviceRequests,
  trainingCertificates,
  trainingEnrolments,
  trainingSeries,
  trainings,
  users,
} from "../src/db/schema";
import { seededRandom } from "../src/db/seed/generate";
import { shanghaiDate } from "../src/domain/shanghai-time";
import { copyRows } from "./bulk";
import { generateMentoring } from "./mentoring";
import { seededUuid } from "./recorder";
import { type CatalogueEntry, generateServiceDesk } from "./service-desk";
import { type ServiceContext, servedIncubations } from "./service-ledger";
import { generateTrainings } from "./trainings";

/** How many distinct requests the detail scenario cycles through. */
const DETAIL_SAMPLE = 1000;

export interface LoadedServices {
  requests: number;
  records: number;
  trainings: number;
  enrolments: number;
  attendances: number;
  certificates: number;
  mentorships: number;
  sessions: number;
  deliveries: number;
  growthEvents: number;
  /** Requests spread over the loaded ones (every state), for the detail scenario. */
  requestIds: string[];
  /** Empty published trainings of `capacity` seats, one per round of the enrolment race. */
  raceTrainingIds: string[];
}

export async function loadServices(
  database: Database,
  baseId: string,
  options: { seed: number; passwordHash: string; race: { trainings: number; capacity: number } },
): Promise<LoadedServices> {
  const random = seededRandom(options.seed ^ 0x5e4c);
  const today = shanghaiDate(new Date());
  const one = async <T>(query: ReturnType<typeof sql>): Promise<T> => {
    const [row] = rowsOf<T>(await database.db.execute(query));
    if (!row) throw new Error("bench: the demo seed lacks what the services need (staff, mentor, series)");
    return row;
  };
  const staff = await one<{ id: string; name: string }>(
    sql`SELECT id, display_name AS name FROM users WHERE username = 'staff'`,
  );
  const demoMentor = await one<{ id: string; name: string }>(
    sql`SELECT id, display_name AS name FROM users WHERE username = 'mentor'`,
  );
  const { serial } = await one<{ serial: number }>(
    sql`SELECT coalesce(max(serial), 0)::int AS serial FROM training_series WHERE base_id = ${baseId}`,
  );
  const catalogue = rowsOf<CatalogueEntry>(
    await database.db.execute(sql`
      SELECT id, category, name, handler_kind AS "handlerKind", default_partner_id AS "defaultPartnerId",
        response_days AS "responseDays"
      FROM service_catalogue WHERE base_id = ${baseId} AND status = 'active' ORDER BY position, id`),
  );
  const partners = rowsOf<{ id: string; name: string }>(
    await database.db.execute(sql`SELECT id, name FROM partners WHERE base_id = ${baseId} ORDER BY id`),
  );
  const ids = () => seededUuid(random);
  // One member account per incubated organization (the demo password: the race signs in as some).
  const memberRows: (typeof users.$inferInsert)[] = [];
  const incubations = (await servedIncubations(database, baseId, today)).map((served, i) => {
    const member = { id: ids(), name: `基准成员${i + 1}` };
    memberRows.push({
      id: member.id,
      baseId,
      username: `bench-member-${i + 1}`,
      displayName: member.name,
      passwordHash: options.passwordHash,
      roles: ["org_member"],
      organizationId: served.organizationId,
    });
    return { ...served, member };
  });
  const ctx: ServiceContext = { baseId, random, ids, today, staff, incubations, ledger: [], growth: [] };
  const mentoring = generateMentoring(ctx, { demoMentor, passwordHash: options.passwordHash });
  const desk = generateServiceDesk(ctx, catalogue, {
    mentorOf: (incubationId) => mentoring.mentorOf.get(incubationId) ?? demoMentor,
    partners,
  });
  const training = generateTrainings(ctx, { firstSerial: serial, race: options.race });

  await copyRows(database, users, [...memberRows, ...mentoring.users]);
  await copyRows(database, mentorProfiles, mentoring.profiles);
  await copyRows(database, mentorships, mentoring.mentorships);
  await copyRows(database, mentoringSessions, mentoring.sessions);
  await copyRows(database, serviceRequests, desk.requests);
  await copyRows(database, serviceRequestEvents, desk.events);
  await copyRows(database, serviceMessages, desk.messages);
  await copyRows(database, serviceRecords, desk.records);
  await copyRows(database, trainingSeries, training.series);
  await copyRows(database, trainings, training.trainings);
  await copyRows(database, trainingEnrolments, training.enrolments);
  await copyRows(database, trainingCertificates, training.certificates);
  await copyRows(database, serviceDeliveries, ctx.ledger);
  await copyRows(database, growthEvents, ctx.growth);

  const step = Math.max(1, Math.floor(desk.requests.length / DETAIL_SAMPLE));
  return {
    requests: desk.requests.length,
    records: desk.records.length,
    trainings: training.trainings.length,
    enrolments: training.enrolments.length,
    attendances: training.enrolments.filter((e) => e.attendedAt).length,
    certificates: training.certificates.length,
    mentorships: mentoring.mentorships.length,
    sessions: mentoring.sessions.length,
    deliveries: ctx.ledger.length,
    growthEvents: ctx.growth.length,
    requestIds: desk.requests
      .filter((_, i) => i % step === 0)
      .slice(0, DETAIL_SAMPLE)
      .map((r) => r.id as string),
    raceTrainingIds: training.raceTrainingIds,
  };
}
