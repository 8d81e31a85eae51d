/**
 * Attendance: the rotating check-in code the trainer shows (a QR code of the app's check-in
 * page), the participant's check-in with it, and staff ticking (or un-ticking) the list. An
 * attendance writes the service ledger (kind "training", minutes = the session's duration, the
 * person and the organization they came for) and, for an organization, its growth file, in the
 * same transaction; un-ticking withdraws both.
 */
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { recordDeliveries, withdrawDeliveries } from "../../../../db/deliveries";
import { recordGrowth } from "../../../../db/growth";
import { growthEvents, trainingEnrolments, users } from "../../../../db/schema";
import {
  CHECK_IN_WINDOW_SECONDS,
  checkInCode,
  checkInCodeProblem,
  durationMinutes,
} from "../../../../domain/services/trainings";
import { shanghaiDate, shanghaiDateTimeIn } from "../../../../domain/shanghai-time";
import { trainingTitles } from "../../../../schemas/services/trainings";
import { recordAudit } from "../../../audit";
import type { Context } from "../../../context";
import { AppError, versionConflict } from "../../../errors";
import "../../../../schemas/services/training-growth";
import { type EnrolmentRow, loadEnrolment, loadTraining, statusInvalid, type TrainingRow } from "./load";

/** Check-in opens an hour before the start and closes an hour after the end. */
const CHECK_IN_MARGIN_MS = 60 * 60_000;

export async function currentCheckInCode(db: Db, ctx: Context, secret: string, id: string, now = new Date()) {
  const training = await loadTraining(db, ctx, id, "training.manage");
  if (training.status !== "published" && training.status !== "done")
    throw statusInvalid(ctx, training.status);
  const { code, expiresAt } = checkInCode(secret, id, now);
  const [counts] = await db
    .select({
      enrolled: countWhere(`status = 'enrolled'`),
      attended: countWhere("attended_at is not null"),
    })
    .from(trainingEnrolments)
    .where(eq(trainingEnrolments.trainingId, id));
  return {
    code,
    path: `/check-in/${id}?code=${encodeURIComponent(code)}`,
    expiresAt: expiresAt.toISOString(),
    seconds: CHECK_IN_WINDOW_SECONDS,
    enrolled: counts?.enrolled ?? 0,
    attended: counts?.attended ?? 0,
  };
}

const countWhere = (condition: string) =>
  sql<number>`count(*) filter (where ${sql.raw(condition)})`.mapWith(Number);

/** The participant checks in with the code scanned from the trainer's screen. */
export async function checkIn(
  db: Db,
  ctx: Context,
  secret: string,
  id: string,
  code: string,
  now = new Date(),
) {
  return db.transaction(async (tx) => {
    const training = await loadTraining(tx, ctx, id, "training.attend");
    const problem = checkInCodeProblem(secret, id, code, now);
    if (problem === "invalid") throw new AppError("check_in_code_invalid", { field: "code" });
    if (problem === "expired") throw new AppError("check_in_code_expired");
    if (
      training.status === "cancelled" ||
      now.getTime() < training.startsAt.getTime() - CHECK_IN_MARGIN_MS ||
      now.getTime() > training.endsAt.getTime() + CHECK_IN_MARGIN_MS
    )
      throw new AppError("check_in_not_today");
    const [row] = await tx
      .select()
      .from(trainingEnrolments)
      .where(and(eq(trainingEnrolments.trainingId, id), eq(trainingEnrolments.personId, ctx.actor.userId)))
      .for("update");
    if (row?.status !== "enrolled") throw new AppError("check_in_not_enrolled");
    if (row.attendedAt)
      throw new AppError("already_checked_in", {
        params: { at: shanghaiDateTimeIn(row.attendedAt, ctx.lang) },
      });
    const attendedAt = await markAttended(tx, ctx, training, row, "qr", now);
    return { topic: training.topic, attendedAt: attendedAt.toISOString() };
  });
}

/** Staff tick (or un-tick) one person's attendance in the list, at the enrolment's version. */
export async function setAttendance(
  db: Db,
  ctx: Context,
  id: string,
  enrolmentId: string,
  input: { attended: boolean; version: number },
) {
  await db.transaction(async (tx) => {
    const training = await loadTraining(tx, ctx, id, "training.manage", { lock: true });
    if (training.status === "cancelled" || training.status === "draft")
      throw statusInvalid(ctx, training.status);
    const row = await loadEnrolment(tx, id, enrolmentId);
    if (row.version !== input.version) throw versionConflict(row.version);
    if (row.status !== "enrolled") throw new AppError("check_in_not_enrolled");
    if (input.attended === (row.attendedAt !== null)) return;
    if (input.attended) {
      await markAttended(tx, ctx, training, row, "list", new Date());
      return;
    }
    await tx
      .update(trainingEnrolments)
      .set({ attendedAt: null, attendedVia: null, version: row.version + 1, updatedAt: new Date() })
      .where(eq(trainingEnrolments.id, row.id));
    await withdrawDeliveries(tx, { kind: "training", sourceId: training.id, personId: row.personId });
    await tx
      .delete(growthEvents)
      .where(and(eq(growthEvents.kind, "training.attended"), eq(growthEvents.subjectId, row.id)));
    await recordAudit(tx, ctx, {
      baseId: training.baseId,
      action: "training.attendance",
      entityType: "training",
      entityId: training.id,
      before: { enrolmentId: row.id, attended: true },
      after: { attended: false },
    });
  });
}

async function markAttended(
  tx: Db,
  ctx: Context,
  training: TrainingRow,
  row: EnrolmentRow,
  via: "qr" | "list",
  now: Date,
): Promise<Date> {
  await tx
    .update(trainingEnrolments)
    .set({ attendedAt: now, attendedVia: via, version: row.version + 1, updatedAt: now })
    .where(eq(trainingEnrolments.id, row.id));
  const minutes = durationMinutes(training.startsAt, training.endsAt);
  await recordDeliveries(tx, [
    {
      baseId: training.baseId,
      kind: "training",
      sourceId: training.id,
      category: training.category,
      organizationId: row.organizationId,
      personId: row.personId,
      deliveredOn: shanghaiDate(training.startsAt),
      minutes,
    },
  ]);
  if (row.organizationId) {
    const [person] = await tx
      .select({ name: users.displayName })
      .from(users)
      .where(eq(users.id, row.personId));
    await recordGrowth(tx, {
      baseId: training.baseId,
      organizationId: row.organizationId,
      kind: "training.attended",
      title: trainingTitles.attended(training.topic, minutes),
      params: { topic: training.topic, minutes, personName: person?.name ?? "" },
      subjectId: row.id,
      actorName: person?.name ?? null,
      at: training.startsAt,
    });
  }
  await recordAudit(tx, ctx, {
    baseId: training.baseId,
    action: "training.attendance",
    entityType: "training",
    entityId: training.id,
    after: { enrolmentId: row.id, attended: true, via },
  });
  return now;
}
