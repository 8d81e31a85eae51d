import type { FastifyInstance } from "fastify";
import { type StatementTally, withStatementTally } from "../../db/statement-count";

/**
 * Counts the SQL statements each request runs and says so in its answer:
 * `Server-Timing: db;desc="3 statements";dur=1.52` (browsers show it in the network panel; the
 * N+1 test and the bench read it). Registered first, so the session lookup counts too. A streamed
 * answer (an export) reports what ran before its first byte.
 */
export function registerServerTiming(app: FastifyInstance): void {
  app.decorateRequest("statementTally", null);
  app.addHook("onRequest", (request, _reply, done) => {
    const tally: StatementTally = { statements: 0, ms: 0 };
    request.statementTally = tally;
    withStatementTally(tally, done);
  });
  // A body is read from the socket's events, outside the context opened above: enter it again.
  app.addHook("preValidation", (request, _reply, done) => {
    if (request.statementTally) withStatementTally(request.statementTally, done);
    else done();
  });
  app.addHook("onSend", (request, reply, payload, done) => {
    const tally = request.statementTally;
    if (tally) {
      const entry = `db;desc="${tally.statements} ${tally.statements === 1 ? "statement" : "statements"}";dur=${tally.ms.toFixed(2)}`;
      const earlier = reply.getHeader("server-timing");
      reply.header("server-timing", earlier ? `${String(earlier)}, ${entry}` : entry);
    }
    done(null, payload);
  });
}

declare module "fastify" {
  interface FastifyRequest {
    /** The statements this request has run so far, with their time. */
    statementTally: StatementTally | null;
  }
}
