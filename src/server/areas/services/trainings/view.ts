/**
 * Reading trainings: the staff's list (with seat counts), the list a participant sees (published
 * and open to their audience), the portal's public list, one training's detail and the
 * participant's own trainings. Counts come from one grouped query per list (no query per row).
 */
import { and, asc, desc, eq, gte, inArray, lt, ne, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import {
  organizations,
  trainingCertificates,
  trainingEnrolments,
  trainingSeries,
  trainings,
  users,
} from "../../../../db/schema";
import type { Audience } from "../../../../domain/services/categories";
import { durationMinutes } from "../../../../domain/services/trainings";
import type {
  EnrolmentEntry,
  PortalTraining,
  TrainingSummary,
  TrainingView,
} from "../../../../schemas/services/trainings";
import type { Context } from "../../../context";
import { requireAccess } from "../../../policy";
import { audiencesOfActor } from "./audience";
import { type EnrolmentRow, loadTraining, managesTrainings, type TrainingRow } from "./load";
import { meantFor } from "./weakness";

type Counts = { enrolled: number; waiting: number; attended: number };

async function countsOf(db: Db, ids: string[]): Promise<Map<string, Counts>> {
  // Asked even for no rows, so a list runs the same statements whatever it holds.
  const out = new Map<string, Counts>();
  const rows = await db
    .select({
      id: trainingEnrolments.trainingId,
      enrolled: sql<number>`count(*) filter (where ${trainingEnrolments.status} = 'enrolled')`.mapWith(
        Number,
      ),
      waiting: sql<number>`count(*) filter (where ${trainingEnrolments.status} = 'waiting')`.mapWith(Number),
      attended: sql<number>`count(*) filter (where ${trainingEnrolments.attendedAt} is not null)`.mapWith(
        Number,
      ),
    })
    .from(trainingEnrolments)
    .where(inArray(trainingEnrolments.trainingId, ids))
    .groupBy(trainingEnrolments.trainingId);
  for (const r of rows) out.set(r.id, r);
  return out;
}

type Row = { training: TrainingRow; seriesTitle: string | null };

/**
 * A training as listed. The online link is for those who will sit in it (staff, the enrolled),
 * as on the portal; everyone else learns only that it is online.
 */
function summaryOf(r: Row, c: Counts | undefined, showLink: boolean): TrainingSummary {
  const t = r.training;
  return {
    id: t.id,
    seriesId: t.seriesId,
    seriesTitle: r.seriesTitle,
    required: t.required,
    topic: t.topic,
    trainerName: t.trainerName,
    startsAt: t.startsAt.toISOString(),
    endsAt: t.endsAt.toISOString(),
    place: t.place,
    onlineLink: showLink ? t.onlineLink : "",
    online: t.onlineLink !== "",
    category: t.category,
    audiences: t.audiences,
    capacity: t.capacity,
    status: t.status,
    enrolled: c?.enrolled ?? 0,
    waiting: c?.waiting ?? 0,
    attended: c?.attended ?? 0,
  };
}

/** Trainings as listed; `showLinks` for a reader who manages them (staff see every online link). */
export async function summaries(
  db: Db,
  where: SQL | undefined,
  showLinks: boolean,
  order: "asc" | "desc" = "asc",
  limit = 500,
) {
  const rows = await db
    .select({ training: trainings, seriesTitle: trainingSeries.title })
    .from(trainings)
    .leftJoin(trainingSeries, eq(trainingSeries.id, trainings.seriesId))
    .where(where)
    .orderBy(order === "asc" ? asc(trainings.startsAt) : desc(trainings.startsAt), asc(trainings.id))
    .limit(limit);
  const counts = await countsOf(
    db,
    rows.map((r) => r.training.id),
  );
  return rows.map((r) => summaryOf(r, counts.get(r.training.id), showLinks));
}

function whenWhere(when: string, now: Date): SQL | undefined {
  if (when === "upcoming") return gte(trainings.endsAt, now);
  if (when === "past") return lt(trainings.endsAt, now);
  if (when === "today") {
    const day = new Date(
      Math.floor((now.getTime() + 8 * 3_600_000) / 86_400_000) * 86_400_000 - 8 * 3_600_000,
    );
    return and(gte(trainings.startsAt, day), lt(trainings.startsAt, new Date(day.getTime() + 86_400_000)));
  }
  return undefined;
}

/** Staff: every training of the base. Others: the published ones open to one of their audiences. */
export async function listTrainings(db: Db, ctx: Context, when: string, now = new Date()) {
  requireAccess(ctx.actor, "training.read");
  const base = eq(trainings.baseId, ctx.actor.baseId);
  if (managesTrainings(ctx.actor)) {
    return {
      items: await summaries(db, and(base, whenWhere(when, now)), true, when === "past" ? "desc" : "asc"),
    };
  }
  const audiences = await audiencesOfActor(db, ctx.actor);
  return {
    items: await summaries(
      db,
      and(base, eq(trainings.status, "published"), audienceOverlap(audiences), whenWhere(when, now)),
      false,
      when === "past" ? "desc" : "asc",
    ),
  };
}

const audienceOverlap = (audiences: readonly Audience[]) =>
  sql`${trainings.audiences} && ARRAY[${sql.join(
    audiences.map((a) => sql`${a}`),
    sql`, `,
  )}]::text[]`;

/** The public portal: published trainings open to the public that have not ended. */
export async function portalTrainings(db: Db, now = new Date()) {
  const items = await summaries(
    db,
    and(eq(trainings.status, "published"), audienceOverlap(["public"]), gte(trainings.endsAt, now)),
    false,
  );
  return { items: items.map((i) => portalEntry(i, now)) };
}

/** One published public training, or null: a draft, a cancelled or a members-only one is not public. */
export async function portalTraining(db: Db, id: string, now = new Date()): Promise<PortalTraining | null> {
  const [row] = await db
    .select({ training: trainings, seriesTitle: trainingSeries.title })
    .from(trainings)
    .leftJoin(trainingSeries, eq(trainingSeries.id, trainings.seriesId))
    .where(and(eq(trainings.id, id), eq(trainings.status, "published"), audienceOverlap(["public"])));
  if (!row) return null;
  const counts = await countsOf(db, [id]);
  return portalEntry(summaryOf(row, counts.get(id), false), now, row.training.description);
}

/** What the public may know: no one's enrolment, and the online link only for the enrolled. */
function portalEntry(t: TrainingSummary, now: Date, description = ""): PortalTraining {
  return {
    id: t.id,
    topic: t.topic,
    description,
    seriesTitle: t.seriesTitle,
    trainerName: t.trainerName,
    startsAt: t.startsAt,
    endsAt: t.endsAt,
    place: t.place,
    online: t.online,
    category: t.category,
    capacity: t.capacity,
    seatsLeft: Math.max(0, t.capacity - t.enrolled),
    open: new Date(t.startsAt) > now,
  };
}

function enrolmentEntry(
  e: EnrolmentRow,
  personName: string,
  organizationName: string | null,
  waitPosition: number | null,
): EnrolmentEntry {
  return {
    id: e.id,
    personId: e.personId,
    personName,
    organizationId: e.organizationId,
    organizationName,
    status: e.status,
    waitPosition,
    attendedAt: e.attendedAt?.toISOString() ?? null,
    attendedVia: e.attendedVia,
    rating: e.rating,
    useful: e.useful,
    suggestions: e.suggestions,
    version: e.version,
  };
}

/** Everyone enrolled in, waiting for or cancelled from a training, the waitlist in its order. */
export async function enrolmentsOf(db: Db, trainingId: string, personId?: string): Promise<EnrolmentEntry[]> {
  const rows = await db
    .select({
      e: trainingEnrolments,
      personName: users.displayName,
      organizationName: organizations.name,
      position: sql<
        number | null
      >`case when ${trainingEnrolments.status} = 'waiting' then row_number() over (partition by ${trainingEnrolments.status} order by ${trainingEnrolments.queuedAt}, ${trainingEnrolments.id}) end`.mapWith(
        (v) => (v === null ? null : Number(v)),
      ),
    })
    .from(trainingEnrolments)
    .innerJoin(users, eq(users.id, trainingEnrolments.personId))
    .leftJoin(organizations, eq(organizations.id, trainingEnrolments.organizationId))
    .where(eq(trainingEnrolments.trainingId, trainingId))
    .orderBy(
      sql`case ${trainingEnrolments.status} when 'enrolled' then 0 when 'waiting' then 1 else 2 end`,
      asc(trainingEnrolments.queuedAt),
      asc(trainingEnrolments.id),
    );
  const all = rows.map((r) => enrolmentEntry(r.e, r.personName, r.organizationName, r.position));
  return personId ? all.filter((e) => e.personId === personId) : all;
}

export async function trainingDetail(db: Db, ctx: Context, id: string): Promise<TrainingView> {
  const training = await loadTraining(db, ctx, id, "training.read");
  const manage = managesTrainings(ctx.actor);
  const [series] = training.seriesId
    ? await db
        .select({ title: trainingSeries.title })
        .from(trainingSeries)
        .where(eq(trainingSeries.id, training.seriesId))
    : [];
  const enrolments = await enrolmentsOf(db, id);
  const counts: Counts = {
    enrolled: enrolments.filter((e) => e.status === "enrolled").length,
    waiting: enrolments.filter((e) => e.status === "waiting").length,
    attended: enrolments.filter((e) => e.attendedAt !== null).length,
  };
  const rated = enrolments.flatMap((e) => (e.rating === null ? [] : [e.rating]));
  const mine = enrolments.find((e) => e.personId === ctx.actor.userId && e.status !== "cancelled") ?? null;
  return {
    ...summaryOf(
      { training, seriesTitle: series?.title ?? null },
      counts,
      manage || mine?.status === "enrolled",
    ),
    description: training.description,
    trainerUserId: training.trainerUserId,
    dimensionKeys: training.dimensionKeys,
    version: training.version,
    minutes: durationMinutes(training.startsAt, training.endsAt),
    enrolments: manage ? enrolments : [],
    mine,
    feedback: {
      count: rated.length,
      average: rated.length ? Math.round((rated.reduce((a, b) => a + b, 0) / rated.length) * 10) / 10 : null,
    },
    meantFor: manage ? await meantFor(db, training, enrolments, ctx.lang) : [],
    can: { manage, enrol: training.status === "published" && training.startsAt > new Date() },
  };
}

/** The participant's own trainings (not cancelled), soonest first, and their certificates. */
export async function myTrainings(db: Db, ctx: Context) {
  requireAccess(ctx.actor, "training.attend");
  const rows = await db
    .select({ e: trainingEnrolments, training: trainings, seriesTitle: trainingSeries.title })
    .from(trainingEnrolments)
    .innerJoin(trainings, eq(trainings.id, trainingEnrolments.trainingId))
    .leftJoin(trainingSeries, eq(trainingSeries.id, trainings.seriesId))
    .where(
      and(
        eq(trainingEnrolments.personId, ctx.actor.userId),
        ne(trainingEnrolments.status, "cancelled"),
        ne(trainings.status, "draft"),
      ),
    )
    .orderBy(asc(trainings.startsAt))
    .limit(200);
  const counts = await countsOf(
    db,
    rows.map((r) => r.training.id),
  );
  const waiting = rows.filter((r) => r.e.status === "waiting").map((r) => r.e);
  const positions = new Map<string, number>();
  if (waiting.length > 0) {
    const ahead = await db
      .select({
        id: trainingEnrolments.id,
        n: sql<number>`(select count(*) from ${trainingEnrolments} w where w.training_id = ${trainingEnrolments.trainingId} and w.status = 'waiting' and (w.queued_at, w.id) <= (${trainingEnrolments.queuedAt}, ${trainingEnrolments.id}))`.mapWith(
          Number,
        ),
      })
      .from(trainingEnrolments)
      .where(
        inArray(
          trainingEnrolments.id,
          waiting.map((w) => w.id),
        ),
      );
    for (const a of ahead) positions.set(a.id, a.n);
  }
  const certificates = await db
    .select({
      id: trainingCertificates.id,
      seriesTitle: trainingSeries.title,
      number: trainingCertificates.number,
      issuedAt: trainingCertificates.issuedAt,
    })
    .from(trainingCertificates)
    .innerJoin(trainingSeries, eq(trainingSeries.id, trainingCertificates.seriesId))
    .where(eq(trainingCertificates.personId, ctx.actor.userId));
  return {
    items: rows.map((r) => ({
      ...summaryOf(r, counts.get(r.training.id), r.e.status === "enrolled"),
      enrolmentId: r.e.id,
      enrolmentStatus: r.e.status,
      waitPosition: positions.get(r.e.id) ?? null,
      attendedAt: r.e.attendedAt?.toISOString() ?? null,
      feedbackDue: r.e.attendedAt !== null && r.e.feedbackAt === null,
    })),
    certificates: certificates.map((c) => ({ ...c, issuedAt: c.issuedAt.toISOString() })),
  };
}
