/**
 * Sessions live in the database: the browser holds a random token (HttpOnly cookie), the row
 * holds its SHA-256, so a leaked database does not yield usable cookies. Any instance can
 * validate any session. The CSRF token is an HMAC of the session id under the session secret.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { and, eq, lt, sql } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { bases, organizations, sessions, towns, users } from "../../../../db/schema";
import { maskMobile } from "../../../../domain/phone";
import type { SignedInActor } from "../../../context";

export const SESSION_COOKIE = "hatchery_session";
export const CSRF_COOKIE = "hatchery_csrf";

export interface SessionSettings {
  secret: string;
  idleMinutes: number;
  absoluteHours: number;
}

function newSessionToken(): { token: string; id: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, id: sessionIdOf(token) };
}

export function sessionIdOf(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function csrfTokenFor(sessionId: string, secret: string): string {
  return createHmac("sha256", secret).update(`csrf:${sessionId}`).digest("base64url");
}

export function csrfMatches(sessionId: string, secret: string, given: string | undefined): boolean {
  if (!given) return false;
  const expected = Buffer.from(csrfTokenFor(sessionId, secret));
  const actual = Buffer.from(given);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

export type SessionLookup = { kind: "none" } | { kind: "expired" } | { kind: "valid"; actor: SignedInActor };

/** Finds the session for a token; expired ones (idle or absolute) are deleted on sight. */
export async function lookupSession(
  db: Db,
  token: string,
  settings: SessionSettings,
): Promise<SessionLookup> {
  const id = sessionIdOf(token);
  const [row] = await db
    .select({
      session: sessions,
      user: {
        id: users.id,
        baseId: users.baseId,
        roles: users.roles,
        organizationId: users.organizationId,
        crossBase: users.crossBase,
        townId: users.townId,
        displayName: users.displayName,
        status: users.status,
        mustChangePassword: users.mustChangePassword,
      },
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, id))
    .limit(1);
  if (!row) return { kind: "none" };
  const now = Date.now();
  const idleLimit = row.session.lastSeenAt.getTime() + settings.idleMinutes * 60_000;
  if (row.session.expiresAt.getTime() <= now || idleLimit <= now || row.user.status !== "active") {
    await db.delete(sessions).where(eq(sessions.id, id));
    return { kind: "expired" };
  }
  // Touch at most once a minute: the idle timeout needs minutes, not a write per request.
  if (now - row.session.lastSeenAt.getTime() > 60_000) {
    await db.update(sessions).set({ lastSeenAt: sql`now()` }).where(eq(sessions.id, id));
  }
  const { user } = row;
  return {
    kind: "valid",
    actor: {
      userId: user.id,
      baseId: user.baseId,
      roles: user.roles,
      organizationId: user.organizationId,
      crossBase: user.crossBase,
      townId: user.townId,
      displayName: user.displayName,
      sessionId: id,
      mustChangePassword: user.mustChangePassword,
    },
  };
}

export async function createSession(
  db: Db,
  userId: string,
  settings: SessionSettings,
  meta: { ip: string | null; userAgent: string | null },
): Promise<{ token: string; id: string }> {
  const { token, id } = newSessionToken();
  await db.insert(sessions).values({
    id,
    userId,
    expiresAt: new Date(Date.now() + settings.absoluteHours * 3_600_000),
    ip: meta.ip,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
  });
  // Housekeeping: drop this user's sessions that have run past their absolute limit.
  await db.delete(sessions).where(and(eq(sessions.userId, userId), lt(sessions.expiresAt, new Date())));
  return { token, id };
}

export async function currentUserView(db: Db, userId: string) {
  const [row] = await db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      roles: users.roles,
      baseId: users.baseId,
      baseName: bases.name,
      organizationId: users.organizationId,
      organizationName: organizations.name,
      mustChangePassword: users.mustChangePassword,
      crossBase: users.crossBase,
      townId: users.townId,
      townName: towns.name,
      mobile: users.mobile,
      email: users.email,
    })
    .from(users)
    .innerJoin(bases, eq(bases.id, users.baseId))
    .leftJoin(organizations, eq(organizations.id, users.organizationId))
    .leftJoin(towns, eq(towns.id, users.townId))
    .where(eq(users.id, userId));
  if (!row) throw new Error(`user ${userId} vanished`);
  // The user's own contact, so the home can ask them to check it; the mobile masked like
  // everywhere (the page only needs to be recognised, and a borrowed screen shows no more).
  return { ...row, mobile: maskMobile(row.mobile) };
}
