/**
 * Words of the demo applications: file names and PDF titles of each document, answers, what staff
 * find wrong with an item, and the messages of a few threads. Only data; applications.ts uses it.
 */
import type { IntakeVerdictStatus } from "../../domain/application";
import type { OrganizationField } from "../../domain/organization";

/** Per document key: the file name applicants gave it and the English title drawn in its PDF. */
export const DOCUMENT_FILES: Record<string, { name: (year: number) => string; title: string }> = {
  certificate: { name: () => "登记证书副本.pdf", title: "registration certificate" },
  certificate_optional: { name: () => "登记证书副本.pdf", title: "registration certificate" },
  finance: { name: (y) => `${y}年度财务报表.pdf`, title: "annual financial statements" },
  charter: { name: () => "组织章程.pdf", title: "articles of association" },
  leader_cv: { name: () => "负责人简历.pdf", title: "curriculum vitae of the leader" },
  work_report: { name: (y) => `${y}年度工作报告.pdf`, title: "annual work report" },
  project_plan: { name: () => "项目计划书.pdf", title: "project plan" },
  budget: { name: () => "项目预算表.pdf", title: "project budget" },
  evaluation: { name: () => "以往项目评估报告.pdf", title: "evaluation of past projects" },
  project_idea: { name: () => "项目设想书.pdf", title: "project idea" },
  team: { name: () => "团队介绍.pdf", title: "team introduction" },
  space_plan: { name: () => "入驻使用计划.pdf", title: "plan for the use of desks" },
};

/** The name of a corrected upload (after a return): the same name with a mark staff recognise. */
export const correctedName = (name: string) => name.replace(/\.pdf$/, "（修改版）.pdf");

/** What staff find wrong with one item when they return an application. */
export const ITEM_FINDINGS: Record<string, { status: IntakeVerdictStatus; reason: string }> = {
  certificate: {
    status: "needs_correction",
    reason: "登记证书扫描件不清晰，统一社会信用代码无法辨认，请重新扫描上传。",
  },
  finance: { status: "needs_correction", reason: "财务报表未加盖单位公章，请上传盖章版。" },
  charter: { status: "missing", reason: "上传的文件是登记申请表，不是组织章程，请上传现行章程。" },
  leader_cv: { status: "missing", reason: "负责人简历为空白模板，请补充公益服务经历与联系方式。" },
  project_plan: { status: "needs_correction", reason: "项目计划书缺少预期成效与评估方式，请补充。" },
  budget: { status: "needs_correction", reason: "预算表合计金额与计划书不一致，请核对。" },
  project_idea: { status: "needs_correction", reason: "项目设想书未说明拟参与的“十大工程”方向。" },
  team: { status: "needs_correction", reason: "团队介绍缺少核心成员的专兼职情况。" },
  space_plan: { status: "missing", reason: "入驻使用计划未写明每周在基地办公的天数与使用时段。" },
};

export const RETURN_INTRO = "您好，经材料审核，以下材料需要补充或修改，请修改后重新提交：";

export const INELIGIBLE_REASON =
  "经核实，贵机构目前的主要服务地点在海淀区，不符合本方向“须在本区登记或备案并开展服务”的要求。欢迎在本区开展服务后参加后续批次招募。";

export const WITHDRAW_REASON = "机构负责人近期变更，理事会决定参加下一批次招募，特此撤回。";

export const FIVE_GOOD_OF: Partial<Record<OrganizationField, string>> = {
  culture: "文化",
  sport: "运动",
  health: "健康",
  innovation: "创新",
  friendliness: "友好",
};

const DIFFICULTIES = [
  "专职人员少、志愿者流动大，活动主要依靠负责人个人组织",
  "缺少固定的活动场地，每次活动都要临时借用社区会议室",
  "项目设计和财务管理不够规范，多次申请资助未获成功",
  "服务需求增长很快，但机构在筹资和品牌传播方面经验不足",
  "刚完成登记，内部制度和理事会运作还在摸索之中",
];
const SUPPORT = [
  "希望基地在内部治理、财务规范方面给予辅导，并对接专业导师",
  "希望获得基地的工位和活动空间，并参加能力建设培训",
  "希望在项目设计与成效评估上得到导师陪伴，争取将项目做成社区品牌",
  "希望通过基地链接街道、社区和爱心企业资源，扩大服务覆盖面",
];

/** A motivation answer of a few sentences, in the applicant's voice. */
export function motivationText(pick: <T>(items: readonly T[]) => T, theme: string, town: string): string {
  return `我们长期在${town}开展${theme}相关服务。目前机构面临的主要困难是${pick(DIFFICULTIES)}。${pick(SUPPORT)}。`;
}

/** The demo member's organization, resident since the first batch, now asks for more. */
export function memberMotivation(theme: string, town: string): string {
  return `我们机构自第一批入驻基地以来，在${town}三个社区持续开展${theme}服务，去年服务居民两千余人次。目前项目模式已基本成熟，但缺少稳定的资金和专业的成效评估。希望通过本次孵化获得项目资助和导师陪伴，把${theme}项目打造成可以在全区推广的社区品牌。`;
}

/** A first message from an applicant to staff, and how staff answered it (when they did). */
export const THREADS = {
  waitingAfterSubmit: "您好，我们的申请已经提交，请问材料审核大概需要多长时间？我们想提前安排下个月的活动。",
  askAfterReturn: "您好，财务报表的公章在理事长处，他下周一出差回来，我们下周二前补交可以吗？",
  afterResubmit: "已按审核意见补充了修改后的材料并重新提交，请老师查收，谢谢！",
  acceptedQuestion: "请问进入初筛以后还需要我们准备什么材料吗？",
  acceptedAnswer: "您好，初筛阶段暂时不需要补充材料，如需答辩会提前一周通知贵机构。",
  memberQuestion: "您好，我们机构已在基地入驻，这次想再申请孵化。请问登记证书副本的扫描件需要加盖公章吗？",
  memberAnswer:
    "您好，登记证书副本扫描件不需要另外盖章，财务报表需要加盖单位公章。可以先保存草稿，材料齐全后再提交，截止前都可以修改。",
} as const;
