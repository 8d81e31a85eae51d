/**
 * Capital numerals (大写金额): the People's Bank's examples, and a property: reading the words
 * back gives the amount again, for every amount the platform holds.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_FEN } from "../../src/domain/funding/money";
import { chineseCapitalAmount } from "../../src/domain/funding/numerals";

const DIGITS = "零壹贰叁肆伍陆柒捌玖";
const SMALL: Record<string, number> = { 拾: 10, 佰: 100, 仟: 1000 };

/** The inverse, written independently: words → fen. */
function read(words: string): number {
  const [yuanWords = "", rest = ""] = words.includes("元") ? words.split("元") : ["", words];
  let total = 0;
  let section = 0;
  let number = 0;
  for (const ch of yuanWords) {
    if (DIGITS.includes(ch)) number = DIGITS.indexOf(ch);
    else if (ch in SMALL) {
      section += number * (SMALL[ch] as number);
      number = 0;
    } else if (ch === "万") {
      total += (section + number) * 10_000;
      section = 0;
      number = 0;
    } else if (ch === "亿") {
      total = (total + section + number) * 100_000_000;
      section = 0;
      number = 0;
    } else throw new Error(`unexpected ${ch}`);
  }
  total += section + number;
  const jiao = /(.)角/.exec(rest);
  const fen = /(.)分/.exec(rest);
  return (
    total * 100 +
    (jiao ? DIGITS.indexOf(jiao[1] as string) * 10 : 0) +
    (fen ? DIGITS.indexOf(fen[1] as string) : 0)
  );
}

describe("chineseCapitalAmount", () => {
  it.each([
    [0, "零元整"],
    [30_000_000, "叁拾万元整"],
    [1_234_567, "壹万贰仟叁佰肆拾伍元陆角柒分"],
    [140_950, "壹仟肆佰零玖元伍角整"],
    [600_714, "陆仟零柒元壹角肆分"],
    [10_700_053, "壹拾万柒仟元伍角叁分"],
    [10_005, "壹佰元零伍分"],
    [50, "伍角整"],
    [1000, "壹拾元整"],
    [10_000_000_100, "壹亿零壹元整"],
    [100_000_000_000, "壹拾亿元整"],
    [100_100_000, "壹佰万壹仟元整"],
    [100_001_000, "壹佰万零壹拾元整"],
    [MAX_FEN, "壹佰亿元整"],
  ])("%i fen → %s", (fen, words) => {
    expect(chineseCapitalAmount(fen)).toBe(words);
  });

  it("reads back to the same amount, never with two 零 in a row or a 零 before a unit", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_FEN }), (fen) => {
        const words = chineseCapitalAmount(fen);
        expect(read(words)).toBe(fen);
        if (fen > 0) expect(words).not.toMatch(/零零|零[拾佰仟万亿元]/);
        expect(words.endsWith("分") || words.endsWith("整")).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it("refuses what is not an amount", () => {
    for (const bad of [-1, 1.5, Number.NaN, 1e16])
      expect(() => chineseCapitalAmount(bad)).toThrow(RangeError);
  });
});
