/**
 * What an administrator does to an account's access: disable, re-enable, unlock after failed
 * sign-ins, and reset the password. Each checks `version` and writes its audit entry.
 */

import { and, eq, ne, sql } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { sessions, users } from "../../../../db/schema";
import type { AuditAction } from "../../../../schemas/platform/audit-actions";
import type { User } from "../../../../schemas/platform/users";
import { recordAudit } from "../../../audit";
import type { Context } from "../../../context";
import { AppError, notFound, versionConflict } from "../../../errors";
import { assertPasswordPolicy, hashPassword } from "../../../passwords";
import { requireAccess } from "../../../policy";
import { type AccountGuard, loadForChange } from "./service";
import { type UserRow, userView } from "./view";

/** A disabled account's sessions end at once; it cannot sign in until enabled again. */
export async function disableUser(db: Db, ctx: Context, id: string, version: number): Promise<User> {
  requireAccess(ctx.actor, "user.manage");
  await disableAccount(db, ctx, id, version);
  return userView(db, id);
}

export async function enableUser(db: Db, ctx: Context, id: string, version: number): Promise<User> {
  requireAccess(ctx.actor, "user.manage");
  await enableAccount(db, ctx, id, version);
  return userView(db, id);
}

/**
 * Disabling and enabling as such, for whoever the guard lets change the account (an administrator
 * here; staff for individuals, people/account.ts); the caller checks the actor's role first.
 */
export async function disableAccount(
  db: Db,
  ctx: Context,
  id: string,
  version: number,
  guard?: AccountGuard,
): Promise<void> {
  await change(
    db,
    ctx,
    id,
    version,
    "user.disabled",
    async (tx, before) => {
      // Checked once the guard passed, so an account the actor may not touch stays a plain 404.
      if (before.id === ctx.actor.userId) throw new AppError("cannot_disable_self");
      await tx.delete(sessions).where(eq(sessions.userId, before.id));
      return { status: "disabled" as const };
    },
    guard,
  );
}

export async function enableAccount(
  db: Db,
  ctx: Context,
  id: string,
  version: number,
  guard?: AccountGuard,
): Promise<void> {
  await change(db, ctx, id, version, "user.enabled", async () => ({ status: "active" as const }), guard);
}

/** Lifts a lock from too many failed sign-ins before it runs out by itself. */
export async function unlockUser(db: Db, ctx: Context, id: string, version: number): Promise<User> {
  requireAccess(ctx.actor, "user.manage");
  await change(db, ctx, id, version, "user.unlocked", async () => ({
    lockedUntil: null,
    failedLoginCount: 0,
  }));
  return userView(db, id);
}

/**
 * Sets a password the administrator passes on; the user must change it at the next sign-in.
 * The account's sessions end (the administrator's own current one survives a self-reset).
 */
export async function resetPassword(
  db: Db,
  ctx: Context,
  id: string,
  input: { version: number; newPassword: string },
): Promise<User> {
  requireAccess(ctx.actor, "user.manage");
  const [target] = await db
    .select({ baseId: users.baseId, username: users.username, mobile: users.mobile })
    .from(users)
    .where(eq(users.id, id));
  if (!target) throw notFound();
  requireAccess(ctx.actor, "user.manage", { baseId: target.baseId });
  assertPasswordPolicy(input.newPassword, [target.username, target.mobile], ctx.lang, "newPassword");
  const passwordHash = await hashPassword(input.newPassword);
  await change(db, ctx, id, input.version, "user.password_reset", async (tx, before) => {
    await tx
      .delete(sessions)
      .where(and(eq(sessions.userId, before.id), ne(sessions.id, ctx.actor.sessionId)));
    return { passwordHash, mustChangePassword: true, passwordChangedAt: new Date() };
  });
  return userView(db, id);
}

type Changes = Partial<
  Pick<
    UserRow,
    | "status"
    | "lockedUntil"
    | "failedLoginCount"
    | "passwordHash"
    | "mustChangePassword"
    | "passwordChangedAt"
  >
>;

/** Load (404/409), apply, bump the version and audit what changed, in one transaction. */
async function change(
  db: Db,
  ctx: Context,
  id: string,
  version: number,
  action: AuditAction,
  apply: (tx: Db, before: UserRow) => Promise<Changes>,
  guard?: AccountGuard,
): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await loadForChange(tx, ctx, id, version, guard);
    const changes = await apply(tx, before);
    const [after] = await tx
      .update(users)
      .set({ ...changes, version: sql`${users.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(users.id, id), eq(users.version, version)))
      .returning();
    if (!after) throw versionConflict(before.version);
    await recordAudit(tx, ctx, {
      baseId: before.baseId,
      action,
      entityType: "user",
      entityId: id,
      before: auditFacts(before),
      after: auditFacts(after),
    });
  });
}

/** The access facts these actions change; the password itself (or its hash) never. */
function auditFacts(row: UserRow) {
  return {
    status: row.status,
    lockedUntil: row.lockedUntil,
    failedLoginCount: row.failedLoginCount,
    mustChangePassword: row.mustChangePassword,
  };
}
