import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultCallRules, make } from "../../factories";
import { startTestApp, type TestApp } from "../../support/app";

let t: TestApp;
let callId: string;
let draftId: string;

beforeAll(async () => {
  t = await startTestApp();
  callId = (await make(t).call()).id;
  draftId = (await make(t).call({ status: "draft", revision: 0 })).id;
});
afterAll(() => t.close());

const body = () => ({ title: "权限测试招募", description: "", rules: defaultCallRules() });
const ROLES = ["admin", "staff", "expert", "mentor", "member", "viewer", "liaison", "partner"] as const;

/** Each staff route: signed-in staff/admin get through to the service; anyone else 403; nobody signed in 401. */
const routes = () => [
  { method: "GET", url: "/api/calls", ok: 200 },
  { method: "POST", url: "/api/calls", body: body(), ok: 201 },
  { method: "GET", url: `/api/calls/${callId}`, ok: 200 },
  // Same version every time: the first editor wins, the second sees 409; both got past the policy.
  { method: "PATCH", url: `/api/calls/${draftId}`, body: { ...body(), version: 1 }, ok: [200, 409] },
  { method: "POST", url: `/api/calls/${draftId}/publish`, body: { version: 99 }, ok: [409] },
  { method: "POST", url: `/api/calls/${callId}/close`, body: { version: 99 }, ok: [409] },
];

describe("calls: who may do what", () => {
  for (const role of ROLES) {
    it(`${role}`, async () => {
      const client = await t.signIn(role);
      for (const route of routes()) {
        const response = await client.request({ method: route.method, url: route.url, payload: route.body });
        const allowed = role === "admin" || role === "staff";
        const expected = allowed ? [route.ok].flat() : [403];
        expect(expected, `${role} ${route.method} ${route.url}: ${response.body}`).toContain(
          response.statusCode,
        );
      }
    });
  }

  it("anonymous: 401 on every staff route, 200 on the portal", async () => {
    const anonymous = t.anonymous();
    for (const route of routes()) {
      const response = await anonymous.request({ method: route.method, url: route.url, payload: route.body });
      expect(response.statusCode, `${route.method} ${route.url}`).toBe(401);
    }
    expect((await anonymous.get("/api/portal/calls")).statusCode).toBe(200);
    expect((await anonymous.get(`/api/portal/calls/${callId}`)).statusCode).toBe(200);
  });

  it("another base's call is 404 for staff", async () => {
    const { bases, calls } = await import("../../../src/db/schema");
    const [other] = await t.db
      .insert(bases)
      .values({ code: "other", name: "另一基地", district: "别处" })
      .returning();
    const [foreign] = await t.db
      .insert(calls)
      .values({
        baseId: other?.id ?? "",
        title: "别的基地的招募",
        rules: defaultCallRules(),
        opensAt: new Date(),
        closesAt: new Date(Date.now() + 86_400_000),
      })
      .returning();
    const staff = await t.signIn("staff");
    expect((await staff.get(`/api/calls/${foreign?.id}`)).statusCode).toBe(404);
    expect((await staff.get("/api/calls?q=别的基地")).json().total).toBe(0);
  });
});
