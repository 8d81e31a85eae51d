import { describe, expect, it } from "vitest";
import { endOfShanghaiDay, workingDaysEnd } from "../../src/domain/working-days";

describe("working days of the public notice", () => {
  it("counts Monday to Friday in Asia/Shanghai, the start day included when it is one", () => {
    // Monday 2026-12-07 09:00 Beijing: 5 working days end on Friday 12-11.
    expect(workingDaysEnd(new Date("2026-12-07T09:00:00+08:00"), 5)).toEqual(endOfShanghaiDay("2026-12-11"));
    // 7 working days from that Monday skip the weekend: Tuesday 12-15.
    expect(workingDaysEnd(new Date("2026-12-07T09:00:00+08:00"), 7)).toEqual(endOfShanghaiDay("2026-12-15"));
  });

  it("starts counting on Monday for a notice published at the weekend", () => {
    expect(workingDaysEnd(new Date("2026-12-12T10:00:00+08:00"), 1)).toEqual(endOfShanghaiDay("2026-12-14"));
  });

  it("takes the day in Shanghai, not in UTC (Saturday 01:00 in Beijing is Friday in UTC)", () => {
    expect(workingDaysEnd(new Date("2026-12-12T01:00:00+08:00"), 1)).toEqual(endOfShanghaiDay("2026-12-14"));
    expect(endOfShanghaiDay("2026-12-14").toISOString()).toBe("2026-12-14T15:59:59.999Z");
  });

  it("refuses a period that is not a whole number of days", () => {
    expect(() => workingDaysEnd(new Date(), 0)).toThrow(RangeError);
    expect(() => workingDaysEnd(new Date(), 1.5)).toThrow(RangeError);
  });
});
