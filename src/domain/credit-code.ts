/**
 * Unified social credit code (统一社会信用代码), GB 32100-2015: 18 characters from a
 * 31-character alphabet (no I, O, Z, S, V), the last one a check character over the first 17.
 */
const ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const SHAPE = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = ALPHABET.indexOf(first17[i] ?? "");
    if (value < 0) throw new RangeError(`not a credit-code character: ${first17[i]}`);
    sum += value * (WEIGHTS[i] ?? 0);
  }
  return ALPHABET[(31 - (sum % 31)) % 31] as string;
}

/** Upper-cases and trims, since codes are often typed in lower case or pasted with spaces. */
export function normalizeCreditCode(input: string): string {
  return input.trim().toUpperCase();
}

export function isValidCreditCode(input: string): boolean {
  const code = normalizeCreditCode(input);
  if (!SHAPE.test(code)) return false;
  return creditCodeCheckChar(code.slice(0, 17)) === code[17];
}
