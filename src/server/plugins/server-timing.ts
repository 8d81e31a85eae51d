import type { FastifyInstance, FastifyRequest } from "fastify";
import { type StatementTally, withStatementTally } from "../../db/statement-count";

/**
 * Counts the SQL statements each request runs and says so in its answer:
 * `Server-Timing: db;desc="3 statements";dur=1.52` (browsers show it in the network panel; the
 * N+1 test and the bench read it). Registered first, so the session lookup counts too. A streamed
 * answer (an export) reports what ran before its first byte. Not on a public route's POST (below).
 */
export function registerServerTiming(app: FastifyInstance): void {
  app.decorateRequest("statementTally", null);
  app.addHook("onRequest", (request, _reply, done) => {
    const tally: StatementTally = { statements: 0, ms: 0 };
    request.statementTally = tally;
    withStatementTally(tally, done);
  });
  app.addHook("onSend", (request, reply, payload, done) => {
    const tally = request.statementTally;
    if (tally && !takesCredentialsFromAnyone(request)) {
      const entry = `db;desc="${tally.statements} ${tally.statements === 1 ? "statement" : "statements"}";dur=${tally.ms.toFixed(2)}`;
      const earlier = reply.getHeader("server-timing");
      reply.header("server-timing", earlier ? `${String(earlier)}, ${entry}` : entry);
    }
    done(null, payload);
  });
}

/**
 * A public route's POST (sign-in, password reset, registration, an invitation's or a sign-in
 * link's redemption) answers anyone the same whether an account exists; its statement count
 * would not (sign-in reads a known account's failures, an unknown name has none). No header there.
 */
function takesCredentialsFromAnyone(request: FastifyRequest): boolean {
  return request.routeOptions.config?.public === true && !SAFE_METHODS.has(request.method);
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

declare module "fastify" {
  interface FastifyRequest {
    /** The statements this request has run so far, with their time. */
    statementTally: StatementTally | null;
  }
}
