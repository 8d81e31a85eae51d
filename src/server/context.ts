/**
 * What a service needs to know about the request, without HTTP: who acts, from where, in which
 * language. Routes build it; services receive it.
 */
import type { FastifyRequest } from "fastify";
import type { Actor } from "../domain/roles";
import type { Lang } from "../schemas/messages";
import { AppError } from "./errors";
import { requestLang } from "./lang";

export interface SignedInActor extends Actor {
  displayName: string;
  sessionId: string;
  /** Set after an administrator's reset or at first start: only the password change is open. */
  mustChangePassword: boolean;
}

export interface Context {
  actor: SignedInActor;
  ip: string | null;
  userAgent: string | null;
  lang: Lang;
}

export interface AnonymousContext {
  ip: string | null;
  userAgent: string | null;
  lang: Lang;
}

export function anonymousContext(request: FastifyRequest): AnonymousContext {
  return {
    ip: request.ip ?? null,
    userAgent: request.headers["user-agent"] ?? null,
    lang: requestLang(request),
  };
}

/** The signed-in context, or 401 (with `session_expired` when a stale cookie was sent). */
export function signedIn(request: FastifyRequest): Context {
  if (!request.actor) throw new AppError(request.sessionExpired ? "session_expired" : "unauthenticated");
  return { ...anonymousContext(request), actor: request.actor };
}

declare module "fastify" {
  interface FastifyRequest {
    actor: SignedInActor | null;
    sessionExpired: boolean;
  }
}
