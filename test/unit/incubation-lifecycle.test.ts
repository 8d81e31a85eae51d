/** The incubation lifecycle, checked over random event sequences (fast-check), and its dates. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addDays,
  availableIncubationEvents,
  INCUBATION_EVENTS,
  INCUBATION_STATUSES,
  type IncubationEvent,
  type IncubationStatus,
  isIncubationClosed,
  nextIncubationStatus,
  plannedEndOn,
} from "../../src/domain/incubation/lifecycle";

const event = fc.constantFrom(...INCUBATION_EVENTS);
const status = fc.constantFrom(...INCUBATION_STATUSES);

/** Runs events from active, skipping refused ones (as the server does with a 409). */
function run(events: readonly IncubationEvent[]): IncubationStatus[] {
  const visited: IncubationStatus[] = ["active"];
  let current: IncubationStatus = "active";
  for (const e of events) {
    const next = nextIncubationStatus(current, e);
    if (next) {
      current = next;
      visited.push(current);
    }
  }
  return visited;
}

describe("incubation lifecycle", () => {
  it("random sequences stay within the statuses, and once closed stay where they ended", () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 50 }), (events) => {
        const visited = run(events);
        for (const s of visited) expect(INCUBATION_STATUSES).toContain(s);
        const closed = visited.findIndex(isIncubationClosed);
        if (closed >= 0) expect(visited.length).toBe(closed + 1);
      }),
    );
  });

  it("the available events are exactly those the lifecycle accepts", () => {
    fc.assert(
      fc.property(status, event, (s, e) => {
        expect(availableIncubationEvents(s).includes(e)).toBe(nextIncubationStatus(s, e) !== null);
      }),
    );
  });

  it("closed statuses have no exit; every open status can be terminated; graduation only from the exit review", () => {
    fc.assert(
      fc.property(status, event, (s, e) => {
        if (isIncubationClosed(s)) expect(nextIncubationStatus(s, e)).toBeNull();
        else expect(nextIncubationStatus(s, "terminate")).toBe("terminated");
        if (nextIncubationStatus(s, e) === "graduated") expect(s).toBe("in_exit_review");
      }),
    );
    expect(isIncubationClosed("graduated")).toBe(true);
    expect(isIncubationClosed("terminated")).toBe(true);
  });

  it("every status is reachable from active, and resume only returns a suspension to active", () => {
    const seen = new Set<IncubationStatus>(["active"]);
    const queue: IncubationStatus[] = ["active"];
    while (queue.length) {
      const s = queue.shift() as IncubationStatus;
      for (const e of availableIncubationEvents(s)) {
        const n = nextIncubationStatus(s, e) as IncubationStatus;
        if (!seen.has(n)) {
          seen.add(n);
          queue.push(n);
        }
      }
    }
    expect([...seen].sort()).toEqual([...INCUBATION_STATUSES].sort());
    fc.assert(
      fc.property(status, (s) => {
        const n = nextIncubationStatus(s, "resume");
        expect(n === null || (s === "suspended" && n === "active")).toBe(true);
      }),
    );
  });

  it("the planned end is after the start, the day before the same date months later", () => {
    const day = fc
      .date({
        min: new Date("2000-01-01T00:00:00Z"),
        max: new Date("2090-12-31T00:00:00Z"),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 60 }), (start, months) => {
        const end = plannedEndOn(start, months);
        expect(end > start).toBe(true);
        // About `months` months: between 28 and 31 days per month.
        const days = (Date.parse(end) - Date.parse(start)) / 86_400_000 + 1;
        expect(days).toBeGreaterThanOrEqual(months * 28 - 1);
        expect(days).toBeLessThanOrEqual(months * 31);
        expect(addDays(end, 1) > end).toBe(true);
      }),
    );
    expect(plannedEndOn("2027-01-31", 1)).toBe("2027-02-27");
    expect(plannedEndOn("2026-03-01", 12)).toBe("2027-02-28");
    expect(plannedEndOn("2028-02-29", 12)).toBe("2029-02-27");
  });
});
