import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isValidMobile, maskMobile, normalizeMobile } from "../../src/domain/phone";
import { ZMobile } from "../../src/schemas/platform/organizations";

const digit = fc.constantFrom(..."0123456789");
const digits = (n: number) => fc.string({ unit: digit, minLength: n, maxLength: n });
const mobile = fc
  .tuple(fc.constantFrom(..."3456789"), digits(9))
  .map(([second, rest]) => `1${second}${rest}`);

describe("mainland mobile numbers", () => {
  it("accepts 11 digits starting 13-19", () => {
    fc.assert(fc.property(mobile, (m) => isValidMobile(m)));
  });

  it("accepts them as people paste them: +86, spaces, dashes", () => {
    fc.assert(
      fc.property(mobile, fc.constantFrom("+86 ", "86", "+86-", ""), (m, prefix) => {
        const pasted = `${prefix}${m.slice(0, 3)}-${m.slice(3, 7)} ${m.slice(7)}`;
        return isValidMobile(pasted) && normalizeMobile(pasted) === m;
      }),
    );
    expect(ZMobile.parse(" 138 0013 8000")).toBe("13800138000");
  });

  it("refuses wrong lengths", () => {
    fc.assert(
      fc.property(mobile, fc.integer({ min: 0, max: 20 }), (m, length) => {
        fc.pre(length !== 11);
        return !isValidMobile((m + m).slice(0, length));
      }),
    );
  });

  it("refuses numbers that do not start 13-19", () => {
    fc.assert(
      fc.property(digits(11), (n) => {
        fc.pre(!/^1[3-9]/.test(n));
        return !isValidMobile(n);
      }),
    );
    expect(ZMobile.safeParse("12345678901").error?.issues[0]?.message).toBe("mobile_invalid");
  });

  it("masks all but the first three and last four digits", () => {
    fc.assert(
      fc.property(mobile, (m) => {
        const masked = maskMobile(m) as string;
        expect(masked).toBe(`${m.slice(0, 3)}****${m.slice(7)}`);
        expect(masked).toHaveLength(11);
        expect(masked.slice(3, 7)).toBe("****");
      }),
    );
    expect(maskMobile(null)).toBeNull();
    expect(maskMobile("")).toBe("");
    expect(maskMobile("12345")).toBe("*****");
  });
});
