/**
 * Reading the audit log: an administrator browses their base's entries, newest first. Nothing
 * here (or anywhere) changes the log; the database refuses UPDATE and DELETE on it.
 */
import { and, asc, count, desc, eq, gte, like, lt, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "../../../../db/client";
import { auditLog } from "../../../../db/schema";
import { escapeLike } from "../../../../db/sql-text";
import type { AuditEntry, ZAuditQuery } from "../../../../schemas/platform/audit";
import type { Context } from "../../../context";
import { requireListScope, scopeWhere } from "../../../scope";

type AuditQuery = z.output<typeof ZAuditQuery>;

export async function listAudit(db: Db, ctx: Context, query: AuditQuery) {
  const scope = requireListScope(ctx.actor, "audit.read");
  const conditions: (SQL | undefined)[] = [scopeWhere(scope, { baseId: auditLog.baseId })];
  if (query.actorId) conditions.push(eq(auditLog.actorId, query.actorId));
  if (query.action) {
    // "organization." means the whole family; anything else is one action.
    conditions.push(
      query.action.endsWith(".")
        ? like(auditLog.action, `${escapeLike(query.action)}%`)
        : eq(auditLog.action, query.action),
    );
  }
  if (query.entityType) conditions.push(eq(auditLog.entityType, query.entityType));
  if (query.entityId) conditions.push(eq(auditLog.entityId, query.entityId));
  if (query.from) conditions.push(gte(auditLog.at, new Date(query.from)));
  // Times travel as milliseconds, PostgreSQL keeps microseconds: `to` includes its whole millisecond.
  if (query.to) conditions.push(lt(auditLog.at, new Date(Date.parse(query.to) + 1)));
  const where = and(...conditions);

  const [total] = await db.select({ n: count() }).from(auditLog).where(where);
  const rows = await db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actorId: auditLog.actorId,
      actorName: auditLog.actorName,
      action: auditLog.action,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      before: auditLog.before,
      after: auditLog.after,
      ip: auditLog.ip,
    })
    .from(auditLog)
    .where(where)
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const items: AuditEntry[] = rows.map((r) => ({ ...r, at: r.at.toISOString() }));
  return { items, total: total?.n ?? 0, page: query.page, pageSize: query.pageSize };
}

/** Every action name the base's log holds, for the filter's dropdown. */
export async function listAuditActions(db: Db, ctx: Context): Promise<string[]> {
  const scope = requireListScope(ctx.actor, "audit.read");
  const rows = await db
    .selectDistinct({ action: auditLog.action })
    .from(auditLog)
    .where(scopeWhere(scope, { baseId: auditLog.baseId }))
    .orderBy(asc(auditLog.action));
  return rows.map((r) => r.action);
}
