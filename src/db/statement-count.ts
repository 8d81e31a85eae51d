/**
 * Counts the SQL statements a request runs, and the time they take, in that request's own
 * AsyncLocalStorage context. The server opens a tally per request (plugins/server-timing.ts) and
 * reports it in the `Server-Timing` header; the N+1 test reads that header. Statements run outside
 * a tally (timers, workers, migrations, the bench's loader) are not counted.
 *
 * Both engines are wrapped where Drizzle hands them a statement: PGlite's `query`/`exec`/
 * `transaction` (BEGIN and COMMIT counted as on PostgreSQL), node-postgres's `pool.query` and the
 * `query` of a client checked out for a transaction. The time is from the call to the answer, so
 * it includes waiting for the engine (the embedded database's mutex, a pool connection): what the request waited.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import type { Transaction } from "@electric-sql/pglite";
import type pg from "pg";

export interface StatementTally {
  statements: number;
  ms: number;
}

const tallies = new AsyncLocalStorage<StatementTally>();

let arrivals = 0;
const arrivalOf = new WeakMap<StatementTally, number>();

/** Runs `fn` (and everything it starts) counting its statements into `tally`. */
export function withStatementTally<T>(tally: StatementTally, fn: () => T): T {
  arrivalOf.set(tally, ++arrivals);
  return tallies.run(tally, fn);
}

/**
 * Where a statement queues for the embedded database (pglite-remote.ts): the request it belongs
 * to in order of arrival, so the oldest request in flight is served first; outside a request,
 * the statement's own arrival.
 */
export function queueOrder(): number {
  const tally = tallies.getStore();
  return (tally && arrivalOf.get(tally)) ?? ++arrivals;
}

function record(tally: StatementTally, startedAt: number): void {
  tally.statements += 1;
  tally.ms += performance.now() - startedAt;
}

type Call = (...args: unknown[]) => unknown;

/**
 * Calls `invoke` and records it in `tally` once it has answered, through its promise or its
 * node-style callback (pg's pool calls clients that way). What it returns is passed on untouched.
 */
function timed(tally: StatementTally | undefined, args: unknown[], invoke: Call): unknown {
  if (!tally) return invoke(...args);
  const startedAt = performance.now();
  const callback = args.at(-1);
  if (typeof callback === "function") {
    return invoke(...args.slice(0, -1), (...answer: unknown[]) => {
      record(tally, startedAt);
      return callback(...answer);
    });
  }
  const result = invoke(...args);
  const done = () => record(tally, startedAt);
  if (result && typeof (result as Promise<unknown>).then === "function") {
    (result as Promise<unknown>).then(done, done);
  } else done();
  return result;
}

/**
 * The PGlite client Drizzle is given (pglite-remote.ts): the same database, its statements
 * counted. A proxy rather than patched methods, because the client keeps private state that
 * `this` must reach, and the instance itself (backups, LISTEN) stays as it was.
 */
export function countedPglite<T extends object>(pglite: T): T {
  return new Proxy(pglite, {
    get(target, property) {
      const value = Reflect.get(target, property, target);
      if (typeof value !== "function") return value;
      const method = (value as Call).bind(target);
      if (property === "query" || property === "exec") {
        return (...args: unknown[]) => timed(tallies.getStore(), args, method);
      }
      if (property === "transaction") return countedTransaction(method);
      return method;
    },
  });
}

function countedTransaction(transaction: Call): Call {
  return (work: unknown) => {
    const tally = tallies.getStore();
    if (!tally) return transaction(work);
    let startedAt = performance.now();
    const result = transaction(async (tx: Transaction) => {
      record(tally, startedAt); // BEGIN, and the wait for the engine's lock
      try {
        return await (work as (tx: Transaction) => Promise<unknown>)(countedTx(tx, tally));
      } finally {
        startedAt = performance.now();
      }
    }) as Promise<unknown>;
    const done = () => record(tally, startedAt); // COMMIT or ROLLBACK
    result.then(done, done);
    return result;
  };
}

function countedTx(tx: Transaction, tally: StatementTally): Transaction {
  return {
    ...tx,
    query: ((...args: unknown[]) => timed(tally, args, tx.query as Call)) as Transaction["query"],
    exec: ((...args: unknown[]) => timed(tally, args, tx.exec as Call)) as Transaction["exec"],
    get closed() {
      return tx.closed;
    },
  };
}

const checkedOutBy = new WeakMap<pg.PoolClient, StatementTally>();

/**
 * Counts on a node-postgres pool. `pool.query` is counted where it is called: the pool runs it on
 * a client later, possibly from the callback of another request's release, where the context is
 * that request's. A client checked out with `await pool.connect()` (Drizzle's transactions)
 * counts into the tally of whoever checked it out, until it is released.
 */
export function countStatementsOnPool(pool: pg.Pool): void {
  const query = pool.query.bind(pool) as Call;
  pool.query = ((...args: unknown[]) => timed(tallies.getStore(), args, query)) as typeof pool.query;

  const connect = pool.connect.bind(pool) as Call;
  pool.connect = ((...args: unknown[]) => {
    // The callback form is the pool's own (for pool.query, counted above).
    if (args.length > 0) return connect(...args);
    const tally = tallies.getStore();
    return (connect() as Promise<pg.PoolClient>).then((client) => {
      if (!tally) return client;
      checkedOutBy.set(client, tally);
      const release = client.release;
      client.release = (error?: Error | boolean) => {
        checkedOutBy.delete(client);
        return release(error);
      };
      return client;
    });
  }) as typeof pool.connect;

  pool.on("connect", (client) => {
    const clientQuery = client.query.bind(client) as Call;
    client.query = ((...args: unknown[]) =>
      timed(checkedOutBy.get(client as pg.PoolClient), args, clientQuery)) as typeof client.query;
  });
}
