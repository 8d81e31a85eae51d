/**
 * The service request lifecycle (src/domain/services/request.ts) as properties: whatever events
 * arrive, the status stays one of the table's, a final status never moves, only the side an event
 * belongs to may fire it, and every request can still end (done, declined or cancelled).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  isRequestFinal,
  isRequestOpen,
  isRequestOverdue,
  nextRequestStatus,
  REQUEST_EVENT_SIDE,
  REQUEST_EVENTS,
  REQUEST_STATUSES,
  type RequestStatus,
  requestEventsFor,
} from "../../src/domain/services/request";

const events = fc.array(fc.constantFrom(...REQUEST_EVENTS), { maxLength: 30 });

describe("the service request lifecycle", () => {
  it("keeps any sequence of events within the table, and final statuses final", () => {
    fc.assert(
      fc.property(events, (seq) => {
        let status: RequestStatus = "submitted";
        for (const e of seq) {
          const to = nextRequestStatus(status, e);
          if (isRequestFinal(status)) expect(to).toBeNull();
          if (to) status = to;
          expect(REQUEST_STATUSES).toContain(status);
        }
      }),
    );
  });

  it("offers each side only its own events, and only ones the table allows", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...REQUEST_STATUSES),
        fc.subarray(["organization", "base", "handler"] as const),
        (status, sides) => {
          for (const e of requestEventsFor(status, sides)) {
            expect(sides).toContain(REQUEST_EVENT_SIDE[e]);
            expect(nextRequestStatus(status, e)).not.toBeNull();
          }
        },
      ),
    );
  });

  it("lets every open request reach an end, and nothing leaves done except by the table", () => {
    for (const status of REQUEST_STATUSES) {
      if (!isRequestOpen(status)) {
        expect(isRequestFinal(status)).toBe(true);
        continue;
      }
      expect(nextRequestStatus(status, "cancel")).toBe("cancelled");
    }
    expect(nextRequestStatus("submitted", "close")).toBeNull(); // nothing is done before it is accepted
    expect(nextRequestStatus("scheduled", "schedule")).toBe("scheduled"); // moving the appointment
  });

  it("calls a request overdue only while waiting for an answer or past its appointment", () => {
    const now = new Date("2026-12-07T10:00:00Z");
    const past = new Date("2026-12-01T00:00:00Z");
    const future = new Date("2026-12-20T00:00:00Z");
    fc.assert(
      fc.property(
        fc.constantFrom(...REQUEST_STATUSES),
        fc.boolean(),
        fc.boolean(),
        (status, late, lateAppt) => {
          const overdue = isRequestOverdue(
            { status, respondBy: late ? past : future, scheduledEnd: lateAppt ? past : future },
            now,
          );
          const expected = (status === "submitted" && late) || (status === "scheduled" && lateAppt);
          expect(overdue).toBe(expected);
        },
      ),
    );
  });
});
