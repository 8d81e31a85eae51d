/**
 * Enrolment (报名) with the waitlist. A person enrols for their organization or on their own;
 * staff enrol anyone. The training's row is locked FOR UPDATE for the count of seats taken and the
 * insert, so two people taking the last seat at once are served one after the other: exactly one
 * gets it, the other waits. When a seat frees (a cancellation, a larger capacity), the first
 * waiting moves up and is told (bell and SMS).
 */
import { and, asc, count, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "../../../../db/client";
import { trainingEnrolments, users } from "../../../../db/schema";
import { mayBeServed } from "../../../../domain/services/audience";
import { seatFor } from "../../../../domain/services/trainings";
import type { EnrolmentEntry, ZEnrolmentCreate } from "../../../../schemas/services/trainings";
import { recordAudit } from "../../../audit";
import type { Context } from "../../../context";
import { AppError, fieldError, notFound } from "../../../errors";
import { notify } from "../../../notify";
import { requireAccess } from "../../../policy";
import { organizationFacts } from "./audience";
import { enrollable } from "./candidates";
import { loadEnrolment, loadTraining, managesTrainings, type TrainingRow } from "./load";
import { enrolmentsOf } from "./view";

type Input = z.output<typeof ZEnrolmentCreate>;

export async function enrol(db: Db, ctx: Context, trainingId: string, input: Input): Promise<EnrolmentEntry> {
  const staff = managesTrainings(ctx.actor);
  if (!staff && input.personId && input.personId !== ctx.actor.userId)
    throw fieldError("personId", "invalid_id");
  const organizationId = input.organizationId ?? null;
  let personId = staff ? (input.personId ?? null) : ctx.actor.userId;
  const id = await db.transaction(async (tx) => {
    const training = await loadTraining(tx, ctx, trainingId, "training.enrol", { lock: true });
    requireAccess(ctx.actor, "training.enrol", { baseId: training.baseId, organizationId });
    if (training.status !== "published" || training.startsAt <= new Date())
      throw new AppError("training_not_open");
    const facts = organizationId ? await organizationFacts(tx, training.baseId, organizationId) : null;
    if (organizationId && !facts) throw fieldError("organizationId", "organization_unknown");
    // Staff enrol someone else: the person named, or the organization's first member account.
    if (staff)
      personId = await personEnrolledByStaff(tx, ctx, training.baseId, input.personId, organizationId);
    if (!personId) throw fieldError("personId", "required");
    if (!mayBeServed(training.audiences, facts)) throw new AppError("training_audience");
    const [existing] = await tx
      .select()
      .from(trainingEnrolments)
      .where(and(eq(trainingEnrolments.trainingId, trainingId), eq(trainingEnrolments.personId, personId)))
      .for("update");
    if (existing && existing.status !== "cancelled") throw new AppError("already_enrolled");
    const status = seatFor(training.capacity, await seatsTaken(tx, trainingId));
    const now = new Date();
    let enrolmentId: string;
    if (existing) {
      await tx
        .update(trainingEnrolments)
        .set({
          status,
          organizationId,
          queuedAt: now,
          enrolledBy: ctx.actor.userId,
          version: existing.version + 1,
          updatedAt: now,
        })
        .where(eq(trainingEnrolments.id, existing.id));
      enrolmentId = existing.id;
    } else {
      const [row] = await tx
        .insert(trainingEnrolments)
        .values({
          baseId: training.baseId,
          trainingId,
          personId,
          organizationId,
          status,
          queuedAt: now,
          enrolledBy: ctx.actor.userId,
        })
        .returning({ id: trainingEnrolments.id });
      if (!row) throw new Error("enrolment not inserted");
      enrolmentId = row.id;
    }
    await recordAudit(tx, ctx, {
      baseId: training.baseId,
      action: "training.enrol",
      entityType: "training",
      entityId: trainingId,
      after: { enrolmentId, personId, organizationId, status },
    });
    return enrolmentId;
  });
  const [entry] = (await enrolmentsOf(db, trainingId, personId ?? undefined)).filter((e) => e.id === id);
  if (!entry) throw notFound();
  return entry;
}

/**
 * Whom staff enrol: the person named (an active member or individual of the base, a member of the
 * organization when one is named), else the organization's earliest member account; with neither,
 * staff themselves, as before (a staff member may sit in on a training on their own).
 */
async function personEnrolledByStaff(
  tx: Db,
  ctx: Context,
  baseId: string,
  personId: string | null | undefined,
  organizationId: string | null,
): Promise<string> {
  if (personId && personId !== ctx.actor.userId) {
    const [person] = await tx
      .select({ organizationId: users.organizationId })
      .from(users)
      .where(and(eq(users.id, personId), eq(users.baseId, baseId), eq(users.status, "active"), enrollable()));
    if (!person) throw fieldError("personId", "training_person_unknown");
    if (organizationId && person.organizationId !== organizationId)
      throw fieldError("personId", "training_person_not_member");
    return personId;
  }
  if (personId || !organizationId) return ctx.actor.userId;
  const [first] = await tx
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        eq(users.baseId, baseId),
        eq(users.organizationId, organizationId),
        eq(users.status, "active"),
        enrollable(),
      ),
    )
    .orderBy(asc(users.createdAt), asc(users.id))
    .limit(1);
  if (!first) throw fieldError("organizationId", "training_organization_no_member");
  return first.id;
}

async function seatsTaken(tx: Db, trainingId: string): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(trainingEnrolments)
    .where(and(eq(trainingEnrolments.trainingId, trainingId), eq(trainingEnrolments.status, "enrolled")));
  return row?.n ?? 0;
}

/** Cancels an enrolment (the person their own, staff any); a freed seat goes to the first waiting. */
export async function cancelEnrolment(db: Db, ctx: Context, trainingId: string, enrolmentId: string) {
  await db.transaction(async (tx) => {
    const training = await loadTraining(tx, ctx, trainingId, "training.enrol", { lock: true });
    const row = await loadEnrolment(tx, trainingId, enrolmentId);
    // Another person's enrolment does not exist for a participant.
    if (!managesTrainings(ctx.actor) && row.personId !== ctx.actor.userId) throw notFound();
    if (row.status === "cancelled") return;
    if (row.attendedAt) throw new AppError("training_not_open");
    await tx
      .update(trainingEnrolments)
      .set({ status: "cancelled", version: row.version + 1, updatedAt: new Date() })
      .where(eq(trainingEnrolments.id, row.id));
    await recordAudit(tx, ctx, {
      baseId: training.baseId,
      action: "training.unenrol",
      entityType: "training",
      entityId: trainingId,
      before: { enrolmentId, personId: row.personId, status: row.status },
    });
    if (row.status === "enrolled" && training.status === "published" && training.startsAt > new Date())
      await promoteWaiting(tx, training);
  });
}

/** Moves the first waiting up while seats are free, and tells each (bell and SMS). Training row locked. */
export async function promoteWaiting(tx: Db, training: TrainingRow): Promise<number> {
  let free = training.capacity - (await seatsTaken(tx, training.id));
  if (free <= 0) return 0;
  const waiting = await tx
    .select()
    .from(trainingEnrolments)
    .where(and(eq(trainingEnrolments.trainingId, training.id), eq(trainingEnrolments.status, "waiting")))
    .orderBy(asc(trainingEnrolments.queuedAt), asc(trainingEnrolments.id))
    .limit(free);
  for (const w of waiting) {
    await tx
      .update(trainingEnrolments)
      .set({ status: "enrolled", version: w.version + 1, updatedAt: new Date() })
      .where(eq(trainingEnrolments.id, w.id));
    await notify(tx, {
      baseId: training.baseId,
      recipients: { kind: "users", userIds: [w.personId] },
      kind: "training_seat",
      params: { trainingId: training.id, topic: training.topic, startsAt: training.startsAt.toISOString() },
      link: `/trainings/${training.id}`,
    });
    free--;
  }
  return waiting.length;
}
