/** Words for budget categories and spending statuses, in the UI language. */
import type { TFunction } from "i18next";
import type { BudgetCategory, ExpenseStatus } from "../../../../domain/funding/grant";
import type { Lang } from "../../../../schemas/messages";

const CATEGORY: Record<Lang, Record<BudgetCategory, string>> = {
  "zh-CN": {
    personnel: "人员费",
    activities: "活动费",
    materials: "物资费",
    travel: "交通差旅费",
    training: "培训费",
    publicity: "宣传费",
    admin: "管理费",
    other: "其他",
  },
  en: {
    personnel: "Personnel",
    activities: "Activities",
    materials: "Materials",
    travel: "Travel",
    training: "Training",
    publicity: "Publicity",
    admin: "Administration",
    other: "Other",
  },
};

export function categoryLabel(lang: Lang, category: BudgetCategory, description?: string): string {
  const name = CATEGORY[lang][category];
  return description ? `${name}（${description}）` : name;
}

export function statusLabel(t: TFunction, status: ExpenseStatus): string {
  const keys = {
    submitted: "fundingSpending.statusSubmitted",
    verified: "fundingSpending.statusVerified",
    queried: "fundingSpending.statusQueried",
    withdrawn: "fundingSpending.statusWithdrawn",
  } as const;
  return t(keys[status]);
}

/** 1250 basis points → "12.50%". */
export const percent = (bp: number) => `${(bp / 100).toFixed(2)}%`;
