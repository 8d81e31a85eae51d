import { type Action, decide, type Subject } from "../domain/access";
import type { Actor } from "../domain/roles";
import { AppError } from "./errors";

/** The first line of every service method: allowed, or 403 / 404 as the policy table says. */
export function requireAccess(actor: Actor, action: Action, subject?: Subject): void {
  const decision = decide(actor, action, subject);
  if (decision === "forbidden") throw new AppError("forbidden");
  if (decision === "not_found") throw new AppError("not_found");
}

/**
 * The role-only half of a decision, before a record is looked up: a role that may never do this
 * gets 403 whether or not the id exists, so the answer does not reveal which ids do.
 */
export function requireRoleFor(actor: Actor, action: Action): void {
  if (decide(actor, action) === "forbidden") throw new AppError("forbidden");
}
