import type { FastifyInstance, FastifyReply } from "fastify";
import type { Database } from "../../db/client";
import { SessionCache } from "../areas/platform/auth/session-cache";
import { type SessionNotices, startSessionNotices } from "../areas/platform/auth/session-notices";
import {
  CSRF_COOKIE,
  csrfMatches,
  csrfTokenFor,
  lookupSession,
  SESSION_COOKIE,
  type SessionSettings,
} from "../areas/platform/auth/sessions";
import { AppError } from "../errors";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
/** A few MB at most; a city's sessions active within a few seconds are far fewer. */
const SESSION_CACHE_ENTRIES = 10_000;

/**
 * Resolves the session cookie into `request.actor` for every API request, and requires the CSRF
 * header (double submit: the cookie the app reads, echoed in X-CSRF-Token) on every unsafe one.
 * With `cacheSeconds` > 0, sessions come from the session cache (session-cache.ts) while this
 * instance listens for the notices that end them.
 */
export function registerAuth(
  app: FastifyInstance,
  database: Database,
  settings: SessionSettings & { cookieSecure: boolean; cacheSeconds: number },
): void {
  const { db } = database;
  app.decorateRequest("actor", null);
  app.decorateRequest("sessionExpired", false);
  registerSessionRequirement(app);
  const cache =
    settings.cacheSeconds > 0
      ? new SessionCache({ maxEntries: SESSION_CACHE_ENTRIES, maxAgeMs: settings.cacheSeconds * 1000 })
      : null;
  registerSessionNotices(app, database, cache);

  app.addHook("onRequest", async (request, reply) => {
    if (!request.url.startsWith("/api/")) return;
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const found = await lookupSession(db, token, settings, cache);
    if (found.kind !== "valid") {
      request.sessionExpired = true;
      clearSessionCookies(reply, settings.cookieSecure);
      return;
    }
    request.actor = found.actor;
    if (!SAFE_METHODS.has(request.method)) {
      const header = request.headers["x-csrf-token"];
      if (!csrfMatches(found.actor.sessionId, settings.secret, Array.isArray(header) ? header[0] : header)) {
        throw new AppError("csrf_failed");
      }
    }
  });
}

/**
 * Listens for the notices once the app is ready and stops with it. An unsafe request's answer
 * waits until this instance has applied the notices of what it committed (`sync`), so the next
 * request here never finds a session it has just ended (a sign-out, a disabled account).
 */
function registerSessionNotices(app: FastifyInstance, database: Database, cache: SessionCache | null): void {
  let notices: SessionNotices | null = null;
  app.decorate("sessionCache", cache ? { cache, sync: async () => notices?.sync() } : null);
  if (!cache) return;
  app.addHook("onReady", async () => {
    notices = await startSessionNotices(database, cache, app.log);
  });
  app.addHook("onClose", async () => {
    await notices?.stop();
    cache.suspend(new Error("closing"));
  });
  app.addHook("onSend", async (request, _reply, payload) => {
    if (notices && !SAFE_METHODS.has(request.method) && request.url.startsWith("/api/")) await notices.sync();
    return payload;
  });
}

/**
 * Every API route needs a session unless its config says `public: true`; checked before the
 * body is validated, so an anonymous caller learns "sign in" rather than details of the input.
 */
function registerSessionRequirement(app: FastifyInstance): void {
  app.addHook("preValidation", async (request) => {
    if (request.is404 || request.routeOptions.config.public || !request.url.startsWith("/api/")) return;
    if (!request.actor) throw new AppError(request.sessionExpired ? "session_expired" : "unauthenticated");
    if (request.actor.mustChangePassword && !request.routeOptions.config.beforePasswordChange) {
      throw new AppError("password_change_required");
    }
  });
}

declare module "fastify" {
  interface FastifyInstance {
    /** null when SESSION_CACHE_SECONDS is 0. */
    sessionCache: { cache: SessionCache; sync(): Promise<void> } | null;
  }
  interface FastifyContextConfig {
    /** Reachable without a session (health, sign-in, the OpenAPI document). */
    public?: boolean;
    /** Open to a user who must change the password first (who am I, change it, sign out). */
    beforePasswordChange?: boolean;
  }
}

export function setSessionCookies(
  reply: FastifyReply,
  session: { token: string; id: string },
  settings: SessionSettings & { cookieSecure: boolean },
): string {
  const csrfToken = csrfTokenFor(session.id, settings.secret);
  const common = {
    path: "/",
    sameSite: "lax" as const,
    secure: settings.cookieSecure,
    maxAge: settings.absoluteHours * 3600,
  };
  reply.setCookie(SESSION_COOKIE, session.token, { ...common, httpOnly: true });
  reply.setCookie(CSRF_COOKIE, csrfToken, { ...common, httpOnly: false });
  return csrfToken;
}

export function clearSessionCookies(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(SESSION_COOKIE, { path: "/", secure });
  reply.clearCookie(CSRF_COOKIE, { path: "/", secure });
}
