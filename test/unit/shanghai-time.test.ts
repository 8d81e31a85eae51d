import { describe, expect, it } from "vitest";
import { shanghaiDate, shanghaiDateTime, shanghaiDateTimeIn } from "../../src/domain/shanghai-time";

describe("the base's wall clock (Asia/Shanghai, UTC+8)", () => {
  const lateEvening = new Date("2026-12-15T16:05:00Z"); // 00:05 on the 16th in Shanghai

  it("dates and times cross midnight at Shanghai's, not UTC's", () => {
    expect(shanghaiDate(lateEvening)).toBe("2026-12-16");
    expect(shanghaiDateTime(lateEvening)).toBe("2026-12-16 00:05");
  });

  it("words the time for the reader's language", () => {
    const closing = new Date("2025-12-15T09:00:00Z");
    expect(shanghaiDateTimeIn(closing, "zh-CN")).toBe("2025年12月15日 17:00");
    expect(shanghaiDateTimeIn(closing, "en")).toBe("2025-12-15 17:00");
  });
});
