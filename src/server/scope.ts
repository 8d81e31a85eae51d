/**
 * The SQL form of the policy's list scopes (`listScope` in src/domain/access.ts): every list
 * query is filtered through `scopeWhere`, so who sees which rows is decided in one place.
 */
import { and, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import type { ListAction, ListScope } from "../domain/access";
import { listScope } from "../domain/access";
import type { Actor } from "../domain/roles";
import { AppError } from "./errors";

/** The list's scope for this actor; 403 when the actor may not see the list at all. */
export function requireListScope(actor: Actor, action: ListAction): ListScope {
  const scope = listScope(actor, action);
  if (!scope) throw new AppError("forbidden");
  return scope;
}

/**
 * The columns a scope is checked against: the row's base, its organization where it has one, and
 * the town it belongs to (an organization's town; for an application, its organization's).
 */
export interface ScopeColumns {
  baseId: PgColumn;
  organizationId?: PgColumn;
  townId?: PgColumn;
  /** The user the row is assigned to (an inspector, a reviewing expert), for the "assigned" scope. */
  assigneeId?: PgColumn;
  /** The partner the row is assigned to, for the "partner" scope. */
  partnerId?: PgColumn;
}

/** The scope as a condition on `columns`; undefined means every row (a cross-base viewer). */
export function scopeWhere(scope: ListScope, columns: ScopeColumns): SQL | undefined {
  if (scope.kind === "organization") {
    // A record without an organization column is never one organization's own.
    if (!scope.organizationId || !columns.organizationId) return sql`false`;
    return and(eq(columns.baseId, scope.baseId), eq(columns.organizationId, scope.organizationId));
  }
  if (scope.kind === "assigned") {
    if (!columns.assigneeId) return sql`false`;
    return and(eq(columns.baseId, scope.baseId), eq(columns.assigneeId, scope.userId));
  }
  if (scope.kind === "partner") {
    if (!scope.partnerId || !columns.partnerId) return sql`false`;
    return and(eq(columns.baseId, scope.baseId), eq(columns.partnerId, scope.partnerId));
  }
  if (scope.kind === "town") {
    // No town set: nothing, rather than the whole base's.
    if (!scope.townId || !columns.townId) return sql`false`;
    return and(eq(columns.baseId, scope.baseId), eq(columns.townId, scope.townId));
  }
  if (scope.baseIds === "all") return undefined;
  if (scope.baseIds.length === 1) return eq(columns.baseId, scope.baseIds[0] as string);
  return inArray(columns.baseId, scope.baseIds);
}
