/** The hourly sweep removes what no request will read again, and nothing that one still might. */
import { randomUUID } from "node:crypto";
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { phoneCodes, rateLimits, sessions, users } from "../../../src/db/schema";
import { sweep } from "../../../src/server/housekeeping";
import { startTestApp, type TestApp } from "../../support/app";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const HOUR = 3_600_000;
const ago = (ms: number) => new Date(Date.now() - ms);

describe("sweep", () => {
  it("removes day-old rate windows, phone codes and sessions, and keeps recent ones", async () => {
    const tag = randomUUID();
    await t.db.insert(rateLimits).values([
      { key: `old:${tag}`, windowStart: ago(25 * HOUR), count: 3 },
      { key: `fresh:${tag}`, windowStart: ago(2 * HOUR), count: 3 },
    ]);
    const codes = await t.db
      .insert(phoneCodes)
      .values([
        { mobile: "13800000001", purpose: "register", codeHash: "x", expiresAt: ago(25 * HOUR) },
        { mobile: "13800000001", purpose: "register", codeHash: "y", expiresAt: ago(HOUR) },
      ])
      .returning({ id: phoneCodes.id });
    const [staff] = await t.db.select().from(users).where(eq(users.username, "staff"));
    await t.db.insert(sessions).values([
      { id: `old-${tag}`, userId: staff?.id as string, expiresAt: ago(25 * HOUR) },
      // Ran out an hour ago: kept a while, so its cookie still answers "session expired".
      { id: `recent-${tag}`, userId: staff?.id as string, expiresAt: ago(HOUR) },
      // Within its absolute limit, but idle for two days (the idle limit is two hours).
      { id: `idle-${tag}`, userId: staff?.id as string, expiresAt: ago(-HOUR), lastSeenAt: ago(48 * HOUR) },
    ]);

    const removed = await sweep(t.db, { idleMinutes: 120 });
    expect(removed.rateLimits).toBeGreaterThanOrEqual(1);
    expect(removed.phoneCodes).toBeGreaterThanOrEqual(1);
    expect(removed.sessions).toBeGreaterThanOrEqual(1);

    const keys = (await t.db.select().from(rateLimits)).map((r) => r.key);
    expect(keys).toContain(`fresh:${tag}`);
    expect(keys).not.toContain(`old:${tag}`);
    const leftCodes = await t.db
      .select({ id: phoneCodes.id })
      .from(phoneCodes)
      .where(
        inArray(
          phoneCodes.id,
          codes.map((c) => c.id),
        ),
      );
    expect(leftCodes.map((c) => c.id)).toEqual([codes[1]?.id]);
    const leftSessions = (await t.db.select().from(sessions)).map((s) => s.id);
    expect(leftSessions).toContain(`recent-${tag}`);
    expect(leftSessions).not.toContain(`old-${tag}`);
    expect(leftSessions).not.toContain(`idle-${tag}`);

    expect(await sweep(t.db, { idleMinutes: 120 })).toEqual({ rateLimits: 0, phoneCodes: 0, sessions: 0 });
  });
});
