/**
 * Staff create and edit trainings (a draft until published), at the version read, and move them
 * through their lifecycle (publish, cancel, finish). Raising the capacity moves the first waiting
 * up; cancelling a training tells nobody here (the bell for that comes with the posts).
 */
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "../../../../db/client";
import { trainingSeries, trainings, users } from "../../../../db/schema";
import {
  durationMinutes,
  TRAINING_LIMITS,
  type TrainingEvent,
  trainingTransition,
} from "../../../../domain/services/trainings";
import type { ZTrainingInput } from "../../../../schemas/services/trainings";
import { recordAudit } from "../../../audit";
import type { Context } from "../../../context";
import { fieldError, versionConflict } from "../../../errors";
import { requireAccess } from "../../../policy";
import { promoteWaiting } from "./enrolments";
import { loadTraining, statusInvalid } from "./load";
import { trainingDetail } from "./view";

type Input = z.output<typeof ZTrainingInput>;

async function checkInput(db: Db, ctx: Context, input: Input): Promise<void> {
  const start = new Date(input.startsAt);
  const end = new Date(input.endsAt);
  if (end <= start || durationMinutes(start, end) > TRAINING_LIMITS.durationMinutes)
    throw fieldError("endsAt", "training_ends_before_start");
  if (input.seriesId) {
    const [s] = await db
      .select({ id: trainingSeries.id })
      .from(trainingSeries)
      .where(and(eq(trainingSeries.id, input.seriesId), eq(trainingSeries.baseId, ctx.actor.baseId)));
    if (!s) throw fieldError("seriesId", "invalid_id");
  }
  if (input.trainerUserId) {
    const [u] = await db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, input.trainerUserId), eq(users.baseId, ctx.actor.baseId)));
    if (!u) throw fieldError("trainerUserId", "invalid_id");
  }
}

const values = (input: Input) => ({
  seriesId: input.seriesId ?? null,
  required: input.seriesId ? input.required : false,
  topic: input.topic,
  description: input.description,
  trainerName: input.trainerName,
  trainerUserId: input.trainerUserId ?? null,
  startsAt: new Date(input.startsAt),
  endsAt: new Date(input.endsAt),
  place: input.place,
  onlineLink: input.onlineLink,
  category: input.category,
  dimensionKeys: input.dimensionKeys,
  capacity: input.capacity,
  audiences: input.audiences,
});

export async function createTraining(db: Db, ctx: Context, input: Input) {
  requireAccess(ctx.actor, "training.manage");
  const id = await db.transaction(async (tx) => {
    await checkInput(tx, ctx, input);
    const [row] = await tx
      .insert(trainings)
      .values({ baseId: ctx.actor.baseId, ...values(input), createdBy: ctx.actor.userId })
      .returning();
    if (!row) throw new Error("training not inserted");
    await recordAudit(tx, ctx, {
      baseId: row.baseId,
      action: "training.create",
      entityType: "training",
      entityId: row.id,
      after: { topic: row.topic, startsAt: row.startsAt.toISOString(), capacity: row.capacity },
    });
    return row.id;
  });
  return trainingDetail(db, ctx, id);
}

export async function updateTraining(db: Db, ctx: Context, id: string, input: Input & { version: number }) {
  await db.transaction(async (tx) => {
    const row = await loadTraining(tx, ctx, id, "training.manage", { lock: true });
    if (row.version !== input.version) throw versionConflict(row.version);
    if (row.status === "cancelled" || row.status === "done") throw statusInvalid(ctx, row.status);
    await checkInput(tx, ctx, input);
    const [updated] = await tx
      .update(trainings)
      .set({ ...values(input), version: row.version + 1, updatedAt: new Date() })
      .where(and(eq(trainings.id, id), eq(trainings.version, row.version)))
      .returning();
    if (!updated) throw versionConflict(row.version);
    if (updated.capacity > row.capacity && updated.status === "published") await promoteWaiting(tx, updated);
    await recordAudit(tx, ctx, {
      baseId: row.baseId,
      action: "training.update",
      entityType: "training",
      entityId: id,
      before: { topic: row.topic, capacity: row.capacity, version: row.version },
      after: { topic: updated.topic, capacity: updated.capacity, version: updated.version },
    });
  });
  return trainingDetail(db, ctx, id);
}

export async function changeTrainingStatus(
  db: Db,
  ctx: Context,
  id: string,
  event: TrainingEvent,
  version: number,
) {
  await db.transaction(async (tx) => {
    const row = await loadTraining(tx, ctx, id, "training.manage", { lock: true });
    if (row.version !== version) throw versionConflict(row.version);
    const to = trainingTransition(row.status, event);
    if (!to) throw statusInvalid(ctx, row.status);
    await tx
      .update(trainings)
      .set({ status: to, version: row.version + 1, updatedAt: new Date() })
      .where(eq(trainings.id, id));
    await recordAudit(tx, ctx, {
      baseId: row.baseId,
      action: `training.${event}`,
      entityType: "training",
      entityId: id,
      before: { status: row.status },
      after: { status: to },
    });
  });
  return trainingDetail(db, ctx, id);
}
