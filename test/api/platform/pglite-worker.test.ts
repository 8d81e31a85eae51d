/**
 * The embedded database in its worker thread (src/db/pglite-remote.ts): while the worker runs a
 * long statement the server's event loop stays free; one mutex keeps other statements out of an
 * open transaction; errors keep their fields; a dead worker fails every call instead of hanging.
 * Orderings, not timings. PGlite only (on PostgreSQL there is no worker).
 */
import { readFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openDatabase, rowsOf } from "../../../src/db/client";
import { PgliteRemote } from "../../../src/db/pglite-remote";
import { isUniqueViolation } from "../../../src/db/sql-text";
import { startTestApp, type TestApp } from "../../support/app";

const pglite = process.env.TEST_ENGINE !== "postgres";
let t: TestApp;

beforeAll(async () => {
  if (pglite) t = await startTestApp();
});
afterAll(() => t?.close());

describe.skipIf(!pglite)("PGlite in a worker thread", () => {
  it("the database is the worker's", () => {
    expect(t.database.pglite).toBeInstanceOf(PgliteRemote);
  });

  it("answers a timer and an HTTP request while a long statement runs", async () => {
    await t.app.listen({ port: 0, host: "127.0.0.1" });
    const { port } = t.app.server.address() as AddressInfo;
    const order: string[] = [];
    const slow = t.db.execute(sql`SELECT pg_sleep(0.5)`).then(() => order.push("statement"));
    const immediate = new Promise<void>((resolve) => setImmediate(resolve)).then(() =>
      order.push("setImmediate"),
    );
    const ping = fetch(`http://127.0.0.1:${port}/api/ping`)
      .then((response) => response.json())
      .then((body) => order.push(`ping ${JSON.stringify(body)}`));
    await Promise.all([slow, immediate, ping]);
    expect(order).toEqual(["setImmediate", 'ping {"pong":true}', "statement"]);
  });

  it("keeps another statement out of an open transaction", async () => {
    await t.db.execute(sql`CREATE TABLE worker_probe (n int)`);
    const order: string[] = [];
    let proceed = () => {};
    const held = new Promise<void>((resolve) => {
      proceed = resolve;
    });
    let inside = () => {};
    const entered = new Promise<void>((resolve) => {
      inside = resolve;
    });
    const transaction = t.db.transaction(async (tx) => {
      await tx.execute(sql`INSERT INTO worker_probe VALUES (1)`);
      inside();
      await held; // the callback waits on the main thread, the transaction open
      await tx.execute(sql`INSERT INTO worker_probe VALUES (2)`);
      order.push("commit");
    });
    await entered;
    const outside = t.db.execute(sql`SELECT count(*)::int AS n FROM worker_probe`).then((result) => {
      order.push("outside");
      return rowsOf<{ n: number }>(result)[0]?.n;
    });
    await new Promise((resolve) => setImmediate(resolve));
    proceed();
    await transaction;
    // Had it run inside, it would have counted the first row only.
    expect(await outside).toBe(2);
    expect(order).toEqual(["commit", "outside"]);
  });

  it("rolls back when the callback throws, and the database goes on", async () => {
    await expect(
      t.db.transaction(async (tx) => {
        await tx.execute(sql`INSERT INTO worker_probe VALUES (3)`);
        throw new Error("changed my mind");
      }),
    ).rejects.toThrow("changed my mind");
    const result = await t.db.execute(sql`SELECT count(*)::int AS n FROM worker_probe WHERE n = 3`);
    expect(rowsOf<{ n: number }>(result)[0]?.n).toBe(0);
  });

  it("hands back a database error with its fields", async () => {
    await t.db.execute(sql`CREATE TABLE worker_unique (k text CONSTRAINT worker_unique_k UNIQUE)`);
    await t.db.execute(sql`INSERT INTO worker_unique VALUES ('a')`);
    const error = await t.db.execute(sql`INSERT INTO worker_unique VALUES ('a')`).catch((e: unknown) => e);
    expect(isUniqueViolation(error)).toBe(true);
    const cause = (error as { cause: Record<string, unknown> }).cause;
    expect(cause).toBeInstanceOf(Error);
    expect(cause).toMatchObject({ code: "23505", constraint: "worker_unique_k", table: "worker_unique" });
    expect(cause.detail).toContain("(k)=(a)");
  });

  it("delivers a notice before the statement that committed it resolves", async () => {
    const order: string[] = [];
    const unlisten = await t.database.pglite?.listen("worker_channel", (payload) =>
      order.push(`notice ${payload}`),
    );
    await t.db.execute(sql`SELECT pg_notify('worker_channel', 'hello')`).then(() => order.push("statement"));
    await unlisten?.();
    expect(order).toEqual(["notice hello", "statement"]);
  });

  it("fails every call once the worker is gone, and says so", async () => {
    const exits: Error[] = [];
    const loadDataDir = new Uint8Array(await readFile(inject("pgliteTemplate")));
    const database = await openDatabase({
      databaseUrl: null,
      embedded: { memory: true, loadDataDir },
      onEmbeddedExit: (error) => exits.push(error),
    });
    const remote = database.pglite as PgliteRemote;
    // Drizzle wraps what the driver threw ("Failed query: ..."), the worker's error as its cause.
    const failure = (query: Promise<unknown>) =>
      query.then(
        () => "answered",
        (error: Error) => (error.cause as Error | undefined)?.message ?? error.message,
      );
    const waiting = failure(database.db.execute(sql`SELECT pg_sleep(1)`));
    const queued = failure(database.db.execute(sql`SELECT 1`));
    await remote.stopWorker();
    expect(await waiting).toMatch(/worker stopped/);
    expect(await queued).toMatch(/worker stopped/);
    expect(await failure(database.db.execute(sql`SELECT 1`))).toMatch(/worker stopped/);
    expect(exits.map((e) => e.message)).toEqual([expect.stringMatching(/worker stopped/)]);
    await database.close();
  });
  it("refuses a parameter that cannot cross to the worker, sends nothing, and goes on", async () => {
    const remote = t.database.pglite as PgliteRemote;
    await expect(remote.query("SELECT $1::text AS v", [() => 1])).rejects.toThrow();
    expect((await remote.query<{ v: string }>("SELECT $1::text AS v", ["ok"])).rows).toEqual([{ v: "ok" }]);
  });

  it("closes once when asked twice at the same time (two signals)", async () => {
    const loadDataDir = new Uint8Array(await readFile(inject("pgliteTemplate")));
    const database = await openDatabase({ databaseUrl: null, embedded: { memory: true, loadDataDir } });
    const remote = database.pglite as PgliteRemote;
    await expect(Promise.all([remote.close(), remote.close()])).resolves.toEqual([undefined, undefined]);
    expect(remote.closed).toBe(true);
    await expect(remote.close()).resolves.toBeUndefined();
  });
});
