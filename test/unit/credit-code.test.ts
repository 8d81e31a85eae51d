import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { creditCodeCheckChar, isValidCreditCode, normalizeCreditCode } from "../../src/domain/credit-code";
import { ZCreditCode } from "../../src/schemas/platform/organizations";

const ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const char = fc.constantFrom(...ALPHABET);
const first17 = fc.string({ unit: char, minLength: 17, maxLength: 17 });
const validCode = first17.map((body) => body + creditCodeCheckChar(body));

describe("unified social credit code (GB 32100-2015)", () => {
  it("accepts known codes and refuses a wrong check character", () => {
    expect(isValidCreditCode("51110114MJ0000001P")).toBe(true);
    expect(isValidCreditCode("51110114MJ0000001Q")).toBe(false);
  });

  it("accepts any 17 characters of the alphabet followed by their check character", () => {
    fc.assert(fc.property(validCode, (code) => isValidCreditCode(code)));
  });

  it("refuses a code with any one character changed (the check catches every single substitution)", () => {
    fc.assert(
      fc.property(validCode, fc.nat(17), char, (code, position, replacement) => {
        fc.pre(code[position] !== replacement);
        const changed = code.slice(0, position) + replacement + code.slice(position + 1);
        return !isValidCreditCode(changed);
      }),
    );
  });

  it("accepts lower case and surrounding spaces, and normalizes them away", () => {
    fc.assert(
      fc.property(validCode, (code) => {
        const typed = `  ${code.toLowerCase()} `;
        return isValidCreditCode(typed) && normalizeCreditCode(typed) === code;
      }),
    );
    const parsed = ZCreditCode.safeParse(" 51110114mj0000001p ");
    expect(parsed).toMatchObject({ success: true, data: "51110114MJ0000001P" });
  });

  it("refuses wrong lengths and the letters the standard leaves out (I, O, Z, S, V)", () => {
    fc.assert(
      fc.property(validCode, fc.integer({ min: 0, max: 30 }), (code, length) => {
        fc.pre(length !== 18);
        return !isValidCreditCode(code.repeat(2).slice(0, length));
      }),
    );
    fc.assert(
      fc.property(
        validCode,
        fc.nat(16),
        fc.constantFrom("I", "O", "Z", "S", "V"),
        (code, position, letter) => {
          return !isValidCreditCode(code.slice(0, position) + letter + code.slice(position + 1));
        },
      ),
    );
    expect(ZCreditCode.safeParse("12345").error?.issues[0]?.message).toBe("credit_code_invalid");
  });

  it("computes the check character only from alphabet characters", () => {
    expect(() => creditCodeCheckChar("I".repeat(17))).toThrow(RangeError);
  });
});
