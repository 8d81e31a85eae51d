import type { FastifyInstance, FastifyReply } from "fastify";
import type { Db } from "../../db/client";
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

/**
 * Resolves the session cookie into `request.actor` for every API request, and requires the CSRF
 * header (double submit: the cookie the app reads, echoed in X-CSRF-Token) on every unsafe one.
 */
export function registerAuth(
  app: FastifyInstance,
  db: Db,
  settings: SessionSettings & { cookieSecure: boolean },
): void {
  app.decorateRequest("actor", null);
  app.decorateRequest("sessionExpired", false);
  registerSessionRequirement(app);

  app.addHook("onRequest", async (request, reply) => {
    if (!request.url.startsWith("/api/")) return;
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const found = await lookupSession(db, token, settings);
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
