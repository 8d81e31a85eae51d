/**
 * The words of the demo's stages 2 and 3: what inspectors wrote on site, what experts commented,
 * the panel's reasons and the public notice. Chosen per organization with the seeded PRNG, so the
 * same base appears on every start.
 */
import type { InspectionFinding } from "../../domain/inspection";
import { checksFor, type IncomeSource } from "../../domain/inspection";
import type { RegistrationStatus } from "../../domain/organization";

const BACKGROUNDS = [
  "负责人从事社区工作八年，曾任居委会委员，熟悉本地居民需求与街道工作流程。",
  "负责人为退休中学教师，2019年起带领志愿者开展社区服务，在居民中口碑较好。",
  "负责人具有社会工作师（中级）资格，曾在市级枢纽组织负责项目管理三年。",
  "负责人原为企业行政主管，转型公益后专职运营机构，有较强的组织协调能力。",
  "负责人为本社区居民骨干，牵头成立团队，近两年持续组织文体与邻里活动。",
];
const COMMITMENTS = [
  "全职投入，明确表示未来三年以机构发展为主业，愿意参加基地全部能力建设课程。",
  "目前兼职运营，计划入壳后转为全职；家庭与原单位均支持。",
  "投入意愿强，近一年每周工作时间超过40小时，自筹部分运营经费。",
];
const SKILLS = [
  "项目设计与活动组织能力较强，财务与筹资能力偏弱，需要辅导。",
  "熟悉政府购买服务流程，文案与对外沟通能力好，团队管理经验尚浅。",
  "专业服务能力突出，项目评估与成效记录意识不足。",
  "资源链接能力强，与街道、社区和辖区企业合作关系稳定。",
];
const REFERENCES = [
  "电话回访所在街道社区办及合作社区书记，评价积极，认为服务扎实、响应及时。",
  "走访两位长期服务对象及一家合作单位，反馈良好。",
];
const BUSINESS_MODELS = [
  "以承接街道和社区的政府购买服务为主，辅以基金会小额资助；正在尝试低偿服务。",
  "主要依靠社区公益金和居民小额捐赠开展活动，计划开发培训类低偿产品。",
  "与辖区企业合作开展员工志愿服务，获得企业定向支持；同时申请区级公益创投。",
];
const GOVERNANCE = [
  "章程完整，理事会5人，每季度召开会议并有记录；财务由代账公司处理，出纳与会计分设。",
  "已建立理事会和监事，制度汇编较完整，但会议记录不全，建议入壳后规范。",
  "团队尚未登记，内部有分工与简单的议事规则，经费由社区代管，账目清楚。",
];
const RISKS = [
  "收入来源集中于单一街道的购买服务，合同到期存在断档风险。",
  "核心成员较少，负责人离开将影响服务持续性。",
  "活动场地依赖社区临时协调，稳定性不足。",
];
const EVIDENCE: Record<string, string> = {
  administrative_penalty_2y: "查询“信用中国”及区民政局行政处罚公示，近两年无处罚记录。",
  annual_inspection_failed: "查阅区民政局年检结果公告，近三年年检均为合格。",
  no_own_bank_account: "现场查看基本存款账户开户许可证及近三个月对账单，账户以机构名义开立。",
  abnormal_or_dishonest_listing: "查询全国社会组织信用信息公示平台，未列入活动异常名录或严重违法失信名单。",
  name_approved: "查看区民政局出具的名称预核准通知书。",
  stable_core_team: "核心成员4人，均参与团队活动一年以上，现场与其中3人面谈。",
};
const PROCEED_REASONS = [
  "需求真实、负责人投入度高、无排除情形，建议进入入壳评审。",
  "服务基础扎实，治理有待加强但可通过孵化改进，建议进入评审。",
];
const SOURCES: IncomeSource[][] = [
  ["government_purchase", "foundation_grant"],
  ["government_purchase", "donations"],
  ["donations", "service_fees"],
  ["enterprise_support", "government_purchase", "membership_dues"],
];

const pickFrom = <T>(random: () => number, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)] as T;

/**
 * A complete finding (nothing keeps it from sign-off), or a half-filled one for a record still
 * being written on site.
 */
export function demoFinding(
  random: () => number,
  registration: RegistrationStatus,
  complete: boolean,
): InspectionFinding {
  const incomeYuan = 80_000 + Math.floor(random() * 60) * 10_000;
  const finding: InspectionFinding = {
    leader: {
      background: pickFrom(random, BACKGROUNDS),
      commitment: pickFrom(random, COMMITMENTS),
      skills: pickFrom(random, SKILLS),
      referencesChecked: true,
      referencesNote: pickFrom(random, REFERENCES),
    },
    businessModel: pickFrom(random, BUSINESS_MODELS),
  };
  if (!complete) return finding;
  return {
    ...finding,
    finances: {
      incomeSources: pickFrom(random, SOURCES),
      lastYearIncomeFen: incomeYuan * 100,
      lastYearSpendingFen: Math.round(incomeYuan * (0.8 + random() * 0.25)) * 100,
      stability: pickFrom(random, ["stable", "partly_stable", "partly_stable", "unstable"] as const),
    },
    governance: pickFrom(random, GOVERNANCE),
    risks: pickFrom(random, RISKS),
    checks: Object.fromEntries(
      checksFor(registration).map((check) => [
        check,
        {
          answer: registration === "unregistered" ? "yes" : "no",
          evidence: EVIDENCE[check] ?? "现场核实。",
        },
      ]),
    ),
    recommendation: { decision: "proceed", reason: pickFrom(random, PROCEED_REASONS) },
  };
}

/** What an expert writes beside a score at either end of the scale (required there). */
export const EXTREME_COMMENTS = {
  low: ["该项材料支撑不足，现场考察也反映同样问题。", "未看到可行的实施路径，建议补充后再申请。"],
  high: ["该项表现突出，在本批申请中最为扎实。", "有清晰数据支撑，可作为同类机构参考。"],
} as const;

export const OVERALL_COMMENTS = [
  "需求清楚，团队有执行力；建议孵化期重点加强财务管理和成效评估。",
  "项目有社区基础，但复制推广的设想还不具体，需要导师协助梳理模式。",
  "负责人投入度高，治理结构尚待完善；总体具备入壳条件。",
  "服务内容与基地“五好社区”方向契合，预算基本合理。",
];

export const DECISION_REASONS = {
  admitted: "评审综合得分位于本方向名额以内，考察无排除情形，同意入壳孵化。",
  waitlisted: "评审综合得分紧随本方向名额之后，列入候补；如有入选机构放弃，将按名次递补。",
  rejected: "评审综合得分未进入本方向名额及候补范围。欢迎参加基地的线上培训与咨询服务，下一批次再行申请。",
} as const;

export const DECLINE_REASON = "机构负责人工作调整，本年度无法保证入壳期间的投入，决定放弃名额。";

export const NOTICE_BODY =
  "经材料审核、实地考察和专家评审，基地拟接收以下社会组织入壳孵化。公示期内，如对名单有异议，请以书面形式向基地反映（电话：010-69741234），并提供具体事实和联系方式。";

export const OBJECTION = {
  objector: "匿名居民",
  body: "反映某入选机构曾在社区活动中收取费用，询问是否符合入壳条件。",
  answer: "经核实，该活动为低偿服务，收费标准已在社区公示并报街道备案，不属于违规收费，不影响入壳。",
} as const;
