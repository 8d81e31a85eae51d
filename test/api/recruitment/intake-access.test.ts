/** Who may call the verdict routes: staff and admins decide; the applicant's side reaches only the thread. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { make } from "../../factories";
import { startTestApp, type TestApp } from "../../support/app";
import { applicationIn, memberOrganizationId } from "./intake-support";

let t: TestApp;
let own: string;
let other: string;
let callId: string;

beforeAll(async () => {
  t = await startTestApp();
  const call = await make(t).call();
  callId = call.id;
  own = (
    await applicationIn(t, "submitted", { callId: call.id, organizationId: await memberOrganizationId(t) })
  ).id;
  other = (await applicationIn(t, "submitted", { callId: call.id })).id;
});
afterAll(() => t.close());

const ROLES = ["admin", "staff", "expert", "mentor", "member", "viewer", "liaison", "partner"] as const;
type Role = (typeof ROLES)[number];

/** Staff-only routes: 403 for every other role before any record is looked up. */
const STAFF_ONLY: [string, string, unknown?][] = [
  ["GET", "/api/applications"],
  ["GET", "/api/applications/export.xlsx?callId=:call"],
  ["GET", "/api/applications/waiting"],
  ["POST", "/api/applications/bulk", { ids: ["00000000-0000-4000-8000-000000000000"], action: "accept" }],
  ["POST", "/api/applications/:id/accept", { version: 1 }],
  ["POST", "/api/applications/:id/return", { version: 1, reason: "补充" }],
  ["POST", "/api/applications/:id/ineligible", { version: 1, reason: "不符合" }],
  ["POST", "/api/applications/:id/extend", { version: 1, until: "2099-01-01T00:00:00Z" }],
  ["PUT", "/api/applications/:id/intake/plan", { status: "ok" }],
];

describe("verdict routes by role", () => {
  it("refuses everyone but staff and admins (401 anonymous)", async () => {
    for (const [method, path, body] of STAFF_ONLY) {
      const url = path.replace(":id", other).replace(":call", callId);
      expect((await t.anonymous().request({ method, url, payload: body as string })).statusCode, url).toBe(
        401,
      );
      for (const role of ROLES.filter((r) => r !== "admin" && r !== "staff")) {
        const client = await t.signIn(role);
        const res = await client.request({ method, url, payload: body as string });
        expect(res.statusCode, `${role} ${method} ${url}`).toBe(403);
      }
      // Staff get through the policy (what the body then does is tested elsewhere).
      const staff = await t.signIn("staff");
      expect([200, 409], `staff ${method} ${url}`).toContain(
        (await staff.request({ method, url, payload: body as string })).statusCode,
      );
    }
  });

  it("opens the thread to staff and the applicant's own members only", async () => {
    const expected: Record<Role, [number, number]> = {
      admin: [200, 200],
      staff: [200, 200],
      member: [200, 404],
      expert: [403, 403],
      mentor: [403, 403],
      viewer: [403, 403],
      liaison: [403, 403],
      partner: [403, 403],
    };
    for (const role of ROLES) {
      const client = await t.signIn(role);
      const [mine, theirs] = expected[role];
      for (const [id, status] of [
        [own, mine],
        [other, theirs],
      ] as const) {
        expect((await client.get(`/api/applications/${id}/messages`)).statusCode, `${role} GET`).toBe(status);
        const posted = await client.post(`/api/applications/${id}/messages`, { body: "你好" });
        expect(posted.statusCode, `${role} POST`).toBe(status === 200 ? 201 : status);
        const read = await client.post(`/api/applications/${id}/messages/read`, {});
        expect(read.statusCode, `${role} read`).toBe(status);
      }
    }
    expect((await t.anonymous().get(`/api/applications/${own}/messages`)).statusCode).toBe(401);
  });
});
