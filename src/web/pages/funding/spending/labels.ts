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

/**
 * Tag colours with text dark enough for 4.5:1 on their tint (antd's orange tag text is 3.3:1): the
 * meaning is in the words, the colour only helps.
 */
export const TAG_STYLE = {
  red: { color: "#a8071a", background: "#fff1f0", borderColor: "#ffa39e" },
  orange: { color: "#873800", background: "#fff7e6", borderColor: "#ffd591" },
  blue: { color: "#003eb3", background: "#e6f4ff", borderColor: "#91caff" },
  green: { color: "#135200", background: "#f6ffed", borderColor: "#b7eb8f" },
  grey: { color: "#434343", background: "#fafafa", borderColor: "#d9d9d9" },
} as const;
