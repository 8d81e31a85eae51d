/**
 * The day-before reminder (a periodic task, src/server/main.ts): each enrolled person of a
 * published training starting in the next 24 hours is told once (bell, and SMS where they chose
 * texts). The job marks each enrolment it told (`reminder_sent_at`) in the transaction of the
 * notice, taking the rows FOR UPDATE SKIP LOCKED, so instances running it at once tell each once.
 */
import { and, asc, eq, gt, isNull, lte } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { trainingEnrolments, trainings } from "../../../../db/schema";
import { notify } from "../../../notify";

const REMINDER_LEAD_MS = 24 * 3_600_000;

export async function sendTrainingReminders(db: Db, now = new Date(), batch = 500): Promise<number> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .select({
        id: trainingEnrolments.id,
        personId: trainingEnrolments.personId,
        trainingId: trainings.id,
        baseId: trainings.baseId,
        topic: trainings.topic,
        startsAt: trainings.startsAt,
        place: trainings.place,
      })
      .from(trainingEnrolments)
      .innerJoin(trainings, eq(trainings.id, trainingEnrolments.trainingId))
      .where(
        and(
          eq(trainingEnrolments.status, "enrolled"),
          isNull(trainingEnrolments.reminderSentAt),
          eq(trainings.status, "published"),
          gt(trainings.startsAt, now),
          lte(trainings.startsAt, new Date(now.getTime() + REMINDER_LEAD_MS)),
        ),
      )
      .orderBy(asc(trainings.startsAt), asc(trainingEnrolments.id))
      .limit(batch)
      .for("update", { of: trainingEnrolments, skipLocked: true });
    for (const row of rows) {
      await notify(tx, {
        baseId: row.baseId,
        recipients: { kind: "users", userIds: [row.personId] },
        kind: "training_reminder",
        params: {
          trainingId: row.trainingId,
          topic: row.topic,
          startsAt: row.startsAt.toISOString(),
          place: row.place,
        },
        link: `/trainings/${row.trainingId}`,
      });
      await tx
        .update(trainingEnrolments)
        .set({ reminderSentAt: now })
        .where(eq(trainingEnrolments.id, row.id));
    }
    return rows.length;
  });
}
