/** The words a grant's errors and agreement use for statuses and conditions, in both languages. */
import type { GrantStatus, TrancheCondition, TrancheStatus } from "../../../../domain/funding/grant";
import type { Lang } from "../../../../schemas/messages";

export const GRANT_STATUS_WORDS: Record<Lang, Record<GrantStatus, string>> = {
  "zh-CN": {
    proposed: "待审批",
    approved: "已审批",
    agreement_signed: "已签协议",
    active: "执行中",
    suspended: "已暂停",
    closed: "已结项",
    cancelled: "已取消",
  },
  en: {
    proposed: "proposed",
    approved: "approved",
    agreement_signed: "agreement signed",
    active: "active",
    suspended: "suspended",
    closed: "closed",
    cancelled: "cancelled",
  },
};

export const TRANCHE_STATUS_WORDS: Record<Lang, Record<TrancheStatus, string>> = {
  "zh-CN": { pending: "未到条件", prepared: "待审批拨付", paid: "已拨付", stopped: "已停止" },
  en: { pending: "pending", prepared: "prepared", paid: "paid", stopped: "stopped" },
};

export const CONDITION_WORDS: Record<Lang, Record<TrancheCondition, string>> = {
  "zh-CN": {
    agreement_signed: "签订协议",
    midterm_approved: "中期评估通过",
    milestone_met: "达成里程碑",
    final_report_accepted: "结项报告通过",
  },
  en: {
    agreement_signed: "agreement signed",
    midterm_approved: "mid-term evaluation passed",
    milestone_met: "milestone met",
    final_report_accepted: "final report accepted",
  },
};
