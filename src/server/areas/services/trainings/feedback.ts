/**
 * Feedback after the session (rating 1-5, what was useful, suggestions): one per participant who
 * attended; the rating goes to the service ledger's row of that attendance.
 */
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "../../../../db/client";
import { rateDeliveries } from "../../../../db/deliveries";
import { trainingEnrolments } from "../../../../db/schema";
import type { ZFeedbackInput } from "../../../../schemas/services/trainings";
import type { Context } from "../../../context";
import { AppError } from "../../../errors";
import { loadTraining } from "./load";

export async function giveFeedback(db: Db, ctx: Context, id: string, input: z.output<typeof ZFeedbackInput>) {
  await db.transaction(async (tx) => {
    const training = await loadTraining(tx, ctx, id, "training.attend");
    const [row] = await tx
      .select()
      .from(trainingEnrolments)
      .where(and(eq(trainingEnrolments.trainingId, id), eq(trainingEnrolments.personId, ctx.actor.userId)))
      .for("update");
    if (!row?.attendedAt) throw new AppError("feedback_not_attended");
    if (row.feedbackAt) throw new AppError("feedback_given");
    await tx
      .update(trainingEnrolments)
      .set({
        rating: input.rating,
        useful: input.useful || null,
        suggestions: input.suggestions || null,
        feedbackAt: new Date(),
        version: row.version + 1,
        updatedAt: new Date(),
      })
      .where(eq(trainingEnrolments.id, row.id));
    await rateDeliveries(
      tx,
      { kind: "training", sourceId: training.id, personId: row.personId },
      input.rating,
    );
  });
  return { ok: true as const };
}
