/** The words of spending in the server's answers and the workbook (the web has its own i18n). */
import type { BudgetCategory, ExpenseStatus } from "../../../../domain/funding/grant";

export const EXPENSE_STATUS_WORDS: Record<"zh-CN" | "en", Record<ExpenseStatus, string>> = {
  "zh-CN": { submitted: "待核实", verified: "已核实", queried: "有疑问", withdrawn: "已撤回" },
  en: {
    submitted: "awaiting verification",
    verified: "verified",
    queried: "queried",
    withdrawn: "withdrawn",
  },
};

export const BUDGET_CATEGORY_ZH: Record<BudgetCategory, string> = {
  personnel: "人员费",
  activities: "活动费",
  materials: "物资费",
  travel: "交通差旅费",
  training: "培训费",
  publicity: "宣传费",
  admin: "管理费",
  other: "其他",
};
