/**
 * What is due in the first month of an incubation, beside the baseline: a plan not agreed once
 * the baseline is due, and an agreed plan's actions past their day. The list filters on both and
 * the staff home's to-do counts them; agreeing the plan or closing the action clears them.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "../../../src/domain/incubation/lifecycle";
import { shanghaiDate } from "../../../src/domain/shanghai-time";
import { make } from "../../factories";
import { type Client, startTestApp, type TestApp } from "../../support/app";
import { agreedPlan, incubationOf, planBody } from "./plan-support";

let t: TestApp;
let staff: Client;
const today = shanghaiDate(new Date());

beforeAll(async () => {
  t = await startTestApp();
  staff = await t.signIn("staff");
});
afterAll(() => t.close());

const listed = async (due: string) =>
  (await staff.get(`/api/incubations?due=${due}&pageSize=200`)).json().items.map((i: { id: string }) => i.id);
const waiting = async () => (await staff.get("/api/incubations/waiting")).json();

describe("plans and actions due", () => {
  it("lists a plan not agreed once the baseline days have passed, and not after it is agreed", async () => {
    const early = await incubationOf(t, (await make(t).organization()).id, {
      startOn: addDays(today, -5),
      plannedEndOn: addDays(today, 360),
    });
    const late = await incubationOf(t, (await make(t).organization()).id, {
      startOn: addDays(today, -40),
      plannedEndOn: addDays(today, 325),
    });
    expect(await listed("plan")).toContain(late.id);
    expect(await listed("plan")).not.toContain(early.id);
    const before = await waiting();
    expect(before.planNotAgreed.count).toBe((await listed("plan")).length);

    // Agreed by staff on the organization's behalf, with an action already ten days late.
    const plan = await agreedPlan(staff, staff, late.id, planBody(0, addDays(today, -10)));
    expect(await listed("plan")).not.toContain(late.id);
    expect((await waiting()).planNotAgreed.count).toBe(before.planNotAgreed.count - 1);

    expect(await listed("actions")).toContain(late.id);
    const after = await waiting();
    expect(after.actionsOverdue.count).toBe((await listed("actions")).length);
    // The card shows the first few (the demo's mentors leave action items late too): each is listed.
    const shown = after.actionsOverdue.items.map((i: { id: string }) => i.id);
    expect(shown.length).toBeGreaterThan(0);
    for (const id of shown) expect(await listed("actions")).toContain(id);

    const action = plan.plan.goals[0].actions.find(
      (a: { ownerSide: string }) => a.ownerSide === "organization",
    );
    const done = await staff.patch(`/api/incubations/${late.id}/plan/actions/${action.id}`, {
      status: "done",
      note: "制度已印发",
      version: action.version,
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(await listed("actions")).not.toContain(late.id);
  });

  it("refuses a due filter it does not know", async () => {
    const res = await staff.get("/api/incubations?due=someday");
    expect(res.statusCode).toBe(400);
    expect(res.json().field).toBe("due");
  });
});
