/**
 * The per-request statement count (src/db/statement-count.ts) in the Server-Timing header: what a
 * request runs is counted in that request, on either engine, transactions included; what runs
 * outside a request is not counted anywhere.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type StatementTally, withStatementTally } from "../../../src/db/statement-count";
import { defaultCallRules } from "../../factories";
import type { Client, TestApp } from "../../support/app";
import { startTestApp } from "../../support/app";

let t: TestApp;
let staff: Client;

beforeAll(async () => {
  t = await startTestApp();
  staff = await t.signIn("staff");
});
afterAll(() => t.close());

function timing(response: { headers: Record<string, unknown> }): { statements: number; ms: number } {
  const header = String(response.headers["server-timing"] ?? "");
  const match = /^db;desc="(\d+) statements?";dur=(\d+(?:\.\d+)?)$/.exec(header);
  if (!match) throw new Error(`unexpected Server-Timing: ${header}`);
  return { statements: Number(match[1]), ms: Number(match[2]) };
}

describe("Server-Timing: the statements of a request", () => {
  it("is 0 for a route that touches no database", async () => {
    expect(timing(await t.anonymous().get("/api/ping")).statements).toBe(0);
  });

  it("counts every statement of a list, with its time", async () => {
    const answer = timing(await staff.get("/api/calls"));
    // The page, its total and the calls' figures (and the session, unless the cache has it).
    expect(answer.statements).toBeGreaterThanOrEqual(3);
    expect(answer.ms).toBeGreaterThan(0);
  });

  it("counts a transaction's BEGIN and COMMIT and what runs inside it, on either engine", async () => {
    const tally: StatementTally = { statements: 0, ms: 0 };
    await withStatementTally(tally, async () => {
      await t.db.execute(sql`SELECT 1`);
      await t.db.transaction(async (tx) => {
        await tx.execute(sql`SELECT 2`);
        await tx.execute(sql`SELECT 3`);
      });
      await t.db
        .transaction(async (tx) => {
          await tx.execute(sql`SELECT 4`);
          throw new Error("rolled back");
        })
        .catch(() => {});
    });
    // 1; BEGIN, 2, 3, COMMIT; BEGIN, 4, ROLLBACK
    expect(tally.statements).toBe(8);
    expect(tally.ms).toBeGreaterThan(0);
  });

  it("does not count statements run outside a request, nor leak them into the next one", async () => {
    const first = timing(await staff.get("/api/notifications/unread-count")).statements;
    for (let i = 0; i < 5; i++) await t.db.execute(sql`SELECT 1`);
    await t.db.transaction(async (tx) => {
      await tx.execute(sql`SELECT 1`);
    });
    const second = timing(await staff.get("/api/notifications/unread-count")).statements;
    expect(second).toBeLessThanOrEqual(first);
  });

  it("is not sent where a count could tell whether an account exists: a public route's POST", async () => {
    const known = await t
      .anonymous()
      .post("/api/auth/login", { username: "member", password: "Wrong-pass-2026" });
    const unknown = await t
      .anonymous()
      .post("/api/auth/login", { username: "nobody", password: "Wrong-pass-2026" });
    expect([known.statusCode, unknown.statusCode]).toEqual([401, 401]);
    expect([known.headers["server-timing"], unknown.headers["server-timing"]]).toEqual([
      undefined,
      undefined,
    ]);
    // Public reads keep it (the portal), and so does a signed-in POST.
    expect(timing(await t.anonymous().get("/api/portal/calls")).statements).toBeGreaterThanOrEqual(1);
    expect(timing(await staff.post("/api/notifications/read-all")).statements).toBeGreaterThanOrEqual(1);
  });

  it("counts what runs after a body is read, over a real socket", async () => {
    // inject() hands Fastify the body at once; a socket delivers a large one in several events
    // (Fastify reads them in the request's context, so the tally follows).
    const address = await t.app.listen({ host: "127.0.0.1", port: 0 });
    const cookie = Object.entries(staff.cookies)
      .map(([name, value]) => `${name}=${value}`)
      .join("; ");
    const response = await fetch(`${address}/api/calls`, {
      method: "POST",
      headers: { cookie, "x-csrf-token": staff.csrfToken as string, "content-type": "application/json" },
      body: JSON.stringify({
        title: "计时测试招募",
        description: "",
        rules: defaultCallRules(),
        padding: "x".repeat(400_000),
      }),
    });
    expect(response.status).toBe(201);
    // BEGIN, the call, its audit entry, COMMIT (and the session, unless the cache has it).
    expect(
      timing({ headers: { "server-timing": response.headers.get("server-timing") } }).statements,
    ).toBeGreaterThanOrEqual(5);
  });

  it("keeps concurrent requests apart", async () => {
    const alone = timing(await staff.get("/api/calls")).statements;
    const ping = timing(await staff.get("/api/ping")).statements;
    const together = await Promise.all(
      Array.from({ length: 6 }, (_, i) => staff.get(i % 2 ? "/api/calls" : "/api/ping")),
    );
    together.forEach((response, i) => {
      expect(timing(response).statements).toBeLessThanOrEqual(i % 2 ? alone : ping);
    });
  });
});
