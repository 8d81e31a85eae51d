/**
 * Series (系列/专题班) and the professional-talent programme (专业人才培养计划): a series groups
 * trainings as its modules, some required; each person's modules and hours are counted from
 * their attendances; once every required module is attended, staff issue the certificate
 * (结业证书), numbered per base and series, which prints on A4.
 */
import { and, asc, count, eq, inArray, isNotNull, max, ne, or, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "../../../../db/client";
import {
  bases,
  trainingCertificates,
  trainingEnrolments,
  trainingSeries,
  trainings,
  users,
} from "../../../../db/schema";
import { certificateNumber, durationMinutes } from "../../../../domain/services/trainings";
import type { ZSeriesInput } from "../../../../schemas/services/trainings";
import { recordAudit } from "../../../audit";
import type { Context } from "../../../context";
import { AppError, fieldError, notFound } from "../../../errors";
import { requireAccess, requireRoleFor } from "../../../policy";
import { managesTrainings } from "./load";
import { summaries } from "./view";

export async function createSeries(db: Db, ctx: Context, input: z.output<typeof ZSeriesInput>) {
  requireAccess(ctx.actor, "training.manage");
  const row = await db.transaction(async (tx) => {
    const [last] = await tx
      .select({ n: max(trainingSeries.serial) })
      .from(trainingSeries)
      .where(eq(trainingSeries.baseId, ctx.actor.baseId));
    const [inserted] = await tx
      .insert(trainingSeries)
      .values({
        baseId: ctx.actor.baseId,
        kind: input.kind,
        serial: (last?.n ?? 0) + 1,
        title: input.title,
        description: input.description,
        createdBy: ctx.actor.userId,
      })
      .returning();
    if (!inserted) throw new Error("series not inserted");
    await recordAudit(tx, ctx, {
      baseId: inserted.baseId,
      action: "training.series",
      entityType: "training",
      entityId: inserted.id,
      after: { title: inserted.title, kind: inserted.kind },
    });
    return inserted;
  });
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    description: row.description,
    modules: 0,
    requiredModules: 0,
  };
}

export async function listSeries(db: Db, ctx: Context) {
  requireAccess(ctx.actor, "training.read");
  const rows = await db
    .select({
      s: trainingSeries,
      modules: count(trainings.id),
      requiredModules: sql<number>`count(*) filter (where ${trainings.required})`.mapWith(Number),
    })
    .from(trainingSeries)
    .leftJoin(trainings, and(eq(trainings.seriesId, trainingSeries.id), ne(trainings.status, "cancelled")))
    .where(eq(trainingSeries.baseId, ctx.actor.baseId))
    .groupBy(trainingSeries.id)
    .orderBy(asc(trainingSeries.serial));
  return { items: rows.map((r) => seriesEntry(r.s, r.modules, r.requiredModules)) };
}

function seriesEntry(s: typeof trainingSeries.$inferSelect, modules: number, requiredModules: number) {
  return { id: s.id, kind: s.kind, title: s.title, description: s.description, modules, requiredModules };
}

async function loadSeries(db: Db, ctx: Context, id: string) {
  requireRoleFor(ctx.actor, "training.read");
  const [s] = await db.select().from(trainingSeries).where(eq(trainingSeries.id, id));
  if (!s) throw notFound();
  requireAccess(ctx.actor, "training.read", { baseId: s.baseId });
  return s;
}

/**
 * Each person's progress in the series (staff: everyone; others: their own): everyone enrolled in
 * one of its modules, with the modules they attended and their hours. Someone who enrolled and
 * has not attended yet is listed with nothing done, so staff see who is behind.
 */
async function progressOf(db: Db, seriesId: string, personId?: string) {
  const modules = await db
    .select({
      id: trainings.id,
      required: trainings.required,
      startsAt: trainings.startsAt,
      endsAt: trainings.endsAt,
    })
    .from(trainings)
    .where(
      and(eq(trainings.seriesId, seriesId), ne(trainings.status, "cancelled"), ne(trainings.status, "draft")),
    );
  const required = modules.filter((m) => m.required);
  const ids = modules.map((m) => m.id);
  const taking =
    ids.length === 0
      ? []
      : await db
          .select({
            personId: trainingEnrolments.personId,
            trainingId: trainingEnrolments.trainingId,
            attended: isNotNull(trainingEnrolments.attendedAt),
            name: users.displayName,
          })
          .from(trainingEnrolments)
          .innerJoin(users, eq(users.id, trainingEnrolments.personId))
          .where(
            and(
              inArray(trainingEnrolments.trainingId, ids),
              or(isNotNull(trainingEnrolments.attendedAt), ne(trainingEnrolments.status, "cancelled")),
              personId ? eq(trainingEnrolments.personId, personId) : undefined,
            ),
          )
          .orderBy(asc(users.displayName), asc(trainingEnrolments.personId));
  const certificates = await db
    .select()
    .from(trainingCertificates)
    .where(
      and(
        eq(trainingCertificates.seriesId, seriesId),
        personId ? eq(trainingCertificates.personId, personId) : undefined,
      ),
    );
  const byModule = new Map(modules.map((m) => [m.id, m]));
  const minutesOf = (moduleIds: Iterable<string>) =>
    [...moduleIds].reduce((sum, m) => {
      const t = byModule.get(m);
      return sum + (t ? durationMinutes(t.startsAt, t.endsAt) : 0);
    }, 0);
  const people = new Map<string, { name: string; modules: Set<string> }>();
  for (const a of taking) {
    const p = people.get(a.personId) ?? { name: a.name, modules: new Set<string>() };
    if (a.attended) p.modules.add(a.trainingId);
    people.set(a.personId, p);
  }
  return {
    modules,
    requiredModules: required.length,
    requiredMinutes: minutesOf(required.map((m) => m.id)),
    progress: [...people.entries()].map(([id, p]) => {
      const cert = certificates.find((c) => c.personId === id);
      return {
        personId: id,
        personName: p.name,
        attendedModules: p.modules.size,
        requiredDone: required.filter((m) => p.modules.has(m.id)).length,
        requiredModules: required.length,
        minutes: minutesOf(p.modules),
        certificateNumber: cert?.number ?? null,
        certificateId: cert?.id ?? null,
      };
    }),
  };
}

export async function seriesView(db: Db, ctx: Context, id: string) {
  const s = await loadSeries(db, ctx, id);
  const manage = managesTrainings(ctx.actor);
  const p = await progressOf(db, id, manage ? undefined : ctx.actor.userId);
  const items = await summaries(
    db,
    and(eq(trainings.seriesId, id), manage ? undefined : ne(trainings.status, "draft")),
    manage,
  );
  return {
    ...seriesEntry(s, p.modules.length, p.requiredModules),
    requiredMinutes: p.requiredMinutes,
    trainings: items,
    progress: p.progress,
  };
}

/** Issues the certificate to a person who attended every required module (staff); once per person. */
export async function issueCertificate(db: Db, ctx: Context, seriesId: string, personId: string) {
  const id = await db.transaction(async (tx) => {
    const [s] = await tx.select().from(trainingSeries).where(eq(trainingSeries.id, seriesId)).for("update");
    if (!s) throw notFound();
    requireAccess(ctx.actor, "training.manage", { baseId: s.baseId });
    const p = await progressOf(tx, seriesId, personId);
    const mine = p.progress[0];
    if (!mine) throw fieldError("personId", "invalid_id");
    if (mine.certificateId) return mine.certificateId;
    if (p.requiredModules === 0 || mine.requiredDone < p.requiredModules)
      throw new AppError("certificate_incomplete", {
        params: { done: mine.requiredDone, required: p.requiredModules },
      });
    const [{ n } = { n: 0 }] = await tx
      .select({ n: count() })
      .from(trainingCertificates)
      .where(eq(trainingCertificates.seriesId, seriesId));
    const now = new Date();
    const [row] = await tx
      .insert(trainingCertificates)
      .values({
        baseId: s.baseId,
        seriesId,
        personId,
        number: certificateNumber(Number(now.toISOString().slice(0, 4)), s.serial, n + 1),
        minutes: mine.minutes,
      })
      .returning();
    if (!row) throw new Error("certificate not inserted");
    await recordAudit(tx, ctx, {
      baseId: s.baseId,
      action: "training.certificate",
      entityType: "training",
      entityId: seriesId,
      after: { personId, number: row.number },
    });
    return row.id;
  });
  return certificateView(db, ctx, id);
}

/** The certificate as it prints: the person, the series, the modules attended, the hours. */
export async function certificateView(db: Db, ctx: Context, id: string) {
  requireRoleFor(ctx.actor, "training.attend");
  const [row] = await db
    .select({
      c: trainingCertificates,
      personName: users.displayName,
      seriesTitle: trainingSeries.title,
      baseName: bases.name,
    })
    .from(trainingCertificates)
    .innerJoin(users, eq(users.id, trainingCertificates.personId))
    .innerJoin(trainingSeries, eq(trainingSeries.id, trainingCertificates.seriesId))
    .innerJoin(bases, eq(bases.id, trainingCertificates.baseId))
    .where(eq(trainingCertificates.id, id));
  if (!row) throw notFound();
  requireAccess(ctx.actor, "training.attend", { baseId: row.c.baseId });
  if (!managesTrainings(ctx.actor) && row.c.personId !== ctx.actor.userId) throw notFound();
  const modules = await db
    .select({ topic: trainings.topic, startsAt: trainings.startsAt, endsAt: trainings.endsAt })
    .from(trainingEnrolments)
    .innerJoin(trainings, eq(trainings.id, trainingEnrolments.trainingId))
    .where(
      and(
        eq(trainings.seriesId, row.c.seriesId),
        eq(trainingEnrolments.personId, row.c.personId),
        isNotNull(trainingEnrolments.attendedAt),
      ),
    )
    .orderBy(asc(trainings.startsAt));
  return {
    id: row.c.id,
    seriesId: row.c.seriesId,
    number: row.c.number,
    personName: row.personName,
    seriesTitle: row.seriesTitle,
    minutes: row.c.minutes,
    modules: modules.map((m) => ({
      topic: m.topic,
      startsAt: m.startsAt.toISOString(),
      minutes: durationMinutes(m.startsAt, m.endsAt),
    })),
    issuedAt: row.c.issuedAt.toISOString(),
    baseName: row.baseName,
  };
}
