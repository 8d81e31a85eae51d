/**
 * The same journey through nginx in front of two app instances (scripts/scale-out.sh start):
 * consecutive requests go to different instances, and the instances agree, because everything
 * they share lives in PostgreSQL (sessions, rate limits, idempotency keys, outboxes). The figures
 * are read on the streaming replica. Runs only with SCALE_OUT_URL set (`.ci/run` stage topology).
 */
import { eq, sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../src/db/client";
import * as schema from "../../src/db/schema";
import { applicationSubmissions, emailOutbox, notifications } from "../../src/db/schema";
import { firstBaseId } from "../../src/db/seed/demo";
import { completeDraft, newKey } from "../api/recruitment/applications-support";
import { FACTORY_PASSWORD, make } from "../factories";
import { httpClient } from "./http-client";

const env = process.env;
const URL_ = env.SCALE_OUT_URL ?? "http://127.0.0.1:28080";
// The test reads and prepares rows on the primary directly, and watches the replica.
const PRIMARY_URL = env.SCALE_OUT_PRIMARY_URL ?? "postgres://postgres@127.0.0.1:25432/hatchery";
const REPLICA_URL = env.SCALE_OUT_REPLICA_URL ?? "postgres://postgres@127.0.0.1:25433/hatchery";
const PGBOUNCER_CONSOLE_URL = env.SCALE_OUT_PGBOUNCER_URL ?? "postgres://postgres@127.0.0.1:26432/pgbouncer";

let pool: pg.Pool;
let replica: pg.Client;
let db: Db;
let baseId: string;

beforeAll(async () => {
  pool = new pg.Pool({ connectionString: PRIMARY_URL, max: 2 });
  db = drizzle(pool, { schema }) as unknown as Db;
  replica = new pg.Client({ connectionString: REPLICA_URL });
  await replica.connect();
  baseId = (await firstBaseId(db)) as string;
  // This run's failed sign-ins from 127.0.0.1 only: reruns within 15 minutes must not add up to
  // the per-address limit (nginx passes the real address, which is this machine's every time).
  await db.execute(sql`DELETE FROM rate_limits WHERE key = 'login-fail:127.0.0.1'`);
});
afterAll(async () => {
  await replica?.end();
  await pool?.end();
});

/** Two requests in a row: their answers, and a check that two instances gave them. */
async function onBoth(send: () => Promise<Response>): Promise<[Response, Response]> {
  const first = await send();
  const second = await send();
  const upstreams = [first, second].map((r) => r.headers.get("x-upstream"));
  expect(upstreams[0]).toBeTruthy();
  expect(upstreams[1]).toBeTruthy();
  expect(upstreams[0]).not.toBe(upstreams[1]);
  return [first, second];
}

describe("two instances behind nginx", () => {
  it("alternate: consecutive requests are answered by different instances", async () => {
    const anon = httpClient(URL_);
    const seen = [];
    for (let i = 0; i < 4; i++) seen.push((await anon.get("/api/health")).headers.get("x-upstream"));
    expect(new Set(seen).size).toBe(2);
    expect(seen[0]).not.toBe(seen[1]);
    expect(seen[1]).not.toBe(seen[2]);
  });

  it("a session made through one instance works on the other; sign-out ends it on both", async () => {
    const staff = httpClient(URL_);
    expect((await staff.signIn("staff")).status).toBe(200);
    const [a, b] = await onBoth(() => staff.get("/api/auth/me"));
    expect([a.status, b.status]).toEqual([200, 200]);
    expect((await b.json()).user.username).toBe("staff");
    const kept = { ...staff.cookies };
    expect((await staff.post("/api/auth/logout")).status).toBe(200);
    // The cookie the browser dropped, sent anyway: the session row is gone for both instances.
    const stale = httpClient(URL_, kept);
    const [c, d] = await onBoth(() => stale.get("/api/auth/me"));
    expect([c.status, d.status]).toEqual([401, 401]);
  });

  it("counts wrong passwords across instances: the fifth locks the account on both", async () => {
    const user = await make({ db, baseId }).user({ roles: ["staff"] });
    const anon = httpClient(URL_);
    const answers: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await anon.post("/api/auth/login", {
        username: user.username,
        password: "wrong-password-1",
      });
      answers.push(`${res.status} ${(await res.json()).code}`);
    }
    expect(answers).toEqual([
      ...Array(4).fill("401 invalid_credentials"),
      expect.stringMatching(/^4\d\d account_locked$/),
    ]);
    const [e, f] = await onBoth(() =>
      anon.post("/api/auth/login", { username: user.username, password: FACTORY_PASSWORD }),
    );
    expect([(await e.json()).code, (await f.json()).code]).toEqual(["account_locked", "account_locked"]);
  });

  it("a submit replayed on the other instance lands once, and its notice is emailed once", async () => {
    // A staff member with an email address: the submit's notice to staff reaches this inbox.
    const address = `topology-${Date.now()}@example.org`;
    const watcher = await make({ db, baseId }).user({ roles: ["staff"], email: address });
    const organization = await make({ db, baseId }).organization();
    const memberUser = await make({ db, baseId }).user({
      roles: ["org_member"],
      organizationId: organization.id,
    });
    const call = await make({ db, baseId }).call();
    const member = httpClient(URL_);
    expect((await member.signIn(memberUser.username, FACTORY_PASSWORD)).status).toBe(200);
    const draft = await completeDraft(member.asTestClient(), call.id);
    expect(draft.problems).toEqual([]);

    const key = newKey();
    const [first, again] = await onBoth(() =>
      member.post(
        `/api/applications/${draft.id}/submit`,
        { version: draft.version },
        { "idempotency-key": key },
      ),
    );
    expect([first.status, again.status]).toEqual([200, 200]);
    expect(await again.json()).toEqual(await first.json());
    const submissions = await db
      .select()
      .from(applicationSubmissions)
      .where(eq(applicationSubmissions.applicationId, draft.id));
    expect(submissions).toHaveLength(1);
    const bell = await db.select().from(notifications).where(eq(notifications.userId, watcher.id));
    expect(bell).toHaveLength(1);

    // Both instances poll the outbox; the row is claimed by one (SKIP LOCKED) and sent once.
    let rows: (typeof emailOutbox.$inferSelect)[] = [];
    for (let i = 0; i < 60; i++) {
      rows = await db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, address));
      if (rows.length > 0 && rows.every((r) => r.status !== "pending")) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(rows.map((r) => ({ status: r.status, attempts: r.attempts }))).toEqual([
      { status: "sent", attempts: 1 },
    ]);
  });

  it("reach the primary through PgBouncer in transaction mode", async () => {
    const staff = httpClient(URL_);
    expect((await staff.signIn("staff")).status).toBe(200);
    await onBoth(() => staff.get("/api/auth/me"));
    // The console speaks the simple query protocol only: pg sends a query without parameters so.
    const console_ = new pg.Client({ connectionString: PGBOUNCER_CONSOLE_URL });
    await console_.connect();
    try {
      const pools = (await console_.query("SHOW POOLS")).rows.filter((r) => r.database === "hatchery");
      expect(pools.map((r) => r.pool_mode)).toEqual(["transaction"]);
      // The instances' pools are PgBouncer's clients (idle ones stay connected for 10 s).
      const clients = (await console_.query("SHOW CLIENTS")).rows.filter((r) => r.database === "hatchery");
      expect(clients.length).toBeGreaterThanOrEqual(2);
    } finally {
      await console_.end();
    }
  });

  it("serves the figures from the streaming replica", async () => {
    const [{ in_recovery: inRecovery }] = (await replica.query("SELECT pg_is_in_recovery() AS in_recovery"))
      .rows;
    expect(inRecovery).toBe(true);
    const since = (await replica.query("SELECT clock_timestamp() AS t")).rows[0].t as Date;
    // Client backends of the app's read pools on the replica that ran a query since `since`.
    const readsSince = async () =>
      Number(
        (
          await replica.query(
            `SELECT count(*) AS n FROM pg_stat_activity
              WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()
                AND datname = current_database() AND query_start >= $1`,
            [since],
          )
        ).rows[0].n,
      );
    expect(await readsSince()).toBe(0);
    const viewer = httpClient(URL_);
    expect((await viewer.signIn("viewer")).status).toBe(200);
    const [a, b] = await onBoth(() => viewer.get("/api/stats/recruitment"));
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(await b.json()).toEqual(await a.json());
    expect(await readsSince()).toBeGreaterThan(0);
  });
});
