/**
 * Unified social credit code (统一社会信用代码), GB 32100-2015: 18 characters from a
 * 31-character alphabet (no I, O, Z, S, V), read by their whole structure:
 *
 *   1      registration authority (登记管理部门代码)
 *   2      category, one of that authority's (机构类别代码)
 *   3–8    administrative division of the registering office (GB/T 2260)
 *   9–17   organization code (GB 11714), whose ninth character checks the eight before it
 *   18     check character over the first 17 (GB/T 17710 style, mod 31)
 *
 * Each part fails with its own problem, so a form can say which part is wrong.
 */
const ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const SHAPE = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

/**
 * Categories per registration authority: the table of GB 32100-2015 and the authorities and
 * categories its amendments and the code administration added since (公安 G, 住建 J, 农业 N, 侨联 Q,
 * 军队 A; village and resident committees under 民政). Refusing a real organization's code costs
 * more than accepting a rare category, so the table is the union.
 */
export const CREDIT_CODE_CATEGORIES: Readonly<Record<string, string>> = {
  "1": "1239", // 机构编制: 机关, 事业单位, 编办直接管理的群众团体, 其他
  "2": "19", // 外交: 外国常驻新闻机构, 其他
  "3": "1234569", // 司法行政: 律师执业机构, 公证处, 基层法律服务所, 司法鉴定机构, 仲裁委员会, 商事调解组织, 其他
  "4": "19", // 文化: 外国在华文化中心, 其他
  "5": "123459", // 民政: 社会团体, 民办非企业单位(社会服务机构), 基金会, 村民委员会, 居民委员会, 其他
  "6": "129", // 旅游: 外国及港澳台旅游部门常驻代表机构, 其他
  "7": "129", // 宗教: 宗教活动场所, 宗教院校, 其他
  "8": "129", // 工会: 基层工会, 非法人工会组织, 其他
  "9": "123", // 工商 (市场监管): 企业, 个体工商户, 农民专业合作社
  A: "19", // 中央军委改革和编制办公室: 军队事业单位, 其他
  G: "19", // 公安: 境外非政府组织代表机构, 其他
  J: "19", // 住房和城乡建设: 业主大会, 其他
  N: "1239", // 农业农村: 组级, 村级, 乡镇级集体经济组织, 其他
  Q: "1239", // 侨联: 区县级, 乡镇级, 村级侨联组织, 其他
  Y: "1", // 其他
};

/** GB/T 2260 province-level prefixes; 100000 is the national level (central authorities). */
const PROVINCES = new Set(
  "11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 71 81 82".split(
    " ",
  ),
);

export type CreditCodeProblem =
  | "credit_code_invalid"
  | "credit_code_authority"
  | "credit_code_category"
  | "credit_code_region"
  | "credit_code_org_check"
  | "credit_code_check";

export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = ALPHABET.indexOf(first17[i] ?? "");
    if (value < 0) throw new RangeError(`not a credit-code character: ${first17[i]}`);
    sum += value * (WEIGHTS[i] ?? 0);
  }
  return ALPHABET[(31 - (sum % 31)) % 31] as string;
}

const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

/** GB 11714: the check character of an organization code's first eight (digits and A–Z as 10–35). */
export function organizationCodeCheckChar(first8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const value = Number.parseInt(first8[i] ?? "", 36);
    if (Number.isNaN(value)) throw new RangeError(`not an organization-code character: ${first8[i]}`);
    sum += value * (ORG_WEIGHTS[i] ?? 0);
  }
  const check = 11 - (sum % 11);
  return check === 10 ? "X" : check === 11 ? "0" : String(check);
}

/**
 * A whole valid code from its parts: authority and category ("52"), division ("110114") and the
 * eight characters of the organization code's body; both check characters are computed. For
 * demo data, the benchmark generator and tests.
 */
export function composeCreditCode(authorityCategory: string, division: string, orgBody: string): string {
  const first17 = `${authorityCategory}${division}${orgBody}${organizationCodeCheckChar(orgBody)}`;
  return first17 + creditCodeCheckChar(first17);
}

/** Upper-cases and trims, since codes are often typed in lower case or pasted with spaces. */
export function normalizeCreditCode(input: string): string {
  return input.trim().toUpperCase();
}

/** The first thing wrong with a (normalized) code, part by part; null when it is valid. */
export function creditCodeProblem(code: string): CreditCodeProblem | null {
  if (!SHAPE.test(code)) return "credit_code_invalid";
  const categories = CREDIT_CODE_CATEGORIES[code[0] as string];
  if (!categories) return "credit_code_authority";
  if (!categories.includes(code[1] as string)) return "credit_code_category";
  const division = code.slice(2, 8);
  if (!/^\d{6}$/.test(division) || (division !== "100000" && !PROVINCES.has(division.slice(0, 2)))) {
    return "credit_code_region";
  }
  // The organization code's own check: a digit or X (never another letter).
  if (organizationCodeCheckChar(code.slice(8, 16)) !== code[16]) return "credit_code_org_check";
  if (creditCodeCheckChar(code.slice(0, 17)) !== code[17]) return "credit_code_check";
  return null;
}

export function isValidCreditCode(input: string): boolean {
  return creditCodeProblem(normalizeCreditCode(input)) === null;
}
