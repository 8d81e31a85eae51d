/** The demo's stage 4: the first batch's confirmed places are incubating, the member's among them. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../../support/app";
import { memberOrganizationId } from "../recruitment/intake-support";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe("the demo's incubations", () => {
  it("every confirmed place of the first batch incubates in one cohort that began about two months ago", async () => {
    const staff = await t.signIn("staff");
    const list = (await staff.get("/api/incubations?pageSize=200")).json();
    expect(list.total).toBeGreaterThanOrEqual(5);
    const cohorts = (await staff.get("/api/cohorts")).json().items;
    expect(cohorts).toHaveLength(1);
    expect(cohorts[0].name).toMatch(/^\d{4}年第一期$/);
    const days = (Date.now() - Date.parse(cohorts[0].startsOn)) / 86_400_000;
    expect(days).toBeGreaterThan(55);
    expect(cohorts[0].total).toBe(list.total);
    // Started two months ago with no baseline yet: overdue, so the staff's to-do has work.
    const waiting = (await staff.get("/api/incubations/waiting")).json();
    expect(waiting.baselineOverdue.count).toBe(list.total);

    const member = await t.signIn("member");
    const own = await memberOrganizationId(t);
    const mine = (await member.get(`/api/organizations/${own}/incubations`)).json().items;
    expect(mine).toHaveLength(1);
    const page = (await member.get(`/api/incubations/${mine[0].id}`)).json();
    expect(page).toMatchObject({
      status: "active",
      track: "space",
      needsDesk: true,
      origin: "admission",
      actions: [],
    });
    expect(page.responsible).not.toBeNull();
    expect(page.history).toHaveLength(1);
  });
});
