/** The period of the service figures and its month slots (src/domain/services/figures.ts). */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultPeriod, monthsOf, share } from "../../src/domain/services/figures";

describe("the service figures' period", () => {
  it("defaults to twelve calendar months ending today", () => {
    expect(defaultPeriod("2026-12-07")).toEqual({ from: "2026-01-01", to: "2026-12-07" });
    expect(defaultPeriod("2026-03-31")).toEqual({ from: "2025-04-01", to: "2026-03-31" });
    expect(monthsOf("2025-04-01", "2026-03-31")).toHaveLength(12);
  });

  it("lists every month between two days, oldest first, across years", () => {
    expect(monthsOf("2025-11-30", "2026-02-01")).toEqual(["2025-11", "2025-12", "2026-01", "2026-02"]);
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2090 }), fc.integer({ min: 0, max: 120 }), (year, n) => {
        const end = new Date(Date.UTC(year, n, 15)).toISOString().slice(0, 10);
        expect(monthsOf(`${year}-01-01`, end)).toHaveLength(n + 1);
      }),
    );
  });

  it("shares to four decimals, null over nothing", () => {
    expect(share(1, 3)).toBe(0.3333);
    expect(share(0, 0)).toBeNull();
  });
});
