/** The trainings' pure rules: the lifecycle, seat or wait, and the rotating check-in code. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CHECK_IN_WINDOW_SECONDS,
  certificateNumber,
  checkInCode,
  checkInCodeProblem,
  seatFor,
  TRAINING_EVENTS,
  TRAINING_STATUSES,
  trainingTransition,
} from "../../src/domain/services/trainings";

const SECRET = "unit-secret-0123456789";
const ID = "7d1c1f7e-3b0a-4a8e-9a51-1b2f3c4d5e6f";

describe("the training lifecycle", () => {
  it("publishes drafts, finishes published ones, cancels either, and nothing leaves cancelled or done", () => {
    expect(trainingTransition("draft", "publish")).toBe("published");
    expect(trainingTransition("published", "finish")).toBe("done");
    expect(trainingTransition("published", "cancel")).toBe("cancelled");
    for (const from of ["cancelled", "done"] as const)
      for (const event of TRAINING_EVENTS) expect(trainingTransition(from, event)).toBeNull();
    for (const s of TRAINING_STATUSES) expect(trainingTransition(s, "publish") === null).toBe(s !== "draft");
  });
});

describe("seat or wait", () => {
  it("takes a seat while one is free, waits otherwise", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 0, max: 20_000 }),
        (capacity, taken) => {
          expect(seatFor(capacity, taken)).toBe(taken < capacity ? "enrolled" : "waiting");
        },
      ),
    );
  });
});

describe("the check-in code", () => {
  const at = (ms: number) => new Date(ms);
  it("is taken in its window and the next, expired after, and never for another training", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1_700_000_000_000, max: 4_000_000_000_000 }), (ms) => {
        const { code, expiresAt } = checkInCode(SECRET, ID, at(ms));
        expect(expiresAt.getTime()).toBeGreaterThan(ms);
        expect(checkInCodeProblem(SECRET, ID, code, at(ms))).toBeNull();
        expect(checkInCodeProblem(SECRET, ID, code, at(ms + CHECK_IN_WINDOW_SECONDS * 1000))).toBeNull();
        expect(checkInCodeProblem(SECRET, ID, code, at(ms + 2 * CHECK_IN_WINDOW_SECONDS * 1000))).toBe(
          "expired",
        );
        expect(checkInCodeProblem(SECRET, "another", code, at(ms))).toBe("invalid");
        expect(checkInCodeProblem("another secret", ID, code, at(ms))).toBe("invalid");
        // A code made for a later window (a forged future) is not taken now.
        const later = checkInCode(SECRET, ID, at(ms + 5 * CHECK_IN_WINDOW_SECONDS * 1000)).code;
        expect(checkInCodeProblem(SECRET, ID, later, at(ms))).toBe("invalid");
      }),
    );
  });

  it("refuses anything not shaped like a code", () => {
    for (const bad of [
      "",
      "abc",
      "1.short",
      `1.${"a".repeat(23)}`,
      "x.aaaaaaaaaaaaaaaaaaaaaa",
      "1.aaaaaaaaaaaaaaaaaaaa\u0000a",
    ])
      expect(checkInCodeProblem(SECRET, ID, bad, new Date())).toBe("invalid");
  });
});

describe("certificate numbers", () => {
  it("reads year, series and serial", () => {
    expect(certificateNumber(2026, 1, 7)).toBe("JB-2026-T01-0007");
  });
});
