/** A service request as the owner of files (the files area's owner registry). */
import { eq } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { serviceRequests } from "../../../../db/schema";
import type { Action, Subject } from "../../../../domain/access";
import { type Actor, hasRole } from "../../../../domain/roles";
import { requestSubject } from "./load";

export async function requestOwnerSubject(db: Db, id: string, actor: Actor): Promise<Subject | null> {
  const [row] = await db.select().from(serviceRequests).where(eq(serviceRequests.id, id)).limit(1);
  return row ? requestSubject(actor, row) : null;
}

/** A member attaches as the organization; staff and handlers as who handles it. */
export function requestWriteAction(actor: Actor): Action {
  return hasRole(actor, "org_member") && !hasRole(actor, "admin", "staff", "mentor", "partner")
    ? "service.ask"
    : "service.handle";
}
