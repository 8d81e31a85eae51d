/**
 * The thread of a request: the organization writes as itself; staff as the base; a handler as the
 * handler. The other side is told. A closed request's thread stays readable and open for a word
 * of thanks or a follow-up, within the thread's limit.
 */
import { count, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "../../../../db/client";
import { serviceMessages } from "../../../../db/schema";
import { SERVICE_LIMITS } from "../../../../domain/services/request";
import type { ZMessageCreate } from "../../../../schemas/services/requests";
import type { Context } from "../../../context";
import { AppError, fieldError } from "../../../errors";
import { loadRequest, sidesOf } from "./load";
import { noticeRequest } from "./notices";

export async function postMessage(
  db: Db,
  ctx: Context,
  id: string,
  input: z.output<typeof ZMessageCreate>,
): Promise<{ id: string; at: string }> {
  return db.transaction(async (tx) => {
    const row = await loadRequest(tx, ctx, id, "service.read", { lock: true });
    const sides = sidesOf(ctx.actor, row);
    const side = sides.includes("organization") ? "organization" : sides.includes("base") ? "base" : sides[0];
    if (!side) throw new AppError("forbidden");
    const [n] = await tx
      .select({ n: count() })
      .from(serviceMessages)
      .where(eq(serviceMessages.requestId, row.id));
    if ((n?.n ?? 0) >= SERVICE_LIMITS.messages)
      throw fieldError("body", "too_big", { maximum: SERVICE_LIMITS.messages });
    const [message] = await tx
      .insert(serviceMessages)
      .values({
        baseId: row.baseId,
        requestId: row.id,
        side,
        authorId: ctx.actor.userId,
        authorName: ctx.actor.displayName,
        body: input.body,
      })
      .returning({ id: serviceMessages.id, at: serviceMessages.createdAt });
    if (!message) throw new AppError("internal");
    await noticeRequest(
      tx,
      ctx,
      row,
      side === "organization" ? "handler" : "organization",
      "message",
      input.body,
    );
    return { id: message.id, at: message.at.toISOString() };
  });
}
