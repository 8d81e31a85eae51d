/**
 * The inspection's words in both languages, Chinese first: the server's messages (the gaps a
 * sign-off is refused for, the notice) and the web app's labels use the same ones.
 */
import type {
  CheckAnswer,
  ExclusionCheck,
  FundingStability,
  IncomeSource,
  InspectionGap,
  InspectionMode,
  InspectionStatus,
  Recommendation,
} from "../../domain/inspection";
import type { Lang } from "../messages";

export interface InspectionLabels {
  status: Record<InspectionStatus, string>;
  mode: Record<InspectionMode, string>;
  recommendation: Record<Recommendation, string>;
  stability: Record<FundingStability, string>;
  incomeSource: Record<IncomeSource, string>;
  check: Record<ExclusionCheck, string>;
  answer: Record<CheckAnswer, string>;
  /** The form's fields, named as the gap paths name them. */
  field: Record<Exclude<InspectionGap, `checks.${string}`>, string>;
  evidenceOf: (check: string) => string;
}

const zhCN: InspectionLabels = {
  status: { planned: "已安排", recording: "记录中", signed_off: "已签署", cancelled: "已取消" },
  mode: { on_site: "实地考察", online: "线上考察" },
  recommendation: { proceed: "建议进入评审", hold: "建议暂缓", reject: "建议不予通过" },
  stability: { stable: "稳定", partly_stable: "部分稳定", unstable: "不稳定" },
  incomeSource: {
    government_purchase: "政府购买服务",
    foundation_grant: "基金会资助",
    donations: "社会捐赠",
    service_fees: "服务收费",
    membership_dues: "会费",
    enterprise_support: "企业支持",
    other: "其他",
  },
  check: {
    administrative_penalty_2y: "近两年受过行政处罚",
    annual_inspection_failed: "年检（年报）不合格",
    no_own_bank_account: "无独立银行账户",
    abnormal_or_dishonest_listing: "被列入活动异常名录或严重违法失信名单",
    name_approved: "名称已获核准（或已提交登记）",
    stable_core_team: "有稳定的核心团队（3人以上）",
  },
  answer: { yes: "是", no: "否", unknown: "无法确定" },
  field: {
    "leader.background": "负责人背景",
    "leader.commitment": "负责人投入程度",
    "leader.skills": "负责人能力",
    "leader.referencesChecked": "是否核实推荐人",
    businessModel: "业务模式",
    "finances.incomeSources": "收入来源",
    "finances.lastYearIncomeFen": "上年度收入",
    "finances.lastYearSpendingFen": "上年度支出",
    "finances.stability": "资金稳定性",
    governance: "内部治理",
    risks: "主要风险",
    "recommendation.decision": "考察建议",
    "recommendation.reason": "建议理由",
  },
  evidenceOf: (check) => `${check}的依据`,
};

const en: InspectionLabels = {
  status: { planned: "Planned", recording: "Recording", signed_off: "Signed off", cancelled: "Cancelled" },
  mode: { on_site: "On site", online: "Online" },
  recommendation: { proceed: "Proceed to review", hold: "Hold", reject: "Reject" },
  stability: { stable: "Stable", partly_stable: "Partly stable", unstable: "Unstable" },
  incomeSource: {
    government_purchase: "Government purchase of services",
    foundation_grant: "Foundation grants",
    donations: "Donations",
    service_fees: "Service fees",
    membership_dues: "Membership dues",
    enterprise_support: "Enterprise support",
    other: "Other",
  },
  check: {
    administrative_penalty_2y: "Administrative penalty in the last two years",
    annual_inspection_failed: "Failed the annual inspection (report)",
    no_own_bank_account: "No bank account of its own",
    abnormal_or_dishonest_listing: "Listed as abnormal or seriously dishonest",
    name_approved: "Name approved (or registration filed)",
    stable_core_team: "A stable core team (3 or more)",
  },
  answer: { yes: "Yes", no: "No", unknown: "Cannot tell" },
  field: {
    "leader.background": "Leader's background",
    "leader.commitment": "Leader's commitment",
    "leader.skills": "Leader's skills",
    "leader.referencesChecked": "References checked",
    businessModel: "Business model",
    "finances.incomeSources": "Income sources",
    "finances.lastYearIncomeFen": "Last year's income",
    "finances.lastYearSpendingFen": "Last year's spending",
    "finances.stability": "Funding stability",
    governance: "Governance",
    risks: "Main risks",
    "recommendation.decision": "Recommendation",
    "recommendation.reason": "Reason for the recommendation",
  },
  evidenceOf: (check) => `evidence for “${check}”`,
};

export const INSPECTION_LABELS: Record<Lang, InspectionLabels> = { "zh-CN": zhCN, en };

/** A gap path as words: "checks.no_own_bank_account.evidence" → "无独立银行账户的依据". */
export function gapLabel(lang: Lang, gap: string): string {
  const words = INSPECTION_LABELS[lang];
  if (gap.startsWith("checks.")) {
    const [, check, part] = gap.split(".");
    const name = words.check[check as ExclusionCheck] ?? check ?? gap;
    return part === "evidence" ? words.evidenceOf(name) : name;
  }
  return words.field[gap as keyof InspectionLabels["field"]] ?? gap;
}
