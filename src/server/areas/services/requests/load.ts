/**
 * A service request as the policy sees it: its base, its organization and the actor's relation to
 * it (the handler: the mentor assigned, or a user of the partner assigned). Every request route
 * loads through here, so another organization's, another partner's or another mentor's request is
 * 404 exactly as the policy table says.
 */
import { eq } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { serviceRequests } from "../../../../db/schema";
import type { Action, Relation, Subject } from "../../../../domain/access";
import { type Actor, hasRole } from "../../../../domain/roles";
import type { RequestSide } from "../../../../domain/services/request";
import type { Context } from "../../../context";
import { AppError, notFound } from "../../../errors";
import { requireAccess, requireRoleFor } from "../../../policy";
import { REQUEST_LABELS_FOR_ERRORS } from "./words";

export type RequestRow = typeof serviceRequests.$inferSelect;

function requestRelations(actor: Actor, row: RequestRow): Relation[] {
  const mentor =
    hasRole(actor, "mentor") && row.handlerKind === "mentor" && row.handlerUserId === actor.userId;
  const partner =
    hasRole(actor, "partner") &&
    row.handlerKind === "partner" &&
    !!actor.partnerId &&
    row.handlerPartnerId === actor.partnerId;
  return mentor || partner ? ["handler"] : [];
}

export function requestSubject(actor: Actor, row: RequestRow): Subject {
  return { baseId: row.baseId, organizationId: row.organizationId, relations: requestRelations(actor, row) };
}

/** The request, checked for `action`; FOR UPDATE with `lock`. */
export async function loadRequest(
  tx: Db,
  ctx: Context,
  id: string,
  action: Action,
  options: { lock?: boolean } = {},
): Promise<RequestRow> {
  requireRoleFor(ctx.actor, action);
  const query = tx.select().from(serviceRequests).where(eq(serviceRequests.id, id)).limit(1);
  const [row] = options.lock ? await query.for("update") : await query;
  if (!row) throw notFound();
  // Whoever may not even read it finds nothing, whatever the action.
  requireAccess(ctx.actor, "service.read", requestSubject(ctx.actor, row));
  requireAccess(ctx.actor, action, requestSubject(ctx.actor, row));
  return row;
}

/** The sides the actor speaks for on this request (the events it may fire, its thread side). */
export function sidesOf(actor: Actor, row: RequestRow): RequestSide[] {
  if (hasRole(actor, "admin", "staff")) return ["base", "handler"];
  const sides: RequestSide[] = [];
  if (hasRole(actor, "org_member") && actor.organizationId === row.organizationId) sides.push("organization");
  if (requestRelations(actor, row).length > 0) sides.push("handler");
  return sides;
}

/** 409: the request's status does not allow this, in the reader's language. */
export function requestStatusInvalid(ctx: Context, row: RequestRow): AppError {
  return new AppError("request_status_invalid", {
    params: { status: REQUEST_LABELS_FOR_ERRORS[ctx.lang][row.status] },
    details: { currentStatus: row.status },
  });
}
