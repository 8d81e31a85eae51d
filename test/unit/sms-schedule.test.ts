import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_QUIET_HOURS,
  inQuietHours,
  parseQuietHours,
  type SmsLimits,
  shanghaiDayStart,
  smsSendTime,
} from "../../src/domain/sms-schedule";

/** A wall-clock time in Shanghai as a Date (Shanghai is UTC+8). */
const sh = (text: string) => new Date(`${text}+08:00`);
const night = parseQuietHours(DEFAULT_QUIET_HOURS).quiet;
const limits: SmsLimits = { dailyCap: 5, quiet: night };

describe("parseQuietHours", () => {
  it("reads a range, off, and refuses nonsense", () => {
    expect(parseQuietHours("21:00-08:00")).toEqual({
      valid: true,
      quiet: { startMinute: 21 * 60, endMinute: 8 * 60 },
    });
    expect(parseQuietHours(" 12:30 - 13:45 ").quiet).toEqual({ startMinute: 750, endMinute: 825 });
    expect(parseQuietHours("off")).toEqual({ valid: true, quiet: null });
    expect(parseQuietHours("")).toEqual({ valid: true, quiet: null });
    for (const bad of ["21-08", "24:00-08:00", "21:60-08:00", "08:00-08:00", "night"]) {
      expect(parseQuietHours(bad).valid, bad).toBe(false);
    }
  });
});

describe("smsSendTime", () => {
  it("is now in the daytime under the cap", () => {
    const now = sh("2026-12-07T10:15:00");
    expect(smsSendTime(now, 0, limits)).toEqual(now);
    expect(smsSendTime(now, 4, limits)).toEqual(now);
  });

  it("waits for 08:00 Shanghai at night, before and after midnight", () => {
    expect(smsSendTime(sh("2026-12-07T21:00:00"), 0, limits)).toEqual(sh("2026-12-08T08:00:00"));
    expect(smsSendTime(sh("2026-12-07T23:59:00"), 0, limits)).toEqual(sh("2026-12-08T08:00:00"));
    expect(smsSendTime(sh("2026-12-08T03:00:00"), 0, limits)).toEqual(sh("2026-12-08T08:00:00"));
    expect(smsSendTime(sh("2026-12-08T07:59:59"), 0, limits)).toEqual(sh("2026-12-08T08:00:00"));
    const eight = sh("2026-12-08T08:00:00");
    expect(smsSendTime(eight, 0, limits)).toEqual(eight);
  });

  it("defers the message past the cap to the next Shanghai day's morning", () => {
    expect(smsSendTime(sh("2026-12-07T10:00:00"), 5, limits)).toEqual(sh("2026-12-08T08:00:00"));
    // 07:30 UTC is 15:30 in Shanghai: the "day" is Shanghai's, not UTC's.
    expect(smsSendTime(new Date("2026-12-07T07:30:00Z"), 9, limits)).toEqual(sh("2026-12-08T08:00:00"));
    // Without quiet hours, midnight Shanghai (16:00 UTC).
    expect(smsSendTime(sh("2026-12-07T10:00:00"), 5, { dailyCap: 5, quiet: null })).toEqual(
      new Date("2026-12-07T16:00:00Z"),
    );
  });

  it("handles quiet hours inside one day", () => {
    const lunch = parseQuietHours("12:00-13:30").quiet;
    const rules = { dailyCap: 5, quiet: lunch };
    expect(smsSendTime(sh("2026-12-07T12:10:00"), 0, rules)).toEqual(sh("2026-12-07T13:30:00"));
    expect(smsSendTime(sh("2026-12-07T23:10:00"), 0, rules)).toEqual(sh("2026-12-07T23:10:00"));
  });
});

describe("smsSendTime, as properties", () => {
  const moment = fc.date({
    min: new Date("2020-01-01T00:00:00Z"),
    max: new Date("2035-01-01T00:00:00Z"),
    noInvalidDate: true,
  });
  const quietText = fc
    .tuple(
      fc.integer({ min: 0, max: 23 }),
      fc.integer({ min: 0, max: 59 }),
      fc.integer({ min: 0, max: 23 }),
      fc.integer({ min: 0, max: 59 }),
    )
    .map(([a, b, c, d]) => `${a}:${String(b).padStart(2, "0")}-${c}:${String(d).padStart(2, "0")}`)
    .filter((text) => parseQuietHours(text).valid);
  const rules = fc.record({
    dailyCap: fc.integer({ min: 1, max: 20 }),
    quiet: fc.option(
      quietText.map((text) => parseQuietHours(text).quiet),
      { nil: null },
    ),
  });

  it("never sends before now, never in quiet hours, and only past the cap on a later day", () => {
    fc.assert(
      fc.property(moment, fc.integer({ min: 0, max: 30 }), rules, (now, sent, r) => {
        const at = smsSendTime(now, sent, r);
        expect(at.getTime()).toBeGreaterThanOrEqual(now.getTime());
        expect(inQuietHours(at, r.quiet)).toBe(false);
        if (sent >= r.dailyCap)
          expect(shanghaiDayStart(at).getTime()).toBeGreaterThan(shanghaiDayStart(now).getTime());
        // Never more than a day and a night away.
        expect(at.getTime() - now.getTime()).toBeLessThanOrEqual(2 * 24 * 3_600_000);
      }),
    );
  });

  it("is now exactly when it is not quiet and the cap is not reached, and waits are minimal", () => {
    fc.assert(
      fc.property(moment, fc.integer({ min: 0, max: 30 }), rules, (now, sent, r) => {
        const at = smsSendTime(now, sent, r);
        const free = sent < r.dailyCap && !inQuietHours(now, r.quiet);
        expect(at.getTime() === now.getTime()).toBe(free);
        // A minute earlier would have been too early: quiet, or still the capped day.
        if (!free) {
          const before = new Date(at.getTime() - 60_000);
          const capped =
            sent >= r.dailyCap && shanghaiDayStart(before).getTime() === shanghaiDayStart(now).getTime();
          expect(before < now || inQuietHours(before, r.quiet) || capped).toBe(true);
        }
      }),
    );
  });
});
