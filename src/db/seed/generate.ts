/**
 * Repeatable generator of realistic organizations (seeded PRNG): used by the demo data and by
 * the benchmark's 20,000-organization scale.
 */
import { composeCreditCode } from "../../domain/credit-code";
import {
  FIVE_GOOD_FIELDS,
  type OrganizationField,
  type RegistrationStatus,
  type Residency,
} from "../../domain/organization";

export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One of `items`, drawn with one call to `random`. */
export function pickerOf(random: () => number) {
  return <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
}

const THEMES: Record<OrganizationField, string[]> = {
  culture: ["书画", "戏曲艺术", "民俗文化", "非遗传承", "读书会"],
  sport: ["健步走", "太极拳", "青少年足球", "广场舞", "乒乓球"],
  health: ["心理健康", "健康促进", "康复互助", "营养膳食"],
  innovation: ["社区营造", "创新发展", "数字公益", "社会创新"],
  friendliness: ["邻里互助", "睦邻友好", "社区融合", "新市民融入"],
  elderly: ["助老", "居家养老", "银龄互助", "老年食堂"],
  children: ["青少年成长", "四点半课堂", "儿童友好", "亲子共学"],
  disability: ["助残", "残障融合", "康复就业"],
  environment: ["绿色环保", "垃圾分类", "河道守护", "节能减排"],
  volunteering: ["志愿服务", "应急救援", "平安守望"],
  legal_aid: ["法律援助", "人民调解", "普法宣传"],
  education: ["家庭教育", "社区教育", "职业技能"],
  poverty_relief: ["帮困救助", "困境家庭", "慈善超市"],
};

const SUFFIX: Record<RegistrationStatus, string[]> = {
  unregistered: ["志愿队", "服务队", "互助小组", "爱心团队"],
  social_group: ["协会", "联合会", "促进会", "艺术团"],
  social_service_agency: ["服务中心", "社会工作事务所", "发展中心", "服务社"],
  foundation: ["公益基金会", "慈善基金会"],
};

const SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕";
const GIVEN = [
  "建华",
  "秀英",
  "丽娟",
  "国庆",
  "志强",
  "海燕",
  "晓东",
  "玉兰",
  "文博",
  "婷婷",
  "子涵",
  "春梅",
  "立军",
  "雅琴",
  "德明",
  "静怡",
];
const CATEGORY: Record<Exclude<RegistrationStatus, "unregistered">, string> = {
  social_group: "1",
  social_service_agency: "2",
  foundation: "3",
};

export interface GeneratedOrganization {
  name: string;
  registrationStatus: RegistrationStatus;
  creditCode: string | null;
  foundedOn: string;
  fields: OrganizationField[];
  townIndex: number;
  communityPicks: number[];
  address: string;
  leaderName: string;
  contactName: string;
  contactPhone: string;
  staffCount: number;
  volunteerCount: number;
  partyOrganization: boolean;
  partyMemberCount: number;
  residency: Residency;
  description: string;
}

export function generateOrganizations(
  random: () => number,
  count: number,
  options: { towns: { name: string; communities: number }[]; residencies: Residency[]; offset?: number },
): GeneratedOrganization[] {
  const pick = pickerOf(random);
  const fieldKeys = Object.keys(THEMES) as OrganizationField[];
  const out: GeneratedOrganization[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < count; i++) {
    const status: RegistrationStatus = pick([
      "unregistered",
      "social_group",
      "social_service_agency",
      "social_service_agency",
      "foundation",
    ]);
    // Most serve one of the "five good communities" fields; the rest other common fields.
    const main = random() < 0.7 ? pick(FIVE_GOOD_FIELDS) : pick(fieldKeys);
    const fields = Array.from(new Set([main, ...(random() < 0.5 ? [pick(fieldKeys)] : [])]));
    const townIndex = Math.floor(random() * options.towns.length);
    const town = options.towns[townIndex] ?? { name: "", communities: 0 };
    const place = town.name.replace(/(街道|镇)$/, "");
    let name = `昌平区${place}${pick(THEMES[main])}${pick(SUFFIX[status])}`;
    if (seen.has(name)) name = `${name.replace(/^昌平区/, "昌平区")}（${(options.offset ?? 0) + i + 1}）`;
    seen.add(name);
    const year = 2008 + Math.floor(random() * 17);
    const foundedOn = `${year}-${pad(1 + Math.floor(random() * 12))}-${pad(1 + Math.floor(random() * 28))}`;
    const leaderName = pick([...SURNAMES]) + pick(GIVEN);
    const partyMemberCount = Math.floor(random() * 12);
    out.push({
      name,
      registrationStatus: status,
      creditCode: status === "unregistered" ? null : creditCode(status, (options.offset ?? 0) + i),
      foundedOn,
      fields,
      townIndex,
      communityPicks: town.communities > 0 ? [Math.floor(random() * town.communities)] : [],
      address: `北京市昌平区${town.name}${pick(["府学路", "鼓楼北街", "回龙观西大街", "南环路", "东关路", "政府街"])}${1 + Math.floor(random() * 199)}号`,
      leaderName,
      contactName: random() < 0.6 ? leaderName : pick([...SURNAMES]) + pick(GIVEN),
      contactPhone: `1${pick(["35", "38", "39", "50", "52", "58", "86", "88"])}${String(Math.floor(random() * 1e8)).padStart(8, "0")}`,
      staffCount: 1 + Math.floor(random() * 25),
      volunteerCount: Math.floor(random() * 300),
      partyOrganization: partyMemberCount >= 3 && random() < 0.7,
      partyMemberCount,
      residency: options.residencies[i] ?? "none",
      description: `扎根${town.name}，围绕${THEMES[main][0]}开展公益服务。`,
    });
  }
  return out;
}

/** A valid code for a Changping (110114) social organization: 5 = civil affairs, then category. */
function creditCode(status: Exclude<RegistrationStatus, "unregistered">, serial: number): string {
  // The serial in base 31 keeps every generated code distinct.
  const alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  let body = "";
  for (let n = serial + 1000, i = 0; i < 8; i++, n = Math.floor(n / 31)) body = alphabet[n % 31] + body;
  return composeCreditCode(`5${CATEGORY[status]}`, "110114", body);
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}
