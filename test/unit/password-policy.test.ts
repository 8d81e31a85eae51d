import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordProblems } from "../../src/domain/password-policy";

const letter = fc.constantFrom(..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");
const digit = fc.constantFrom(..."0123456789");
const other = fc.constantFrom(..."!@#$%^&*-_ ");
/** A password of letters and digits (at least one of each) of an allowed length. */
const good = fc
  .tuple(
    letter,
    digit,
    fc.string({
      unit: fc.oneof(letter, digit, other),
      minLength: PASSWORD_MIN_LENGTH - 2,
      maxLength: PASSWORD_MAX_LENGTH - 2,
    }),
  )
  .map(([l, d, rest]) => `${l}${rest}${d}`);

describe("password policy", () => {
  it("accepts letters and digits of an allowed length", () => {
    fc.assert(fc.property(good, (p) => passwordProblems(p).length === 0));
    expect(passwordProblems("Hatchery2026")).toEqual([]);
  });

  it("refuses anything shorter than the minimum", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: PASSWORD_MIN_LENGTH - 1 }), (p) =>
        passwordProblems(p).includes("too_short"),
      ),
    );
  });

  it("refuses anything longer than the maximum", () => {
    fc.assert(
      fc.property(good, (p) =>
        passwordProblems(p.repeat(20).slice(0, PASSWORD_MAX_LENGTH + 1)).includes("too_long"),
      ),
    );
  });

  it("needs both a letter and a digit", () => {
    const onlyLetters = fc.string({ unit: letter, minLength: PASSWORD_MIN_LENGTH, maxLength: 40 });
    const onlyDigits = fc.string({ unit: digit, minLength: PASSWORD_MIN_LENGTH, maxLength: 40 });
    fc.assert(
      fc.property(fc.oneof(onlyLetters, onlyDigits), (p) => {
        expect(passwordProblems(p)).toEqual(["needs_letter_and_digit"]);
      }),
    );
  });

  it("refuses a password containing the account name or mobile, in any case", () => {
    const identity = fc.string({ unit: letter, minLength: 3, maxLength: 12 });
    fc.assert(
      fc.property(good, identity, fc.boolean(), (p, name, upper) => {
        const password = `${p.slice(0, 5)}${upper ? name.toUpperCase() : name.toLowerCase()}${p.slice(5)}`;
        return passwordProblems(password, [name, null, undefined]).includes("contains_identity");
      }),
    );
    expect(passwordProblems("pw13800000005x", ["staff", "13800000005"])).toEqual(["contains_identity"]);
  });

  it("ignores identities too short to matter", () => {
    expect(passwordProblems("ab-Strong-2026", ["ab", ""])).toEqual([]);
  });
});
