import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addDays,
  addMonths,
  daysBetween,
  middleDay,
  periodsOverlap,
  planReports,
  SCHEDULE_FREQUENCIES,
} from "../../src/domain/funding/schedule";

const day = fc
  .integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 11, 31) })
  .map((ms) => new Date(ms).toISOString().slice(0, 10));
const grant = fc
  .tuple(day, fc.integer({ min: 0, max: 1200 }))
  .map(([start, length]) => ({ start, end: addDays(start, length) }));

describe("the report schedule", () => {
  it("tiles the grant: the first starts on its first day, each next the day after, the last ends on its last", () => {
    fc.assert(
      fc.property(
        grant,
        fc.constantFrom(...SCHEDULE_FREQUENCIES),
        fc.integer({ min: 0, max: 60 }),
        (g, f, after) => {
          const plan = planReports(g.start, g.end, f, after);
          expect(plan[0]?.periodStart).toBe(g.start);
          expect(plan.at(-1)?.periodEnd).toBe(g.end);
          for (const [i, r] of plan.entries()) {
            expect(r.periodEnd >= r.periodStart).toBe(true);
            expect(r.dueOn).toBe(addDays(r.periodEnd, after));
            expect(r.dueOn >= r.periodEnd).toBe(true);
            const next = plan[i + 1];
            if (next) {
              expect(next.periodStart).toBe(addDays(r.periodEnd, 1));
              expect(periodsOverlap(r, next)).toBe(false);
            }
          }
        },
      ),
    );
  });

  it("has one final report, and one mid-term evaluation before it, ending nearest the middle day, when the grant lasts two days or more", () => {
    fc.assert(
      fc.property(grant, fc.constantFrom(...SCHEDULE_FREQUENCIES), (g, f) => {
        const plan = planReports(g.start, g.end, f);
        expect(plan.filter((r) => r.kind === "final")).toHaveLength(1);
        expect(plan.at(-1)?.kind).toBe("final");
        const midterms = plan.filter((r) => r.kind === "midterm");
        if (g.end === g.start) {
          expect(midterms).toHaveLength(0);
          return;
        }
        expect(midterms).toHaveLength(1);
        const middle = middleDay(g.start, g.end);
        const off = (r: { periodEnd: string }) => Math.abs(daysBetween(middle, r.periodEnd));
        for (const r of plan.slice(0, -1))
          expect(off(midterms[0] as { periodEnd: string })).toBeLessThanOrEqual(off(r));
      }),
    );
  });

  it("is the same plan however often it is computed (what makes scheduling idempotent)", () => {
    fc.assert(
      fc.property(grant, fc.constantFrom(...SCHEDULE_FREQUENCIES), (g, f) => {
        expect(planReports(g.start, g.end, f)).toEqual(planReports(g.start, g.end, f));
      }),
    );
  });

  it("a year's grant, quarterly, due 10 days after each period; the second quarter is the mid-term", () => {
    expect(planReports("2027-03-01", "2028-02-29")).toEqual([
      { kind: "periodic", periodStart: "2027-03-01", periodEnd: "2027-05-31", dueOn: "2027-06-10" },
      { kind: "midterm", periodStart: "2027-06-01", periodEnd: "2027-08-31", dueOn: "2027-09-10" },
      { kind: "periodic", periodStart: "2027-09-01", periodEnd: "2027-11-30", dueOn: "2027-12-10" },
      { kind: "final", periodStart: "2027-12-01", periodEnd: "2028-02-29", dueOn: "2028-03-10" },
    ]);
    // Yearly on a year's grant: split at the middle.
    expect(planReports("2027-03-01", "2028-02-29", "yearly").map((r) => [r.kind, r.periodEnd])).toEqual([
      ["midterm", "2027-08-30"],
      ["final", "2028-02-29"],
    ]);
  });

  it("months end on the last day of shorter months; a period never runs backwards", () => {
    expect(addMonths("2027-01-31", 1)).toBe("2027-02-28");
    expect(addMonths("2028-01-31", 1)).toBe("2028-02-29");
    expect(addMonths("2027-11-30", 3)).toBe("2028-02-29");
    expect(daysBetween("2027-03-01", "2028-02-29")).toBe(365);
    expect(planReports("2027-03-02", "2027-03-01")).toEqual([]);
  });
});
