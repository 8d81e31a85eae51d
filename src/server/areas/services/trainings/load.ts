/**
 * Finding a training with the policy check. A training of another base does not exist for the
 * actor (404); a draft exists only for staff; a cancelled or finished one for staff and for those
 * who were enrolled in it.
 */
import { and, eq } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { trainingEnrolments, trainings } from "../../../../db/schema";
import type { Action } from "../../../../domain/access";
import { decide } from "../../../../domain/access";
import type { Actor } from "../../../../domain/roles";
import type { Context } from "../../../context";
import { AppError, notFound } from "../../../errors";
import { requireAccess, requireRoleFor } from "../../../policy";

export type TrainingRow = typeof trainings.$inferSelect;
export type EnrolmentRow = typeof trainingEnrolments.$inferSelect;

export const managesTrainings = (actor: Actor) => decide(actor, "training.manage") === "allow";

/** The training `id` for `action`, FOR UPDATE when the caller is about to change it or its seats. */
export async function loadTraining(
  tx: Db,
  ctx: Context,
  id: string,
  action: Action,
  options: { lock?: boolean } = {},
): Promise<TrainingRow> {
  requireRoleFor(ctx.actor, action);
  const query = tx.select().from(trainings).where(eq(trainings.id, id)).limit(1);
  const [row] = options.lock ? await query.for("update") : await query;
  if (!row) throw notFound();
  requireAccess(ctx.actor, action, { baseId: row.baseId });
  if (row.status !== "published" && !managesTrainings(ctx.actor)) {
    // A draft is the staff's; a past or cancelled one stays visible to those who were in it.
    if (row.status === "draft") throw notFound();
    const [mine] = await tx
      .select({ id: trainingEnrolments.id })
      .from(trainingEnrolments)
      .where(and(eq(trainingEnrolments.trainingId, id), eq(trainingEnrolments.personId, ctx.actor.userId)))
      .limit(1);
    if (!mine) throw notFound();
  }
  return row;
}

/** One enrolment of the training, FOR UPDATE (the caller changes it). */
export async function loadEnrolment(tx: Db, trainingId: string, enrolmentId: string): Promise<EnrolmentRow> {
  const [row] = await tx
    .select()
    .from(trainingEnrolments)
    .where(and(eq(trainingEnrolments.id, enrolmentId), eq(trainingEnrolments.trainingId, trainingId)))
    .for("update");
  if (!row) throw notFound();
  return row;
}

export const statusInvalid = (ctx: Context, status: TrainingRow["status"]) =>
  new AppError("training_status_invalid", { params: { status: STATUS_WORDS[ctx.lang][status] } });

const STATUS_WORDS = {
  "zh-CN": { draft: "草稿", published: "已发布", cancelled: "已取消", done: "已结束" },
  en: { draft: "a draft", published: "published", cancelled: "cancelled", done: "done" },
} as const;
