import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateOrganizations, seededRandom } from "../../src/db/seed/generate";
import {
  CREDIT_CODE_CATEGORIES,
  composeCreditCode,
  creditCodeCheckChar,
  creditCodeProblem,
  isValidCreditCode,
  normalizeCreditCode,
  organizationCodeCheckChar,
} from "../../src/domain/credit-code";
import { ZCreditCode } from "../../src/schemas/platform/organizations";

const ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const char = fc.constantFrom(...ALPHABET);
const authorityCategory = fc.constantFrom(
  ...Object.entries(CREDIT_CODE_CATEGORIES).flatMap(([a, cs]) => [...cs].map((c) => a + c)),
);
const division = fc.oneof(
  fc.constant("100000"),
  fc
    .tuple(fc.constantFrom("11", "31", "44", "50", "65", "71", "82"), fc.integer({ min: 0, max: 9999 }))
    .map(([p, n]) => p + String(n).padStart(4, "0")),
);
const orgBody = fc.string({ unit: char, minLength: 8, maxLength: 8 });
/** A valid code built the way the standard builds one: both check characters computed. */
const validCode = fc
  .tuple(authorityCategory, division, orgBody)
  .map(([ac, d, body]) => composeCreditCode(ac, d, body));

/** Sets position `i` (0-based) of a code and fixes the final check character, so only that part is wrong. */
function withPart(code: string, at: number, value: string): string {
  const first17 = code.slice(0, at) + value + code.slice(at + value.length, 17);
  return first17 + creditCodeCheckChar(first17);
}

describe("unified social credit code (GB 32100-2015)", () => {
  it("accepts real published codes", () => {
    // The standard's own example, and a large enterprise's code as printed on its licence.
    expect(creditCodeProblem("91350100M000100Y43")).toBeNull();
    expect(creditCodeProblem("914403001922038216")).toBeNull();
    // The demo organization's code (civil affairs, social group, Changping).
    expect(creditCodeProblem("51110114MJ000000XE")).toBeNull();
  });

  it("accepts every code built by the algorithm, in lower case and with spaces too", () => {
    fc.assert(
      fc.property(validCode, (code) => {
        const typed = `  ${code.toLowerCase()} `;
        return (
          creditCodeProblem(code) === null && isValidCreditCode(typed) && normalizeCreditCode(typed) === code
        );
      }),
    );
    expect(ZCreditCode.safeParse(" 51110114mj000000xe ")).toMatchObject({
      success: true,
      data: "51110114MJ000000XE",
    });
  });

  it("computes the GB 11714 organization-code check (X for 10, 0 for 11)", () => {
    expect(organizationCodeCheckChar("M000100Y")).toBe("4");
    expect(organizationCodeCheckChar("19220382")).toBe("1");
    expect(organizationCodeCheckChar("MJ000000")).toBe("X");
    expect(() => organizationCodeCheckChar("ab-cdefg")).toThrow(RangeError);
  });

  it("names a wrong final check character", () => {
    expect(creditCodeProblem("51110114MJ000000XF")).toBe("credit_code_check");
    fc.assert(
      fc.property(validCode, char, (code, c) => {
        fc.pre(c !== code[17]);
        return creditCodeProblem(code.slice(0, 17) + c) === "credit_code_check";
      }),
    );
  });

  it("names an unknown registration authority (position 1)", () => {
    for (const a of ["0", "B", "C", "X", "W"]) {
      expect(creditCodeProblem(withPart("51110114MJ000000XE", 0, a)), a).toBe("credit_code_authority");
    }
  });

  it("names a category its authority does not have (position 2)", () => {
    const cases = ["94", "99", "58", "Y2", "14", "A5"];
    for (const ac of cases) {
      expect(creditCodeProblem(withPart("51110114MJ000000XE", 0, ac)), ac).toBe("credit_code_category");
    }
    // and every listed pair passes that step
    for (const [a, cs] of Object.entries(CREDIT_CODE_CATEGORIES)) {
      for (const c of cs) expect(creditCodeProblem(withPart("51110114MJ000000XE", 0, a + c))).toBeNull();
    }
  });

  it("names an implausible administrative division (positions 3–8)", () => {
    for (const d of ["000000", "990101", "19A101", "900000", "830000"]) {
      expect(creditCodeProblem(withPart("51110114MJ000000XE", 2, d)), d).toBe("credit_code_region");
    }
  });

  it("names an organization code that fails its own check (positions 9–17)", () => {
    // MJ0000001 passes GB 32100's final check but not GB 11714's: the old demo code.
    expect(creditCodeProblem("51110114MJ0000001P")).toBe("credit_code_org_check");
    fc.assert(
      fc.property(validCode, char, (code, c) => {
        fc.pre(c !== code[16]);
        return creditCodeProblem(withPart(code, 16, c)) === "credit_code_org_check";
      }),
    );
  });

  it("refuses wrong lengths and the letters the standard leaves out (I, O, Z, S, V)", () => {
    fc.assert(
      fc.property(validCode, fc.integer({ min: 0, max: 30 }), (code, length) => {
        fc.pre(length !== 18);
        return creditCodeProblem(code.repeat(2).slice(0, length)) === "credit_code_invalid";
      }),
    );
    fc.assert(
      fc.property(
        validCode,
        fc.nat(17),
        fc.constantFrom("I", "O", "Z", "S", "V"),
        (code, position, letter) => {
          return (
            creditCodeProblem(code.slice(0, position) + letter + code.slice(position + 1)) ===
            "credit_code_invalid"
          );
        },
      ),
    );
    expect(ZCreditCode.safeParse("12345").error?.issues[0]?.message).toBe("credit_code_invalid");
    expect(ZCreditCode.safeParse("51110114MJ000000XF").error?.issues[0]?.message).toBe("credit_code_check");
  });

  it("catches any single substitution somewhere", () => {
    fc.assert(
      fc.property(validCode, fc.nat(17), char, (code, position, replacement) => {
        fc.pre(code[position] !== replacement);
        return !isValidCreditCode(code.slice(0, position) + replacement + code.slice(position + 1));
      }),
    );
  });

  it("the demo data and the benchmark generator produce valid, distinct codes (20,000 as the bench)", () => {
    const generated = generateOrganizations(seededRandom(7), 20_000, {
      towns: [{ name: "城北街道", communities: 5 }],
      residencies: [],
    });
    const codes = generated.flatMap((g) => (g.creditCode ? [g.creditCode] : []));
    expect(codes.length).toBeGreaterThan(10_000);
    expect(codes.filter((c) => creditCodeProblem(c) !== null)).toEqual([]);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it("computes the check character only from alphabet characters", () => {
    expect(() => creditCodeCheckChar("I".repeat(17))).toThrow(RangeError);
  });
});
