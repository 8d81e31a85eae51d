/** Finding the application a staff act is about, with the policy check and the call it belongs to. */
import { eq } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { applications, calls } from "../../../../db/schema";
import type { Action } from "../../../../domain/access";
import type { Context } from "../../../context";
import { notFound } from "../../../errors";
import { requireAccess, requireRoleFor } from "../../../policy";

import type { ApplicationRow, CallRow } from "../applications/load";

export type { ApplicationRow, CallRow };

/**
 * The application and its call, read in `tx` (FOR UPDATE when the caller is about to change it,
 * so two staff deciding at once queue up instead of both reading the old version).
 */
export async function loadApplication(
  tx: Db,
  ctx: Context,
  id: string,
  action: Action,
  options: { lock?: boolean } = {},
): Promise<{ application: ApplicationRow; call: CallRow }> {
  requireRoleFor(ctx.actor, action);
  const query = tx
    .select({ application: applications, call: calls })
    .from(applications)
    .innerJoin(calls, eq(calls.id, applications.callId))
    .where(eq(applications.id, id))
    .limit(1);
  const [row] = options.lock ? await query.for("update", { of: applications }) : await query;
  if (!row) throw notFound();
  requireAccess(ctx.actor, action, {
    baseId: row.application.baseId,
    organizationId: row.application.organizationId,
  });
  return row;
}
