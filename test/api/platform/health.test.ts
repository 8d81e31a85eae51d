import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../../support/app";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe("health and contract", () => {
  it("answers with the engine under test", async () => {
    const res = await t.anonymous().get("/api/health");
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      status: "ok",
      engine: process.env.TEST_ENGINE,
      version: expect.any(String),
    });
  });

  it("serves the OpenAPI document", async () => {
    const res = await t.anonymous().get("/api/openapi.json");
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.paths["/api/auth/login"].post.operationId).toBe("login");
  });

  it("answers an unknown API route with a JSON 404 in the request's language", async () => {
    const zh = await t.anonymous().get("/api/no-such-thing");
    expect(zh.statusCode).toBe(404);
    expect(zh.json()).toEqual({ code: "route_not_found", message: "接口不存在" });
    const en = await t.anonymous().get("/api/no-such-thing", { "accept-language": "en-US,en;q=0.9" });
    expect(en.json().message).toBe("No such endpoint");
  });

  it("sends security headers", async () => {
    const res = await t.anonymous().get("/api/health");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["content-security-policy"]).toContain("default-src 'self'");
    expect(res.headers["content-security-policy"]).toContain("frame-src 'self'");
    expect(res.headers["content-security-policy"]).not.toContain("upgrade-insecure-requests");
    expect(res.headers["x-frame-options"]).toBe("SAMEORIGIN");
    expect(res.headers["referrer-policy"]).toBe("no-referrer");
    // Not over plain HTTP (COOKIE_SECURE is off here): HSTS would pin a test host to HTTPS.
    expect(res.headers["strict-transport-security"]).toBeUndefined();
    // On every answer, a 404 and a refusal too.
    for (const path of ["/api/no-such-thing", "/api/organizations"]) {
      expect((await t.anonymous().get(path)).headers["x-content-type-options"]).toBe("nosniff");
    }
  });
});
