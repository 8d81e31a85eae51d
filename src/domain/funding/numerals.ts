/**
 * An amount in Chinese capital numerals (大写金额), as an agreement or a voucher writes it:
 * 30,000,000 fen → "叁拾万元整", 1,234,567 fen → "壹万贰仟叁佰肆拾伍元陆角柒分".
 *
 * Rules (as the payment rules of the People's Bank describe them): digits 零壹贰叁肆伍陆柒捌玖,
 * units 拾佰仟 within a group of four and 万, 亿 between groups; "壹拾" is written in full; a run of
 * zeros inside the number is one 零 (1,009 → 壹仟零玖元整, 100,000,001 → 壹亿零壹元整); "整" ends an
 * amount without 分; no 零元 before an amount under one yuan (50 fen → 伍角整); a 零 between 元 and
 * 分 when there are no 角 (100.05 → 壹佰元零伍分).
 */
const DIGITS = "零壹贰叁肆伍陆柒捌玖";
const SMALL_UNITS = ["仟", "佰", "拾", ""];
const GROUP_UNITS = ["", "万", "亿", "万亿"];

function group(n: number): string {
  const digits = String(n).padStart(4, "0");
  let out = "";
  let zero = false;
  for (let i = 0; i < 4; i++) {
    const d = Number(digits[i]);
    if (d === 0) {
      if (out) zero = true;
      continue;
    }
    if (zero) out += "零";
    out += `${DIGITS[d]}${SMALL_UNITS[i]}`;
    zero = false;
  }
  return out;
}

function integerPart(n: number): string {
  const groups: number[] = [];
  for (let rest = n; rest > 0; rest = Math.floor(rest / 10_000)) groups.push(rest % 10_000);
  let out = "";
  let zero = false;
  for (let i = groups.length - 1; i >= 0; i--) {
    const g = groups[i] as number;
    if (g === 0) {
      if (out) zero = true;
      continue;
    }
    if (out && (zero || g < 1000)) out += "零";
    out += group(g) + GROUP_UNITS[i];
    zero = false;
  }
  return out;
}

/** `fen` (a non-negative safe integer below 10^16) in capital numerals, e.g. "叁拾万元整". */
export function chineseCapitalAmount(fen: number): string {
  if (!Number.isSafeInteger(fen) || fen < 0 || fen >= 1e16) throw new RangeError(`not an amount: ${fen}`);
  if (fen === 0) return "零元整";
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const cents = fen % 10;
  let out = yuan > 0 ? `${integerPart(yuan)}元` : "";
  if (jiao > 0) out += `${DIGITS[jiao]}角`;
  if (cents > 0) out += `${yuan > 0 && jiao === 0 ? "零" : ""}${DIGITS[cents]}分`;
  else out += "整";
  return out;
}
