/**
 * Sessions live in the database: the browser holds a random token (HttpOnly cookie), the row
 * holds its SHA-256, so a leaked database does not yield usable cookies. Any instance can
 * validate any session. The CSRF token is an HMAC of the session id under the session secret.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { and, eq, lt, sql } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { bases, organizations, partners, sessions, towns, users } from "../../../../db/schema";
import { maskMobile } from "../../../../domain/phone";
import type { SignedInActor } from "../../../context";
import type { SessionCache } from "./session-cache";

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

/**
 * Last-seen is written at most once a minute per session and instance: the idle timeout needs
 * minutes, not a write per request. So a session ends between idle − 1 min and idle after its
 * last request.
 */
const TOUCH_INTERVAL_MS = 60_000;

/**
 * Finds the session for a token; expired ones (idle or absolute) are deleted on sight. With a
 * cache, a session read lately is answered without the database, its limits checked against
 * the clock all the same; an idle limit that seems passed is checked in the database, where
 * another instance may have touched it.
 */
export async function lookupSession(
  db: Db,
  token: string,
  settings: SessionSettings,
  cache: SessionCache | null = null,
): Promise<SessionLookup> {
  const id = sessionIdOf(token);
  const now = Date.now();
  const cached = cache?.get(id, now);
  if (cached && withinLimits(cached, settings, now)) {
    if (now - cached.lastSeenAt > TOUCH_INTERVAL_MS) {
      cached.lastSeenAt = now; // before the write, so the requests alongside do not write too
      await touch(db, id);
    }
    return { kind: "valid", actor: cached.actor };
  }
  const epoch = cache?.epoch() ?? 0;
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
        partnerId: users.partnerId,
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
  const limits = { expiresAt: row.session.expiresAt.getTime(), lastSeenAt: row.session.lastSeenAt.getTime() };
  if (!withinLimits(limits, settings, now) || row.user.status !== "active") {
    await db.delete(sessions).where(eq(sessions.id, id));
    cache?.forget(id);
    return { kind: "expired" };
  }
  if (now - limits.lastSeenAt > TOUCH_INTERVAL_MS) {
    await touch(db, id);
    limits.lastSeenAt = now;
  }
  const { user } = row;
  const actor: SignedInActor = {
    userId: user.id,
    baseId: user.baseId,
    roles: user.roles,
    organizationId: user.organizationId,
    crossBase: user.crossBase,
    townId: user.townId,
    partnerId: user.partnerId,
    displayName: user.displayName,
    sessionId: id,
    mustChangePassword: user.mustChangePassword,
  };
  cache?.put(id, { actor, ...limits }, now, epoch);
  return { kind: "valid", actor };
}

function withinLimits(
  session: { expiresAt: number; lastSeenAt: number },
  settings: SessionSettings,
  now: number,
): boolean {
  return session.expiresAt > now && session.lastSeenAt + settings.idleMinutes * 60_000 > now;
}

async function touch(db: Db, id: string): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: sql`now()` }).where(eq(sessions.id, id));
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
      partnerId: users.partnerId,
      partnerName: partners.name,
      mobile: users.mobile,
      email: users.email,
    })
    .from(users)
    .innerJoin(bases, eq(bases.id, users.baseId))
    .leftJoin(organizations, eq(organizations.id, users.organizationId))
    .leftJoin(towns, eq(towns.id, users.townId))
    .leftJoin(partners, eq(partners.id, users.partnerId))
    .where(eq(users.id, userId));
  if (!row) throw new Error(`user ${userId} vanished`);
  // The user's own contact, so the home can ask them to check it; the mobile masked like
  // everywhere (the page only needs to be recognised, and a borrowed screen shows no more).
  return { ...row, mobile: maskMobile(row.mobile) };
}
