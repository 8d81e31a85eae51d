/**
 * helmet's security headers (CSP, HSTS, nosniff, frame and referrer policies, …) on every answer.
 * They depend on nothing in the request, so helmet's middleware runs once at start against a
 * recording response and one hook then sets what it recorded. @fastify/helmet, used before, ran
 * `helmet(options)` on every request, which parses the CSP directives anew each time (about 5 %
 * of a one-query route's CPU under load: docs/PERFORMANCE.md, "The cost every request shares").
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { FastifyInstance } from "fastify";
import helmet, { type HelmetOptions } from "helmet";

export function registerSecurityHeaders(app: FastifyInstance, options: HelmetOptions): void {
  const headers = Object.entries(helmetHeaders(options));
  app.addHook("onRequest", (_request, reply, done) => {
    // On the raw response, as helmet does, so that a route writing its answer itself keeps them.
    for (const [name, value] of headers) reply.raw.setHeader(name, value);
    done();
  });
}

/** The headers helmet's middleware sets for these options, as it would set them on a response. */
export function helmetHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers[name] = String(value);
    },
    removeHeader(name: string) {
      delete headers[name];
    },
  };
  let failure: unknown = null;
  helmet(options)({} as IncomingMessage, recorder as unknown as ServerResponse, (error?: unknown) => {
    failure = error ?? null;
  });
  if (failure) throw failure;
  return headers;
}
