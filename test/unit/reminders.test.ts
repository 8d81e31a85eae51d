import { describe, expect, it } from "vitest";
import { dueReminder, submitDeadline } from "../../src/domain/reminders";

const HOUR = 3_600_000;
const now = new Date("2026-12-01T04:00:00Z");
const at = (hours: number) => new Date(now.getTime() + hours * HOUR);

describe("dueReminder", () => {
  it("is the shortest lead whose window has begun, and nothing before or after", () => {
    expect(dueReminder(at(100), now)).toBeNull();
    expect(dueReminder(at(72), now)).toBe("3d");
    expect(dueReminder(at(30), now)).toBe("3d");
    expect(dueReminder(at(24), now)).toBe("1d");
    expect(dueReminder(at(0.5), now)).toBe("1d");
    expect(dueReminder(at(0), now)).toBeNull();
    expect(dueReminder(at(-1), now)).toBeNull();
  });
});

describe("submitDeadline", () => {
  const open = { status: "published" as const, opensAt: at(-240), closesAt: at(48) };

  it("is the call's closing while it is open", () => {
    expect(submitDeadline(open, now, null)).toEqual(at(48));
  });

  it("is an extension that runs past the closing, even after staff closed the call", () => {
    expect(submitDeadline(open, now, at(96))).toEqual(at(96));
    expect(submitDeadline(open, now, at(10))).toEqual(at(48));
    expect(submitDeadline({ ...open, status: "closed" }, now, at(10))).toEqual(at(10));
    expect(submitDeadline({ ...open, closesAt: at(-1) }, now, at(5))).toEqual(at(5));
  });

  it("is null when the applicant cannot submit now", () => {
    expect(submitDeadline({ ...open, status: "closed" }, now, null)).toBeNull();
    expect(submitDeadline({ ...open, closesAt: at(-1) }, now, at(-0.5))).toBeNull();
    expect(submitDeadline({ ...open, status: "draft" }, now, null)).toBeNull();
    expect(submitDeadline({ ...open, opensAt: at(1) }, now, null)).toBeNull();
  });
});
