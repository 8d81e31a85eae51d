/**
 * A person's page: the profile, every training they enrolled in (and how it went), and their
 * progress in each series, all read from what the trainings store. Staff read any individual of
 * their base; an individual only itself (another person, or a user who is no individual: 404).
 */
import { and, asc, eq, inArray, ne } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "../../../../db/client";
import {
  organizations,
  personProfiles,
  trainingCertificates,
  trainingEnrolments,
  trainingSeries,
  trainings,
  users,
} from "../../../../db/schema";
import { maskMobile } from "../../../../domain/phone";
import { durationMinutes } from "../../../../domain/services/trainings";
import type { PersonDetail, PersonEnrolment, PersonSeries } from "../../../../schemas/services/people";
import type { Context } from "../../../context";
import { notFound } from "../../../errors";
import { requireAccess, requireRoleFor } from "../../../policy";

const addedBy = alias(users, "added_by_user");

/** The person, when the actor may read them: 403 for a role that never may, else 404 or the row. */
async function loadPerson(db: Db, ctx: Context, id: string) {
  requireRoleFor(ctx.actor, "person.read");
  const [row] = await db
    .select({ user: users, profile: personProfiles, addedByName: addedBy.displayName })
    .from(users)
    .leftJoin(personProfiles, eq(personProfiles.userId, users.id))
    .leftJoin(addedBy, eq(addedBy.id, personProfiles.addedBy))
    .where(eq(users.id, id));
  // Only individuals are people here: a staff member's or an organization member's account is not.
  if (!row?.user.roles.includes("individual")) throw notFound();
  requireAccess(ctx.actor, "person.read", {
    baseId: row.user.baseId,
    relations: row.user.id === ctx.actor.userId ? ["self"] : [],
  });
  return row;
}

export async function personDetail(db: Db, ctx: Context, id: string): Promise<PersonDetail> {
  const { user, profile, addedByName } = await loadPerson(db, ctx, id);
  const enrolments = await enrolmentsOf(db, id);
  const seriesProgress = await seriesOf(db, id, enrolments);
  const live = enrolments.filter((e) => e.status !== "cancelled");
  const attended = enrolments.filter((e) => e.attendedAt !== null);
  return {
    id: user.id,
    displayName: user.displayName,
    // The person sees their own number; staff the masked one, as in every list.
    mobile: user.id === ctx.actor.userId ? user.mobile : maskMobile(user.mobile),
    email: user.email,
    workUnit: profile?.workUnit ?? null,
    jobTitle: profile?.jobTitle ?? null,
    source: profile?.source ?? null,
    status: user.status,
    trainings: live.length,
    attended: attended.length,
    minutes: attended.reduce((sum, e) => sum + e.minutes, 0),
    series: seriesProgress.filter((s) => s.attendedModules > 0).length,
    createdAt: user.createdAt.toISOString(),
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
    enrolments,
    seriesProgress,
    addedByName: user.id === ctx.actor.userId ? null : (addedByName ?? null),
    version: user.version,
  };
}

/** Every enrolment, latest training first; drafts are left out (a draft is staff's work in progress). */
async function enrolmentsOf(db: Db, personId: string): Promise<PersonEnrolment[]> {
  const rows = await db
    .select({
      e: trainingEnrolments,
      t: trainings,
      seriesTitle: trainingSeries.title,
      organizationName: organizations.name,
    })
    .from(trainingEnrolments)
    .innerJoin(trainings, eq(trainings.id, trainingEnrolments.trainingId))
    .leftJoin(trainingSeries, eq(trainingSeries.id, trainings.seriesId))
    .leftJoin(organizations, eq(organizations.id, trainingEnrolments.organizationId))
    .where(and(eq(trainingEnrolments.personId, personId), ne(trainings.status, "draft")))
    .orderBy(asc(trainings.startsAt), asc(trainings.id))
    .limit(1000);
  return rows.reverse().map(({ e, t, seriesTitle, organizationName }) => ({
    id: e.id,
    trainingId: t.id,
    topic: t.topic,
    seriesTitle,
    startsAt: t.startsAt.toISOString(),
    endsAt: t.endsAt.toISOString(),
    trainingStatus: t.status,
    organizationName,
    status: e.status,
    attendedAt: e.attendedAt?.toISOString() ?? null,
    attendedVia: e.attendedVia,
    minutes: e.attendedAt ? durationMinutes(t.startsAt, t.endsAt) : 0,
    rating: e.rating,
  }));
}

/**
 * Each series they took part in (enrolled in a module, or hold its certificate): modules
 * attended, required ones done out of how many the series has, hours, the certificate. Counted
 * as the series page counts them (src/server/areas/services/trainings/series.ts).
 */
async function seriesOf(db: Db, personId: string, enrolments: PersonEnrolment[]): Promise<PersonSeries[]> {
  const certificates = await db
    .select({
      id: trainingCertificates.id,
      seriesId: trainingCertificates.seriesId,
      number: trainingCertificates.number,
    })
    .from(trainingCertificates)
    .where(eq(trainingCertificates.personId, personId));
  const modules = await db
    .select({ id: trainings.id, seriesId: trainings.seriesId, required: trainings.required })
    .from(trainingEnrolments)
    .innerJoin(trainings, eq(trainings.id, trainingEnrolments.trainingId))
    .where(eq(trainingEnrolments.personId, personId));
  const seriesIds = [
    ...new Set([
      ...modules.flatMap((m) => (m.seriesId ? [m.seriesId] : [])),
      ...certificates.map((c) => c.seriesId),
    ]),
  ];
  // Asked even for no series, so the page runs the same statements whoever it shows.
  const series = await db
    .select({
      id: trainingSeries.id,
      kind: trainingSeries.kind,
      title: trainingSeries.title,
      serial: trainingSeries.serial,
    })
    .from(trainingSeries)
    .where(inArray(trainingSeries.id, seriesIds))
    .orderBy(asc(trainingSeries.serial));
  const required = await db
    .select({ seriesId: trainings.seriesId, id: trainings.id })
    .from(trainings)
    .where(
      and(
        inArray(trainings.seriesId, seriesIds),
        eq(trainings.required, true),
        ne(trainings.status, "cancelled"),
        ne(trainings.status, "draft"),
      ),
    );
  const attendedIds = new Set(enrolments.filter((e) => e.attendedAt).map((e) => e.trainingId));
  const seriesOfTraining = new Map(modules.map((m) => [m.id, m.seriesId]));
  return series.map((s) => {
    const attended = enrolments.filter((e) => e.attendedAt && seriesOfTraining.get(e.trainingId) === s.id);
    const mustDo = required.filter((r) => r.seriesId === s.id);
    const certificate = certificates.find((c) => c.seriesId === s.id);
    return {
      seriesId: s.id,
      kind: s.kind,
      title: s.title,
      attendedModules: attended.length,
      requiredDone: mustDo.filter((r) => attendedIds.has(r.id)).length,
      requiredModules: mustDo.length,
      minutes: attended.reduce((sum, e) => sum + e.minutes, 0),
      certificateId: certificate?.id ?? null,
      certificateNumber: certificate?.number ?? null,
    };
  });
}
