/**
 * The to-do of the service desk: for staff, the base's overdue requests (not accepted within the
 * expected response time, or past their appointment) and those nobody handles yet; for a mentor
 * or a partner user, the open requests assigned to them. The homes show it as a WaitingCard.
 */
import { and, count, isNull, sql } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { serviceRequests } from "../../../../db/schema";
import { hasRole } from "../../../../domain/roles";
import type { ServiceWaitingView } from "../../../../schemas/services/requests";
import type { Context } from "../../../context";
import { overdueSql, REQUEST_ORDER, requestWhere, selectRequests, toRequestEntry } from "./list";

const SHOWN = 8;

export async function serviceWaiting(db: Db, ctx: Context): Promise<ServiceWaitingView> {
  const open = requestWhere(ctx, { status: "open" });
  const staff = hasRole(ctx.actor, "admin", "staff");
  // Staff: what is late first; a handler: everything it has to do.
  const shown = staff ? and(open, overdueSql) : open;
  const [rows, [counts]] = await Promise.all([
    selectRequests(db)
      .where(shown)
      .orderBy(...REQUEST_ORDER)
      .limit(SHOWN),
    db
      .select({
        overdue: sql<number>`count(*) filter (where ${overdueSql})`.mapWith(Number),
        unassigned: sql<number>`count(*) filter (where ${isNull(serviceRequests.handlerKind)})`.mapWith(
          Number,
        ),
        open: count(),
      })
      .from(serviceRequests)
      .where(open),
  ]);
  return {
    overdue: counts?.overdue ?? 0,
    unassigned: staff ? (counts?.unassigned ?? 0) : (counts?.open ?? 0),
    items: rows.map(toRequestEntry),
  };
}
