/**
 * Grants (资助) as state machines: the grant itself, its tranches (分期拨付), the organization's
 * spending items (支出) and its progress reports (进展报告). Every status change goes through the
 * `next…` functions here; the server refuses anything they return null for with 409 and the
 * current status. Who may fire an event (and the two-person rule) is stated here too, as data.
 */

/** Where the money comes from: the base's seed fund (种子基金), its project grants (项目资助,
 * capped per project), or a partner's fund in the fund alliance (公益基金联盟). */
export const FUND_KINDS = ["seed_fund", "project_grant", "partner_fund"] as const;
export type FundKind = (typeof FUND_KINDS)[number];

export const FUND_STATUSES = ["active", "closed"] as const;
export type FundStatus = (typeof FUND_STATUSES)[number];

// ---------------------------------------------------------------------------------------------
// The grant

export const GRANT_STATUSES = [
  "proposed",
  "approved",
  "agreement_signed",
  "active",
  "suspended",
  "closed",
  "cancelled",
] as const;
export type GrantStatus = (typeof GRANT_STATUSES)[number];

export const GRANT_EVENTS = ["approve", "sign", "activate", "suspend", "resume", "close", "cancel"] as const;
export type GrantEvent = (typeof GRANT_EVENTS)[number];

const GRANT_TRANSITIONS: Record<GrantStatus, Partial<Record<GrantEvent, GrantStatus>>> = {
  // Prepared by one staff member; approved by another (the two-person rule), which commits the fund.
  proposed: { approve: "approved", cancel: "cancelled" },
  approved: { sign: "agreement_signed", cancel: "cancelled" },
  // The first tranche paid makes it active (the server fires `activate` in the same transaction).
  agreement_signed: { activate: "active", cancel: "cancelled" },
  active: { suspend: "suspended", close: "closed" },
  suspended: { resume: "active", close: "closed" },
  closed: {},
  cancelled: {},
};

/** The status after `event`, or null when the event is not allowed in `status`. */
export function nextGrantStatus(status: GrantStatus, event: GrantEvent): GrantStatus | null {
  return GRANT_TRANSITIONS[status][event] ?? null;
}

/** The events that can leave `status` (which buttons to show). */
export function grantEventsFrom(status: GrantStatus): GrantEvent[] {
  return Object.keys(GRANT_TRANSITIONS[status]) as GrantEvent[];
}

/** Statuses in which the grant's amount counts against its fund (and the project's cap). */
export const COMMITTED_GRANT_STATUSES: readonly GrantStatus[] = [
  "approved",
  "agreement_signed",
  "active",
  "suspended",
  "closed",
];

/** Events that must carry a reason. */
export const GRANT_EVENTS_NEEDING_REASON: readonly GrantEvent[] = ["suspend", "close", "cancel"];

/** Only a proposed grant's terms (amount, budget, tranches) may be edited. */
export function grantTermsEditable(status: GrantStatus): boolean {
  return status === "proposed";
}

/**
 * The two-person rule: the approver of a grant (or of a tranche's payment) is not the person who
 * prepared it.
 */
export function twoPersonRuleMet(preparedBy: string | null, approver: string): boolean {
  return preparedBy !== null && preparedBy !== approver;
}

// ---------------------------------------------------------------------------------------------
// Budget lines

export const BUDGET_CATEGORIES = [
  "personnel", // 人员费
  "activities", // 活动费
  "materials", // 物资费
  "travel", // 交通差旅费
  "training", // 培训费
  "publicity", // 宣传费
  "admin", // 管理费
  "other", // 其他
] as const;
export type BudgetCategory = (typeof BUDGET_CATEGORIES)[number];

// ---------------------------------------------------------------------------------------------
// Tranches (分期拨付)

/** What must hold before a tranche may be prepared for payment. */
export const TRANCHE_CONDITIONS = [
  "agreement_signed",
  "midterm_approved",
  "milestone_met",
  "final_report_accepted",
] as const;
export type TrancheCondition = (typeof TRANCHE_CONDITIONS)[number];

export const TRANCHE_STATUSES = ["pending", "prepared", "paid", "stopped"] as const;
export type TrancheStatus = (typeof TRANCHE_STATUSES)[number];

export const TRANCHE_EVENTS = ["prepare", "withdraw", "pay", "stop"] as const;
export type TrancheEvent = (typeof TRANCHE_EVENTS)[number];

const TRANCHE_TRANSITIONS: Record<TrancheStatus, Partial<Record<TrancheEvent, TrancheStatus>>> = {
  // One staff member prepares the payment once the condition holds; another approves (pays).
  pending: { prepare: "prepared", stop: "stopped" },
  prepared: { pay: "paid", withdraw: "pending", stop: "stopped" },
  paid: {},
  // A failed mid-term evaluation, or the grant closed or cancelled, stops what was not paid.
  stopped: {},
};

export function nextTrancheStatus(status: TrancheStatus, event: TrancheEvent): TrancheStatus | null {
  return TRANCHE_TRANSITIONS[status][event] ?? null;
}

/** The facts a tranche's condition is checked against. */
export interface TrancheFacts {
  grantStatus: GrantStatus;
  midtermAccepted: boolean;
  /** The milestone the tranche waits for has been met (false when it names none). */
  milestoneMet: boolean;
  finalReportAccepted: boolean;
}

/** Whether the tranche's condition holds, so it may be prepared for payment. */
export function trancheConditionMet(condition: TrancheCondition, facts: TrancheFacts): boolean {
  if (!["agreement_signed", "active"].includes(facts.grantStatus)) return false;
  switch (condition) {
    case "agreement_signed":
      return true;
    case "midterm_approved":
      return facts.midtermAccepted;
    case "milestone_met":
      return facts.milestoneMet;
    case "final_report_accepted":
      return facts.finalReportAccepted;
  }
}

// ---------------------------------------------------------------------------------------------
// Spending items (支出明细) reported by the organization

export const EXPENSE_STATUSES = ["submitted", "verified", "queried", "withdrawn"] as const;
export type ExpenseStatus = (typeof EXPENSE_STATUSES)[number];

export const EXPENSE_EVENTS = ["verify", "query", "resubmit", "withdraw"] as const;
export type ExpenseEvent = (typeof EXPENSE_EVENTS)[number];

const EXPENSE_TRANSITIONS: Record<ExpenseStatus, Partial<Record<ExpenseEvent, ExpenseStatus>>> = {
  // Staff verify the item against its receipt, or query it (with a question the organization answers).
  submitted: { verify: "verified", query: "queried", withdraw: "withdrawn" },
  // The organization corrects and resubmits, or withdraws it.
  queried: { resubmit: "submitted", withdraw: "withdrawn" },
  verified: {},
  withdrawn: {},
};

export function nextExpenseStatus(status: ExpenseStatus, event: ExpenseEvent): ExpenseStatus | null {
  return EXPENSE_TRANSITIONS[status][event] ?? null;
}

/** Spending that counts as actual in budget vs actual (a withdrawn item does not). */
export const COUNTED_EXPENSE_STATUSES: readonly ExpenseStatus[] = ["submitted", "verified", "queried"];

// ---------------------------------------------------------------------------------------------
// Progress reports (进展报告), the mid-term evaluation and the final report

export const REPORT_KINDS = ["periodic", "midterm", "final"] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export const REPORT_STATUSES = ["due", "submitted", "accepted", "returned", "failed"] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const REPORT_EVENTS = ["submit", "accept", "return", "fail"] as const;
export type ReportEvent = (typeof REPORT_EVENTS)[number];

const REPORT_TRANSITIONS: Record<ReportStatus, Partial<Record<ReportEvent, ReportStatus>>> = {
  // Not yet in: the organization submits; past due plus the grace period it fails (the
  // platform fires `fail`; missing materials count as a fail).
  due: { submit: "submitted", fail: "failed" },
  // Staff accept it, return it for changes, or (a mid-term evaluation) judge it failed.
  submitted: { accept: "accepted", return: "returned", fail: "failed" },
  returned: { submit: "submitted", fail: "failed" },
  accepted: {},
  failed: {},
};

export function nextReportStatus(status: ReportStatus, event: ReportEvent): ReportStatus | null {
  return REPORT_TRANSITIONS[status][event] ?? null;
}

/** How often indicators are reported. */
export const REPORTING_FREQUENCIES = ["monthly", "quarterly", "half_yearly", "yearly", "once"] as const;
export type ReportingFrequency = (typeof REPORTING_FREQUENCIES)[number];

/** A report is late (and fails) once `graceDays` calendar days have passed after its due day. */
export function reportLate(dueOn: string, today: string, graceDays: number): boolean {
  const limit = new Date(`${dueOn}T00:00:00Z`);
  limit.setUTCDate(limit.getUTCDate() + graceDays);
  return today > limit.toISOString().slice(0, 10);
}

// ---------------------------------------------------------------------------------------------
// Milestones

export const MILESTONE_STATUSES = ["open", "met", "missed"] as const;
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];

// ---------------------------------------------------------------------------------------------
// Projects and their logical framework (逻辑框架)

export const PROJECT_STATUSES = ["draft", "active", "closed", "cancelled"] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

/** The levels of the logical framework an indicator measures. */
export const LOGFRAME_LEVELS = ["goal", "outcome", "output", "activity"] as const;
export type LogframeLevel = (typeof LOGFRAME_LEVELS)[number];
