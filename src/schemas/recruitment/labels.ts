/**
 * Words for the recruitment vocabulary in both languages, shared by the web app, the screening
 * file export and the notification emails, so a status reads the same everywhere.
 */
import type { ApplicationEvent, ApplicationStatus, IntakeVerdictStatus } from "../../domain/application";
import type { CallStatus, CallWindow, QuestionType, Track } from "../../domain/call";
import type { EligibilityResult } from "../../domain/eligibility";
import type { IntakeGapState } from "../../domain/intake-gaps";
import type { Lang } from "../messages";

interface RecruitmentLabels {
  track: Record<Track, string>;
  /** One line on whom a track is for (docs/DOMAIN.md, "3+1"). */
  trackSummary: Record<Track, string>;
  callStatus: Record<CallStatus, string>;
  /** Where a published call stands by the clock (the portal's cards, the call list). */
  callWindow: Record<CallWindow, string>;
  applicationStatus: Record<ApplicationStatus, string>;
  applicationEvent: Record<ApplicationEvent | "extend", string>;
  intakeVerdict: Record<IntakeVerdictStatus, string>;
  /** Why an item holds back an acceptance (src/domain/intake-gaps.ts). */
  intakeGap: Record<IntakeGapState, string>;
  eligibilityResult: Record<EligibilityResult, string>;
  questionType: Record<QuestionType, string>;
}

export const RECRUITMENT_LABELS: Record<Lang, RecruitmentLabels> = {
  "zh-CN": {
    track: { org: "组织孵化", project: "项目孵化", combined: "组织+项目孵化", space: "空间入驻" },
    trackSummary: {
      org: "成立约一年、已开展业务的社会组织：内部治理、商业模式与核心团队能力建设",
      project: "成立一年以上、有品牌项目的社会组织：项目产品化与复制推广，最高 30 万元资助",
      combined: "未登记或初创团队：在基地十大工程中孵化项目，探索本地化运营模式",
      space: "急需办公场地的社会组织：提供工位",
    },
    callStatus: { draft: "草稿", published: "已发布", closed: "已结束" },
    callWindow: { not_open: "未开始", open: "申请中", closed: "已截止" },
    applicationStatus: {
      draft: "草稿",
      submitted: "已提交",
      returned: "退回补充",
      resubmitted: "已重新提交",
      accepted: "已受理（进入初筛）",
      ineligible: "不符合条件",
      withdrawn: "已撤回",
      in_inspection: "考察中",
      inspected: "已考察",
      screened_out: "考察未通过",
      in_review: "评审中",
      admitted: "拟入壳",
      waitlisted: "候补",
      rejected: "未入选",
      confirmed: "已确认入壳",
      declined: "已放弃入壳",
    },
    applicationEvent: {
      submit: "提交申请",
      resubmit: "重新提交",
      return: "退回补充",
      accept: "受理进入初筛",
      mark_ineligible: "认定不符合条件",
      withdraw: "撤回申请",
      extend: "延长截止时间",
      plan_inspection: "安排考察",
      cancel_inspection: "取消考察",
      sign_off_inspection: "考察记录签署",
      reopen_inspection: "更正考察记录",
      screen_out: "考察未通过",
      enter_review: "进入入壳评审",
      leave_review: "移出评审轮次",
      admit: "拟入壳",
      waitlist: "列入候补",
      reject: "未入选",
      reconsider: "重新评议",
      confirm: "确认入壳",
      decline: "放弃入壳",
      lapse: "逾期未确认",
    },
    intakeVerdict: { pending: "待审核", ok: "合格", missing: "缺失", needs_correction: "需修改" },
    intakeGap: {
      unchecked: "未审核",
      stale: "已更新，待复核",
      missing: "审核为缺失",
      needs_correction: "审核为需修改",
    },
    eligibilityResult: { met: "符合", not_met: "不符合", unknown: "无法判断" },
    questionType: {
      text: "单行文本",
      long_text: "多行文本",
      number: "数字",
      date: "日期",
      single_choice: "单选",
      multiple_choice: "多选",
      file: "附件",
    },
  },
  en: {
    track: {
      org: "Organization incubation",
      project: "Project incubation",
      combined: "Organization + project",
      space: "Space residency",
    },
    trackSummary: {
      org: "Organizations founded about a year ago with some activity: governance, business model, core team",
      project:
        "Organizations over a year old with a brand project: productize and replicate it, grants up to CNY 300,000",
      combined: "Unregistered or start-up teams: incubate a project within the base's ten flagship programs",
      space: "Organizations that urgently need desks: a workstation",
    },
    callStatus: { draft: "Draft", published: "Published", closed: "Closed" },
    callWindow: { not_open: "Not open yet", open: "Open", closed: "Closed" },
    applicationStatus: {
      draft: "Draft",
      submitted: "Submitted",
      returned: "Returned for completion",
      resubmitted: "Resubmitted",
      accepted: "Accepted for screening",
      ineligible: "Ineligible",
      withdrawn: "Withdrawn",
      in_inspection: "In inspection",
      inspected: "Inspected",
      screened_out: "Screened out at inspection",
      in_review: "In review",
      admitted: "To be admitted",
      waitlisted: "Waitlisted",
      rejected: "Not selected",
      confirmed: "Place confirmed",
      declined: "Place declined",
    },
    applicationEvent: {
      submit: "Submitted",
      resubmit: "Resubmitted",
      return: "Returned for completion",
      accept: "Accepted for screening",
      mark_ineligible: "Marked ineligible",
      withdraw: "Withdrawn",
      extend: "Deadline extended",
      plan_inspection: "Inspection planned",
      cancel_inspection: "Inspection cancelled",
      sign_off_inspection: "Inspection signed off",
      reopen_inspection: "Inspection record reopened for a correction",
      screen_out: "Screened out at inspection",
      enter_review: "Entered the admission review",
      leave_review: "Removed from the review round",
      admit: "To be admitted",
      waitlist: "Waitlisted",
      reject: "Not selected",
      reconsider: "Decision reconsidered",
      confirm: "Place confirmed",
      decline: "Place declined",
      lapse: "Confirmation date passed",
    },
    intakeVerdict: {
      pending: "Pending",
      ok: "OK",
      missing: "Missing",
      needs_correction: "Needs correction",
    },
    intakeGap: {
      unchecked: "not checked",
      stale: "new file, not rechecked",
      missing: "checked: missing",
      needs_correction: "checked: needs correction",
    },
    eligibilityResult: { met: "Met", not_met: "Not met", unknown: "Cannot tell" },
    questionType: {
      text: "Text",
      long_text: "Long text",
      number: "Number",
      date: "Date",
      single_choice: "Single choice",
      multiple_choice: "Multiple choice",
      file: "File",
    },
  },
};
