/**
 * Assigning a request's handler (staff): a staff user, a mentor, or a partner (any of its users
 * then handles it). The picker offers the same people (`handlerOptions`).
 */
import { and, asc, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "../../../../db/client";
import { partners, serviceRequestEvents, serviceRequests, users } from "../../../../db/schema";
import { mayAssign } from "../../../../domain/services/request";
import type { HandlerOptionsView, ZRequestAssign } from "../../../../schemas/services/requests";
import { recordAudit } from "../../../audit";
import type { Context } from "../../../context";
import { fieldError, versionConflict } from "../../../errors";
import { requireAccess } from "../../../policy";
import { loadRequest, requestStatusInvalid } from "./load";
import { noticeRequest } from "./notices";

export async function assignHandler(
  db: Db,
  ctx: Context,
  id: string,
  input: z.output<typeof ZRequestAssign>,
): Promise<{ version: number }> {
  return db.transaction(async (tx) => {
    const row = await loadRequest(tx, ctx, id, "service.manage", { lock: true });
    if (!mayAssign(row.status)) throw requestStatusInvalid(ctx, row);
    if (row.version !== input.version) throw versionConflict(row.version);
    let handlerName: string;
    let handlerUserId: string | null = null;
    let handlerPartnerId: string | null = null;
    if (input.handlerKind === "partner") {
      if (!input.partnerId) throw fieldError("partnerId", "required");
      const [p] = await tx
        .select({ name: partners.name })
        .from(partners)
        .where(
          and(
            eq(partners.id, input.partnerId),
            eq(partners.baseId, row.baseId),
            eq(partners.status, "active"),
          ),
        );
      if (!p) throw fieldError("partnerId", "handler_unknown");
      handlerName = p.name;
      handlerPartnerId = input.partnerId;
    } else {
      if (!input.userId) throw fieldError("userId", "required");
      const roles = input.handlerKind === "mentor" ? ["mentor"] : ["staff", "admin"];
      const [u] = await tx
        .select({ name: users.displayName })
        .from(users)
        .where(
          and(
            eq(users.id, input.userId),
            eq(users.baseId, row.baseId),
            eq(users.status, "active"),
            sql`${users.roles} && ${sql.raw(`ARRAY[${roles.map((r) => `'${r}'`).join(",")}]::text[]`)}`,
          ),
        );
      if (!u) throw fieldError("userId", "handler_unknown");
      handlerName = u.name;
      handlerUserId = input.userId;
    }
    const [updated] = await tx
      .update(serviceRequests)
      .set({
        handlerKind: input.handlerKind,
        handlerUserId,
        handlerPartnerId,
        version: row.version + 1,
        updatedAt: new Date(),
      })
      .where(and(eq(serviceRequests.id, row.id), eq(serviceRequests.version, row.version)))
      .returning();
    if (!updated) throw versionConflict(row.version);
    await tx.insert(serviceRequestEvents).values({
      baseId: row.baseId,
      requestId: row.id,
      event: "assign",
      note: handlerName,
      actorId: ctx.actor.userId,
      actorName: ctx.actor.displayName,
    });
    await recordAudit(tx, ctx, {
      baseId: row.baseId,
      action: "service.assign",
      entityType: "service_request",
      entityId: row.id,
      before: {
        handlerKind: row.handlerKind,
        handlerUserId: row.handlerUserId,
        handlerPartnerId: row.handlerPartnerId,
      },
      after: { handlerKind: input.handlerKind, handlerUserId, handlerPartnerId },
    });
    if (handlerUserId !== ctx.actor.userId) await noticeRequest(tx, ctx, updated, "handler", "assign");
    return { version: updated.version };
  });
}

/** The people a request may be assigned to: the base's staff and mentors, its active partners. */
export async function handlerOptions(db: Db, ctx: Context): Promise<HandlerOptionsView> {
  requireAccess(ctx.actor, "service.manage");
  const baseId = ctx.actor.baseId;
  const [people, partnerRows] = await Promise.all([
    db
      .select({ id: users.id, name: users.displayName, roles: users.roles })
      .from(users)
      .where(
        and(
          eq(users.baseId, baseId),
          eq(users.status, "active"),
          sql`${users.roles} && ARRAY['staff','admin','mentor']::text[]`,
        ),
      )
      .orderBy(asc(users.displayName)),
    db
      .select({ id: partners.id, name: partners.name })
      .from(partners)
      .where(and(eq(partners.baseId, baseId), eq(partners.status, "active")))
      .orderBy(asc(partners.name)),
  ]);
  return {
    staff: people
      .filter((p) => p.roles.some((r) => r === "staff" || r === "admin"))
      .map(({ id, name }) => ({ id, name })),
    mentors: people.filter((p) => p.roles.includes("mentor")).map(({ id, name }) => ({ id, name })),
    partners: partnerRows,
  };
}
