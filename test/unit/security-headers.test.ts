import { describe, expect, it } from "vitest";
import { helmetHeaders } from "../../src/server/plugins/security-headers";

describe("security headers taken once from helmet", () => {
  it("records what helmet's middleware sets, HSTS only when asked", () => {
    const plain = helmetHeaders({ hsts: false });
    expect(plain["X-Content-Type-Options"]).toBe("nosniff");
    expect(plain["Strict-Transport-Security"]).toBeUndefined();
    const secure = helmetHeaders({ hsts: true });
    expect(secure["Strict-Transport-Security"]).toMatch(/^max-age=\d+/);
  });

  it("takes the CSP directives as given", () => {
    const headers = helmetHeaders({
      contentSecurityPolicy: { directives: { "frame-src": ["'self'"], "upgrade-insecure-requests": null } },
    });
    expect(headers["Content-Security-Policy"]).toContain("frame-src 'self'");
    expect(headers["Content-Security-Policy"]).not.toContain("upgrade-insecure-requests");
  });

  it("refuses options helmet refuses, at start", () => {
    expect(() =>
      helmetHeaders({ contentSecurityPolicy: { directives: { "default-src": ["self"] } } }),
    ).toThrow();
  });
});
