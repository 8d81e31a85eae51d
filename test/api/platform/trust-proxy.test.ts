import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "../../../src/db/schema";
import { loadConfig } from "../../../src/server/config";
import { startTestApp, type TestApp } from "../../support/app";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({
    trustProxy: loadConfig({ DATA_DIR: "/tmp/unused", SESSION_SECRET: "x", TRUST_PROXY: "true" }).trustProxy,
  });
});
afterAll(() => t.close());

describe("client addresses behind one proxy", () => {
  it("believes only the address our proxy appended, not one the client wrote", async () => {
    await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      remoteAddress: "127.0.0.1",
      // The client sent "6.6.6.6"; nginx appended the address it really came from.
      headers: { "x-forwarded-for": "6.6.6.6, 203.0.113.7" },
      payload: { username: "proxy-probe", password: "Wrong-pass-2026" },
    });
    const rows = await t.db
      .select({ ip: auditLog.ip })
      .from(auditLog)
      .where(and(eq(auditLog.action, "auth.login_unknown")));
    expect(rows.map((r) => r.ip)).toContain("203.0.113.7");
    expect(rows.map((r) => r.ip)).not.toContain("6.6.6.6");
  });
});
