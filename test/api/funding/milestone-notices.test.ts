/**
 * Overdue milestones reach the bell: the job tells the base's staff and the grantee's members
 * once, the day after the due day, of a running grant's open milestone only.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { grantMilestones, notifications, users } from "../../../src/db/schema";
import { noticeOverdueMilestones } from "../../../src/server/areas/funding/grants/milestone-notices";
import { make } from "../../factories";
import { startTestApp, type TestApp } from "../../support/app";
import { fund, grant, project } from "./support";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

/** The bell's funding_milestone notices that link to `grantId`, with their recipients' roles. */
async function noticesOf(grantId: string) {
  return t.db
    .select({ userId: notifications.userId, roles: users.roles, params: notifications.params })
    .from(notifications)
    .innerJoin(users, eq(users.id, notifications.userId))
    .where(
      and(eq(notifications.kind, "funding_milestone"), eq(notifications.link, `/funding/grants/${grantId}`)),
    );
}

describe("overdue milestones", () => {
  it("reach staff and the grantee once, after the due day, for a running grant's open milestone", async () => {
    const org = await make(t).organization();
    const member = await make(t).user({ roles: ["org_member"], organizationId: org.id });
    const running = await grant(t, await project(t, org.id), await fund(t), { status: "active" });
    const proposed = await grant(t, await project(t, (await make(t).organization()).id), await fund(t));
    // The factory's milestone is due 2027-06-30.
    await noticeOverdueMilestones(t.db, "2027-06-30");
    expect(await noticesOf(running.id)).toEqual([]);

    await noticeOverdueMilestones(t.db, "2027-07-01");
    const first = await noticesOf(running.id);
    expect(first.some((n) => n.userId === member.id)).toBe(true);
    expect(first.some((n) => n.roles.includes("staff"))).toBe(true);
    expect(
      first.every((n) => n.roles.some((r) => r === "staff" || r === "admin") || n.userId === member.id),
    ).toBe(true);
    expect(first[0]?.params).toMatchObject({ title: "建成第一个助餐点", dueOn: "2027-06-30" });
    // A proposed grant's milestone is not yet anyone's to meet.
    expect(await noticesOf(proposed.id)).toEqual([]);

    // Once only.
    await noticeOverdueMilestones(t.db, "2027-07-02");
    expect(await noticesOf(running.id)).toHaveLength(first.length);
  });

  it("leaves a milestone marked met alone", async () => {
    const org = await make(t).organization();
    const g = await grant(t, await project(t, org.id), await fund(t), { status: "active" });
    await t.db
      .update(grantMilestones)
      .set({ status: "met", metOn: "2027-06-20" })
      .where(eq(grantMilestones.grantId, g.id));
    await noticeOverdueMilestones(t.db, "2027-07-01");
    expect(await noticesOf(g.id)).toEqual([]);
  });
});
