/**
 * The demo's mentor programme (src/db/seed/mentoring.ts) leaves work on each home: the `mentor`
 * account's three organizations (one quiet for over 30 days, an action item overdue), the
 * member's session to confirm, the staff's incubations without a mentor; the ledger has it all.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serviceDeliveries } from "../../../src/db/schema";
import { startTestApp, type TestApp } from "../../support/app";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe("the demo mentor programme", () => {
  it("gives the mentor, the member and staff real work", async () => {
    const mentor = await t.signIn("mentor");
    const home = (await mentor.get("/api/mentoring/home")).json();
    expect(home.organizations).toHaveLength(3);
    expect(home.organizations.filter((o: { sessionDue: boolean }) => o.sessionDue)).toHaveLength(1);
    expect(home.dueActions.some((a: { overdue: boolean }) => a.overdue)).toBe(true);
    const member = await t.signIn("member");
    const toAnswer = (await member.get("/api/mentoring/to-answer")).json();
    expect(toAnswer.items.length, JSON.stringify(home.organizations)).toBeGreaterThanOrEqual(1);
    expect(toAnswer.items[0].mentorName).toBe("陈思远");
    const staff = await t.signIn("staff");
    expect((await staff.get("/api/mentoring/waiting")).json().withoutMentor).toBeGreaterThanOrEqual(1);
    const mentors = (await staff.get("/api/mentors")).json().items;
    expect(mentors.length).toBeGreaterThanOrEqual(5);
    const ledger = await t.db.select().from(serviceDeliveries).where(eq(serviceDeliveries.kind, "mentoring"));
    expect(ledger.length).toBeGreaterThan(10);
    expect(ledger.some((d) => d.rating !== null)).toBe(true);
  });
});
