/**
 * What the OpenAPI document says about errors. A route declares, with `errors(...)`, the statuses
 * its service can answer; `declareCommonResponses` adds, to every documented route, the ones the
 * plugins answer before or around the handler (session, CSRF, input parsing, body limit), so no
 * route can forget them. test/api/platform/openapi.test.ts checks the document, and the role
 * matrix checks that no route answers with a status it does not declare.
 */
import type { FastifyInstance, RouteOptions } from "fastify";
import { ZErrorResponse } from "../schemas/common";

// One component that every error response refers to, instead of a copy per response.
const ZError = ZErrorResponse.meta({ id: "ErrorResponse" });

const DESCRIPTIONS = {
  400: "Bad input: `code` says what is wrong, `field` names the field that failed",
  401: "Not signed in, or the session expired",
  403: "Not allowed: this role may not, the password must be changed first, or the CSRF header is missing",
  404: "No such record (or not visible to this user)",
  409: "Conflict: a stale `version` (`details.currentVersion`), a duplicate, or not allowed in the record's current state",
  413: "Too large: the request body, an upload, or the files already stored for the application",
  423: "Account temporarily locked after repeated wrong passwords",
  429: "Too many attempts or requests; `message` says when to try again",
  503: "A service the platform relies on (the SMS gateway) is unavailable; try again later",
} as const;
export type ErrorStatus = keyof typeof DESCRIPTIONS;

const UNEXPECTED = "Unexpected failure (`code` is `internal`); logged on the server";
const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

function errorResponse(description: string) {
  return { description, content: { "application/json": { schema: ZError } } };
}

/** The error responses a route declares, so the OpenAPI document is the whole contract. */
export function errors(...statuses: ErrorStatus[]) {
  return Object.fromEntries(statuses.map((s) => [s, errorResponse(DESCRIPTIONS[s])]));
}

/**
 * Adds to every documented route the responses that come from outside its handler:
 * - 401 without `config.public` (plugins/auth.ts: no session), and 403 where the plugin can
 *   refuse: the password must be changed first (unless `config.beforePasswordChange`), or an
 *   unsafe method without its CSRF header (public routes too, when a session cookie comes along).
 *   A 403 of the policy (`requireAccess`) the route declares itself.
 * - 400 for any params, query or body (Zod), and for any unsafe method (unparseable JSON).
 * - 413 for any unsafe method: Fastify's body limit (BODY_LIMIT_BYTES).
 * - `default`: an unexpected failure.
 * A public route also says so to the document (`security: []`): no session needed.
 * Register before the routes: it sees each route as it is added.
 */
export function declareCommonResponses(app: FastifyInstance): void {
  app.addHook("onRoute", (route: RouteOptions) => {
    const schema = route.schema;
    if (!schema || schema.hide) return;
    const methods = [route.method].flat();
    const unsafe = methods.some((m) => UNSAFE.has(m));
    const common: ErrorStatus[] = [];
    if (unsafe || schema.params || schema.querystring || schema.body) common.push(400);
    if (!route.config?.public) common.push(401);
    if (unsafe || !(route.config?.public || route.config?.beforePasswordChange)) common.push(403);
    if (unsafe) common.push(413);
    if (route.config?.public) schema.security ??= [];
    // The route's own declarations win: they may describe the status more precisely.
    schema.response = {
      ...errors(...common),
      default: errorResponse(UNEXPECTED),
      ...(schema.response as object | undefined),
    };
  });
}
