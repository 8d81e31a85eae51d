import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dayProblem, instantProblem } from "../../src/domain/calendar";
import { longText, SAFE_LINE, secretText, text, ZDay, ZInstant } from "../../src/schemas/common";

/** Any code point, lone surrogates included, weighted towards the ranges the rule is about. */
const anyCodePoint = fc
  .oneof(
    fc.integer({ min: 0, max: 0x10ffff }),
    fc.integer({ min: 0, max: 0xa0 }),
    fc.integer({ min: 0x2000, max: 0x206f }),
    fc.integer({ min: 0xd800, max: 0xdfff }),
    fc.integer({ min: 0xfdd0, max: 0xffff }),
  )
  .map((cp) => String.fromCodePoint(cp));

const issue = (r: { error?: { issues: { message: string }[] } }) => r.error?.issues[0]?.message;

describe("the one text rule", () => {
  const refusedEverywhere = [
    "\u0000",
    "\u0007",
    "\u001b[31m",
    "\u007f",
    "\u0085",
    "\u009b",
    "\ud800",
    "\udfff",
    "x\udc00\ud800",
    "\ufffe",
    "\uffff",
    "\u{1fffe}",
    "\ufdd0",
    "\u202e",
    "\u202a",
    "\u2066",
    "\u2069",
  ];

  it("refuses control characters, invalid Unicode, noncharacters and bidi overrides in every kind", () => {
    for (const bad of refusedEverywhere) {
      for (const schema of [text(50), longText(50), secretText(50)]) {
        expect(issue(schema.safeParse(`名${bad}称`)), JSON.stringify(bad)).toBe("text_invalid_chars");
      }
    }
  });

  it("lets a multi-line field keep tabs and line breaks (CR LF as LF); one line refuses them", () => {
    expect(longText(50).parse(" 第一行\r\n\t第二行\r第三行 ")).toBe("第一行\n\t第二行\n第三行");
    for (const bad of ["a\nb", "a\tb", "a\rb", "a\u2028b"]) {
      expect(issue(text(50).safeParse(bad)), JSON.stringify(bad)).toBe("text_invalid_chars");
    }
  });

  it("keeps what people write: CJK, emoji, RTL text with its marks, combining accents", () => {
    for (const good of [
      "社会组织孵化基地",
      "👩‍👩‍👧 family",
      "مرحبا\u200f abc",
      "e\u0301",
      "𠮷野家",
      "Ω≈ç√",
    ]) {
      expect(text(50).safeParse(good).success, good).toBe(true);
    }
    expect(text(50).parse("  trimmed  ")).toBe("trimmed");
    expect(secretText(50).parse("  kept  ")).toBe("  kept  ");
  });

  it("a string passes exactly when it has no refused character (any Unicode)", () => {
    const line = text(1000);
    fc.assert(
      fc.property(fc.string({ unit: anyCodePoint, maxLength: 40 }), (s) => {
        const ok = line.safeParse(s).success;
        return ok === SAFE_LINE.test(s.trim());
      }),
      { numRuns: 500 },
    );
  });
});

describe("dates and times", () => {
  it("names a day that does not exist, and one out of range", () => {
    expect(dayProblem("2024-02-29")).toBeNull();
    expect(dayProblem("2100-02-29")).toEqual({ code: "date_nonexistent" });
    expect(dayProblem("2023-13-01")).toEqual({ code: "date_nonexistent" });
    expect(dayProblem("1899-12-31")).toEqual({
      code: "date_out_of_range",
      params: { minimum: 1900, maximum: 2100 },
    });
    expect(dayProblem("20230101")).toEqual({ code: "date_invalid" });
    expect(issue(ZDay.safeParse("0000-01-01"))).toBe("date_out_of_range");
    expect(issue(ZDay.safeParse("2023-02-30"))).toBe("date_nonexistent");
  });

  it("takes call times of 2000..2100 with an offset, and answers them in UTC", () => {
    expect(ZInstant.parse("2026-03-01T09:00:00+08:00")).toBe("2026-03-01T01:00:00.000Z");
    expect(ZInstant.parse("2026-03-01T09:00Z")).toBe("2026-03-01T09:00:00.000Z");
    expect(instantProblem("1999-12-31T23:00:00Z")).toMatchObject({ code: "date_out_of_range" });
    expect(instantProblem("2026-02-30T10:00:00+08:00")).toEqual({ code: "date_nonexistent" });
    for (const bad of [
      "+275760-09-13T00:00:00Z",
      "2026-03-01T09:00:00",
      "2026-03-01 09:00",
      "2026-03-01T24:00:00Z",
    ]) {
      expect(issue(ZInstant.safeParse(bad)), bad).toBe("datetime_invalid");
    }
    expect(issue(ZInstant.safeParse("0000-01-01T00:00:00Z"))).toBe("date_out_of_range");
  });
});
