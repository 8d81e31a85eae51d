/** The application state machine, checked over random event sequences (fast-check). */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  APPLICATION_EVENTS,
  APPLICATION_STATUSES,
  type ApplicationStatus,
  availableEvents,
  EVENT_SIDE,
  isEditableByApplicant,
  isFinal,
  nextStatus,
  submitEventFor,
} from "../../src/domain/application";

const event = fc.constantFrom(...APPLICATION_EVENTS);
const status = fc.constantFrom(...APPLICATION_STATUSES);

/** Runs events from `start`, skipping refused ones (as the server does with a 409). */
function run(
  start: ApplicationStatus,
  events: readonly (typeof APPLICATION_EVENTS)[number][],
): ApplicationStatus[] {
  const visited = [start];
  let current = start;
  for (const e of events) {
    const next = nextStatus(current, e);
    if (next) {
      current = next;
      visited.push(current);
    }
  }
  return visited;
}

describe("application state machine", () => {
  it("random event sequences never leave the table's statuses", () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 40 }), (events) => {
        for (const s of run("draft", events)) expect(APPLICATION_STATUSES).toContain(s);
      }),
    );
  });

  it("final statuses have no exit", () => {
    fc.assert(
      fc.property(status, event, (s, e) => {
        if (isFinal(s)) expect(nextStatus(s, e)).toBeNull();
      }),
    );
    expect(isFinal("withdrawn")).toBe(true);
    expect(isFinal("ineligible")).toBe(true);
    expect(isFinal("draft")).toBe(false);
  });

  it("once final, a sequence stays where it ended", () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 40 }), (events) => {
        const visited = run("draft", events);
        const firstFinal = visited.findIndex(isFinal);
        if (firstFinal >= 0) expect(visited.length).toBe(firstFinal + 1);
      }),
    );
  });

  it("each side is offered only its own events, and only allowed ones", () => {
    fc.assert(
      fc.property(status, fc.constantFrom("applicant" as const, "staff" as const), (s, side) => {
        for (const e of availableEvents(s, side)) {
          expect(EVENT_SIDE[e]).toBe(side);
          expect(nextStatus(s, e)).not.toBeNull();
        }
        // Nothing allowed is hidden from the side that owns it.
        for (const e of APPLICATION_EVENTS) {
          if (EVENT_SIDE[e] === side && nextStatus(s, e)) expect(availableEvents(s, side)).toContain(e);
        }
      }),
    );
    expect(availableEvents("submitted", "applicant")).toEqual(["withdraw"]);
    expect(availableEvents("draft", "staff")).toEqual([]);
  });

  it("every status is reachable from draft", () => {
    const reached = new Set<ApplicationStatus>(["draft"]);
    let frontier: ApplicationStatus[] = ["draft"];
    while (frontier.length > 0) {
      const next: ApplicationStatus[] = [];
      for (const s of frontier) {
        for (const e of APPLICATION_EVENTS) {
          const to = nextStatus(s, e);
          if (to && !reached.has(to)) {
            reached.add(to);
            next.push(to);
          }
        }
      }
      frontier = next;
    }
    expect([...reached].sort()).toEqual([...APPLICATION_STATUSES].sort());
  });

  it("the applicant edits only drafts and returned applications, and submits from exactly those", () => {
    fc.assert(
      fc.property(status, (s) => {
        expect(isEditableByApplicant(s)).toBe(submitEventFor(s) !== null);
        const e = submitEventFor(s);
        if (e) expect(nextStatus(s, e)).not.toBeNull();
      }),
    );
  });
});
