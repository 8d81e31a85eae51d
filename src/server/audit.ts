import type { Db } from "../db/client";
import { auditLog } from "../db/schema";
import { maskMobile } from "../domain/phone";
import type { AuditAction, AuditEntity } from "../schemas/platform/audit-actions";
import type { AnonymousContext, Context } from "./context";

export interface AuditEntryInput {
  baseId: string;
  /** A code of the registry in src/schemas/platform/audit-actions.ts. */
  action: AuditAction;
  entityType: AuditEntity;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
  /** Who acted, when the context has no session yet (a sign-in names the account signing in). */
  actor?: { id: string; name: string };
}

/** Writes one audit row; call it with the transaction of the change it records. */
export async function recordAudit(
  tx: Db,
  ctx: Context | AnonymousContext,
  entry: AuditEntryInput,
): Promise<void> {
  const actor = "actor" in ctx ? ctx.actor : null;
  await tx.insert(auditLog).values({
    baseId: entry.baseId,
    actorId: actor?.userId ?? entry.actor?.id ?? null,
    actorName: actor?.displayName ?? entry.actor?.name ?? null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    before: redact(entry.before) ?? null,
    after: redact(entry.after) ?? null,
    ip: ctx.ip,
    userAgent: ctx.userAgent?.slice(0, 300) ?? null,
  });
}

/** Password hashes never reach the audit log. */
function redact(value: unknown): unknown {
  if (!value || typeof value !== "object") return value;
  const { passwordHash: _hash, ...rest } = value as Record<string, unknown>;
  // Phones are personal data: the log keeps that one changed, not the number (reading it whole is
  // audited elsewhere, and admins browsing the log should not bypass that).
  for (const key of PHONE_KEYS) {
    if (typeof rest[key] === "string") rest[key] = maskMobile(rest[key] as string);
  }
  return rest;
}

const PHONE_KEYS = ["contactPhone", "mobile"] as const;

/** Only the fields that changed, so the log reads as "before → after" of what was edited. */
export function changedFields<T extends Record<string, unknown>>(
  before: T,
  after: T,
): { before: Partial<T>; after: Partial<T> } {
  const b: Partial<T> = {};
  const a: Partial<T> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    if (key === "updatedAt" || key === "version") continue;
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  return { before: b, after: a };
}
