/**
 * The demo's service desk (src/db/seed/services.ts): each account finds real work on its home —
 * the partner its foundation's open requests, the mentor theirs, the member a request in progress
 * and one to rate, staff the overdue ones — and the ledger holds what was delivered.
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

describe("the demo's service desk", () => {
  it("gives the partner, the mentor, the member and staff work to do", async () => {
    const partner = await t.signIn("partner");
    const partnerWork = (await partner.get("/api/services/waiting")).json();
    expect(partnerWork.items.length).toBeGreaterThanOrEqual(3);
    expect(new Set(partnerWork.items.map((r: { handlerName: string }) => r.handlerName))).toEqual(
      new Set(["北京京北公益基金会"]),
    );
    // And its history: closed requests, some rated by the organizations served.
    const done = (await partner.get("/api/services/requests?status=done&pageSize=50")).json().items;
    expect(done.length).toBeGreaterThanOrEqual(3);
    expect(done.filter((r: { rating: number | null }) => r.rating !== null).length).toBeGreaterThanOrEqual(2);
    const open = partnerWork.items.find((r: { status: string }) => r.status === "scheduled");
    const detail = (await partner.get(`/api/services/requests/${open.id}`)).json();
    expect(detail.may.events).toContain("close");

    const mentor = await t.signIn("mentor");
    expect((await mentor.get("/api/services/waiting")).json().items.length).toBeGreaterThanOrEqual(2);

    const member = await t.signIn("member");
    const mine = (await member.get("/api/services/requests")).json().items;
    expect(mine.some((r: { status: string }) => r.status === "scheduled")).toBe(true);
    const toRate = mine.filter(
      (r: { status: string; rating: number | null }) => r.status === "done" && r.rating === null,
    );
    expect(toRate.length).toBeGreaterThanOrEqual(1);
    expect((await member.get("/api/services/catalogue")).json().items.length).toBeGreaterThanOrEqual(8);

    const staff = await t.signIn("staff");
    const waiting = (await staff.get("/api/services/waiting")).json();
    expect(waiting.overdue).toBeGreaterThanOrEqual(2);
    const ledger = await t.db.select().from(serviceDeliveries).where(eq(serviceDeliveries.kind, "service"));
    expect(ledger.length).toBeGreaterThanOrEqual(30);
    expect(ledger.some((r) => r.residency === "virtual")).toBe(true);
    expect(ledger.some((r) => r.rating !== null)).toBe(true);
  });
});
